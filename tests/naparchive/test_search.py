"""Search runs PostgreSQL full-text search there and plain matching on SQLite; these hold on both."""
import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse

from meetings.models import Decision
from naparchive import search, search_postgresql
from naparchive.search import archive_search, search_terms
from sources.models import SourceDocument
from tests.archive_sample import add_decision


def html_of(response) -> str:
    return response.content.decode()


def hit_titles(results, key):
    return [hit.title for group in results.groups if group.key == key for hit in group.hits]


def test_finds_every_kind_of_record(sample_archive):
    results = archive_search(query="Azm-e-Istehkam")
    assert "Azm-e-Istehkam" in hit_titles(results, "operations")
    assert sample_archive.meeting.title in hit_titles(results, "meetings")
    assert any("Approved Operation Azm-e-Istehkam" in title for title in hit_titles(results, "decisions"))
    assert {str(sample_archive.report_000), str(sample_archive.report_001)} <= set(hit_titles(results, "sources"))
    assert "Shehbaz Sharif" in hit_titles(archive_search(query="Shehbaz"), "people")


def test_drafts_are_never_found(sample_archive):
    results = archive_search(query="vision")
    assert str(sample_archive.draft_source) not in hit_titles(results, "sources")
    assert not hit_titles(archive_search(query="nobody has checked"), "decisions")
    assert not hit_titles(archive_search(query="Unreviewed"), "meetings")


def test_an_operation_is_found_under_another_spelling(sample_archive):
    assert hit_titles(archive_search(query="Azm-e-Istahkam"), "operations") == ["Azm-e-Istehkam"]


def test_every_word_must_match(sample_archive):
    assert hit_titles(archive_search(query="Balochistan military"), "decisions") == ["Approved a comprehensive military operation in Balochistan."]
    assert not hit_titles(archive_search(query="Balochistan diplomacy"), "decisions")


def test_better_matches_rank_first(sample_archive):
    add_decision(meeting=sample_archive.meeting, domain=Decision.Domain.LEGAL, text="Reviewed cooperation once.")
    add_decision(
        meeting=sample_archive.meeting,
        domain=Decision.Domain.LEGAL,
        text="Cooperation, regional cooperation and cooperation with provinces: cooperation first.",
    )
    titles = hit_titles(archive_search(query="cooperation"), "decisions")
    assert titles[0].startswith("Cooperation, regional cooperation")


def test_snippets_mark_the_match_and_escape_the_text(sample_archive, make_source):
    make_source(text="Officials said <b>nothing</b> about the fusion centre & its budget.", slug="escaping")
    results = archive_search(query="fusion")
    snippet = next(hit.snippet for group in results.groups if group.key == "sources" for hit in group.hits)
    assert "<mark>fusion</mark>" in snippet
    # The tags are shown as text, never let through.
    assert "<b>" not in snippet and "&amp; its budget" in snippet


def test_search_terms_keep_phrases_and_drop_operators_and_exclusions():
    assert search_terms('"writ of the state" -Karachi or NACTA') == ["writ of the state", "NACTA"]


class TestSearchPage:
    def test_results_are_grouped_with_highlighted_snippets(self, client, sample_archive):
        page = html_of(client.get(reverse("search") + "?q=Istehkam"))
        assert re.search(r'<h2 id="results-operations-title">Operations</h2>', page)
        assert re.search(r'<h2 id="results-sources-title">Sources</h2>', page)
        assert "<mark>" in page
        assert 'value="Istehkam"' in page

    def test_empty_query_shows_the_form(self, client, db):
        response = client.get(reverse("search"))
        assert response.status_code == 200
        assert "result" not in html_of(response).split("<main")[1]

    def test_counts_say_one_record_in_the_singular(self, client, sample_archive):
        page = html_of(client.get(reverse("search") + "?q=Azm-e-Istahkam"))
        assert '<a href="#results-operations">1 operation</a>' in page
        assert not re.search(r"· </p>", page)

    def test_no_result_says_what_to_try(self, client, sample_archive):
        assert "Nothing matches" in html_of(client.get(reverse("search") + "?q=zzyzx"))

    def test_too_long_query_is_400_with_a_message(self, client, db):
        response = client.get(reverse("search") + "?q=" + "a" * 201)
        assert response.status_code == 400
        assert "Ensure this value has at most 200 characters" in html_of(response)


needs_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's stemmer and ranking")


@needs_postgresql
def test_snippets_mark_every_form_of_a_stemmed_word(sample_archive, make_source):
    make_source(text="The provincial policies on military courts: each court and policy was reviewed.", slug="stems")
    snippet = str(next(hit.snippet for group in archive_search(query="court policy").groups if group.key == "sources" for hit in group.hits))
    assert re.findall(r"<mark>(\w+)</mark>", snippet) == ["policies", "courts", "court", "policy"]


@needs_postgresql
def test_a_common_word_ranks_its_newest_matches_and_says_there_were_more(sample_archive, make_source, monkeypatch, client):
    monkeypatch.setattr(search, "RANKED_MATCHES", 3)
    monkeypatch.setattr(search_postgresql, "SCAN_WINDOW", 5)
    for year in range(2001, 2013):
        # The oldest say the word most often: they would rank first if every match were ranked.
        text = "Karez irrigation. " * (3 if year < 2005 else 1)
        make_source(text=text + f"Report of {year}.", slug=f"karez-{year}", published_on=datetime.date(year, 1, 1))
    group = next(group for group in archive_search(query="karez").groups if group.key == "sources")
    assert {hit.title for hit in group.hits} == {str(source) for source in SourceDocument.objects.filter(slug__in=["karez-2012", "karez-2011", "karez-2010"])}
    assert group.more_matches
    assert "most recent" in html_of(client.get(reverse("search") + "?q=karez"))
    # A rarer word is looked for in the whole table, past the window of newest records.
    group = next(group for group in archive_search(query="\"Report of 2001\"").groups if group.key == "sources")
    assert [hit.title for hit in group.hits] == [str(SourceDocument.objects.get(slug="karez-2001"))]
    assert not group.more_matches


