"""The Urdu interface: chosen with the switch, remembered, right to left; English stays the default."""
import ast
import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ur" / "LC_MESSAGES" / "django.po"
TEMPLATES = Path(settings.BASE_DIR) / "templates"
# The editors' pages stay English, as Django's admin does for this archive.
EDITOR_TEMPLATES = ("admin", "simple_history")
_MARKED = re.compile(r"""\{%\s*(?:translate|trans)\s+"(?P<tag>[^"]+)"(?:\s+context\s+"(?P<context>[^"]+)")?|_\("(?P<literal>[^"]+)"\)""")


def catalogue_entries(path: Path) -> dict[tuple[str, str], str]:
    """Return {(context, msgid): msgstr} from a .po file, joining continued string lines, fuzzy ones marked."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current, fuzzy = {}, None, False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif match := re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', line):
                current = match[1]
                fields[current] = ast.literal_eval(match[2])
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            entries[(fields.get("msgctxt", ""), fields["msgid"])] = "" if fuzzy else fields.get("msgstr", fields.get("msgstr[0]", ""))
    return entries


def marked_strings() -> set[tuple[str, str]]:
    found = set()
    for template in TEMPLATES.rglob("*.html"):
        if template.relative_to(TEMPLATES).parts[0] in EDITOR_TEMPLATES:
            continue
        for match in _MARKED.finditer(template.read_text(encoding="utf-8")):
            found.add((match["context"] or "", match["tag"] or match["literal"]))
    return found


def test_every_string_marked_in_the_public_templates_has_an_urdu_translation():
    entries = catalogue_entries(CATALOGUE)
    marked = marked_strings()
    assert len(marked) >= 20  # the navigation, search and footer of base.html
    missing = sorted(msgid for msgid in marked if not entries.get(msgid))
    assert not missing, f"untranslated in {CATALOGUE.name}: {missing} (run `make messages`, translate, `make install`)"
    untranslated = sorted(msgid for msgid, msgstr in entries.items() if not msgstr)
    assert not untranslated


def test_english_is_the_default_whatever_the_browser_asks(client, db):
    page = client.get("/sources/", HTTP_ACCEPT_LANGUAGE="ur").content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert ">Meetings</a>" in page
    assert '<button type="submit" name="language" value="ur" lang="ur" dir="rtl">اردو</button>' in page


def test_the_switch_keeps_the_page_and_the_choice_is_remembered(client, db, compiled_catalogues):
    response = client.post("/language/", {"language": "ur", "next": "/sources/?page=1"})
    assert response.status_code == 302 and response["Location"] == "/sources/?page=1"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ur"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["max-age"] == settings.LANGUAGE_COOKIE_AGE

    page = client.get("/sources/").content.decode()  # the test client keeps the cookie
    assert '<html lang="ur" dir="rtl">' in page
    assert ">اجلاس</a>" in page and ">ذرائع</a>" in page
    assert 'placeholder="اجلاس، فیصلے، ذرائع تلاش کریں…"' in page
    # The records keep their language: the page's content is English and marked so.
    assert '<main id="main" class="wrap" tabindex="-1" lang="en" dir="ltr">' in page
    assert '<button type="submit" name="language" value="en-gb" lang="en" dir="ltr">English</button>' in page

    client.post("/language/", {"language": "en-gb", "next": "/sources/"})
    assert '<html lang="en" dir="ltr">' in client.get("/sources/").content.decode()


def test_the_switch_refuses_to_send_the_reader_off_the_site_or_to_an_unknown_language(client, db):
    response = client.post("/language/", {"language": "ur", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    client.cookies.clear()
    client.post("/language/", {"language": "xx", "next": "/"})
    assert '<html lang="en" dir="ltr">' in client.get("/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"  # a forged cookie: not an interface language
    assert '<html lang="en" dir="ltr">' in client.get("/").content.decode()


def test_the_response_cache_keeps_each_interface_language_apart(client, db, settings, compiled_catalogues):
    from django.core.cache import cache

    settings.RESPONSE_CACHE_ENABLED = True
    cache.clear()
    try:
        assert client.get("/sources/")["X-Archive-Cache"] == "miss"
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ur"
        urdu = client.get("/sources/")
        assert urdu["X-Archive-Cache"] == "miss" and '<html lang="ur" dir="rtl">' in urdu.content.decode()
        assert client.get("/sources/")["X-Archive-Cache"] == "hit"
        del client.cookies[settings.LANGUAGE_COOKIE_NAME]
        english = client.get("/sources/")
        assert english["X-Archive-Cache"] == "hit" and '<html lang="en" dir="ltr">' in english.content.decode()
    finally:
        cache.clear()
