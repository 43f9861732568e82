"""A mirror kept by the documented procedure (full fetch, then the changes feed) equals a fresh full fetch.

Hypothesis generates sequences of editorial actions (rename, re-date, edit, create and publish,
withdraw, republish, delete, add and remove citations, corrections), all made through editorial.services
as the admin and the API make them; after each one the mirror syncs from /api/v1/changes/ and must equal
what a new client fetching everything would get, embedded summaries and `include=` records included.
"""
import datetime
import itertools

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from rest_framework.test import APIClient

from editorial import services
from foundations.publication import PublicationStatus
from meetings.models import Attendee, Body, Decision, Meeting, Person
from sources.models import Citation, SourceDocument, sha256_of_text

# Each resource as a mirror fetches it: its address and every include, so embedded records are compared too.
RESOURCES = {
    "meeting": ("meetings", "decisions,attendees,operations,citations"),
    "attendee": ("attendees", "citations"),
    "decision": ("decisions", "citations"),
    "person": ("people", "attendances"),
    "office": ("offices", "attendances"),
    "body": ("bodies", None),
    "source": ("sources", "citations"),
    "citation": ("citations", None),
    "operation": ("operations", "children,decisions,citations"),
    "figure": ("figures", None),
    "measure": ("measures", None),
    "organisation": ("organisations", None),
}
NOTE = "Corrected after checking the source again."
TEXT = "The apex committee met in Islamabad. It decided to register madrassas and to ban hate speech in the province."
QUOTES = ["met in Islamabad", "register madrassas", "ban hate speech"]
# Records of earlier examples stay in the test's database: names and slugs never repeat.
_numbers = itertools.count(1)


def _get(client, path):
    cache.clear()  # the anonymous throttle counts in the cache: this client makes many requests
    return client.get(path)


def full_fetch(client) -> dict:
    """Return every public record as a new client gets it: each list walked to its end."""
    records = {}
    for resource, (plural, include) in RESOURCES.items():
        path = f"/api/v1/{plural}/?page_size=200" + (f"&include={include}" if include else "")
        while path:
            answer = _get(client, path)
            assert answer.status_code == 200, answer.content
            body = answer.json()
            for record in body["results"]:
                records[(resource, record["id"])] = record
            path = body["next"]
    return records


class Mirror:
    """A third party's copy, kept by the README's procedure."""

    def __init__(self, client):
        self.client = client
        self.cursor = _get(client, "/api/v1/changes/?limit=0").json()["next_cursor"]
        self.records = full_fetch(client)

    def sync(self):
        while True:
            body = _get(self.client, f"/api/v1/changes/?after={self.cursor}&limit=50").json()
            for entry in body["results"]:
                key = (entry["type"], entry["id"])
                if entry["action"] in ("withdrawn", "deleted"):
                    self.records.pop(key, None)
                    continue
                plural, include = RESOURCES[entry["type"]]
                answer = _get(self.client, f"/api/v1/{plural}/{entry['id']}/" + (f"?include={include}" if include else ""))
                if answer.status_code == 404:  # a later entry says it left; nothing to keep meanwhile
                    self.records.pop(key, None)
                else:
                    assert answer.status_code == 200, answer.content
                    self.records[key] = answer.json()
            self.cursor = body["next_cursor"]
            if not body["has_more"]:
                return


