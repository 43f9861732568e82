"""Fixtures for the API tests: an anonymous API client and a small published archive (the editor's token client is in tests/conftest.py)."""
import datetime

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from meetings.models import Attendee, Decision
from foundations.publication import PublicationStatus

AZM_TEXT = (
    "The Central Apex Committee met on Saturday in Islamabad. "
    "The Prime Minister sanctioned a national counter-terrorism campaign with the launch of Operation Azm-e-Istehkam."
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Throttling counts requests in the cache: every test starts with a clean count.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def archive(make_source, make_body, make_meeting, make_person, make_office, make_operation, make_citation):
    """One 2024 meeting about Azm-e-Istehkam with a chair, a decision and citations, plus a 2023 meeting.

    Attendees and decisions are made here, not with make_attendee/make_decision: those make a spare
    meeting even when given one (setdefault evaluates its default).
    """
    source = make_source(text=AZM_TEXT, title="Apex committee approves Azm-e-Istehkam", outlet="Dawn", slug="dawn-azm")
    body = make_body(name="Central Apex Committee", slug="central-apex-committee", kind="federal_apex_committee")
    meeting = make_meeting(body=body, title="Apex committee approves Azm-e-Istehkam", slug="apex-2024-06-22", date=datetime.date(2024, 6, 22))
    older = make_meeting(body=body, title="Apex committee reviews NAP", slug="apex-2023-01-02", date=datetime.date(2023, 1, 2))
    person = make_person(name="Shehbaz Sharif", slug="shehbaz-sharif")
    office = make_office(title="Prime Minister", slug="prime-minister")
    chair = Attendee.objects.create(meeting=meeting, person=person, office=office, role=Attendee.Role.CHAIR, status=PublicationStatus.PUBLISHED)
    operation = make_operation(name="Azm-e-Istehkam", slug="azm-e-istehkam", launch_meeting=meeting)
    operation.aliases.create(name="Azm-e-Istahkam")
    decision = Decision.objects.create(
        meeting=meeting,
        text="Approved Operation Azm-e-Istehkam.",
        domain=Decision.Domain.MILITARY,
        action=Decision.Action.APPROVED,
        status=PublicationStatus.PUBLISHED,
    )
    decision.operations.add(operation)
    quote = "The Prime Minister sanctioned a national counter-terrorism campaign"
    return {
        "source": source,
        "body": body,
        "meeting": meeting,
        "older": older,
        "person": person,
        "office": office,
        "chair": chair,
        "operation": operation,
        "decision": decision,
        "decision_citation": make_citation(decision, quote=quote, source=source),
        "meeting_citation": make_citation(meeting, quote="The Central Apex Committee met on Saturday in Islamabad.", source=source),
        "chair_citation": make_citation(chair, quote="The Prime Minister", source=source),
    }
