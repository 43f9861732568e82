"""The Urdu interface: every public page at an /ur/ address, in Urdu, right to left; English where it always was.

The language is the address's (naparchive/languages.py); the reader's choice, made with the switch, is
remembered in a cookie and sends unprefixed pages to their Urdu twins. The records keep their language.
"""
import datetime
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from foundations.reversing import cached_reverse
from meetings.models import DatePrecision, Decision

URDU_PAGE = '<html lang="ur" dir="rtl">'
ENGLISH_PAGE = '<html lang="en" dir="ltr">'
COOKIE = settings.LANGUAGE_COOKIE_NAME


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.fixture
def archive(make_meeting, make_decision, make_operation):
    meeting = make_meeting(
        title="Apex Committee meeting on Azm-e-Istehkam", slug="apex-azm", date=datetime.date(2024, 6, 22), place="Islamabad"
    )
    make_meeting(title="Provincial apex committee review", slug="review", date=datetime.date(2023, 3, 1), date_precision=DatePrecision.MONTH)
    make_decision(meeting=meeting, text="Approved Operation Azm-e-Istehkam.", domain=Decision.Domain.MILITARY)
    make_operation(name="Azm-e-Istehkam", slug="azm-e-istehkam", launch_meeting=meeting)
    return meeting


# --- Every marked string has its Urdu translation ------------------------------------------------------------

# What `make messages` runs (Makefile): the public templates and every module's Python strings; the
# editors' pages stay English.
MAKEMESSAGES_IGNORED = [
    ".venv", "node_modules", "staticfiles", "tests", "bench",
    "templates/simple_history/*", "templates/admin/*", "templates/drf_spectacular/*",
]


def _copy_for_makemessages(destination: Path) -> None:
    """Copy what makemessages reads (templates, Python modules) and the Urdu catalogue, so the real one is untouched."""
    base = Path(settings.BASE_DIR)
    skipped = shutil.ignore_patterns(".*", "__pycache__", "*.mo", "node_modules", "staticfiles", "tests", "bench", "seeds", "static")
    for path in base.iterdir():
        if path.name.startswith(".") or path.name in {"node_modules", "staticfiles", "test-artifacts", "tests", "bench", "seeds", "static", "docs"}:
            continue
        if path.is_dir():
            shutil.copytree(path, destination / path.name, ignore=skipped, symlinks=False)
        elif path.suffix == ".py":
            shutil.copy2(path, destination / path.name)


def test_makemessages_leaves_no_untranslated_or_fuzzy_string_in_the_public_interface(tmp_path, monkeypatch, settings):
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.fail("GNU gettext is not installed (xgettext, msgmerge): `apt-get install gettext` (README, 'Adding a translation').")
    _copy_for_makemessages(tmp_path)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command(
        "makemessages", locale=["ur"], extensions=["html", "py"], no_obsolete=True, add_location="file",
        ignore_patterns=MAKEMESSAGES_IGNORED, verbosity=0,
    )
    catalogue = polib.pofile(str(tmp_path / "locale" / "ur" / "LC_MESSAGES" / "django.po"))
    # The navigation, search, lists, filters, messages, search page and feeds: well over a hundred strings.
    assert len(catalogue) > 150
    problems = sorted(
        f"{'fuzzy' if 'fuzzy' in entry.flags else 'untranslated'}: {entry.msgid!r} ({', '.join(path for path, _line in entry.occurrences)})"
        for entry in catalogue
        if not entry.translated() or "fuzzy" in entry.flags
    )
    assert not problems, (
        f"{len(problems)} strings of the public interface have no Urdu translation in locale/ur/LC_MESSAGES/django.po "
        "(run `make messages`, translate them, `make install`):\n" + "\n".join(problems)
    )


# --- Every piece of interface text in the public templates is marked for translation -----------------------

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# The editors' pages, and the API documentation's, stay English.
EDITOR_TEMPLATES = ("admin", "simple_history", "drf_spectacular")
# Attributes a reader sees or hears.
READ_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A word to translate has a small letter: acronyms and format names (CSV, JSON, NACTA) are the same in Urdu.
_LATIN_WORD = re.compile(r"\b(?=[A-Za-z]*[a-z])[A-Za-z]{2,}\b")
# Blocks that hold a value for machines, not words for readers.
MACHINE_BLOCKS = {"og_type"}


