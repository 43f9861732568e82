"""
What the changes feed records when a record is written: the record itself and every public record whose
API answer embeds it or whose visibility depends on it.

`ChangeRecorder` is used by editorial.services alone (the one write path): it notes which records a
write may touch and which of them are public before the write, then, after it, which still exist and
are public, and writes one `Change` per record whose public answer may differ:

- public before and after: `updated` (the record written), `related_changed` (a record that embeds it),
  `corrected` (a correction note published on it, with the note);
- public only after: `created` (it entered public view);
- public only before: `withdrawn` if it still exists, `deleted` if not.

A record that was never public gives no entry: the feed reveals nothing about drafts.

`EMBEDS` is the one list of "who embeds whom", written from the serializers (summaries, counts,
`include=` fields, citations' `supports` labels) and the `public_condition()`s. The mirror test
(tests/editorial/test_mirror_sync.py) compares a mirror kept by the feed with a fresh fetch and fails
when a serializer gains an embedded record this list does not name.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps
from django.db import connection, models

from editorial.models import Change

# The API resource of each model whose records the feed names.
RESOURCES: dict[str, str] = {
    "meetings.meeting": "meeting",
    "meetings.attendee": "attendee",
    "meetings.decision": "decision",
    "meetings.person": "person",
    "meetings.office": "office",
    "meetings.body": "body",
    "operations.operation": "operation",
    "sources.sourcedocument": "source",
    "sources.citation": "citation",
    "figures.figure": "figure",
    "figures.measure": "measure",
    "organisations.organisation": "organisation",
}

# For each model: the records that embed one of its records, as (their model, the lookup from them to it).
EMBEDS: dict[str, tuple[tuple[str, str], ...]] = {
    "meetings.body": (
        ("meetings.Body", "parent"),
        ("meetings.Meeting", "body"),
        ("meetings.Meeting", "decisions__bodies"),
        ("meetings.Attendee", "meeting__body"),
        ("meetings.Decision", "meeting__body"),
        ("meetings.Decision", "bodies"),
        ("meetings.Person", "attendances__meeting__body"),
        ("meetings.Office", "attendances__meeting__body"),
        ("operations.Operation", "launch_meeting__body"),
        ("operations.Operation", "decisions__meeting__body"),
        ("operations.Operation", "decisions__bodies"),
        ("sources.Citation", "meeting__body"),
        ("sources.Citation", "attendee__meeting__body"),
        ("sources.Citation", "decision__meeting__body"),
        ("sources.SourceDocument", "citations__meeting__body"),
        ("sources.SourceDocument", "citations__attendee__meeting__body"),
        ("sources.SourceDocument", "citations__decision__meeting__body"),
        ("figures.Figure", "given_by_body"),
        ("organisations.Organisation", "decisions__meeting__body"),
    ),
    "meetings.person": (
        ("meetings.Attendee", "person"),
        ("meetings.Meeting", "attendees__person"),
        ("meetings.Office", "attendances__person"),
        ("sources.Citation", "attendee__person"),
        ("sources.SourceDocument", "citations__attendee__person"),
    ),
    "meetings.office": (
        ("meetings.Attendee", "office"),
        ("meetings.Meeting", "attendees__office"),
        ("meetings.Person", "attendances__office"),
        ("sources.Citation", "attendee__office"),
        ("sources.SourceDocument", "citations__attendee__office"),
    ),
    "meetings.meeting": (
        ("meetings.Body", "meetings"),
        ("meetings.Attendee", "meeting"),
        ("meetings.Decision", "meeting"),
        ("meetings.Person", "attendances__meeting"),
        ("meetings.Office", "attendances__meeting"),
        ("operations.Operation", "launch_meeting"),
        ("operations.Operation", "decisions__meeting"),
        ("sources.Citation", "meeting"),
        ("sources.Citation", "attendee__meeting"),
        ("sources.Citation", "decision__meeting"),
        ("sources.SourceDocument", "citations__meeting"),
        ("sources.SourceDocument", "citations__attendee__meeting"),
        ("sources.SourceDocument", "citations__decision__meeting"),
        ("organisations.Organisation", "decisions__meeting"),
    ),
    "meetings.attendee": (
        ("meetings.Meeting", "attendees"),
        ("meetings.Person", "attendances"),
        ("meetings.Office", "attendances"),
        ("sources.Citation", "attendee"),
        ("sources.SourceDocument", "citations__attendee"),
    ),
    "meetings.decision": (
        ("meetings.Meeting", "decisions"),
        ("operations.Operation", "decisions"),
        ("organisations.Organisation", "decisions"),
        ("sources.Citation", "decision"),
        ("sources.SourceDocument", "citations__decision"),
    ),
    "operations.operation": (
        ("operations.Operation", "parent"),
        ("operations.Operation", "children"),
        ("operations.Operation", "decisions__operations"),
        ("meetings.Decision", "operations"),
        ("meetings.Meeting", "decisions__operations"),
        ("meetings.Meeting", "launched_operations"),
        ("sources.Citation", "operation"),
        ("sources.SourceDocument", "citations__operation"),
        ("organisations.Organisation", "operations"),
    ),
    "sources.sourcedocument": (
        ("sources.Citation", "source"),
        ("meetings.Meeting", "citations__source"),
        ("meetings.Meeting", "decisions__citations__source"),
        ("meetings.Meeting", "attendees__citations__source"),
        ("meetings.Attendee", "citations__source"),
        ("meetings.Decision", "citations__source"),
        ("operations.Operation", "citations__source"),
        ("operations.Operation", "decisions__citations__source"),
        ("figures.Figure", "source"),
        ("figures.Measure", "figures__source"),
        ("organisations.Organisation", "citations__source"),
    ),
    "sources.citation": (
        ("meetings.Meeting", "citations"),
        ("meetings.Meeting", "decisions__citations"),
        ("meetings.Meeting", "attendees__citations"),
        ("meetings.Attendee", "citations"),
        ("meetings.Decision", "citations"),
        ("operations.Operation", "citations"),
        ("operations.Operation", "decisions__citations"),
        ("sources.SourceDocument", "citations"),
    ),
    "figures.figure": (("figures.Measure", "figures"),),
    "figures.measure": (("figures.Figure", "measure"),),
    "organisations.organisationcitation": (("organisations.Organisation", "citations"),),
}

# Any number will do, as long as nothing else in the database takes this advisory lock.
FEED_LOCK = 0x4E4150_4645  # "NAP", "FE"(ed)

Key = tuple[type[models.Model], int]


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def embedding_records(records: Iterable[models.Model]) -> dict[type[models.Model], set[int]]:
    """Return the records themselves and every record that embeds one of them, as ids by model."""
    found: dict[type[models.Model], set[int]] = defaultdict(set)
    for record in records:
        if record.pk is None:
            continue
        found[type(record)].add(record.pk)
        for label, lookup in EMBEDS.get(_label(type(record)), ()):
            model = apps.get_model(label)
            found[model].update(model._default_manager.filter(**{lookup: record.pk}).values_list("pk", flat=True))
    return found


def _public(found: dict[type[models.Model], set[int]]) -> set[Key]:
    public = set()
    for model, ids in found.items():
        if ids and _label(model) in RESOURCES:
            public.update((model, pk) for pk in model._default_manager.public().filter(pk__in=ids).values_list("pk", flat=True))
    return public


def _existing(model: type[models.Model], ids: set[int]) -> set[int]:
    return set(model._default_manager.filter(pk__in=ids).values_list("pk", flat=True))


def write_changes(changes: list[Change]) -> None:
    """Write the feed's entries, in commit order.

    An id from a sequence is taken when a row is inserted, not when its transaction commits: without a
    lock, a transaction could take id 10, another take 11 and commit first, and a reader who then read
    11 would move past 10 and never see it. So every writer first takes one transaction-level advisory
    lock (PostgreSQL releases it at commit or rollback), and ids are taken only by its holder: an entry
    becomes visible only after every entry with a smaller id. SQLite lets one writer in at a time anyway.
    """
    if not changes:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FEED_LOCK])
    Change.objects.bulk_create(changes)


class ChangeRecorder:
    """Note what a write may change before it is made; `finish()` after it writes the feed's entries."""

    def __init__(self, *records: models.Model):
        self.records = [record for record in records if record is not None]
        self.before = embedding_records(self.records)
        self.public_before = _public(self.before)
        self.written = {(type(record), record.pk) for record in self.records if record.pk is not None}
        # A deleted record's pk is None afterwards: the cause of related changes is named as it was.
        self.cause_ids = [record.pk for record in self.records]

    def finish(self, *, correction_notes: Iterable[tuple[models.Model, str]] = ()) -> None:
        """Write an entry for every record whose public answer may have changed (and each correction note)."""
        self.written |= {(type(record), record.pk) for record in self.records if record.pk is not None}
        touched = embedding_records(self.records)
        for model, ids in self.before.items():
            touched[model] |= ids
        public_after = _public(touched)
        existing = {model: _existing(model, ids) for model, ids in touched.items() if _label(model) in RESOURCES}
        cause = self.records[0] if self.records else None
        cause_resource = RESOURCES.get(_label(type(cause)), "") if cause is not None else ""
        cause_id = (cause.pk or self.cause_ids[0]) if cause is not None else None
        if cause is not None and (type(cause), cause_id) not in self.public_before | public_after:
            # A draft (or a record never public) is not named: the feed reveals nothing about drafts.
            cause_resource, cause_id = "", None
        changes = []
        for model, ids in touched.items():
            resource = RESOURCES.get(_label(model))
            if resource is None:
                continue
            for pk in sorted(ids):
                key = (model, pk)
                was, now = key in self.public_before, key in public_after
                if not (was or now):
                    continue
                if was and not now:
                    action = Change.Action.WITHDRAWN if pk in existing[model] else Change.Action.DELETED
                elif now and not was:
                    action = Change.Action.CREATED
                elif key in self.written:
                    action = Change.Action.UPDATED
                else:
                    action = Change.Action.RELATED
                related = action == Change.Action.RELATED
                changes.append(
                    Change(
                        resource=resource,
                        record_id=pk,
                        action=action,
                        cause_resource=cause_resource if related else "",
                        cause_id=cause_id if related else None,
                    )
                )
        for record, note in correction_notes:
            resource = RESOURCES.get(_label(type(record)))
            if resource is not None and (type(record), record.pk) in public_after:
                changes.append(Change(resource=resource, record_id=record.pk, action=Change.Action.CORRECTED, note=note))
        write_changes(changes)
