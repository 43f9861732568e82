"""Conditional requests (strong ETags → 304; Last-Modified informs only) and cache headers for an archive that changes rarely."""
from django.test import override_settings


def test_a_response_carries_an_etag_last_modified_and_public_cache_headers(client, archive):
    response = client.get("/api/v1/meetings/")
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]


def test_if_none_match_with_the_current_etag_is_a_304_without_a_body(client, archive):
    etag = client.get("/api/v1/meetings/apex-2024-06-22/")["ETag"]
    response = client.get("/api/v1/meetings/apex-2024-06-22/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_change_to_an_embedded_record_changes_the_etag(client, archive):
    etag = client.get("/api/v1/meetings/apex-2024-06-22/")["ETag"]
    archive["body"].name = "Central Apex Committee on the National Action Plan"
    archive["body"].save()
    response = client.get("/api/v1/meetings/apex-2024-06-22/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_if_modified_since_alone_never_gives_a_304(client, archive):
    # HTTP dates have whole seconds: a second change in the same second would be hidden. The ETag decides.
    last_modified = client.get("/api/v1/decisions/")["Last-Modified"]
    assert client.get("/api/v1/decisions/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200


def test_an_unpublish_from_the_admin_action_moves_last_modified(client, archive):
    from django.utils import timezone

    from meetings.models import Meeting

    before = client.get("/api/v1/meetings/")["Last-Modified"]
    Meeting.objects.filter(pk=archive["older"].pk).update(status="draft", updated_at=timezone.now() + timezone.timedelta(seconds=2))
    response = client.get("/api/v1/meetings/", HTTP_IF_MODIFIED_SINCE=before)
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_editors_responses_are_private_and_revalidated(editor_api_client, archive):
    response = editor_api_client.get("/api/v1/meetings/")
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]


def test_errors_are_not_cached(client, archive):
    assert client.get("/api/v1/meetings/?year=x")["Cache-Control"] == "no-store"


@override_settings(API_CACHE_MAX_AGE=3600)
def test_the_cache_lifetime_is_a_setting(client, archive):
    assert "max-age=3600" in client.get("/api/v1/meetings/")["Cache-Control"]


def test_a_streamed_export_answers_if_none_match_with_a_304_until_anything_changes(client, archive, publisher):
    from editorial import services
    from sources.models import Citation

    etag = client.get("/api/v1/citations/export/csv/")["ETag"]
    assert etag.startswith('"')
    assert client.get("/api/v1/citations/export/csv/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/api/v1/citations/export/json/", HTTP_IF_NONE_MATCH=etag).status_code == 200  # another question
    # A deletion changes no remaining record's updated_at, and may fall in the same second: the ETag still moves.
    citation = Citation.objects.public().first()
    services.record_delete(record=citation, user=publisher, correction_note="The quote was misattributed.")
    answer = client.get("/api/v1/citations/export/csv/", HTTP_IF_NONE_MATCH=etag)
    assert answer.status_code == 200 and answer["ETag"] != etag


def test_two_changes_in_one_second_are_not_hidden_by_a_304(client, archive, publisher):
    from editorial import services
    from meetings.models import Meeting

    meeting = Meeting.objects.get(pk=archive["meeting"].pk)
    meeting.place = "Islamabad"
    services.record_save(record=meeting, user=publisher, correction_note="Place added.")
    first = client.get(f"/api/v1/meetings/{meeting.pk}/")
    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting.place = "Rawalpindi"
    services.record_save(record=meeting, user=publisher, correction_note="Place corrected.")
    second = client.get(
        f"/api/v1/meetings/{meeting.pk}/", HTTP_IF_NONE_MATCH=first["ETag"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert second.status_code == 200 and second.json()["place"] == "Rawalpindi"
