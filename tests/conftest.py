"""Fixtures shared by every test: small `make_*` helpers that build valid, saved records."""
import datetime
import itertools

import pytest

from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, Office, Person
from foundations.publication import PublicationStatus
from operations.models import Operation
from sources.models import Citation, SourceDocument, sha256_of_text

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _archive_caches_off(settings):
    """Keep answers and archive-wide values out of the cache unless a test of the caches turns them on.

    A test's writes happen in a transaction that is rolled back, never committed, so the cache version
    never moves: with REDIS_URL set in the developer's shell, a shared cache would otherwise go on
    serving what the test's first request stored.
    """
    settings.ARCHIVE_CACHE_SHARED = False
    settings.RESPONSE_CACHE_ENABLED = False


@pytest.fixture
def make_source(db):
    def make(text=None, **fields):
        n = next(_counter)
        text = text if text is not None else f"Report number {n}. The apex committee met and decided things."
        fields.setdefault("slug", f"source-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return SourceDocument.objects.create(text=text, sha256=sha256_of_text(text), **fields)

    return make


@pytest.fixture
def make_body(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("name", f"Apex Committee {n}")
        fields.setdefault("slug", f"apex-committee-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Body.objects.create(**fields)

    return make


@pytest.fixture
def make_meeting(db, make_body):
    def make(**fields):
        n = next(_counter)
        if "body" not in fields:
            fields["body"] = make_body()
        fields.setdefault("title", f"Meeting {n}")
        fields.setdefault("slug", f"meeting-{n}")
        fields.setdefault("date", datetime.date(2024, 6, 22))
        fields.setdefault("date_precision", DatePrecision.DAY)
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Meeting.objects.create(**fields)

    return make


@pytest.fixture
def make_person(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("name", f"Person {n}")
        fields.setdefault("slug", f"person-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Person.objects.create(**fields)

    return make


@pytest.fixture
def make_office(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("title", f"Office {n}")
        fields.setdefault("slug", f"office-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Office.objects.create(**fields)

    return make


@pytest.fixture
def make_attendee(db, make_meeting):
    def make(**fields):
        if "meeting" not in fields:
            fields["meeting"] = make_meeting()
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        if not any(fields.get(key) for key in ("person", "office", "group_label")):
            fields["group_label"] = "service chiefs"
        return Attendee.objects.create(**fields)

    return make


@pytest.fixture
def make_decision(db, make_meeting):
    def make(**fields):
        if "meeting" not in fields:
            fields["meeting"] = make_meeting()
        fields.setdefault("text", "Decided to establish a coordination cell.")
        fields.setdefault("domain", Decision.Domain.GOVERNANCE)
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Decision.objects.create(**fields)

    return make


@pytest.fixture
def make_operation(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("name", f"Operation {n}")
        fields.setdefault("slug", f"operation-{n}")
        fields.setdefault("kind", Operation.Kind.MILITARY_OPERATION)
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Operation.objects.create(**fields)

    return make


@pytest.fixture
def make_citation(db, make_source):
    def make(target, quote=None, source=None, **fields):
        source = source or make_source()
        quote = quote if quote is not None else source.text[:30]
        field = target._meta.model_name
        citation = Citation(source=source, quote=quote, **{field: target}, **fields)
        citation.full_clean()
        citation.save()
        return citation

    return make
