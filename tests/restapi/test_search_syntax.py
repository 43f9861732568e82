"""The API's ?search= speaks the site search's syntax and finds every recorded spelling of a name."""
import pytest

from tests.seeding.conftest import curated_archive, seed_sources  # noqa: F401 (fixtures)


def slugs(response):
    assert response.status_code == 200, response.content
    return [record["slug"] for record in response.json()["results"]]


@pytest.mark.parametrize(
    ("path", "spellings", "slug"),
    [
        ("operations", ["Azm-e-Istehkam", "Azm-i-Istehkam", "Azme Istehkam", "Azm-e-Istehkaam", "عزم استحکام"], "azm-e-istehkam"),
        ("people", ["Shehbaz Sharif", "Shahbaz Sharif", "شہباز شریف"], "shehbaz-sharif"),
        ("bodies", ["NACTA", "National Counter Terrorism Authority", "نیکٹا"], "nacta"),
    ],
)
def test_every_spelling_finds_the_record(client, curated_archive, path, spellings, slug):  # noqa: F811
    for spelling in spellings:
        assert slug in slugs(client.get(f"/api/v1/{path}/", {"search": spelling})), spelling


def test_synonyms_find_what_the_sources_write(client, curated_archive):  # noqa: F811
    found = slugs(client.get("/api/v1/sources/", {"search": "madrassa"}))
    assert found
    for synonym in ["madrasa", "madaris", "madrassah"]:
        assert slugs(client.get("/api/v1/sources/", {"search": synonym})) == found, synonym
    assert slugs(client.get("/api/v1/sources/", {"search": "Baluchistan"})) == slugs(client.get("/api/v1/sources/", {"search": "Balochistan"}))


def test_minus_phrases_and_or(client, curated_archive):  # noqa: F811
    apex = slugs(client.get("/api/v1/meetings/", {"search": "apex"}))
    balochistan = slugs(client.get("/api/v1/meetings/", {"search": "apex Balochistan"}))
    assert balochistan and set(balochistan) < set(apex)
    assert set(slugs(client.get("/api/v1/meetings/", {"search": "apex -Balochistan"}))) == set(apex) - set(balochistan)
    assert set(slugs(client.get("/api/v1/meetings/", {"search": "apex -Baluchistan"}))) == set(apex) - set(balochistan)
    assert slugs(client.get("/api/v1/people/", {"search": "Imran OR Munir"})) == ["asim-munir", "imran-khan"]
    assert slugs(client.get("/api/v1/people/", {"search": '"Munir Asim"'})) == []
    # Only exclusions: nothing to look for, so nothing found (not the whole list).
    assert slugs(client.get("/api/v1/meetings/", {"search": "-Balochistan"})) == []