@pytest.fixture
def karez_sources(sample_archive, make_source):
    """Seven published sources that all match "karez", newest first by publication date."""
    return [
        make_source(text=f"Karez irrigation, report of {year}.", slug=f"karez-{year}", published_on=datetime.date(year, 1, 1))
        for year in range(2012, 2005, -1)
    ]


class TestOverviewAndKindPages:
    def test_the_overview_shows_the_best_few_and_links_to_all_of_a_kind(self, client, karez_sources):
        results = archive_search(query="karez")
        sources = next(group for group in results.groups if group.key == "sources")
        assert len(sources.hits) == search.OVERVIEW_HITS
        assert sources.matched == 7 and sources.more_hits and not sources.more_matches
        page = html_of(client.get(reverse("search") + "?q=karez"))
        assert '<a href="#results-sources">7 sources</a>' in page
        assert re.search(r'<a href="\?q=karez&amp;kind=sources">All 7 sources', page)

    def test_a_kind_page_pages_through_that_kind_alone(self, client, karez_sources, monkeypatch):
        monkeypatch.setattr(search, "HITS_PER_PAGE", 3)
        titles = []
        for number in (1, 2, 3):
            response = client.get(reverse("search") + f"?q=karez&kind=sources&page={number}")
            assert response.status_code == 200
            page = html_of(response)
            assert f"7 sources match “<bdi>karez</bdi>”: page {number} of 3." in page
            assert 'id="results-meetings-title"' not in page
            titles += re.findall(r'<h3 class="item-title"><a href="/sources/[^"]+">([^<]+)</a>', page)
        # Every match once, in the order of the ranking.
        assert sorted(titles) == sorted(str(source) for source in karez_sources)
        assert len(titles) == 7
        assert 'rel="prev" href="?q=karez&amp;kind=sources&amp;page=2"' in page

    @pytest.mark.parametrize("page", [2, 5, 6, 99])
    def test_a_page_past_the_last_is_not_found_and_says_how_many_there_are(self, client, karez_sources, page):
        response = client.get(reverse("search") + f"?q=karez&kind=sources&page={page}")
        assert response.status_code == 404
        text = html_of(response)
        assert f"There is no page {page} of this list: it has 1 page." in text
        assert "Ensure this value" not in text
        assert "No sources match" not in text

    @pytest.mark.parametrize(
        ("parameters", "message"),
        [
            ("kind=minutes", "Kind of record: Select a valid choice. minutes is not one of the available choices."),
            ("kind=sources&page=two", "Page: Enter a whole number."),
            ("kind=sources&page=0", "Page: Ensure this value is greater than or equal to 1."),
            # Never sent to the database as an offset it cannot hold.
            ("kind=sources&page=99999999999999999999999", "Page: give a page number, such as 2."),
        ],
    )
    def test_a_bad_kind_or_page_is_400_with_a_message(self, client, db, parameters, message):
        response = client.get(reverse("search") + "?q=karez&" + parameters)
        assert response.status_code == 400
        assert message in html_of(response)


@needs_postgresql
def test_a_one_letter_lexeme_marks_only_that_word(sample_archive, make_source):
    make_source(text="Operation Azm-e-Istehkam: every effort, and enforcement, each day.", slug="one-letter")
    snippet = str(next(hit.snippet for group in archive_search(query="Azm-e-Istehkam").groups if group.key == "sources" for hit in group.hits if "every effort" in hit.snippet))
    # Not every word that begins with e (every, effort, enforcement, each).
    assert re.findall(r"<mark>([^<]+)</mark>", snippet) == ["Azm-e-Istehkam"]


class TestSyntax:
    def test_a_minus_excludes_the_word(self, client, sample_archive):
        with_it = hit_titles(archive_search(query="apex"), "meetings")
        without = hit_titles(archive_search(query="apex -Balochistan"), "meetings")
        assert any("Balochistan" in title for title in with_it)
        assert without and not any("Balochistan" in title for title in without)
        page = html_of(client.get(reverse("search") + "?q=apex+-Balochistan"))
        assert "<mark>Balochistan</mark>" not in page

    def test_a_minus_excludes_every_spelling_of_a_name(self, sample_archive):
        assert not any("Balochistan" in title for title in hit_titles(archive_search(query="operation -Baluchistan"), "decisions"))

    def test_a_minus_before_a_phrase_excludes_the_phrase(self, sample_archive):
        titles = hit_titles(archive_search(query='operation -"military operation"'), "decisions")
        assert "Approved a comprehensive military operation in Balochistan." not in titles

    def test_or_finds_either(self, sample_archive):
        either = set(hit_titles(archive_search(query="Shehbaz OR Balochistan"), "people")) | set(hit_titles(archive_search(query="Shehbaz OR Balochistan"), "decisions"))
        assert "Shehbaz Sharif" in either
        assert "Approved a comprehensive military operation in Balochistan." in either

    def test_only_exclusions_find_nothing(self, client, sample_archive):
        assert archive_search(query="-Balochistan").total == 0
        assert client.get(reverse("search") + "?q=-Balochistan").status_code == 200
