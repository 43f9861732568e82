"""Search runs PostgreSQL full-text search there and plain matching on SQLite; these hold on both."""
import re

from django.urls import reverse

from meetings.models import Decision
from naparchive.search import archive_search, search_terms
from tests.public.archive_sample import add_decision


def html_of(response) -> str:
    return response.content.decode()


def hit_titles(results, key):
    return [hit.title for group in results.groups if group.key == key for hit in group.hits]


def test_finds_every_kind_of_record(archive):
    results = archive_search(query="Azm-e-Istehkam")
    assert "Azm-e-Istehkam" in hit_titles(results, "operations")
    assert archive.meeting.title in hit_titles(results, "meetings")
    assert any("Approved Operation Azm-e-Istehkam" in title for title in hit_titles(results, "decisions"))
    assert {str(archive.report_000), str(archive.report_001)} <= set(hit_titles(results, "sources"))
    assert "Shehbaz Sharif" in hit_titles(archive_search(query="Shehbaz"), "people")


def test_drafts_are_never_found(archive):
    results = archive_search(query="vision")
    assert str(archive.draft_source) not in hit_titles(results, "sources")
    assert not hit_titles(archive_search(query="nobody has checked"), "decisions")
    assert not hit_titles(archive_search(query="Unreviewed"), "meetings")


def test_an_operation_is_found_under_another_spelling(archive):
    assert hit_titles(archive_search(query="Azm-e-Istahkam"), "operations") == ["Azm-e-Istehkam"]


def test_every_word_must_match(archive):
    assert hit_titles(archive_search(query="Balochistan military"), "decisions") == ["Approved a comprehensive military operation in Balochistan."]
    assert not hit_titles(archive_search(query="Balochistan diplomacy"), "decisions")


def test_better_matches_rank_first(archive):
    add_decision(meeting=archive.meeting, domain=Decision.Domain.LEGAL, text="Reviewed cooperation once.")
    add_decision(
        meeting=archive.meeting,
        domain=Decision.Domain.LEGAL,
        text="Cooperation, regional cooperation and cooperation with provinces: cooperation first.",
    )
    titles = hit_titles(archive_search(query="cooperation"), "decisions")
    assert titles[0].startswith("Cooperation, regional cooperation")


def test_snippets_mark_the_match_and_escape_the_text(archive, make_source):
    make_source(text="Officials said <b>nothing</b> about the fusion centre & its budget.", slug="escaping")
    results = archive_search(query="fusion")
    snippet = next(hit.snippet for group in results.groups if group.key == "sources" for hit in group.hits)
    assert "<mark>fusion</mark>" in snippet
    # SQLite shows the tags as text, PostgreSQL's headline drops them; neither lets them through.
    assert "<b>" not in snippet and "&amp; its budget" in snippet


def test_search_terms_keep_phrases_and_drop_operators():
    assert search_terms('"writ of the state" -Karachi or NACTA') == ["writ of the state", "Karachi", "NACTA"]


class TestSearchPage:
    def test_results_are_grouped_with_highlighted_snippets(self, client, archive):
        page = html_of(client.get(reverse("search") + "?q=Istehkam"))
        assert re.search(r'<h2 id="results-operations-title">Operations</h2>', page)
        assert re.search(r'<h2 id="results-sources-title">Sources</h2>', page)
        assert "<mark>" in page
        assert 'value="Istehkam"' in page

    def test_empty_query_shows_the_form(self, client, db):
        response = client.get(reverse("search"))
        assert response.status_code == 200
        assert "result" not in html_of(response).split("<main")[1]

    def test_no_result_says_what_to_try(self, client, archive):
        assert "Nothing matches" in html_of(client.get(reverse("search") + "?q=zzyzx"))

    def test_too_long_query_is_400_with_a_message(self, client, db):
        response = client.get(reverse("search") + "?q=" + "a" * 201)
        assert response.status_code == 400
        assert "Ensure this value has at most 200 characters" in html_of(response)
