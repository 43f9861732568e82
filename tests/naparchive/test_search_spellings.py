"""Every spelling of a name finds the same records, on the curated seed archive, on SQLite and PostgreSQL."""
import pytest
from django.urls import reverse

from naparchive.search import archive_search
from synonyms.models import SynonymSet
from tests.seeding.conftest import curated_archive, seed_sources  # noqa: F401 (fixtures)

# Each family's first spelling is the one the archive records; readers type the others.
FAMILIES = [
    ["Azm-e-Istehkam", "Azm-i-Istehkam", "Azme Istehkam", "Azm-e-Istehkaam", "Azm-e-Istahkam", "AZM-E-ISTEHKAM", "عزم استحکام", "عزمِ استحکام"],
    ["Shehbaz Sharif", "Shahbaz Sharif", "Shehbaz Shareef", "شہباز شریف", "شهباز شريف"],
    ["Balochistan", "Baluchistan"],
    ["madrassa", "madrasa", "madrassah", "madaris"],
    ["NACTA", "National Counter Terrorism Authority", "نیکٹا"],
    ["Khyber Pakhtunkhwa", "KP", "KPK"],
]


def found(query: str) -> dict[str, tuple[int, frozenset[str]]]:
    """Return, by kind, how many records matched and the titles of those shown."""
    return {group.key: (group.matched, frozenset(hit.title for hit in group.hits)) for group in archive_search(query=query).groups}


@pytest.mark.parametrize("family", FAMILIES, ids=[family[0] for family in FAMILIES])
def test_every_spelling_finds_what_the_recorded_one_finds(curated_archive, family):  # noqa: F811
    recorded, *others = family
    expected = found(recorded)
    assert any(matched for matched, _ in expected.values()), f"{recorded} finds nothing"
    for spelling in others:
        assert found(spelling) == expected, spelling


def test_the_spellings_find_the_records_themselves(curated_archive):  # noqa: F811
    assert "Azm-e-Istehkam" in found("Azme Istehkam")["operations"][1]
    assert "Shehbaz Sharif" in found("شہباز شریف")["people"][1]
    assert "Shehbaz Sharif" in found("Shahbaz Sharif")["people"][1]
    # Two meetings, two decisions and four sources name the campaign: every spelling finds them all.
    results = found("Azm-e-Istahkam")
    assert results["meetings"][0] == 2 and results["sources"][0] >= 4


def test_a_synonym_set_an_editor_adds_is_used_at_once(curated_archive, client):  # noqa: F811
    assert not found("dini madaris")["sources"][0]
    SynonymSet.objects.create(words="dini madaris\nmadrassas")
    assert found("dini madaris")["sources"][0] == 1


def test_an_urdu_query_page_shows_the_records_in_english(curated_archive, client):  # noqa: F811
    page = client.get(reverse("search") + "?q=عزم+استحکام").content.decode()
    assert "<mark>Azm-e-Istehkam</mark>" in page or "<mark>AZM-E-ISTEHKAM</mark>" in page
    assert "No source in the archive is written in" not in page


def test_an_urdu_query_that_names_nothing_says_the_sources_are_in_english(curated_archive, client):  # noqa: F811
    page = client.get(reverse("search") + "?q=دہشت+گردی").content.decode()
    assert "0 results" in page
    assert "No source in the archive is written in Urdu (Arabic script): the sources are in English." in page


def test_no_result_suggests_the_nearest_names(curated_archive, client):  # noqa: F811
    page = client.get(reverse("search") + "?q=Istikhkam").content.decode()
    assert 'Did you mean <a href="?q=Azm-e-Istehkam">Azm-e-Istehkam</a>' in page
    # (A typing slip in a person's name: "Shebaz" itself finds Shehbaz, as a single word of his name.)
    assert "Did you mean" in client.get(reverse("search") + "?q=Shehbax").content.decode()
    # Nothing near: no suggestion made up.
    assert "Did you mean" not in client.get(reverse("search") + "?q=zzyzx").content.decode()


def test_a_single_word_of_a_persons_name_finds_the_person_in_any_spelling(curated_archive):  # noqa: F811
    """"Shahbaz" is how most readers spell Shehbaz: alone, it finds him and what names him."""
    shahbaz = found("Shahbaz")
    assert "Shehbaz Sharif" in shahbaz["people"][1]
    assert shahbaz == found("Shehbaz")
    # Records that name him only in Urdu script or by his full name are found as well.
    assert shahbaz["meetings"][0] >= found("Shehbaz Sharif")["meetings"][0] > 0


@pytest.mark.parametrize("word", ["General", "Minister", "Prime", "Muhammad", "committee", "operation", "National", "Khan", "Asim"])
def test_a_common_word_or_title_stays_the_word_typed(curated_archive, word):  # noqa: F811
    """Titles in aliases (General Syed Asim Munir, Prime Minister Imran), words many names share and
    words too short to tell apart do not stand for a person."""
    from foundations.search_query import parse_query
    from naparchive import search_names

    (term,) = search_names.expand(parse_query(word)).terms
    assert term.spellings == (word,)
