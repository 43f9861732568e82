"""A list page runs the same number of queries for 1 row as for 30, with and without include=."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Attendee, Decision
from foundations.publication import PublicationStatus

PUBLISHED = PublicationStatus.PUBLISHED


@pytest.fixture
def grow(make_source, make_body, make_meeting, make_person, make_office, make_operation, make_citation):
    """Return a function adding n fully furnished meetings (chair, decisions, operations, citations)."""
    root = make_operation()
    created = []

    def add(n):
        for _ in range(n):
            index = len(created)
            body = make_body()
            operation = make_operation(parent=root)
            meeting = make_meeting(body=body, date=datetime.date(2024, 1, 1) + datetime.timedelta(days=index))
            source = make_source(outlet="Dawn")
            chair = Attendee.objects.create(meeting=meeting, person=make_person(), office=make_office(), role="chair", status=PUBLISHED)
            Attendee.objects.create(meeting=meeting, group_label="chief ministers", status=PUBLISHED)
            for order in range(2):
                decision = Decision.objects.create(meeting=meeting, order=order, text="Decided.", domain="military", status=PUBLISHED)
                decision.operations.add(operation)
                decision.bodies.add(body)
                make_citation(decision, source=source)
            make_citation(meeting, source=source)
            make_citation(chair, source=source)
            created.append(meeting)

    return add


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(queries), response


LISTS = [
    "/api/v1/meetings/?page_size=100",
    "/api/v1/meetings/?page_size=100&include=decisions,attendees,operations,citations,source_text",
    "/api/v1/decisions/?page_size=100",
    "/api/v1/decisions/?page_size=100&include=citations,source_text",
    "/api/v1/attendees/?page_size=100&include=citations",
    "/api/v1/operations/?page_size=100&include=children,decisions,citations",
    "/api/v1/people/?page_size=100&include=attendances",
    "/api/v1/offices/?page_size=100&include=attendances",
    "/api/v1/bodies/?page_size=100",
    "/api/v1/sources/?page_size=100&include=citations,source_text",
    "/api/v1/citations/?page_size=100&include=source_text",
    "/api/v1/meetings/?page_size=100&year=2024&domain=military&outlet=Dawn&search=meeting&ordering=-date",
]


@pytest.mark.parametrize("path", LISTS)
def test_list_queries_do_not_grow_with_the_rows(client, grow, path, django_assert_num_queries):
    grow(1)
    one, response = queries_for(client, path)
    assert response.json()["count"] >= 1
    grow(29)
    with django_assert_num_queries(one):
        response = client.get(path)
    assert response.json()["count"] >= 30


@pytest.mark.parametrize("path", LISTS[:2])
def test_editors_list_queries_do_not_grow_either(editor_api_client, grow, path, django_assert_num_queries):
    grow(1)
    one, _ = queries_for(editor_api_client, path)
    grow(29)
    with django_assert_num_queries(one):
        editor_api_client.get(path)


def test_a_meeting_list_with_everything_included_stays_a_handful_of_queries(client, grow):
    grow(30)
    count, response = queries_for(client, LISTS[1])
    assert len(response.json()["results"]) == 30
    # Last-Modified, count, page, then one query per prefetched relation.
    assert count <= 16