def _translatable_skeleton(source: str) -> str:
    """Return the template as HTML in which every translated string, variable and tag is gone ("§" where text was).

    What is left outside {% translate %} and {% blocktranslate %} is text no translator can reach.
    """
    from django.template.base import Lexer, TokenType

    parts, inside = [], None
    for token in Lexer(source).tokenize():
        command = token.contents.split()[0] if token.token_type == TokenType.BLOCK and token.contents else ""
        if inside:
            if command == inside:
                inside = None
            elif token.token_type == TokenType.TEXT and inside != "endcomment":
                parts.append("§")
            continue
        if token.token_type == TokenType.TEXT:
            parts.append(token.contents)
        elif token.token_type == TokenType.VAR or command in ("translate", "trans"):
            parts.append("§")
        elif command in ("blocktranslate", "blocktrans"):
            inside = "end" + command
        elif command == "comment":
            inside = "endcomment"
        elif command == "block" and token.contents.split()[1] in MACHINE_BLOCKS:
            inside = "endblock"
    return "".join(parts)


def untranslatable_text(source: str) -> list[str]:
    """Return the words a reader sees in a template that are not marked for translation.

    Text inside an element marked lang="en" is English on purpose (the editors' draft banners).
    """
    from html.parser import HTMLParser

    found = []

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.open = []  # (tag, English on purpose)

        def english(self) -> bool:
            return any(on_purpose for _tag, on_purpose in self.open)

        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if not self.english():
                found.extend(value for name, value in attrs if name in READ_ATTRIBUTES and value and _LATIN_WORD.search(value.replace("§", "")))
            if tag not in VOID_ELEMENTS:
                self.open.append((tag, attributes.get("lang") == "en" or tag in ("script", "style")))

        def handle_endtag(self, tag):
            for index in range(len(self.open) - 1, -1, -1):
                if self.open[index][0] == tag:
                    del self.open[index:]
                    break

        def handle_data(self, data):
            text = " ".join(data.replace("§", " ").split())
            if text and _LATIN_WORD.search(text) and not self.english():
                found.append(text)

    Reader().feed(_translatable_skeleton(source))
    return found


def test_every_text_a_reader_sees_in_the_public_templates_is_marked_for_translation():
    unmarked = {}
    for template in sorted(TEMPLATES.rglob("*.html")):
        if template.relative_to(TEMPLATES).parts[0] in EDITOR_TEMPLATES:
            continue
        words = untranslatable_text(template.read_text(encoding="utf-8"))
        if words:
            unmarked[str(template.relative_to(TEMPLATES))] = words
    report = "\n".join(f"{name}: " + " | ".join(words) for name, words in unmarked.items())
    assert not unmarked, f"interface text not marked for translation in {len(unmarked)} public templates:\n{report}"


def test_the_unmarked_text_check_sees_text_attributes_and_block_titles_but_not_translations():
    template = """{% load i18n %}{% block title %}Meetings · NAP Archive{% endblock %}
<nav aria-label="Pages"><a href="{% url 'home' %}">{% translate "Home" %}</a></nav>
<p>{% blocktranslate %}Page {{ n }} of {{ m }}{% endblocktranslate %} ({{ count }})</p>
<div lang="en">Editors only</div>{% comment %}a note{% endcomment %}<p>{{ meeting.title }} · 2024</p>
{% block og_type %}article{% endblock %}<a href="x.csv">CSV</a> <p title="Download">JSON</p>"""
    assert untranslatable_text(template) == ["Meetings · NAP Archive", "Pages", "Download"]


# --- Addresses: English where it always was, Urdu under /ur/, interfaces others rely on unchanged -------------

