"""The public pages for figures, measures, organisations and bodies: filters, charts, and constant query counts."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from figures.models import Unit
from foundations.publication import PublicationStatus

from .conftest import year_period


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_reader_opens_a_conviction_rate_and_sees_the_comparison_and_the_sentence(client, conviction_rates):
    punjab = conviction_rates["Punjab"]
    response = client.get(punjab.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Conviction rate for terrorists: 72 per cent" in page
    # Its bars are links, so the SVG is not one image; and HTML allows no role="group" on <svg>.
    svg = page.split('<svg class="chart-svg chart-svg--bars"')[1].split(">")[0]
    assert 'role="img"' not in svg and 'role="group"' not in svg
    assert 'aria-label="Punjab: 72 per cent"' in page
    assert page.count("<tr>") == 6  # the header and five places
    assert "Pakistan (national)" in page
    # The figure's sentence is shown marked, and each number links to it in the full source.
    assert "<mark>The overall national conviction rate" in page
    assert page.count(f'href="{punjab.source.get_absolute_url()}#:~:text=') >= 6


def test_the_measure_page_compares_the_places(client, conviction_rates):
    measure = conviction_rates["Punjab"].measure
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Compared across places" in page and page.count('class="chart"') == 1


def test_figures_are_filtered_by_measure_place_and_year(client, conviction_rates, make_figure, make_measure):
    other = make_figure(value="131", measure=make_measure(name="Joint operations"), **year_period(2022))
    url = reverse("figures:figure-list")
    assert client.get(url).context["paginator"].count == 6
    by_measure = client.get(url, {"measure": "conviction-rate-for-terrorists"}).context["object_list"]
    assert len(by_measure) == 5 and other not in by_measure
    assert list(client.get(url, {"place": "sindh"}).context["object_list"]) == [conviction_rates["Sindh"]]
    assert list(client.get(url, {"year": 2022}).context["object_list"]) == [other]
    assert len(client.get(url, {"year": 2023}).context["object_list"]) == 5


@pytest.mark.parametrize("query", [{"year": "twenty"}, {"place": "atlantis"}, {"measure": "nope"}, {"unit": "miles"}])
def test_a_bad_filter_is_a_400_with_a_message(client, conviction_rates, query):
    response = client.get(reverse("figures:figure-list"), query)
    assert response.status_code == 400
    assert "could not be filtered" in response.content.decode()


def test_a_draft_figure_or_one_citing_a_draft_source_is_not_public(client, conviction_rates, make_figure):
    draft = make_figure(status=PublicationStatus.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    hidden_source = make_figure()
    hidden_source.source.status = PublicationStatus.DRAFT
    hidden_source.source.save(update_fields=["status"])
    assert client.get(hidden_source.get_absolute_url()).status_code == 404
    assert hidden_source not in client.get(reverse("figures:figure-list")).context["object_list"]


def test_the_figure_list_query_count_does_not_grow_with_the_figures(client, make_figure, make_region, make_measure):
    measure = make_measure(unit=Unit.COUNT)
    places = [make_region(), make_region()]
    make_figure(measure=measure, places=places)
    few = queries_for(client, reverse("figures:figure-list"))
    for _ in range(6):
        make_figure(measure=make_measure(), places=places)
    assert queries_for(client, reverse("figures:figure-list")) == few


def test_the_figure_page_query_count_is_fixed(client, conviction_rates, make_figure, make_region):
    punjab = conviction_rates["Punjab"]
    first = queries_for(client, punjab.get_absolute_url())
    make_figure(value="3", measure=punjab.measure, places=[make_region("Gilgit-Baltistan")], quote="It was 3 percent in 2023.", **year_period(2023))
    assert queries_for(client, punjab.get_absolute_url()) == first  # new data, new stamp: the chart is rebuilt, as at first
    assert queries_for(client, punjab.get_absolute_url()) < first  # then it comes from the cache


def test_organisation_pages_show_the_passage_that_names_them(client, make_organisation, make_decision):
    bla = make_organisation(name="BLA", slug="bla", kind="banned_outfit", banned=True, citation_text="the banned outfits Majeed Brigade, BLA, BLF and BRAS")
    bla.decisions.add(make_decision(text="Approved a military operation in Balochistan."))
    make_organisation(name="Afghan Taliban", slug="afghan-taliban", kind="movement")
    listing = client.get(reverse("organisations:organisation-list"), {"banned": "true"})
    assert [organisation.name for organisation in listing.context["object_list"]] == ["BLA"]
    page = client.get(bla.get_absolute_url()).content.decode()
    assert "“the banned outfits Majeed Brigade, BLA, BLF and BRAS”" in page
    assert "The sources do not say who banned it or when." in page
    assert "Approved a military operation in Balochistan." in page
    assert client.get(reverse("organisations:organisation-list"), {"kind": "cult"}).status_code == 400


def test_organisation_list_query_count_is_fixed(client, make_organisation):
    make_organisation()
    few = queries_for(client, reverse("organisations:organisation-list"))
    for _ in range(5):
        make_organisation()
    assert queries_for(client, reverse("organisations:organisation-list")) == few


def test_body_pages_list_meetings_and_chart_them(client, make_body, make_meeting):
    central = make_body(name="Central Apex Committee", slug="central-apex-committee")
    child = make_body(name="District coordination committee", slug="dcc", parent=central, kind="district_committee")
    make_meeting(body=central, title="Apex meeting of June", date=datetime.date(2024, 6, 22))
    page = client.get(reverse("meetings:body-detail", args=["central-apex-committee"])).content.decode()
    assert "Apex meeting of June" in page
    assert "District coordination committee" in page
    assert "Meetings of the Central Apex Committee per year" in page
    listing = client.get(reverse("meetings:body-list"), {"kind": "district_committee"})
    assert list(listing.context["object_list"]) == [child]
    assert "Meetings per year, by body" in client.get(reverse("meetings:body-list")).content.decode()


def test_body_list_query_count_is_fixed(client, make_body, make_meeting):
    parent = make_body()
    # A parent is read in one query of its own (only public parents are named), once any body has one.
    make_meeting(body=make_body(parent=parent))
    few = queries_for(client, reverse("meetings:body-list"))
    for _ in range(4):
        make_meeting(body=make_body(parent=parent))
    assert queries_for(client, reverse("meetings:body-list")) == few  # new data: the chart is rebuilt, as at first
    assert queries_for(client, reverse("meetings:body-list")) < few  # then it comes from the cache


def test_detail_page_query_counts_do_not_grow(client, make_organisation, make_decision, make_body, make_meeting, conviction_rates, make_figure, make_region):
    bla = make_organisation(name="BLA", slug="bla", banned=True)
    bla.decisions.add(make_decision())
    body = make_body(slug="central")
    make_meeting(body=body)
    measure = conviction_rates["Punjab"].measure
    urls = [bla.get_absolute_url(), reverse("meetings:body-detail", args=["central"]), measure.get_absolute_url()]
    client.get(urls[1]), client.get(urls[2])  # warm the chart cache
    few = [queries_for(client, url) for url in urls]
    for _ in range(3):
        bla.decisions.add(make_decision())
        bla.aliases.create(name=f"BLA alias {_}")
        make_meeting(body=body)
        make_body(parent=body)
    for n in range(3):
        make_figure(value=str(10 + n), measure=measure, places=[make_region()], quote=f"It was {10 + n} percent in 2023.", **year_period(2023))
    client.get(urls[1]), client.get(urls[2])  # new data: the charts are rebuilt once, then cached
    assert [queries_for(client, url) for url in urls] == few


def test_the_figure_list_offers_its_figures_for_download_with_its_filters(client, conviction_rates):
    page = client.get(reverse("figures:figure-list"), {"measure": "conviction-rate-for-terrorists", "year": "2023"}).content.decode()
    assert 'href="/api/v1/figures/export/csv?measure=conviction-rate-for-terrorists&amp;year=2023"' in page
    rows = b"".join(client.get("/api/v1/figures/export/csv", {"measure": "conviction-rate-for-terrorists", "year": "2023"}).streaming_content)
    assert rows.decode().count("\n") == 6
