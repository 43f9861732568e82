"""The changes feed's positions follow commit order, so a reader's cursor never passes an entry not yet committed.

PostgreSQL only: SQLite's test database is private to one connection and serialises writers anyway.
Writer A writes and holds its transaction open; writer B, started after, must wait for A's lock
before taking a position, so when both have committed B's entries come after A's, and a reader who
read while A was open saw neither.
"""
import threading

import pytest
from django.db import connection, connections, transaction

from editorial import services
from editorial.change_log import FEED_LOCK
from editorial.models import Change
from foundations.publication import PublicationStatus
from meetings.models import Person


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is private to one connection; it serialises writers anyway.")


def waiting_for_feed_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = %s",
            [FEED_LOCK & 0xFFFFFFFF],
        )
        return cursor.fetchone()[0] > 0


@pytest.mark.django_db(transaction=True)
def test_a_later_writer_waits_and_takes_a_later_position(postgresql_only, make_person):
    first = make_person(status=PublicationStatus.DRAFT)
    second = make_person(status=PublicationStatus.DRAFT)
    a_wrote, a_may_commit = threading.Event(), threading.Event()
    errors = []

    def writer_a():
        try:
            with transaction.atomic():
                services.record_publish(record=Person.objects.get(pk=first.pk), user=None)
                a_wrote.set()
                assert a_may_commit.wait(30)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(repr(error))
        finally:
            connections.close_all()

    def writer_b():
        try:
            services.record_publish(record=Person.objects.get(pk=second.pk), user=None)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(repr(error))
        finally:
            connections.close_all()

    a = threading.Thread(target=writer_a)
    a.start()
    assert a_wrote.wait(30)
    b = threading.Thread(target=writer_b)
    b.start()
    for _ in range(3000):  # bounded: B reaches the lock within moments
        if waiting_for_feed_lock():
            break
        threading.Event().wait(0.01)
    assert waiting_for_feed_lock(), "writer B should wait for writer A's feed lock"
    assert not Change.objects.filter(record_id__in=[first.pk, second.pk]).exists()  # nothing committed yet
    a_may_commit.set()
    a.join(30)
    b.join(30)
    assert errors == []
    positions = {row.record_id: row.pk for row in Change.objects.filter(resource="person", record_id__in=[first.pk, second.pk])}
    assert positions[first.pk] < positions[second.pk]
