"""Malformed requests of every kind get a 400 (or 404/405) JSON body that says what is wrong, never a 500."""
import json

import pytest


@pytest.mark.parametrize(
    "query, parameter, message",
    [
        ("year=2024&year=2023", "year", "Give this parameter once (use commas where several values are allowed)."),
        ("colour=blue", "colour", "Unknown parameter. This address accepts:"),
        ("search=a%00b", "search", "NUL bytes are not allowed."),
        ("bo%00dy=x", "bo\x00dy", "NUL bytes are not allowed."),
        ("year=", "year", "Give a value, or leave the parameter out."),
        ("body=" + "x" * 1001, "body", "At most 1000 characters."),
    ],
)
def test_malformed_query_parameters(client, archive, query, parameter, message):
    response = client.get(f"/api/v1/meetings/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"][parameter][0].startswith(message)


def test_detail_addresses_accept_only_include(client, archive):
    response = client.get("/api/v1/meetings/apex-2024-06-22/?year=2024")
    assert response.status_code == 400
    assert response.json()["errors"]["year"] == ["Unknown parameter. This address accepts: include."]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/meetings/no-such-meeting/", "/api/v1/meetings/a%00b/", "/api/v1/decisions/abc/", "/api/v1/decisions/99999999999999999999999/", "/api/v1/nothing/", "/api/v2/"],
)
def test_unknown_addresses_are_a_json_404(client, archive, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == 404


def test_a_write_to_an_unknown_address_is_a_json_404_not_the_csrf_page(client, db):
    response = client.post("/api/v1/nothing/", {}, format="json")
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_methods_the_api_does_not_take_are_a_405(client, editor_api_client, archive):
    assert client.delete("/api/v1/meetings/apex-2024-06-22/").status_code in (401, 405)
    response = editor_api_client.delete("/api/v1/meetings/apex-2024-06-22/")
    assert response.status_code == 405
    assert response.json()["status"] == 405
    assert editor_api_client.put("/api/v1/meetings/export/csv/?colour=blue").status_code == 405


@pytest.mark.parametrize(
    "payload, field, message",
    [
        ('{"name": "A\\u0000B", "slug": "ab"}', "detail", "JSON parse error - NUL bytes are not allowed."),
        ('{"name": "\\ud800", "slug": "ab"}', "detail", "JSON parse error - Lone UTF-16 surrogates are not allowed."),
        ('{"name": 5, "slug": "ab"}', "name", "Give a string."),
        ('{"name": "Body", "slug": "ab", "parent": ""}', "parent", "Give a slug or id, or null for none."),
        ('{"name": "Body", "slug": "not a slug"}', "slug", 'Enter a valid "slug" consisting of letters, numbers, underscores or hyphens.'),
        ('{"name": "Body", "slug": "ab", "kind": "club"}', "kind", '"club" is not a valid choice.'),
        ('[1, 2]', "non_field_errors", "Invalid data. Expected a dictionary, but got list."),
        ('{"name": ', "detail", "JSON parse error"),
    ],
)
def test_malformed_payloads_are_a_400(editor_api_client, db, payload, field, message):
    response = editor_api_client.post("/api/v1/bodies/", payload, content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    found = body["detail"] if field == "detail" else body["errors"][field][0]
    assert found.startswith(message)


def test_a_payload_that_is_not_json_is_a_415(editor_api_client, db):
    response = editor_api_client.post("/api/v1/bodies/", "name=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert response.json()["status"] == 415


def test_wrong_types_for_numbers_and_lists(editor_api_client, archive):
    payload = {"meeting": "apex-2024-06-22", "text": "Decided.", "domain": "legal", "order": "3", "operations": "azm-e-istehkam"}
    response = editor_api_client.post("/api/v1/decisions/", json.dumps(payload), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"order": ["Give a whole number."], "operations": ["Give a list of slugs."]}
