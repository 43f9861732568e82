"""Every resource: list and detail, stable ids and links, embedded summaries, include=, drafts."""
import pytest

from foundations.publication import PublicationStatus

RESOURCES = ["meetings", "attendees", "decisions", "operations", "people", "offices", "bodies", "sources", "citations"]


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_resource_lists_and_each_listed_record_has_a_working_detail(client, archive, resource):
    response = client.get(f"/api/v1/{resource}/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(body["results"]) > 0
    for record in body["results"]:
        assert {"id", "url"} <= set(record)
        detail = client.get(record["url"])
        assert detail.status_code == 200
        assert detail.json()["id"] == record["id"]


def test_records_with_a_slug_are_addressed_by_it(client, archive):
    meeting = client.get("/api/v1/meetings/apex-2024-06-22/").json()
    assert meeting["slug"] == "apex-2024-06-22"
    assert meeting["url"].endswith("/api/v1/meetings/apex-2024-06-22")
    assert meeting["id"] == archive["meeting"].pk


def test_the_trailing_slash_is_optional(client, archive):
    assert client.get("/api/v1/meetings").status_code == 200
    assert client.get("/api/v1/meetings/apex-2024-06-22").status_code == 200


def test_a_meeting_embeds_its_body_date_precision_chair_and_decision_count(client, archive):
    meeting = client.get("/api/v1/meetings/apex-2024-06-22/").json()
    assert meeting["body"]["slug"] == "central-apex-committee"
    assert meeting["body"]["url"].endswith("/api/v1/bodies/central-apex-committee")
    assert (meeting["date"], meeting["date_precision"], meeting["date_display"]) == ("2024-06-22", "day", "22 June 2024")
    assert meeting["chairs"] == [
        {
            "person": {"id": archive["person"].pk, "slug": "shehbaz-sharif", "url": meeting["chairs"][0]["person"]["url"], "name": "Shehbaz Sharif"},
            "office": {"id": archive["office"].pk, "slug": "prime-minister", "url": meeting["chairs"][0]["office"]["url"], "title": "Prime Minister"},
            "group_label": "",
        }
    ]
    assert meeting["decision_count"] == 1


def test_lists_are_lean_until_include_asks_for_more(client, archive):
    lean = client.get("/api/v1/meetings/").json()["results"][0]
    assert not {"decisions", "attendees", "operations", "citations"} & set(lean)
    full = client.get("/api/v1/meetings/?include=decisions,attendees,operations,citations").json()["results"][0]
    assert [d["text"] for d in full["decisions"]] == ["Approved Operation Azm-e-Istehkam."]
    assert [a["person"]["slug"] for a in full["attendees"]] == ["shehbaz-sharif"]
    assert [o["slug"] for o in full["operations"]] == ["azm-e-istehkam"]
    assert [c["quote"] for c in full["citations"]] == ["The Central Apex Committee met on Saturday in Islamabad."]
    # Citations are included at every level: the decision's quote comes with it.
    assert [c["quote"] for c in full["decisions"][0]["citations"]] == [archive["decision_citation"].quote]
    assert "text" not in full["citations"][0]["source"]


def test_include_source_text_adds_the_cited_sources_text_and_implies_citations(client, archive):
    meeting = client.get("/api/v1/meetings/apex-2024-06-22/?include=source_text").json()
    assert meeting["citations"][0]["source"]["text"] == archive["source"].text


def test_a_citation_links_the_fact_it_supports_and_its_source(client, archive):
    citation = client.get(f"/api/v1/citations/{archive['decision_citation'].pk}/").json()
    assert citation["supports"]["type"] == "decision"
    assert citation["supports"]["url"].endswith(f"/api/v1/decisions/{archive['decision'].pk}")
    assert citation["source"]["slug"] == "dawn-azm"
    assert client.get(citation["supports"]["url"]).status_code == 200


def test_a_decision_links_its_meeting_operations_and_citations(client, archive):
    decision = client.get(f"/api/v1/decisions/{archive['decision'].pk}/?include=citations").json()
    assert decision["meeting"]["slug"] == "apex-2024-06-22"
    assert [o["slug"] for o in decision["operations"]] == ["azm-e-istehkam"]
    assert [c["id"] for c in decision["citations"]] == [archive["decision_citation"].pk]


def test_an_operation_embeds_aliases_and_launch_meeting_and_includes_decisions(client, archive):
    operation = client.get("/api/v1/operations/azm-e-istehkam/?include=decisions,citations").json()
    assert [alias["name"] for alias in operation["aliases"]] == ["Azm-e-Istahkam"]
    assert operation["launch_meeting"]["slug"] == "apex-2024-06-22"
    assert [d["id"] for d in operation["decisions"]] == [archive["decision"].pk]
    assert operation["decisions"][0]["citations"][0]["quote"] == archive["decision_citation"].quote


def test_people_and_offices_include_their_attendances(client, archive):
    person = client.get("/api/v1/people/shehbaz-sharif/?include=attendances").json()
    assert [(a["meeting"]["slug"], a["office"]["slug"], a["role"]) for a in person["attendances"]] == [("apex-2024-06-22", "prime-minister", "chair")]
    office = client.get("/api/v1/offices/prime-minister/?include=attendances").json()
    assert [(a["meeting"]["slug"], a["person"]["slug"]) for a in office["attendances"]] == [("apex-2024-06-22", "shehbaz-sharif")]


def test_a_source_keeps_its_text_out_of_lists_unless_included(client, archive):
    assert "text" not in client.get("/api/v1/sources/").json()["results"][0]
    source = client.get("/api/v1/sources/dawn-azm/?include=source_text,citations").json()
    assert source["text"] == archive["source"].text
    assert len(source["citations"]) == 3
    assert source["article_url"] is None


def test_anonymous_clients_never_see_drafts_even_embedded(client, archive):
    archive["decision"].status = PublicationStatus.DRAFT
    archive["decision"].save()
    archive["person"].status = PublicationStatus.DRAFT
    archive["person"].save()
    meeting = client.get("/api/v1/meetings/apex-2024-06-22/?include=decisions,citations").json()
    assert meeting["decisions"] == []
    assert meeting["decision_count"] == 0
    # The chair's attendance names a draft person, so it is not public at all.
    assert meeting["chairs"] == []
    assert client.get(f"/api/v1/decisions/{archive['decision'].pk}/").status_code == 404
    assert client.get("/api/v1/people/shehbaz-sharif/").status_code == 404
    # The decision's citation goes with it.
    assert client.get(f"/api/v1/citations/{archive['decision_citation'].pk}/").status_code == 404


def test_the_parts_of_a_draft_meeting_are_hidden_with_it(client, archive):
    archive["meeting"].status = PublicationStatus.DRAFT
    archive["meeting"].save()
    assert client.get(f"/api/v1/attendees/{archive['chair'].pk}/").status_code == 404
    assert client.get(f"/api/v1/decisions/{archive['decision'].pk}/").status_code == 404
    assert client.get("/api/v1/operations/azm-e-istehkam/").json()["launch_meeting"] is None


def test_editors_see_drafts_and_can_filter_by_status(editor_api_client, client, archive):
    archive["older"].status = PublicationStatus.DRAFT
    archive["older"].save()
    assert client.get("/api/v1/meetings/").json()["count"] == 1
    assert editor_api_client.get("/api/v1/meetings/").json()["count"] == 2
    drafts = editor_api_client.get("/api/v1/meetings/?status=draft").json()["results"]
    assert [m["slug"] for m in drafts] == ["apex-2023-01-02"]
    refused = client.get("/api/v1/meetings/?status=draft")
    assert refused.status_code == 400
    assert "editors" in refused.json()["errors"]["status"][0]


def test_the_api_root_lists_every_resource(client, db):
    root = client.get("/api/v1/").json()
    assert set(RESOURCES) <= set(root)