@pytest.mark.parametrize("path", ["/", "/meetings/", "/search/?q=Azm-e-Istehkam", "/timeline/", "/meetings/2024/", "/meetings/2024/6/"])
def test_english_pages_stay_at_their_addresses_in_english(client, archive, path):
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert ENGLISH_PAGE in page and ">Meetings</a>" in page
    assert response["Content-Language"] == "en-gb"


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/ur/", "پاکستان کا انسدادِ دہشت گردی کا نیشنل ایکشن پلان، ریکارڈ پر"),
        ("/ur/meetings/", "<h1>اجلاس</h1>"),
        ("/ur/search/?q=Azm-e-Istehkam", "<h1>آرکائیو میں تلاش کریں</h1>"),
        ("/ur/timeline/", "<h1>ٹائم لائن</h1>"),
        ("/ur/meetings/2024/", "2024 کے اجلاس"),
        ("/ur/meetings/2024/6/", "جون 2024 کے اجلاس"),
    ],
)
def test_urdu_pages_answer_in_urdu_right_to_left(client, archive, path, heading, compiled_catalogues):
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert URDU_PAGE in page and heading in page
    assert response["Content-Language"] == "ur"
    # The page's content is Urdu too now, not an English island.
    assert '<main id="main" class="wrap" tabindex="-1">' in page
    # Links stay in Urdu: the navigation and every record.
    assert re.search(r'<a href="/ur/meetings/"( aria-current="page")?>اجلاس</a>', page)
    assert 'href="/meetings/' not in page


def test_an_urdu_list_gives_labels_dates_and_counts_in_urdu_and_marks_the_english_records(client, archive, compiled_catalogues):
    page = client.get("/ur/meetings/").content.decode()
    assert "2 اجلاس" in page  # the count, Latin digits (README: digits)
    assert '<time datetime="2024-06-22">22 جون 2024</time>' in page
    assert "مارچ 2023" in page and "(صرف مہینہ اور سال؛ دن طے نہیں)" in page
    assert '<label for="id_year">سال</label>' in page and "کوئی بھی سال" in page
    assert "فلٹر لگائیں" in page and "نئے پہلے" in page
    assert "عسکری / کائنیٹک" in page  # a decision domain of the filter
    # A record is curated in English: its title keeps its language and direction inside the Urdu page.
    assert '<a href="/ur/meetings/apex-azm/"><bdi lang="en" dir="ltr">Apex Committee meeting on Azm-e-Istehkam</bdi></a>' in page
    english = client.get("/meetings/").content.decode()
    assert '<a href="/meetings/apex-azm/">Apex Committee meeting on Azm-e-Istehkam</a>' in english
    assert "22 June 2024" in english and "<bdi" not in english.split("<main")[1].split("</main>")[0]


def test_a_bad_filter_is_refused_in_the_pages_language(client, archive, compiled_catalogues):
    response = client.get("/ur/meetings/?year=soon")
    assert response.status_code == 400
    page = response.content.decode()
    assert "یہ فہرست فلٹر نہیں ہو سکی" in page
    assert "سال: کوئی سال لکھیں، جیسے 2024، یا “تاریخ طے نہیں” چنیں۔" in page
    assert "This list could not be filtered" in client.get("/meetings/?year=soon").content.decode()


def test_the_urdu_search_page_counts_suggests_and_explains_in_urdu(client, archive, compiled_catalogues):
    page = client.get("/ur/search/?q=Azm-e-Istehkam").content.decode()
    assert "“<bdi>Azm-e-Istehkam</bdi>” کے نتائج:" in page
    assert '<a href="#results-operations">1 آپریشن</a>' in page
    assert '<a href="/ur/operations/azm-e-istehkam/">' in page
    # An Urdu query that names nothing: the "script not used" message, in Urdu.
    page = client.get("/ur/search/?q=دہشت+گردی").content.decode()
    assert "“<bdi>دہشت گردی</bdi>” کے 0 نتائج" in page
    assert "آرکائیو کا کوئی ذریعہ اردو (عربی رسم الخط) میں نہیں لکھا گیا" in page
    # A slip of the keyboard: the nearest recorded name, offered in Urdu, the name marked as English.
    page = client.get("/ur/search/?q=Istikhkam").content.decode()
    assert 'کیا آپ کی مراد <a href="?q=Azm-e-Istehkam"><bdi lang="en" dir="ltr">Azm-e-Istehkam</bdi></a>؟' in page


def test_a_missing_urdu_page_is_a_404_in_urdu(client, db, compiled_catalogues):
    response = client.get("/ur/meetings/no-such-meeting/")
    assert response.status_code == 404
    assert URDU_PAGE in response.content.decode() and "صفحہ نہیں ملا" in response.content.decode()
    assert ENGLISH_PAGE in client.get("/no-such-page/").content.decode()


