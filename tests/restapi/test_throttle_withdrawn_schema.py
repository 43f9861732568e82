"""Throttling, the withdrawn-records list, and the schema and documentation pages."""
import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from meetings.models import Meeting

LOW_RATES = {"anon": "3/min", "user": "5/min"}


def rest_framework_with(**overrides):
    from django.conf import settings

    return {**settings.REST_FRAMEWORK, **overrides}


def test_anonymous_clients_over_the_rate_get_a_429_with_retry_after(client, archive):
    with override_settings(REST_FRAMEWORK=rest_framework_with(DEFAULT_THROTTLE_RATES=LOW_RATES)):
        assert [client.get("/api/v1/bodies/").status_code for _ in range(3)] == [200, 200, 200]
        response = client.get("/api/v1/bodies/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["retry_after"] == int(response["Retry-After"])
    assert response["Cache-Control"] == "no-store"


def test_token_clients_have_their_own_rate(editor_api_client, archive):
    with override_settings(REST_FRAMEWORK=rest_framework_with(DEFAULT_THROTTLE_RATES=LOW_RATES)):
        statuses = [editor_api_client.get("/api/v1/bodies/").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_withdrawn_lists_records_that_left_public_view_since_a_date(client, archive):
    since = timezone.now()
    Meeting.objects.filter(pk=archive["older"].pk).update(status="withdrawn", updated_at=since + datetime.timedelta(seconds=1))
    response = client.get("/api/v1/withdrawn/", {"since": since.isoformat()})
    assert response.status_code == 200
    assert response.json()["results"] == [
        {"type": "meeting", "id": archive["older"].pk, "slug": "apex-2023-01-02", "status": "withdrawn", "updated_at": response.json()["results"][0]["updated_at"]}
    ]
    later = (since + datetime.timedelta(minutes=1)).isoformat()
    assert client.get("/api/v1/withdrawn/", {"since": later}).json()["results"] == []
    assert client.get("/api/v1/withdrawn/", {"since": since.isoformat(), "type": "decision"}).json()["results"] == []


@pytest.mark.parametrize("query", ["", "since=yesterday", "since=2024-01-01&type=meetings", "since=2024-01-01&since=2024-02-01"])
def test_withdrawn_refuses_missing_or_bad_parameters(client, db, query):
    response = client.get(f"/api/v1/withdrawn/?{query}")
    assert response.status_code == 400
    assert response.json()["errors"]


def test_the_openapi_schema_documents_every_resource_and_the_include_parameter(client, db):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for resource in ["meetings", "attendees", "decisions", "operations", "people", "offices", "bodies", "sources", "citations"]:
        assert f"/api/v1/{resource}/" in schema["paths"]
        assert f"/api/v1/{resource}/export/csv/" in schema["paths"]
    meeting_list = schema["paths"]["/api/v1/meetings/"]["get"]
    names = {parameter["name"] for parameter in meeting_list["parameters"]}
    assert {"include", "year", "operation", "chair", "body", "domain", "outlet", "status", "updated_since", "search", "ordering", "page", "page_size"} <= names
    include = next(p for p in meeting_list["parameters"] if p["name"] == "include")
    assert include["schema"]["items"]["enum"] == ["decisions", "attendees", "operations", "citations", "source_text"]
    assert "429" in meeting_list["responses"]


def test_the_docs_page_loads_swagger_ui_from_our_own_static_files(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui" in page
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()
