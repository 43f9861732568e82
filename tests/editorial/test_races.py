"""Concurrent status moves on one record: exactly one wins, and the record's state and its history agree.

PostgreSQL only: SQLite's test database is private to one connection and serialises writers anyway.
Each thread reads the record on its own connection, as two editors' requests would, then waits at a
barrier so that the moves reach the database together.
"""
import threading

import pytest
from django.db import connection, connections

from editorial import services
from foundations.publication import PublicationStatus
from meetings.models import Meeting

TRIALS = 10


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is private to one connection; it serialises writers anyway.")


def race(record_id: int, moves: dict) -> dict:
    """Run each named move (a function of the record it read) in its own thread and connection; return the outcomes."""
    barrier = threading.Barrier(len(moves))
    outcomes = {}

    def run(name, move):
        try:
            record = Meeting.objects.get(pk=record_id)
            barrier.wait(10)
            move(record)
            outcomes[name] = "won"
        except services.StatusConflict:
            outcomes[name] = "refused"
        except Exception as error:  # noqa: BLE001 - any other outcome fails the test, with its name
            outcomes[name] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in moves.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


def history_agrees(meeting: Meeting) -> None:
    latest = meeting.history.order_by("-history_date", "-history_id").first()
    assert latest.status == meeting.status
    assert latest.published_at == meeting.published_at
    assert latest.reviewed_by_id == meeting.reviewed_by_id


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("trial", range(TRIALS))
def test_publish_racing_return_to_draft_lets_exactly_one_win(postgresql_only, trial, make_meeting, make_citation, django_user_model):
    from sources.editors import editors_group_sync, publishers_group_sync

    editor = django_user_model.objects.create_user(f"race-editor-{trial}")
    editor.groups.add(editors_group_sync())
    publisher = django_user_model.objects.create_user(f"race-publisher-{trial}")
    publisher.groups.add(editors_group_sync(), publishers_group_sync())
    meeting = make_meeting(status=PublicationStatus.IN_REVIEW)
    make_citation(meeting)
    outcomes = race(
        meeting.pk,
        {
            "publish": lambda record: services.record_publish(record=record, user=publisher),
            "return to draft": lambda record: services.record_return_to_draft(record=record, user=editor),
        },
    )
    assert sorted(outcomes.values()) == ["refused", "won"], outcomes
    meeting.refresh_from_db()
    if outcomes["publish"] == "won":
        assert meeting.status == PublicationStatus.PUBLISHED
        assert meeting.published_at is not None and meeting.reviewed_by_id == publisher.pk
    else:
        assert meeting.status == PublicationStatus.DRAFT
        assert meeting.published_at is None
    history_agrees(meeting)
    # One move, one history row after the record's creation.
    assert meeting.history.count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("trial", range(TRIALS))
def test_a_double_submit_for_review_lets_exactly_one_win(postgresql_only, trial, make_meeting, django_user_model):
    from sources.editors import editors_group_sync

    editor = django_user_model.objects.create_user(f"race-submitter-{trial}")
    editor.groups.add(editors_group_sync())
    meeting = make_meeting(status=PublicationStatus.DRAFT)
    submit = lambda record: services.record_submit_for_review(record=record, user=editor)  # noqa: E731
    outcomes = race(meeting.pk, {"first": submit, "second": submit, "third": submit})
    assert sorted(outcomes.values()) == ["refused", "refused", "won"], outcomes
    meeting.refresh_from_db()
    assert meeting.status == PublicationStatus.IN_REVIEW
    assert meeting.version == 2
    history_agrees(meeting)
    assert list(meeting.history.order_by("history_id").values_list("status", flat=True)) == ["draft", "in_review"]


def test_a_move_from_a_state_the_record_has_left_is_refused(make_meeting, editor):
    """The move is checked against the row as it is now, not the copy read before (any database)."""
    meeting = make_meeting(status=PublicationStatus.DRAFT)
    stale = Meeting.objects.get(pk=meeting.pk)
    services.record_submit_for_review(record=Meeting.objects.get(pk=meeting.pk), user=editor)
    with pytest.raises(services.StatusConflict, match="in review now"):
        services.record_submit_for_review(record=stale, user=editor)
    assert meeting.history.count() == 2


def test_the_api_answers_a_lost_race_with_409(make_meeting, make_citation, editor, publisher, monkeypatch):
    """The publisher's request read the record in review; the editor returned it to draft before the move ran."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from editorial.api import WorkflowViewSet

    meeting = make_meeting(status=PublicationStatus.IN_REVIEW)
    make_citation(meeting)
    read = WorkflowViewSet.get_object

    def get_object_then_lose_the_race(view):
        record = read(view)
        services.record_return_to_draft(record=Meeting.objects.get(pk=record.pk), user=editor)
        return record

    monkeypatch.setattr(WorkflowViewSet, "get_object", get_object_then_lose_the_race)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=publisher).key}")
    response = api.post(f"/api/v1/meetings/{meeting.slug}/status/", {"status": "published"}, format="json")
    assert response.status_code == 409, response.content
    assert "draft now" in response.json()["detail"]
    meeting.refresh_from_db()
    assert (meeting.status, meeting.published_at, meeting.reviewed_by_id) == (PublicationStatus.DRAFT, None, None)
    history_agrees(meeting)
