"""Urdu sources beside English ones: the language recorded at import, right-to-left pages, quotes in both."""
import re

from django.contrib.staticfiles import finders
from django.urls import reverse

from editorial.selectors import corroboration_for_facts
from sources.languages import text_language_detect
from sources.models import SourceDocument
from tests.sources.urdu_report import ENGLISH_QUOTE, URDU_ARTICLE, URDU_QUOTE, URDU_REPORT, URDU_TITLE


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the language recorded at import ---------------------------------------------------------------------


def test_an_urdu_report_without_a_language_line_imports_as_urdu(run_import, tmp_path):
    run = run_import(write(tmp_path, "jang.txt", URDU_REPORT))
    assert run.error is None, run.output
    source = SourceDocument.objects.get()
    assert (source.language, source.title, str(source.published_on)) == ("ur", URDU_TITLE, "2024-06-23")
    assert source.text == URDU_REPORT  # stored verbatim, front matter and all


def test_the_front_matter_language_wins_over_the_script(run_import, tmp_path):
    run_import(write(tmp_path, "stated.txt", "language: en\n---\n" + URDU_ARTICLE))
    assert SourceDocument.objects.get().language == "en"


def test_english_reports_and_their_latin_front_matter_stay_english(run_import, tmp_path):
    # An English report that quotes one Urdu phrase is still English; front-matter keys are not counted.
    english = f"title: {URDU_TITLE}\n---\nISLAMABAD: The apex committee approved Operation Azm-e-Istehkam (آپریشن عزم استحکام) on Saturday.\n"
    run_import(write(tmp_path, "dawn.txt", english))
    assert SourceDocument.objects.get().language == "en"


def test_detection_reads_the_article_and_counts_letters_not_digits_or_latin_acronyms():
    assert text_language_detect(text=URDU_ARTICLE) == "ur"
    assert text_language_detect(text="2024-06-23\n\n(NAP) 2024: اجلاس ہوا۔") == "ur"
    assert text_language_detect(text="title: x\n---\nThe committee met (اجلاس).") == "en"
    assert text_language_detect(text="") == "en"


def test_add_source_in_the_admin_takes_the_language_from_the_text_unless_the_editor_gives_one(editor_client):
    def add(slug, language):
        data = {"title": "", "slug": slug, "outlet": "", "author": "", "url": "", "published_on": "", "language": language,
                "kind": "news_report", "text": URDU_REPORT if slug == "detected" else URDU_REPORT + "\n", "editorial_note": "",
                "origin": "", "original_filename": "", "expected_version": "",
                "citations-TOTAL_FORMS": "0", "citations-INITIAL_FORMS": "0"}
        return editor_client.post(reverse("admin:sources_sourcedocument_add"), data)

    assert add("detected", "").status_code == 302
    assert add("stated", "ar").status_code == 302
    assert SourceDocument.objects.get(slug="detected").language == "ur"
    assert SourceDocument.objects.get(slug="stated").language == "ar"


# -- pages -----------------------------------------------------------------------------------------------


def test_an_urdu_source_page_is_right_to_left_without_its_front_matter(client, make_source):
    source = make_source(text=URDU_REPORT, title=URDU_TITLE, language="ur")
    page = client.get(source.get_absolute_url()).content.decode()
    text = re.search(r'<div class="source-text" lang="ur" dir="rtl">(.*?)</div>', page, re.S)
    assert text is not None
    assert text.group(1).startswith("اسلام آباد:")
    assert "published:" not in text.group(1) and "---" not in text.group(1)
    assert f'<h1><bdi lang="ur">{URDU_TITLE}</bdi></h1>' in page


def test_the_urdu_font_is_served_by_us_and_used_for_urdu_on_screen_and_on_paper(client):
    site_css = open(finders.find("css/site.css"), encoding="utf-8").read()
    print_css = open(finders.find("css/print.css"), encoding="utf-8").read()
    for weight in (400, 700):
        path = finders.find(f"fonts/noto-nastaliq-urdu-arabic-{weight}-normal.woff2")
        assert path is not None
        assert open(path, "rb").read(4) == b"wOF2"
        assert f"../fonts/noto-nastaliq-urdu-arabic-{weight}-normal.woff2" in site_css
    assert ":lang(ur)" in site_css and ":lang(ur)" in print_css
    assert "Noto Nastaliq Urdu" in print_css
    assert "//" not in re.sub(r"/\*.*?\*/", "", site_css, flags=re.S).split("@font-face", 1)[0]  # no CDN import


