"""Two editors saving the same record from stale copies: the second save is refused, and loses nothing it typed."""
import pytest
from django.urls import reverse

from editorial import services
from meetings.models import Meeting
from foundations.publication import PublicationStatus
from tests.conftest import signed_in
from tests.editorial.conftest import meeting_change_data


def test_the_second_of_two_stale_admin_forms_is_refused(publisher, second_publisher, make_meeting):
    meeting = make_meeting(status=PublicationStatus.DRAFT, place="Islamabad")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    paula, omar = signed_in(publisher), signed_in(second_publisher)
    # Both open the form at version 1.
    opened_by_paula = paula.get(url).context["adminform"].form
    opened_by_omar = omar.get(url).context["adminform"].form
    assert opened_by_paula["expected_version"].value() == opened_by_omar["expected_version"].value() == 1

    assert paula.post(url, meeting_change_data(meeting, place="Lahore")).status_code == 302

    response = omar.post(url, meeting_change_data(meeting, summary="Omar's careful summary."))
    assert response.status_code == 200
    page = response.content.decode()
    assert "changed by paula" in page
    assert "Your changes were not saved" in page
    assert "Omar&#x27;s careful summary." in page  # his text is still in the form, to copy
    meeting.refresh_from_db()
    assert (meeting.place, meeting.summary, meeting.version) == ("Lahore", "", 2)


def test_a_fresh_copy_saves(publisher, make_meeting):
    meeting = make_meeting(status=PublicationStatus.DRAFT)
    client = signed_in(publisher)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    client.post(url, meeting_change_data(meeting, place="Lahore"))
    meeting.refresh_from_db()
    assert client.post(url, meeting_change_data(meeting, place="Quetta")).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.place, meeting.version) == ("Quetta", 3)


def test_the_service_refuses_a_stale_save_whoever_calls_it(publisher, make_meeting):
    meeting = make_meeting(status=PublicationStatus.DRAFT)
    first, second = Meeting.objects.get(pk=meeting.pk), Meeting.objects.get(pk=meeting.pk)
    first.place = "Lahore"
    services.record_save(record=first, user=publisher, expected_version=1)
    second.place = "Quetta"
    with pytest.raises(services.StaleRecordError, match="version 1"):
        services.record_save(record=second, user=publisher, expected_version=1)
    meeting.refresh_from_db()
    assert (meeting.place, meeting.version) == ("Lahore", 2)


def test_an_edit_cannot_change_the_workflow_fields(publisher, editor, make_meeting):
    meeting = make_meeting(status=PublicationStatus.DRAFT)
    meeting.status = PublicationStatus.PUBLISHED
    services.record_save(record=meeting, user=editor, expected_version=1)
    meeting.refresh_from_db()
    assert meeting.status == PublicationStatus.DRAFT


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_from_one_version_cannot_both_win(make_meeting):
    """On PostgreSQL, two connections race for version 1: the conditional UPDATE lets exactly one through."""
    from django.db import connection, connections, transaction

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is private to one connection; it serialises writers anyway.")
    import threading

    meeting = make_meeting(status=PublicationStatus.DRAFT)
    first_claimed = threading.Event()
    outcomes = {}

    def save(name: str, place: str, hold: bool):
        try:
            record = Meeting.objects.get(pk=meeting.pk)
            record.place = place
            if hold:
                with transaction.atomic():
                    services.record_save(record=record, user=None, expected_version=1)
                    first_claimed.set()
                    # Still inside the transaction: the second save now waits on this row, or runs after commit.
                    threading.Event().wait(0.5)
            else:
                first_claimed.wait(10)
                services.record_save(record=record, user=None, expected_version=1)
            outcomes[name] = "saved"
        except services.StaleRecordError:
            outcomes[name] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=("first", "Lahore", True)), threading.Thread(target=save, args=("second", "Quetta", False))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcomes == {"first": "saved", "second": "refused"}
    meeting.refresh_from_db()
    assert (meeting.place, meeting.version) == ("Lahore", 2)
