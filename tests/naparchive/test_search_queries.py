"""What a search costs in queries: a fixed number, whatever the words, the kinds matched or the page.

On PostgreSQL one round trip: a statement for each kind with a stored vector (meetings, decisions,
operations, people, sources), sent together; on SQLite one query for those kinds. The small kinds (offices, bodies, organisations,
figures) and the index of names the query is expanded through are kept in the shared cache (as in
production, with Redis) and cost no query until the archive changes.
"""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from foundations.publication import PublicationStatus
from naparchive import search_names
from naparchive.search import archive_search
from tests.figures.conftest import make_figure, make_measure, make_organisation  # noqa: F401 (fixtures)


def expected_queries() -> int:
    return 1


@pytest.fixture
def shared_cache(settings):
    settings.ARCHIVE_CACHE_SHARED = True
    cache.clear()
    search_names._kept.clear()
    yield
    cache.clear()
    search_names._kept.clear()


@pytest.fixture
def every_kind(sample_archive, make_office, make_body, make_organisation, make_figure):  # noqa: F811
    make_office(title="Inspector General of Frontier Corps Balochistan", slug="ig-fc")
    make_body(name="Provincial Apex Committee of Balochistan", slug="balochistan-apex", short_name="Balochistan apex")
    make_organisation(name="Balochistan Liberation Army", slug="bla-test", description="A banned separatist outfit in Balochistan.")
    make_figure(value="99", quote="Officials counted 99 madrassas registered in Balochistan.")


@pytest.mark.parametrize("query", ["Balochistan", "Baluchistan -apex", "madaris OR \"Frontier Corps\"", "nothing-matches-this"])
def test_a_search_of_every_kind_costs_the_same_few_queries(every_kind, shared_cache, query):
    archive_search(query="warm the index of names")
    with CaptureQueriesContext(connection) as queries:
        results = archive_search(query=query)
    # A search that finds nothing also looks for suggestions (from the kept index: no query) and,
    # for Arabic script only, whether any source uses it.
    assert len(queries) == expected_queries(), [q["sql"][:120] for q in queries]
    if query == "Balochistan":
        assert {group.key for group in results.matched_groups} >= {"offices", "bodies", "organisations", "figures"}


def test_the_hits_shown_need_no_further_query(client, every_kind, shared_cache, count_queries):
    """Titles, addresses and detail lines of every kind's hits come with the search's rows (no N+1)."""
    url = reverse("search")
    count_queries(url + "?q=Balochistan")
    overview = count_queries(url + "?q=Balochistan")
    one_kind = count_queries(url + "?q=Balochistan&kind=figures")
    other_words = count_queries(url + "?q=Frontier+Corps+OR+madaris")
    assert overview == other_words
    # A small kind alone: from the kept rows, no search query at all.
    assert one_kind == overview - expected_queries()
    page = client.get(url + "?q=Balochistan").content.decode()
    for title in ["Inspector General of Frontier Corps Balochistan", "Provincial Apex Committee of Balochistan", "Balochistan Liberation Army", "99"]:
        assert title in page


def test_the_kept_small_kinds_follow_every_write(every_kind, shared_cache, make_office, django_capture_on_commit_callbacks):
    def offices(query):
        return [hit.title for hit in archive_search(query=query, kind="offices").groups[0].hits]

    assert offices("Ombudsman") == []
    with django_capture_on_commit_callbacks(execute=True):
        office = make_office(title="Federal Ombudsman", slug="federal-ombudsman")
    assert offices("Ombudsman") == ["Federal Ombudsman"]
    with django_capture_on_commit_callbacks(execute=True):
        office.status = PublicationStatus.DRAFT
        office.save()
    assert offices("Ombudsman") == []
