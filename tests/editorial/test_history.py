"""Every change is kept, shown as a diff in the admin, and can be reverted there; published changes carry a public correction."""
from django.urls import reverse

from editorial.models import Correction
from foundations.publication import PublicationStatus
from sources.models import Citation
from tests.editorial.conftest import inline_management, meeting_change_data


def change(client, meeting, **fields):
    meeting.refresh_from_db()
    return client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), meeting_change_data(meeting, **fields))


def test_a_published_record_needs_a_correction_note(publisher_client, cited_meeting):
    response = change(publisher_client, cited_meeting, place="Lahore")
    assert response.status_code == 200
    assert "say what you corrected" in response.content.decode()
    cited_meeting.refresh_from_db()
    assert cited_meeting.place == "Islamabad"
    assert not Correction.objects.exists()


def test_a_draft_needs_no_correction_note(editor_client, make_meeting):
    meeting = make_meeting(status=PublicationStatus.DRAFT, place="Islamabad")
    assert change(editor_client, meeting, place="Lahore").status_code == 302
    assert not Correction.objects.exists()


def test_history_keeps_who_when_and_what_and_the_admin_shows_the_diff(publisher_client, publisher, cited_meeting):
    response = change(publisher_client, cited_meeting, place="Lahore", correction_note="The meeting was in Lahore, not Islamabad.")
    assert response.status_code == 302
    latest = cited_meeting.history.latest()
    assert latest.history_user == publisher
    assert latest.history_change_reason == "The meeting was in Lahore, not Islamabad."
    delta = latest.diff_against(latest.prev_record)
    assert [(change.field, change.old, change.new) for change in delta.changes] == [("place", "Islamabad", "Lahore")]

    page = publisher_client.get(reverse("admin:meetings_meeting_history", args=[cited_meeting.pk])).content.decode()
    assert "paula" in page
    assert "The meeting was in Lahore, not Islamabad." in page
    assert "Islamabad" in page and "Lahore" in page  # the Changes column: place: Islamabad → Lahore


def test_correction_is_dated_and_shown_to_readers(publisher_client, client, cited_meeting):
    change(publisher_client, cited_meeting, place="Lahore", correction_note="The meeting was in Lahore, not Islamabad.")
    correction = Correction.objects.get()
    assert correction.record == cited_meeting
    page = client.get(cited_meeting.get_absolute_url()).content.decode()
    assert "The meeting was in Lahore, not Islamabad." in page
    assert correction.made_at.strftime("%Y") in page
    assert "Last updated" in page


def test_revert_from_the_history_page(publisher_client, cited_meeting):
    original = cited_meeting.history.earliest()
    change(publisher_client, cited_meeting, place="Lahore", correction_note="Moved to Lahore.")
    cited_meeting.refresh_from_db()
    assert cited_meeting.place == "Lahore"

    url = reverse("admin:meetings_meeting_simple_history", args=[cited_meeting.pk, original.history_id])
    form_page = publisher_client.get(url)
    assert form_page.status_code == 200
    data = meeting_change_data(cited_meeting, place=original.place, correction_note="Islamabad after all: 000 and 001 agree.")
    data = {key: value for key, value in data.items() if "-" not in key}  # the revert form has no inlines
    response = publisher_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    cited_meeting.refresh_from_db()
    assert cited_meeting.place == "Islamabad"
    assert cited_meeting.status == PublicationStatus.PUBLISHED  # a revert never changes the status
    assert Correction.objects.filter(note__startswith="Islamabad after all").exists()
    assert cited_meeting.history.count() == 3


def test_changes_to_parts_are_kept_and_need_the_parents_note(publisher_client, cited_meeting, make_source):
    source = make_source(text="Also present were the service chiefs of Pakistan.")
    citation_data = {
        **inline_management("citations", total=1),
        "citations-0-source": source.pk,
        "citations-0-quote": "the service chiefs",
        "citations-0-note": "",
    }
    refused = change(publisher_client, cited_meeting, **citation_data)
    assert refused.status_code == 200
    assert "write a correction note" in refused.content.decode()
    assert not Citation.objects.filter(source=source).exists()

    accepted = change(publisher_client, cited_meeting, correction_note="Added the service chiefs' source.", **citation_data)
    assert accepted.status_code == 302
    citation = Citation.objects.get(source=source)
    assert citation.history.get().history_change_reason == "Added the service chiefs' source."
