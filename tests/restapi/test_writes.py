"""Editors write with a token, with the admin's permissions, validation and editorial workflow."""
import json

import pytest
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from meetings.models import Meeting
from foundations.publication import PublicationStatus
from sources.editors import publishers_group_sync
from sources.models import Citation


def post(api, path, payload):
    return api.post(path, json.dumps(payload), content_type="application/json")


def patch(api, path, payload):
    return api.patch(path, json.dumps(payload), content_type="application/json")


@pytest.fixture
def publisher_client(db):
    user = User.objects.create_user("api-publisher", password="another long unusual password 7")
    user.groups.add(publishers_group_sync())
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api


def test_anonymous_clients_cannot_write(client, archive):
    response = post(client, "/api/v1/bodies/", {"name": "NACTA", "slug": "nacta"})
    assert response.status_code == 401
    assert response.json()["status"] == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_bad_token_is_a_401_even_for_reads(client, archive):
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/v1/meetings/").status_code == 401


def test_a_session_cookie_does_not_authenticate_api_writes(editor, archive):
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(editor)
    response = post(browser, "/api/v1/bodies/", {"name": "NACTA", "slug": "nacta"})
    assert response.status_code == 401


def test_a_user_without_the_model_permission_is_refused(db, archive):
    user = User.objects.create_user("reader", password="yet another long password 9")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    response = post(api, "/api/v1/bodies/", {"name": "NACTA", "slug": "nacta"})
    assert response.status_code == 403
    # ...and, without the view permission, sees only published records.
    archive["older"].status = PublicationStatus.DRAFT
    archive["older"].save()
    assert api.get("/api/v1/meetings/").json()["count"] == 1


def test_an_editor_creates_a_draft_meeting_and_gets_its_read_form(editor_api_client, archive):
    response = post(
        editor_api_client,
        "/api/v1/meetings/",
        {"body": "central-apex-committee", "title": "Apex committee meets", "slug": "apex-2024-11-19", "date": "2024-11-19", "date_precision": "day"},
    )
    assert response.status_code == 201, response.content
    meeting = response.json()
    assert meeting["status"] == "draft"
    assert meeting["body"]["slug"] == "central-apex-committee"
    assert response["Location"] == meeting["url"]
    assert Meeting.objects.get(slug="apex-2024-11-19").created_by is not None


def test_the_models_validation_applies_with_its_messages(editor_api_client, archive):
    response = post(
        editor_api_client,
        "/api/v1/meetings/",
        {"body": "central-apex-committee", "title": "Vague", "slug": "vague", "date": "2024-11-19", "date_precision": "month"},
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"date": ["With month precision, give the first of the month."]}


def test_a_citation_quote_not_in_its_source_is_refused_with_the_admins_message(editor_api_client, archive):
    response = post(
        editor_api_client,
        "/api/v1/citations/",
        {"source": "dawn-azm", "quote": "The army chief announced a ceasefire.", "decision": archive["decision"].pk},
    )
    assert response.status_code == 400
    # The admin's message, saying where the quote departs from the text.
    [message] = response.json()["errors"]["quote"]
    assert message.startswith("This passage is not in the source's text: it matches up to 'The ', then the source has")
    assert "where the quote has 'army chief a'" in message
    assert Citation.objects.count() == 3


def test_a_citation_must_support_exactly_one_fact(editor_api_client, archive):
    response = post(
        editor_api_client,
        "/api/v1/citations/",
        {"source": "dawn-azm", "quote": "The Prime Minister", "meeting": "apex-2024-06-22", "decision": archive["decision"].pk},
    )
    assert response.status_code == 400
    assert "exactly one fact" in json.dumps(response.json()["errors"])


def test_a_good_citation_is_created(editor_api_client, archive):
    # On a draft: a citation on a published fact is public content, a publisher's correction (test_permission_matrix).
    archive["operation"].status = PublicationStatus.DRAFT
    archive["operation"].save()
    response = post(editor_api_client, "/api/v1/citations/", {"source": "dawn-azm", "quote": "Operation Azm-e-Istehkam", "operation": "azm-e-istehkam"})
    assert response.status_code == 201, response.content
    assert response.json()["supports"]["type"] == "operation"


def test_an_update_needs_the_version_it_was_made_from(editor_api_client, archive):
    path = "/api/v1/people/shehbaz-sharif/"
    archive["person"].status = PublicationStatus.DRAFT
    archive["person"].save()
    version = editor_api_client.get(path).json()["version"]
    missing = patch(editor_api_client, path, {"description": "Prime Minister."})
    assert missing.status_code == 400
    assert "version" in missing.json()["errors"]
    saved = patch(editor_api_client, path, {"description": "Prime Minister.", "version": version})
    assert saved.status_code == 200, saved.content
    assert saved.json()["version"] == version + 1
    stale = patch(editor_api_client, path, {"description": "Someone else's edit.", "version": version})
    assert stale.status_code == 409
    assert "not saved" in stale.json()["detail"]


def test_an_edit_never_changes_the_status(editor_api_client, archive):
    archive["older"].status = PublicationStatus.DRAFT
    archive["older"].save()
    path = "/api/v1/meetings/apex-2023-01-02/"
    version = editor_api_client.get(path).json()["version"]
    response = patch(editor_api_client, path, {"status": "published", "place": "Islamabad", "version": version})
    assert response.status_code == 400
    assert response.json()["errors"]["status"][0].startswith("Unknown field")


def test_changing_a_published_record_is_for_publishers_with_a_correction_note(editor_api_client, publisher_client, archive):
    path = "/api/v1/people/shehbaz-sharif/"
    version = editor_api_client.get(path).json()["version"]
    refused = patch(editor_api_client, path, {"description": "Changed.", "version": version})
    assert refused.status_code == 403
    corrected = patch(publisher_client, path, {"description": "Changed.", "version": version, "correction_note": "Description fixed."})
    assert corrected.status_code == 200, corrected.content


def test_the_status_action_runs_the_editorial_workflow(editor_api_client, publisher_client, archive):
    archive["older"].status = PublicationStatus.DRAFT
    archive["older"].save()
    path = "/api/v1/meetings/apex-2023-01-02/status/"
    assert post(editor_api_client, path, {"status": "in_review"}).json()["status"] == "in_review"
    refused = post(editor_api_client, path, {"status": "published"})
    assert refused.status_code == 403
    # A meeting is published only with a citation whose quote is in its source.
    uncited = post(publisher_client, path, {"status": "published"})
    assert uncited.status_code == 400
    assert "citation" in uncited.json()["errors"]["status"][0]
    withdrawn = post(publisher_client, "/api/v1/meetings/apex-2024-06-22/status/", {"status": "withdrawn", "reason": "Duplicate."})
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "withdrawn"


def test_cors_lets_any_origin_read_without_credentials(client, archive):
    response = client.get("/api/v1/meetings/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_cors_preflight_allows_token_writes_but_never_credentials(client, archive):
    response = client.options(
        "/api/v1/meetings/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "authorization" in response["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_the_public_site_gets_no_cors_headers(client, archive):
    assert "Access-Control-Allow-Origin" not in client.get("/healthz", HTTP_ORIGIN="https://example.org")
