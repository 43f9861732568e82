"""The index of names search expands through: what it holds, and that it follows every write."""
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foundations.publication import PublicationStatus
from foundations.search_query import parse_query
from meetings.models import PersonAlias
from naparchive import search_names


def spellings(query: str) -> list[tuple[str, ...]]:
    return [term.spellings for term in search_names.expand(parse_query(query)).terms]


def test_a_name_in_any_spelling_stands_for_all_its_spellings(sample_archive):
    (azm,) = spellings("Azme Istehkam")
    assert {"Azme Istehkam", "Azm-e-Istehkam", "Azm-e-Istahkam"} <= set(azm)
    # Words beside a name stay words of their own.
    terms = spellings("approved Azm-i-Istehkam")
    assert terms[0] == ("approved",) and "Azm-e-Istehkam" in terms[1]


def test_an_excluded_name_excludes_every_spelling(sample_archive):
    clause = search_names.expand(parse_query("apex -Baluchistan")).clauses[0]
    assert "Balochistan" in clause.excluded[0].spellings


def test_names_of_drafts_are_not_used(make_person):
    person = make_person(name="Draft Person Qasim", slug="draft-qasim", status=PublicationStatus.DRAFT)
    PersonAlias.objects.create(person=person, name="Qasim the draft")
    assert spellings("Qasim the draft") == [("Qasim",), ("the",), ("draft",)]


def test_with_a_shared_cache_the_index_is_built_once_per_change(sample_archive, settings, make_person, django_capture_on_commit_callbacks):
    settings.ARCHIVE_CACHE_SHARED = True
    cache.clear()
    search_names._kept.clear()
    search_names.name_index()
    with CaptureQueriesContext(connection) as queries:
        search_names.name_index()
    assert len(queries) == 0
    with django_capture_on_commit_callbacks(execute=True):
        person = make_person(name="Mohsin Naqvi", slug="mohsin-naqvi")
    with django_capture_on_commit_callbacks(execute=True):
        PersonAlias.objects.create(person=person, name="محسن نقوی")
    (naqvi,) = spellings("محسن نقوی")
    assert "Mohsin Naqvi" in naqvi
    cache.clear()
    search_names._kept.clear()