@pytest.mark.parametrize("path", ["/api/v1/meetings/", "/api/schema/", "/healthz", "/sitemap.xml", "/robots.txt"])
def test_interfaces_others_rely_on_keep_their_addresses_and_have_no_urdu_twin(client, archive, path):
    assert client.get(path).status_code == 200
    assert client.get(f"/ur{path}").status_code == 404


def test_the_api_answers_in_english_whatever_the_reader_chose(client, archive):
    client.cookies[COOKIE] = "ur"
    response = client.get("/api/v1/meetings/")
    assert response.status_code == 200  # not sent to an Urdu twin: it has none
    meeting = next(row for row in response.json()["results"] if row["slug"] == "apex-azm")
    assert meeting["date_display"] == "22 June 2024"
    assert meeting["html_url"] == "http://testserver/meetings/apex-azm/"
    refused = client.get("/api/v1/meetings/?year=soon")
    assert refused.status_code == 400 and not re.search(r"[\u0600-\u06ff]", refused.content.decode())
    assert "<loc>http://testserver/meetings/apex-azm/</loc>" in client.get("/sitemap.xml").content.decode()


# --- hreflang ------------------------------------------------------------------------------------------------

def test_every_public_page_names_its_twin_in_each_language(client, archive, compiled_catalogues):
    for english_path in ("/", "/meetings/?page=1", "/meetings/apex-azm/", "/operations/azm-e-istehkam/", "/timeline/"):
        urdu_path = "/ur" + english_path
        expected = {
            "en": "http://testserver" + english_path.removesuffix("?page=1"),
            "ur": "http://testserver" + urdu_path.removesuffix("?page=1"),
            "x-default": "http://testserver" + english_path.removesuffix("?page=1"),
        }
        assert alternates(client.get(english_path).content.decode()) == expected, english_path
        assert alternates(client.get(urdu_path).content.decode()) == expected, urdu_path


def test_a_page_past_the_first_names_its_twin_page(client, archive, make_meeting, compiled_catalogues):
    for n in range(30):
        make_meeting(title=f"Meeting {n}")
    page = client.get("/ur/meetings/?page=2").content.decode()
    assert alternates(page)["en"] == "http://testserver/meetings/?page=2"
    assert '<link rel="canonical" href="http://testserver/ur/meetings/?page=2">' in page


def test_a_missing_page_names_no_twin(client, db):
    assert alternates(client.get("/no-such-page/").content.decode()) == {}


# --- The switch and the remembered choice --------------------------------------------------------------------

def test_the_switch_goes_to_the_same_page_in_the_other_language_and_remembers_the_choice(client, archive, compiled_catalogues):
    response = client.post("/language/", {"language": "ur", "next": "/meetings/?year=2024"})
    assert response.status_code == 302 and response["Location"] == "/ur/meetings/?year=2024"
    assert response.cookies[COOKIE].value == "ur"
    assert response.cookies[COOKIE]["max-age"] == settings.LANGUAGE_COOKIE_AGE

    page = client.get("/ur/meetings/?year=2024").content.decode()
    assert URDU_PAGE in page
    # The switch on the Urdu page leads back to the English one, from any page.
    assert '<input type="hidden" name="next" value="/ur/meetings/?year=2024">' in page
    assert '<button type="submit" name="language" value="en-gb" lang="en" dir="ltr">English</button>' in page
    response = client.post("/language/", {"language": "en-gb", "next": "/ur/meetings/?year=2024"})
    assert response["Location"] == "/meetings/?year=2024"
    assert response.cookies[COOKIE].value == "en-gb"
    assert ENGLISH_PAGE in client.get("/meetings/").content.decode()


def test_a_reader_who_chose_urdu_is_sent_to_the_urdu_twin_of_an_english_address(client, archive, compiled_catalogues):
    client.cookies[COOKIE] = "ur"
    response = client.get("/meetings/apex-azm/?from=feed")
    assert response.status_code == 302 and response["Location"] == "/ur/meetings/apex-azm/?from=feed"
    assert "Cookie" in response["Vary"]
    assert client.get("/").headers["Location"] == "/ur/"
    # A reader who never chose, or chose English, reads English, whatever the browser asks for.
    client.cookies[COOKIE] = "en-gb"
    assert ENGLISH_PAGE in client.get("/meetings/", HTTP_ACCEPT_LANGUAGE="ur").content.decode()
    del client.cookies[COOKIE]
    response = client.get("/meetings/", HTTP_ACCEPT_LANGUAGE="ur")
    assert response.status_code == 200 and ENGLISH_PAGE in response.content.decode()
    assert "Cookie" in response["Vary"]
    # An Urdu address is Urdu whatever the cookie says.
    client.cookies[COOKIE] = "en-gb"
    assert URDU_PAGE in client.get("/ur/meetings/").content.decode()


