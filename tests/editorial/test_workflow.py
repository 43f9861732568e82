"""Who may move a record between draft, in review, published and withdrawn, through the real admin."""
import pytest
from django.urls import reverse

from editorial import services
from meetings.models import Attendee, Decision, Meeting
from foundations.publication import PublicationStatus
from sources.models import Citation
from tests.editorial.conftest import meeting_change_data

DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN = (
    PublicationStatus.DRAFT,
    PublicationStatus.IN_REVIEW,
    PublicationStatus.PUBLISHED,
    PublicationStatus.WITHDRAWN,
)
CHANGELIST = reverse("admin:meetings_meeting_changelist")


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


def test_editor_submits_for_review_but_cannot_publish(editor_client, make_meeting, make_citation):
    meeting = make_meeting(status=DRAFT)
    make_citation(meeting)
    editor_client.post(CHANGELIST, {"action": "submit_for_review_selected", "_selected_action": [meeting.pk]})
    meeting.refresh_from_db()
    assert meeting.status == IN_REVIEW

    # The publish action is not even offered to an editor without the permission.
    response = editor_client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [meeting.pk]}, follow=True)
    meeting.refresh_from_db()
    assert meeting.status == IN_REVIEW
    assert "publish_selected" not in {value for value, _label in response.context["action_form"].fields["action"].choices}


def test_publisher_publishes_and_is_recorded_as_reviewer(publisher_client, publisher, editor, make_meeting, make_citation):
    meeting = make_meeting(status=IN_REVIEW)
    make_citation(meeting)
    publisher_client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [meeting.pk]})
    meeting.refresh_from_db()
    assert meeting.status == PUBLISHED
    assert meeting.reviewed_by == publisher
    assert meeting.published_at is not None
    assert meeting.history.latest().history_change_reason == "Published"


def test_the_author_is_recorded_when_an_editor_adds_a_record(editor_client, editor, make_body):
    body = make_body()
    data = meeting_change_data(
        Meeting(body=body, title="Apex committee", slug="apex-committee", date=None, date_precision="unknown"),
        expected_version="",
    )
    response = editor_client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 302
    meeting = Meeting.objects.get(slug="apex-committee")
    assert meeting.created_by == editor
    assert meeting.status == DRAFT
    assert meeting.history.get().history_user == editor


def test_the_status_cannot_be_set_through_the_form(editor_client, make_meeting, make_citation):
    meeting = make_meeting(status=DRAFT)
    response = editor_client.post(
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        meeting_change_data(meeting, status=PUBLISHED),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == DRAFT


def test_save_and_publish_button(publisher_client, make_meeting, make_citation):
    meeting = make_meeting(status=DRAFT)
    make_citation(meeting)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    assert 'name="_publish"' in publisher_client.get(url).content.decode()
    response = publisher_client.post(url, meeting_change_data(meeting, place="Lahore", _publish="Save and publish"), follow=True)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.place) == (PUBLISHED, "Lahore")
    assert any("is now published" in message for message in messages_of(response))


def test_editor_sees_no_publish_button_and_cannot_change_a_published_record(editor_client, make_meeting, cited_meeting):
    draft = make_meeting(status=DRAFT)
    page = editor_client.get(reverse("admin:meetings_meeting_change", args=[draft.pk])).content.decode()
    assert 'name="_submit_for_review"' in page
    assert 'name="_publish"' not in page

    url = reverse("admin:meetings_meeting_change", args=[cited_meeting.pk])
    assert editor_client.get(url).status_code == 200  # read-only view
    response = editor_client.post(url, meeting_change_data(cited_meeting, place="Lahore", correction_note="Moved."))
    assert response.status_code == 403
    cited_meeting.refresh_from_db()
    assert cited_meeting.place == "Islamabad"


def test_withdrawn_records_leave_public_view_but_are_kept(publisher_client, client, cited_meeting):
    public_url = cited_meeting.get_absolute_url()
    assert client.get(public_url).status_code == 200
    publisher_client.post(CHANGELIST, {"action": "withdraw_selected", "_selected_action": [cited_meeting.pk]})
    cited_meeting.refresh_from_db()
    assert cited_meeting.status == WITHDRAWN
    assert not Meeting.objects.published().filter(pk=cited_meeting.pk).exists()
    assert client.get(public_url).status_code == 404
    # Republishing is possible: nothing was lost.
    publisher_client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [cited_meeting.pk]})
    assert client.get(public_url).status_code == 200


def test_transitions_that_make_no_sense_are_refused(publisher, editor, cited_meeting):
    with pytest.raises(services.WorkflowError, match="cannot be moved"):
        services.record_submit_for_review(record=cited_meeting, user=publisher)
    # The service refuses whoever calls it (the API, a command), not only the admin.
    with pytest.raises(services.PublishPermissionRequired):
        services.record_withdraw(record=cited_meeting, user=editor)
    cited_meeting.refresh_from_db()
    assert cited_meeting.status == PUBLISHED


# --- Corroboration when publishing ----------------------------------------------------------------


def test_a_meeting_without_citation_is_not_published(publisher_client, make_meeting):
    meeting = make_meeting(status=DRAFT)
    response = publisher_client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [meeting.pk]}, follow=True)
    meeting.refresh_from_db()
    assert meeting.status == DRAFT
    assert any("has no citation whose quote is in its source" in message for message in messages_of(response))


def test_a_citation_whose_quote_is_not_in_its_source_does_not_count(publisher, make_meeting, make_source):
    meeting = make_meeting(status=DRAFT)
    source = make_source(text="The committee met in Islamabad.")
    # Written around Citation.clean, as a bulk import might: the publish check does not trust it.
    Citation.objects.create(meeting=meeting, source=source, quote="met in Lahore")
    with pytest.raises(services.NotCorroborated):
        services.record_publish(record=meeting, user=publisher)
    meeting.refresh_from_db()
    assert meeting.status == DRAFT


def test_publishing_a_meeting_publishes_its_cited_parts_and_draft_source_together(publisher, make_meeting, make_source, make_citation, make_body):
    meeting = make_meeting(status=DRAFT, body=make_body(status=DRAFT))
    source = make_source(text="The Prime Minister chaired the committee, which decided to set up a cell.", status=DRAFT)
    make_citation(meeting, quote="The Prime Minister chaired the committee", source=source)
    attendee = Attendee.objects.create(meeting=meeting, group_label="the Prime Minister", role="chair", status=DRAFT)
    make_citation(attendee, quote="The Prime Minister chaired", source=source)
    decision = Decision.objects.create(meeting=meeting, text="Set up a cell.", domain="governance", status=IN_REVIEW)
    make_citation(decision, quote="decided to set up a cell", source=source)

    published = services.record_publish(record=meeting, user=publisher)

    assert {type(record).__name__ for record in published} == {"Meeting", "Attendee", "Decision", "Body", "SourceDocument"}
    for record in (meeting, attendee, decision, source, meeting.body):
        record.refresh_from_db()
        assert record.status == PUBLISHED, record


def test_one_uncited_part_stops_the_whole_publication(publisher, make_meeting, make_citation):
    meeting = make_meeting(status=DRAFT)
    make_citation(meeting)
    attendee = Attendee.objects.create(meeting=meeting, group_label="service chiefs", status=DRAFT)
    with pytest.raises(services.NotCorroborated, match="service chiefs"):
        services.record_publish(record=meeting, user=publisher)
    meeting.refresh_from_db()
    attendee.refresh_from_db()
    assert (meeting.status, attendee.status) == (DRAFT, DRAFT)