def test_a_fact_cited_from_an_urdu_and_an_english_source_shows_both_quotes(client, make_meeting, make_source, make_citation):
    meeting = make_meeting()
    urdu = make_source(text=URDU_REPORT, title=URDU_TITLE, outlet="روزنامہ جنگ", language="ur")
    english = make_source(text=f"ISLAMABAD: {ENGLISH_QUOTE}", title="Apex committee approves Azm-e-Istehkam", outlet="Dawn")
    make_citation(meeting, quote=URDU_QUOTE, source=urdu)
    make_citation(meeting, quote=ENGLISH_QUOTE, source=english)

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert re.search(rf'<blockquote lang="ur" dir="rtl"><p>{re.escape(URDU_QUOTE)}</p></blockquote>', page)
    assert re.search(rf'<blockquote lang="en" dir="ltr"><p>{re.escape(ENGLISH_QUOTE)}</p></blockquote>', page)
    # The Urdu outlet is isolated, so the date after it is not pulled into its right-to-left run, and on this
    # English page it says it is Urdu (a screen reader reads it in Urdu).
    assert f'<bdi lang="ur">{URDU_TITLE}</bdi></a>, <bdi><bdi lang="ur" dir="rtl">روزنامہ جنگ</bdi></bdi>' in page
    counts = corroboration_for_facts(meetings=[meeting.pk])[("meeting", meeting.pk)]
    assert (counts.reports, counts.independent) == (2, 2)


def test_an_urdu_and_an_english_copy_of_one_statement_count_once(make_meeting, make_source, make_citation):
    meeting = make_meeting()
    statement = "PMO statement, 22 June 2024"
    urdu = make_source(text=URDU_REPORT, outlet="روزنامہ جنگ", language="ur", origin=statement)
    english = make_source(text=f"ISLAMABAD: {ENGLISH_QUOTE}", outlet="Dawn", origin=statement)
    make_citation(meeting, quote=URDU_QUOTE, source=urdu)
    make_citation(meeting, quote=ENGLISH_QUOTE, source=english)
    counts = corroboration_for_facts(meetings=[meeting.pk])[("meeting", meeting.pk)]
    assert (counts.reports, counts.independent) == (2, 1)


def test_the_source_page_lists_an_urdu_passage_right_to_left(client, make_meeting, make_source, make_citation):
    urdu = make_source(text=URDU_REPORT, title=URDU_TITLE, language="ur")
    citation = make_citation(make_meeting(), quote=URDU_QUOTE, source=urdu)
    page = client.get(urdu.get_absolute_url()).content.decode()
    assert f'<mark class="cited" id="citation-{citation.pk}">{URDU_QUOTE}</mark>' in page
    assert f'“<span lang="ur" dir="rtl">{URDU_QUOTE}</span>”' in page


# -- the API ---------------------------------------------------------------------------------------------


def test_the_api_says_each_sources_and_each_quotes_language_and_filters_by_it(client, make_meeting, make_source, make_citation):
    meeting = make_meeting()
    urdu = make_source(text=URDU_REPORT, title=URDU_TITLE, language="ur")
    english = make_source(text=f"ISLAMABAD: {ENGLISH_QUOTE}")
    make_citation(meeting, quote=URDU_QUOTE, source=urdu)
    make_citation(meeting, quote=ENGLISH_QUOTE, source=english)

    urdu_only = client.get("/api/v1/sources/?language=UR").json()["results"]
    assert [(row["slug"], row["language"]) for row in urdu_only] == [(urdu.slug, "ur")]
    citations = client.get("/api/v1/citations/").json()["results"]
    assert sorted((row["quote_language"], row["source"]["language"]) for row in citations) == [("en", "en"), ("ur", "ur")]
    urdu_quotes = client.get("/api/v1/citations/?language=ur").json()["results"]
    assert [row["quote"] for row in urdu_quotes] == [URDU_QUOTE]