class EditorialActions(RuleBasedStateMachine):
    """Editorial actions through the one write path, with a mirror synced after each."""

    publisher = None

    def __init__(self):
        super().__init__()
        self.source = self._published_source()
        self.body = Body.objects.create(name=self._name("Apex Committee"), slug=self._slug("apex"), status=PublicationStatus.PUBLISHED)
        self.people = [
            Person.objects.create(name=self._name("Person"), slug=self._slug("person"), status=PublicationStatus.PUBLISHED)
            for _ in range(2)
        ]
        self.meetings = [self._meeting() for _ in range(2)]
        self.mirror = Mirror(APIClient())

    # -- helpers --

    def _name(self, stem):
        return f"{stem} {next(_numbers)}"

    def _slug(self, stem):
        return f"{stem}-{next(_numbers)}"

    def _published_source(self):
        slug = self._slug("source")
        text = f"{TEXT} ({slug})"
        return SourceDocument.objects.create(text=text, sha256=sha256_of_text(text), slug=slug, title="Report", status=PublicationStatus.PUBLISHED)

    def _cite(self, fact, quote=QUOTES[0]):
        citation = Citation(source=self.source, quote=quote, **{fact._meta.model_name: fact})
        services.record_save(record=citation, user=self.publisher, correction_note=NOTE)
        return citation

    def _meeting(self):
        if self._fresh(self.source).status != PublicationStatus.PUBLISHED:
            self.source = self._published_source()
        meeting = Meeting(body=self.body, title=self._name("Meeting"), slug=self._slug("meeting"), date=datetime.date(2024, 6, 22), date_precision="day")
        services.record_save(record=meeting, user=self.publisher)
        self._cite(meeting)
        attendee = Attendee(meeting=meeting, person=self.people[0], role=Attendee.Role.CHAIR)
        services.record_save(record=attendee, user=self.publisher)
        self._cite(attendee)
        decision = Decision(meeting=meeting, text="Register madrassas.", domain=Decision.Domain.GOVERNANCE)
        services.record_save(record=decision, user=self.publisher)
        self._cite(decision, QUOTES[1])
        services.record_publish(record=meeting, user=self.publisher)
        return meeting

    def _fresh(self, record):
        return type(record)._default_manager.filter(pk=record.pk).first()

    def _facts(self):
        return [
            *Meeting.objects.filter(pk__in=[m.pk for m in self.meetings]),
            *Attendee.objects.filter(meeting__in=self.meetings),
            *Decision.objects.filter(meeting__in=self.meetings),
        ]

    def _try(self, action):
        try:
            action()
        except services.WorkflowError:
            pass  # refused by the workflow: nothing changed, and the mirror must still agree

    # -- rules --

    @rule(which=st.integers(0, 1), name=st.sampled_from(["Nawaz Sharif", "Shehbaz Sharif", "Imran Khan"]))
    def rename_person(self, which, name):
        person = self._fresh(self.people[which])
        person.name = name
        services.record_save(record=person, user=self.publisher, correction_note=NOTE)

    @rule(name=st.sampled_from(["Apex Committee (Punjab)", "Central Apex Committee"]))
    def rename_body(self, name):
        body = self._fresh(self.body)
        body.name = self._name(name)  # body names are unique, and earlier examples' bodies remain
        services.record_save(record=body, user=self.publisher, correction_note=NOTE)

    @rule(which=st.integers(0, 1), day=st.integers(1, 28), precision=st.sampled_from(["day", "year"]))
    def redate_meeting(self, which, day, precision):
        meeting = self._fresh(self.meetings[which])
        if meeting is None:
            return
        meeting.date = datetime.date(2015, 1, day) if precision == "day" else datetime.date(2015, 1, 1)
        meeting.date_precision = precision
        self._try(lambda: services.record_save(record=meeting, user=self.publisher, correction_note=NOTE))

    @rule()
    def add_meeting(self):
        self.meetings.append(self._meeting())

    @rule(which=st.integers(0, 30))
    def withdraw_fact(self, which):
        facts = self._facts()
        record = facts[which % len(facts)]
        self._try(lambda: services.record_withdraw(record=record, user=self.publisher))

    @rule(which=st.integers(0, 30))
    def republish_fact(self, which):
        facts = self._facts()
        record = facts[which % len(facts)]
        self._try(lambda: services.record_publish(record=record, user=self.publisher))

    @rule(which=st.integers(0, 1))
    def withdraw_or_republish_person(self, which):
        person = self._fresh(self.people[which])
        action = services.record_withdraw if person.status == PublicationStatus.PUBLISHED else services.record_publish
        self._try(lambda: action(record=person, user=self.publisher))

    @rule()
    def withdraw_or_republish_source(self):
        source = self._fresh(self.source)
        action = services.record_withdraw if source.status == PublicationStatus.PUBLISHED else services.record_publish
        self._try(lambda: action(record=source, user=self.publisher))

    @rule(which=st.integers(0, 30), quote=st.sampled_from(QUOTES))
    def add_citation(self, which, quote):
        facts = self._facts()
        self._try(lambda: self._cite(facts[which % len(facts)], quote))

    @rule(which=st.integers(0, 30))
    def delete_citation(self, which):
        citations = list(Citation.objects.filter(pk__in=[c.pk for fact in self._facts() for c in fact.citations.all()]).order_by("pk"))
        if citations:
            citation = citations[which % len(citations)]
            self._try(lambda: services.record_delete(record=citation, user=self.publisher, correction_note=NOTE))

    @rule(which=st.integers(0, 30))
    def delete_attendee(self, which):
        attendees = list(Attendee.objects.filter(meeting__in=self.meetings).order_by("pk"))
        if attendees:
            attendee = attendees[which % len(attendees)]
            self._try(lambda: services.record_delete(record=attendee, user=self.publisher, correction_note=NOTE))

    @rule(which=st.integers(0, 30), person=st.integers(0, 1))
    def change_attendee_person(self, which, person):
        attendees = list(Attendee.objects.filter(meeting__in=self.meetings).order_by("pk"))
        if attendees:
            attendee = attendees[which % len(attendees)]
            attendee.person = self.people[person]
            self._try(lambda: services.record_save(record=attendee, user=self.publisher, correction_note=NOTE))

    @rule(which=st.integers(0, 30))
    def edit_decision(self, which):
        decisions = list(Decision.objects.filter(meeting__in=self.meetings).order_by("pk"))
        if decisions:
            decision = decisions[which % len(decisions)]
            decision.text = decision.text + " (amended)"
            self._try(lambda: services.record_save(record=decision, user=self.publisher, correction_note=NOTE))

    @invariant()
    def mirror_equals_a_fresh_fetch(self):
        self.mirror.sync()
        fresh = full_fetch(self.mirror.client)
        missing = sorted(set(fresh) - set(self.mirror.records))
        extra = sorted(set(self.mirror.records) - set(fresh))
        stale = sorted(key for key in fresh.keys() & self.mirror.records.keys() if fresh[key] != self.mirror.records[key])
        assert (missing, extra, stale) == ([], [], [])


@pytest.mark.django_db
def test_a_mirror_kept_by_the_changes_feed_equals_a_fresh_fetch(publisher):
    EditorialActions.publisher = publisher
    run_state_machine_as_test(
        EditorialActions,
        settings=settings(
            max_examples=5,
            stateful_step_count=5,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,
        ),
    )
