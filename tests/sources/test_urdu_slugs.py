"""Readable addresses for Urdu sources: Urdu words stay in Urdu script, English slugs are unchanged, old addresses 301."""
import datetime
import importlib
from urllib.parse import quote

from editorial import services
from foundations.slugs import slug_base, slugify_keeping_arabic_script
from meetings.models import Person
from sources.models import SourceDocument
from tests.sources.urdu_report import URDU_REPORT, URDU_TITLE

URDU_SLUG = "روزنامہ-جنگ-2024-06-23-ایپکس-کمیٹی-کا-اجلاس-آپریشن-عزم-استحکام-کی-منظوری"


def test_an_urdu_report_gets_its_outlet_date_and_title_in_its_address(run_import, tmp_path, client):
    path = tmp_path / "jang.txt"
    path.write_text(URDU_REPORT, encoding="utf-8")
    run_import(path)
    source = SourceDocument.objects.get()
    # Before: the Urdu outlet and title were dropped, leaving "2024-06-23".
    assert source.slug == URDU_SLUG
    assert source.get_absolute_url() == f"/sources/{quote(URDU_SLUG)}/"
    source.status = "published"
    source.save()
    page = client.get(source.get_absolute_url())
    assert page.status_code == 200
    assert URDU_TITLE in page.content.decode()


def test_latin_titles_keep_the_ascii_slugs_they_always_had():
    assert slugify_keeping_arabic_script("Dawn 2024-06-23 Azm-é-Istehkam “approved”") == "dawn-2024-06-23-azm-e-istehkam-approved"
    # Mixed titles keep both scripts; Urdu punctuation and zero-width non-joiners go, the letters stay.
    assert slugify_keeping_arabic_script("Dawn: آپریشن\u200c عزم، استحکام") == "dawn-آپریشن-عزم-استحکام"
    # Arabic code points for yeh and kaf are kept as written, not "corrected" (the slug is the title's words).
    assert slugify_keeping_arabic_script("كمیٹي") == "كمیٹي"


def test_records_whose_slug_field_is_ascii_still_get_ascii_slugs():
    assert slug_base(Person, "شہباز شریف", "Shehbaz Sharif") == "shehbaz-sharif"
    assert slug_base(SourceDocument, "شہباز شریف", "Shehbaz Sharif") == "شہباز-شریف"


def test_an_urdu_source_renamed_to_its_readable_address_answers_at_the_old_one(client, make_source, publisher):
    source = make_source(text=URDU_REPORT, title=URDU_TITLE, language="ur", slug="2024-06-23")
    source.slug = URDU_SLUG
    services.record_save(record=source, user=publisher, correction_note="The address names the report in its own words.")
    answer = client.get("/sources/2024-06-23/?highlight=1")
    assert answer.status_code == 301
    assert answer["Location"] == f"/sources/{quote(URDU_SLUG)}/?highlight=1"
    assert client.get(answer["Location"]).status_code == 200


def test_sources_imported_before_keep_answering_at_their_old_address(client, make_source):
    """The migration that gives sources imported with an ASCII-only slug their Urdu one, the old address kept."""
    from django.apps import apps

    migration = importlib.import_module("sources.migrations.0007_urdu_source_slugs")
    urdu = make_source(
        text=URDU_REPORT, title=URDU_TITLE, outlet="روزنامہ جنگ", published_on=datetime.date(2024, 6, 23), language="ur", slug="2024-06-23"
    )
    chosen = make_source(text=URDU_REPORT + "\n", title=URDU_TITLE, language="ur", slug="jang-apex-committee")
    english = make_source(title="Apex committee meets", outlet="Dawn", slug="dawn-2024-06-23-apex-committee-meets")
    migration.urdu_titled_sources_readable_slugs(apps, None)
    urdu.refresh_from_db(), chosen.refresh_from_db(), english.refresh_from_db()
    assert urdu.slug == URDU_SLUG
    assert (chosen.slug, english.slug) == ("jang-apex-committee", "dawn-2024-06-23-apex-committee-meets")  # editors' and English slugs stay
    answer = client.get("/sources/2024-06-23/")
    assert (answer.status_code, answer["Location"]) == (301, f"/sources/{quote(URDU_SLUG)}/")


def test_the_api_finds_a_source_by_its_urdu_slug_and_links_to_it(client, make_source):
    source = make_source(text=URDU_REPORT, title=URDU_TITLE, language="ur", slug=URDU_SLUG)
    answer = client.get(f"/api/v1/sources/{quote(URDU_SLUG)}/")
    assert answer.status_code == 200
    assert answer.json()["slug"] == URDU_SLUG
    assert answer.json()["url"].endswith(f"/api/v1/sources/{quote(URDU_SLUG)}")
    assert source.get_absolute_url() == f"/sources/{quote(URDU_SLUG)}/"
