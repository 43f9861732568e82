"""Every public kind of record is searchable, and only through its public() rule."""
from django.urls import reverse

from foundations.publication import PublicationStatus
from naparchive.search import KINDS, archive_search
from organisations.models import OrganisationAlias
from tests.figures.conftest import make_figure, make_measure, make_organisation  # noqa: F401 (fixtures)


def titles(query: str, kind: str) -> list[str]:
    return [hit.title for hit in archive_search(query=query, kind=kind).groups[0].hits]


def test_offices_bodies_organisations_and_figures_are_found(client, sample_archive, make_office, make_body, make_organisation, make_figure):  # noqa: F811
    make_office(title="Inspector General of Frontier Corps", slug="ig-fc")
    make_body(name="Provincial Apex Committee of Sindh", slug="sindh-apex", short_name="Sindh apex")
    outfit = make_organisation(name="Balochistan Liberation Army", slug="bla-test", description="A banned separatist outfit.")
    OrganisationAlias.objects.create(organisation=outfit, name="BLA")
    figure = make_figure(value="99", quote="Officials counted 99 madrassas registered in the district.")
    assert titles("Frontier Corps", "offices") == ["Inspector General of Frontier Corps"]
    assert titles("Sindh apex", "bodies") == ["Provincial Apex Committee of Sindh"]
    # Through the outfit's alias, and every spelling of the province it is named after.
    assert titles("BLA", "organisations") == ["Balochistan Liberation Army"]
    assert titles("Baluchistan Liberation Army", "organisations") == ["Balochistan Liberation Army"]
    assert titles("madaris registered", "figures") == [str(figure)]
    page = client.get(reverse("search") + "?q=Frontier+Corps").content.decode()
    assert 'id="results-offices-title">Offices</h2>' in page


def test_drafts_of_the_new_kinds_are_never_found(sample_archive, make_office, make_body, make_organisation, make_figure):  # noqa: F811
    make_office(title="Draft Ombudsman", slug="draft-ombudsman", status=PublicationStatus.DRAFT)
    make_body(name="Draft Oversight Board", slug="draft-board", status=PublicationStatus.DRAFT)
    make_organisation(name="Draft Outfit Zulfiqar", slug="draft-outfit", status=PublicationStatus.DRAFT)
    make_figure(value="77", quote="Officials counted 77 zulfiqar incidents.", status=PublicationStatus.DRAFT)
    # (The sources they cite are published: only the drafts themselves must stay hidden.)
    for query, kind in [("Ombudsman", "offices"), ("Oversight Board", "bodies"), ("Zulfiqar", "organisations"), ("Zulfiqar", "figures")]:
        assert titles(query, kind) == [], (query, kind)


def test_the_kinds_a_reader_can_choose_are_every_public_kind():
    assert list(KINDS) == ["meetings", "decisions", "operations", "people", "offices", "bodies", "organisations", "figures", "sources"]
