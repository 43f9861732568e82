"""The API's figures, measures and organisations: filters, exports, and only public records for anonymous clients."""
import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foundations.publication import PublicationStatus

from .conftest import year_period


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_figures_are_filtered_by_measure_place_and_year(client, conviction_rates, make_figure):
    make_figure(value="131", **year_period(2022))
    assert client.get("/api/v1/figures/").json()["count"] == 6
    by_measure = client.get("/api/v1/figures/", {"measure": "conviction-rate-for-terrorists", "ordering": "-value"}).json()
    assert [figure["value"] for figure in by_measure["results"]] == ["72", "54", "44", "35", "6"]
    sindh = client.get("/api/v1/figures/", {"place": "sindh", "year": 2023}).json()["results"]
    assert [(figure["value_display"], figure["places"][0]["name"]) for figure in sindh] == [("54 per cent", "Sindh")]
    assert client.get("/api/v1/figures/", {"year": 2022}).json()["count"] == 1


def test_a_figure_carries_its_quote_and_a_link_to_the_sentence(client, conviction_rates):
    figure = client.get("/api/v1/figures/conviction-rate-2023-punjab/").json()
    assert figure["quote"].startswith("The overall national conviction rate")
    assert "#:~:text=" in figure["quote_url"]
    assert figure["period_display"] == "2023" and figure["period_text"] == "in 2023"
    assert figure["html_url"].endswith("/figures/conviction-rate-2023-punjab/")


@pytest.mark.parametrize(
    ("query", "field"),
    [({"year": "2023.5"}, "year"), ({"place": "atlantis"}, "place"), ({"measure": "nope"}, "measure"), ({"colour": "red"}, "colour")],
)
def test_bad_parameters_are_a_400_naming_them(client, conviction_rates, query, field):
    response = client.get("/api/v1/figures/", query)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_figures_export_as_csv_and_json(client, conviction_rates):
    response = client.get("/api/v1/figures/export/csv", {"measure": "conviction-rate-for-terrorists"})
    rows = list(csv.DictReader(io.StringIO(body_of(response).decode())))
    assert {(row["places"], row["value"]) for row in rows} == {
        ("pakistan", "44"), ("punjab", "72"), ("sindh", "54"), ("khyber-pakhtunkhwa", "35"), ("balochistan", "6"),
    }
    exported = json.loads(body_of(client.get("/api/v1/figures/export/json", {"place": "punjab"})))
    assert [row["value_display"] for row in exported] == ["72 per cent"]


def test_drafts_and_figures_of_draft_sources_stay_out(client, conviction_rates, make_figure):
    make_figure(status=PublicationStatus.DRAFT)
    hidden = make_figure()
    hidden.source.status = PublicationStatus.DRAFT
    hidden.source.save(update_fields=["status"])
    assert client.get("/api/v1/figures/").json()["count"] == 5
    assert client.get(f"/api/v1/figures/{hidden.slug}/").status_code == 404


def test_the_figure_list_query_count_does_not_grow(client, make_figure, make_region):
    places = [make_region(), make_region()]
    make_figure(places=places)
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/figures/")
    for _ in range(5):
        make_figure(places=places)
    with CaptureQueriesContext(connection) as many:
        client.get("/api/v1/figures/")
    assert len(many) == len(few)


def test_measures_list_only_those_with_public_figures(client, conviction_rates, make_measure):
    make_measure(name="Unused")
    measures = client.get("/api/v1/measures/").json()["results"]
    assert [(measure["slug"], measure["figure_count"]) for measure in measures] == [("conviction-rate-for-terrorists", 5)]


def test_organisations_with_citations_filters_and_export(client, make_organisation):
    make_organisation(name="BLA", slug="bla", kind="banned_outfit", banned=True, citation_text="the banned outfits BLA and BLF")
    make_organisation(name="Afghan Taliban", slug="afghan-taliban", kind="movement")
    make_organisation(name="Hidden", slug="hidden", status=PublicationStatus.DRAFT)
    banned = client.get("/api/v1/organisations/", {"banned": "true"}).json()["results"]
    assert [organisation["name"] for organisation in banned] == ["BLA"]
    assert banned[0]["citations"][0]["quote"] == "the banned outfits BLA and BLF"
    assert client.get("/api/v1/organisations/", {"kind": "cult"}).status_code == 400
    rows = list(csv.DictReader(io.StringIO(body_of(client.get("/api/v1/organisations/export/csv")).decode())))
    assert [row["slug"] for row in rows] == ["afghan-taliban", "bla"]


def test_the_organisation_list_query_count_does_not_grow(client, make_organisation, make_decision, make_operation):
    make_organisation()
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/organisations/")
    for n in range(4):
        organisation = make_organisation(banned=True)
        organisation.decisions.add(make_decision())
        organisation.operations.add(make_operation())
        organisation.aliases.create(name=f"Alias {n}")
    with CaptureQueriesContext(connection) as many:
        client.get("/api/v1/organisations/")
    assert len(many) == len(few)