def test_the_switch_refuses_to_send_the_reader_off_the_site_or_to_an_unknown_language(client, db):
    response = client.post("/language/", {"language": "ur", "next": "https://evil.example/"})
    assert response["Location"] == "/ur/"  # the home page, in the language chosen
    client.cookies.clear()
    client.post("/language/", {"language": "xx", "next": "/"})
    assert ENGLISH_PAGE in client.get("/").content.decode()
    client.cookies[COOKIE] = "fr"  # a forged cookie: not an interface language
    assert ENGLISH_PAGE in client.get("/").content.decode()


# --- Caches --------------------------------------------------------------------------------------------------

def test_the_response_cache_never_gives_one_languages_page_for_the_other(client, archive, settings, compiled_catalogues):
    settings.RESPONSE_CACHE_ENABLED = True
    cache.clear()
    try:
        assert client.get("/meetings/")["X-Archive-Cache"] == "miss"
        assert client.get("/ur/meetings/")["X-Archive-Cache"] == "miss"
        english, urdu = client.get("/meetings/"), client.get("/ur/meetings/")
        assert english["X-Archive-Cache"] == urdu["X-Archive-Cache"] == "hit"
        assert ENGLISH_PAGE in english.content.decode() and URDU_PAGE in urdu.content.decode()
        # The English page is cached; a reader who chose Urdu still gets sent to the Urdu one.
        client.cookies[COOKIE] = "ur"
        response = client.get("/meetings/")
        assert response.status_code == 302 and response["Location"] == "/ur/meetings/"
        # A reader who chose English, or never chose, shares the English entry; the Urdu page ignores the cookie.
        client.cookies[COOKIE] = "en-gb"
        assert client.get("/meetings/")["X-Archive-Cache"] == "hit"
        assert client.get("/ur/meetings/")["X-Archive-Cache"] == "hit"
    finally:
        cache.clear()


def test_record_addresses_are_reversed_in_the_pages_language(archive):
    from django.utils import translation

    assert cached_reverse("meetings:meeting-detail", "slug", "apex-azm") == "/meetings/apex-azm/"
    with translation.override("ur"):
        assert cached_reverse("meetings:meeting-detail", "slug", "apex-azm") == "/ur/meetings/apex-azm/"
        assert archive.get_absolute_url() == "/ur/meetings/apex-azm/"
    assert cached_reverse("meetings:meeting-detail", "slug", "apex-azm") == "/meetings/apex-azm/"


# --- Feeds ---------------------------------------------------------------------------------------------------

def test_the_feeds_have_titles_in_each_language_and_link_to_pages_in_it(client, archive, compiled_catalogues):
    english = client.get(reverse("feed-meetings")).content.decode()
    assert "<title>NAP Archive: new meetings</title>" in english and 'xml:lang="en-gb"' in english
    assert "http://testserver/meetings/apex-azm/" in english
    urdu = client.get("/ur/feeds/meetings/").content.decode()
    assert "<title>نیپ آرکائیو: نئے اجلاس</title>" in urdu and 'xml:lang="ur"' in urdu
    assert "http://testserver/ur/meetings/apex-azm/" in urdu
    # The entry's own title stays as curated; its date is given in the feed's language.
    assert "<title>Apex Committee meeting on Azm-e-Istehkam (22 جون 2024)</title>" in urdu
    assert "<title>نیپ آرکائیو: نئے ذرائع</title>" in client.get("/ur/feeds/sources/").content.decode()
    # Both feeds are announced on the Urdu pages, with Urdu titles and Urdu addresses.
    page = client.get("/ur/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" title="نیپ آرکائیو: نئے اجلاس" href="/ur/feeds/meetings/">' in page
