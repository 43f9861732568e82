"""Input at the edge: throttled by the real client address, bodies that are too big, too deep or ambiguous,
text and links the archive cannot carry, and errors in the API's one JSON shape for every status."""
import json
import logging

import pytest
from django.test import override_settings

from meetings.models import Body

LOW_RATES = {"anon": "3/min", "user": "5/min"}


def rest_framework_with(**overrides):
    from django.conf import settings

    return {**settings.REST_FRAMEWORK, **overrides}


@pytest.mark.parametrize("proxies", [0, 1])
def test_a_new_x_forwarded_for_on_each_request_does_not_escape_the_throttle(client, archive, proxies):
    rates = rest_framework_with(DEFAULT_THROTTLE_RATES=LOW_RATES)
    with override_settings(REST_FRAMEWORK=rates, TRUSTED_PROXY_COUNT=proxies):
        statuses = [
            client.get("/api/v1/bodies/", HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}, 203.0.113.7").status_code
            for attempt in range(6)
        ]
    assert statuses == [200, 200, 200, 429, 429, 429]


def test_clients_behind_our_proxy_are_counted_apart(client, archive):
    rates = rest_framework_with(DEFAULT_THROTTLE_RATES=LOW_RATES)
    with override_settings(REST_FRAMEWORK=rates, TRUSTED_PROXY_COUNT=1):
        first = [client.get("/api/v1/bodies/", HTTP_X_FORWARDED_FOR="203.0.113.7").status_code for _ in range(4)]
        other = client.get("/api/v1/bodies/", HTTP_X_FORWARDED_FOR="203.0.113.8").status_code
    assert first == [200, 200, 200, 429] and other == 200


def post_body(editor_api_client, payload: str):
    return editor_api_client.post("/api/v1/bodies/", payload, content_type="application/json")


def assert_api_error(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == status and body["detail"]
    return body


@pytest.mark.parametrize("depth", [1000, 100_000, 40])
def test_deeply_nested_json_is_a_400(editor_api_client, db, depth):
    response = post_body(editor_api_client, '{"name": %s, "slug": "ab"}' % ("[" * depth + "]" * depth))
    body = assert_api_error(response, 400)
    assert body["detail"] == "JSON parse error - the body is nested more than 32 levels deep."
    assert not Body.objects.exists()


def test_a_key_given_twice_is_a_400_naming_it(editor_api_client, db):
    body = assert_api_error(post_body(editor_api_client, '{"name": "A", "slug": "ab", "name": "B"}'), 400)
    assert body["detail"] == "JSON parse error - the key “name” is given more than once."
    nested = assert_api_error(post_body(editor_api_client, '{"name": "A", "slug": "ab", "x": {"k": 1, "k": 2}}'), 400)
    assert "“k”" in nested["detail"]
    surrogate = assert_api_error(post_body(editor_api_client, '{"\\ud800": 1, "\\ud800": 2}'), 400)
    assert "“\\ud800”" in surrogate["detail"]
    assert not Body.objects.exists()


def test_a_body_over_the_limit_is_a_json_400_and_not_logged_as_an_error(editor_api_client, db, caplog):
    payload = json.dumps({"name": "x" * (2 * 1024 * 1024), "slug": "ab"})
    with caplog.at_level(logging.INFO):
        response = post_body(editor_api_client, payload)
    body = assert_api_error(response, 400)
    assert body["detail"] == "The request body is larger than 2 MB, the most the API accepts."
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []


@pytest.mark.parametrize(
    "field, value, character",
    [("name", "Apex\bcommittee", "U+0008"), ("description", "Met on \x1b[1mMonday", "U+001B"), ("short_name", "A\x7f", "U+007F")],
)
def test_control_characters_are_refused_naming_the_field(editor_api_client, db, field, value, character):
    payload = {"name": "Apex committee", "slug": "ab", field: value}
    body = assert_api_error(post_body(editor_api_client, json.dumps(payload)), 400)
    assert list(body["errors"]) == [field]
    assert character in body["errors"][field][0]
    assert not Body.objects.exists()


def test_tabs_newlines_and_carriage_returns_are_text(editor_api_client, db):
    payload = {"name": "Apex committee", "slug": "ab", "description": "Line one,\ttabbed.\r\nLine two.\n"}
    assert post_body(editor_api_client, json.dumps(payload)).status_code == 201


def test_a_control_character_in_an_edit_is_refused(editor_api_client, archive):
    meeting = archive["meeting"]
    response = editor_api_client.patch(
        f"/api/v1/meetings/{meeting.slug}/", json.dumps({"title": "Apex\bmeeting", "version": meeting.version}), content_type="application/json"
    )
    body = assert_api_error(response, 400)
    assert list(body["errors"]) == ["title"]


def test_a_source_url_that_is_not_a_uri_is_refused(editor_api_client, db):
    payload = {"title": "A report", "slug": "a-report", "text": "The report.", "article_url": 'https://example.org/a"><script>'}
    response = editor_api_client.post("/api/v1/sources/", json.dumps(payload), content_type="application/json")
    body = assert_api_error(response, 400)
    assert list(body["errors"]) == ["article_url"]
    assert "percent-encoded" in body["errors"]["article_url"][0]


def test_a_database_outage_in_the_api_is_a_json_503(client, archive, monkeypatch):
    from django.db import OperationalError

    from meetings.api import MeetingViewSet

    def unreachable(self, request, *args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(MeetingViewSet, "list", unreachable)
    body = assert_api_error(client.get("/api/v1/meetings/"), 503)
    assert body == {"status": 503, "detail": "The archive's database is temporarily unavailable. Try again shortly."}
    response = client.get("/api/v1/meetings/")
    assert response["Retry-After"] == "30" and response["Cache-Control"] == "no-store"


def test_an_unexpected_error_in_the_api_is_a_json_500(archive, monkeypatch):
    from rest_framework.test import APIClient

    from meetings.api import MeetingViewSet

    def broken(self, request, *args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(MeetingViewSet, "list", broken)
    body = assert_api_error(APIClient(raise_request_exception=False).get("/api/v1/meetings/"), 500)
    assert "Traceback" not in body["detail"] and "ZeroDivisionError" not in body["detail"]


def test_a_host_we_do_not_serve_is_a_json_400_in_the_api_and_a_page_elsewhere(client, db):
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        api = client.get("/api/v1/meetings/", HTTP_HOST="elsewhere.example")
        page = client.get("/meetings/", HTTP_HOST="elsewhere.example")
    assert_api_error(api, 400)
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "method, path, status",
    [("get", "/api/v1/nothing/", 404), ("get", "/api/v1/meetings/no-such-meeting/", 404), ("delete", "/api/v1/meetings/", 405), ("post", "/api/v1/meetings/", 401)],
)
def test_every_api_error_has_the_one_shape(client, db, method, path, status):
    assert_api_error(getattr(client, method)(path), status)


def test_the_schema_documents_the_outage_503_on_every_operation(client, db):
    schema = client.get("/api/schema/?format=json").json()
    undocumented = [
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        if path.startswith("/api/v1/")
        for method, operation in operations.items()
        if "503" not in operation["responses"]
    ]
    assert undocumented == []
