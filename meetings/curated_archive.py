"""
Load the curated seed archive: the meetings, attendees, decisions and operations editors read from the seeds.

The archive is a hand-editable JSON file (meetings/curated/seed_archive.json) whose records are keyed by
natural keys: slugs, and sources by the name of the file they were imported from. Loading it again brings
each record up to date in place and never makes a second copy; a record that already matches is not saved
at all, so its updated_at (which API consumers sync on) does not move. Loading never deletes anything:
records editors add in the admin stay.

Everything is loaded in one transaction and every record goes through full_clean(), so a quote that is not
in its source, an unknown slug or a bad choice stops the load with a message naming the record, and nothing
is written.

Records are written through the editorial workflow (editorial.services), as every command must: edits
go through record_save (the version goes up, so an editor's stale copy is refused, and the history says
why), and what the archive holds is published through record_publish once its citations are in place. A
record the editors have withdrawn stays withdrawn.

Once an editor has changed a record in any way (its history holds a change by a user), the file no longer
overrides it: the loader leaves it as the editors made it and counts it as "kept". So running `make run`
again never undoes an editor's correction.
"""
from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from django.core.exceptions import ValidationError
from django.db import models, transaction

from editorial import services as editorial
from meetings.models import (
    Attendee,
    Body,
    BodyAlias,
    Decision,
    Meeting,
    MeetingAgendaItem,
    Office,
    Person,
    PersonAlias,
    Weekday,
)
from foundations.publication import EditorialRecord, PublicationStatus
from operations.models import Operation, OperationAlias, Region
from sources.models import Citation, SourceDocument

DEFAULT_PATH = Path(__file__).resolve().parent / "curated" / "seed_archive.json"

CREATED, UPDATED, UNCHANGED, KEPT, PUBLISHED = "created", "updated", "unchanged", "kept", "published"
CHANGE_REASON = "Loaded from the curated seed archive"

# The order the summary lists models in: the order they are loaded.
MODELS_IN_ORDER = [
    SourceDocument,
    Region,
    Body,
    BodyAlias,
    Person,
    PersonAlias,
    Office,
    Meeting,
    MeetingAgendaItem,
    Operation,
    OperationAlias,
    Attendee,
    Decision,
    Citation,
]

_WEEKDAYS = {label: value for value, label in Weekday.choices}


def _edited_by_editors(instance: models.Model) -> bool:
    """Return True if a person (not a loader) has changed the record: then it is the editors', not the file's."""
    history = getattr(instance, "history", None)
    return history is not None and history.filter(history_user__isnull=False).exists()


class CuratedArchiveError(Exception):
    """The curated archive cannot be loaded; the message names the record and says why."""


def curated_archive_load(*, path: str | Path, stdout: TextIO | None = None) -> dict[str, Counter]:
    """
    Load the curated archive at `path` and return, per model name, how many records were created/updated/unchanged.

    The sources it quotes must already be imported (`manage.py import_sources seeds/`). Raise
    CuratedArchiveError, having written nothing, if the file or any record in it is wrong.
    """
    archive = _read(Path(path))
    loader = _ArchiveLoader(archive=archive, path=Path(path), stdout=stdout)
    with transaction.atomic():
        loader.load()
    loader.write_summary()
    return loader.counts


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CuratedArchiveError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CuratedArchiveError(f"{path}: cannot read it ({error})") from None
    try:
        archive = json.loads(raw)
    except json.JSONDecodeError as error:
        raise CuratedArchiveError(f"{path}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    return _expect_keys(
        archive,
        where=str(path),
        required={"sources", "meetings", "operations"},
        optional={"about", "regions", "bodies", "people", "offices"},
    )


def _expect_keys(record: Any, *, where: str, required: set[str], optional: set[str] = frozenset()) -> dict[str, Any]:
    """Return the record if it is an object with the required keys and no others (a misspelt key is an error)."""
    if not isinstance(record, dict):
        raise CuratedArchiveError(f"{where}: expected an object, found {type(record).__name__}")
    problems = []
    missing = sorted(required - record.keys())
    unknown = sorted(record.keys() - required - optional)
    if missing:
        problems.append("missing " + ", ".join(repr(key) for key in missing))
    if unknown:
        known = ", ".join(sorted(required | optional))
        problems.append(f"unknown key(s) {', '.join(repr(key) for key in unknown)} (known keys: {known})")
    if problems:
        raise CuratedArchiveError(f"{where}: {'; '.join(problems)}")
    return record


def _expect_list(value: Any, *, where: str) -> list:
    if not isinstance(value, list):
        raise CuratedArchiveError(f"{where}: expected a list, found {type(value).__name__}")
    return value


def _describe_error(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    return " ".join(error.messages)


class _ArchiveLoader:
    """One load of one archive file: resolves natural keys, syncs records and tallies what changed."""

    def __init__(self, *, archive: dict[str, Any], path: Path, stdout: TextIO | None):
        self.archive = archive
        self.path = path
        self.stdout = stdout
        self.counts: dict[str, Counter] = {model.__name__: Counter() for model in MODELS_IN_ORDER}
        self.sources: dict[str, SourceDocument] = {}
        self.seen: set[tuple[type, int]] = set()
        # Every workflow record the file names, in load order: published at the end, once cited.
        self.to_publish: list[EditorialRecord] = []

    # -- output ---------------------------------------------------------------------------------------------

    def write(self, line: str) -> None:
        if self.stdout is not None:
            self.stdout.write(line + "\n")

    def write_summary(self) -> None:
        self.write(f"Loaded the curated archive {self.path}.")
        self.write(f"  {'':<20}{'created':>8}{'updated':>8}{'unchanged':>10}{'kept':>6}{'published':>10}")
        for name, counts in self.counts.items():
            self.write(
                f"  {name:<20}{counts[CREATED]:>8}{counts[UPDATED]:>8}{counts[UNCHANGED]:>10}{counts[KEPT]:>6}{counts[PUBLISHED]:>10}"
            )
        kept = sum(counts[KEPT] for counts in self.counts.values())
        if kept:
            self.write(f"{kept} record(s) changed by editors were kept as they made them.")
        created, updated, published = (sum(counts[key] for counts in self.counts.values()) for key in (CREATED, UPDATED, PUBLISHED))
        if created == updated == published == 0:
            self.write("Nothing changed: the database already matches the curated archive.")
        else:
            self.write(f"{created} record(s) created, {updated} updated, {published} published.")

    # -- the load -------------------------------------------------------------------------------------------

    def load(self) -> None:
        self.load_sources()
        for position, record in enumerate(_expect_list(self.archive.get("regions", []), where="regions")):
            self.load_region(record, where=f"regions[{position}]")
        for position, record in enumerate(_expect_list(self.archive.get("bodies", []), where="bodies")):
            self.load_body(record, where=f"bodies[{position}]")
        for position, record in enumerate(_expect_list(self.archive.get("people", []), where="people")):
            self.load_person(record, where=f"people[{position}]")
        for position, record in enumerate(_expect_list(self.archive.get("offices", []), where="offices")):
            self.load_office(record, where=f"offices[{position}]")
        self.write(
            f"Regions, bodies, people and offices: {len(self.archive.get('regions', []))}, "
            f"{len(self.archive.get('bodies', []))}, {len(self.archive.get('people', []))}, "
            f"{len(self.archive.get('offices', []))}."
        )
        # Operations name their launch meeting and decisions name their operations: meetings first,
        # then operations, then what happened at each meeting.
        meetings = []
        for position, record in enumerate(_expect_list(self.archive["meetings"], where="meetings")):
            meetings.append((self.load_meeting(record, where=f"meetings[{position}]"), record))
        for position, record in enumerate(_expect_list(self.archive["operations"], where="operations")):
            self.load_operation(record, where=f"operations[{position}]")
        for meeting, record in meetings:
            self.load_meeting_business(meeting, record, where=f"meeting {meeting.slug!r}")
        self.publish()

    def publish(self) -> None:
        """Publish, through the editorial workflow, every record the file names that is a draft or in review."""
        for record in self.to_publish:
            record.refresh_from_db()  # publishing a meeting publishes its parts too: see what is left
            if record.status == PublicationStatus.WITHDRAWN:
                self.write(f"{record._meta.verbose_name} “{record}”: withdrawn by the editors, left withdrawn")
                continue
            if record.status == PublicationStatus.PUBLISHED:
                continue
            try:
                published = editorial.record_publish(record=record, user=None)
            except editorial.WorkflowError as error:
                raise CuratedArchiveError(f"{record._meta.verbose_name} “{record}”: {error}") from None
            for item in published:
                self.counts[type(item).__name__][PUBLISHED] += 1

    def load_sources(self) -> None:
        entries = self.archive["sources"]
        if not isinstance(entries, dict):
            raise CuratedArchiveError(f"sources: expected an object keyed by original file name, found {type(entries).__name__}")
        wanted = set(entries) | self._cited_filenames()
        found: dict[str, list[SourceDocument]] = {}
        for source in SourceDocument.objects.filter(original_filename__in=wanted).order_by("pk"):
            found.setdefault(source.original_filename, []).append(source)
        missing = sorted(wanted - found.keys())
        if missing:
            raise CuratedArchiveError(
                f"The curated archive quotes sources that have not been imported: {', '.join(missing)}. "
                "Import them first: python manage.py import_sources seeds/"
            )
        ambiguous = {name: sources for name, sources in found.items() if len(sources) > 1}
        if ambiguous:
            details = "; ".join(f"{name}: {', '.join(s.slug for s in sources)}" for name, sources in sorted(ambiguous.items()))
            raise CuratedArchiveError(
                f"Several sources were imported from the same file name, so the archive cannot tell which it quotes ({details}). "
                "Delete or rename the extra ones in the admin."
            )
        self.sources = {name: sources[0] for name, sources in found.items()}

        for filename, entry in entries.items():
            where = f"source {filename!r}"
            entry = _expect_keys(
                entry,
                where=where,
                required=set(),
                optional={"title", "outlet", "author", "url", "published_on", "kind", "language", "editorial_note"},
            )
            values: dict[str, Any] = {}
            for field, value in entry.items():
                if field == "published_on":
                    value = self.parse_date(value, where=f"{where}, published_on")
                elif value is None:
                    value = ""
                values[field] = value
            source = self.sources[filename]
            outcome = self.update(source, values=values, where=where)
            self.write(f"source {filename}: {outcome}")

    def _cited_filenames(self) -> set[str]:
        names: set[str] = set()

        def collect(value: Any) -> None:
            if isinstance(value, dict):
                if isinstance(value.get("source"), str) and "quote" in value:
                    names.add(value["source"])
                for item in value.values():
                    collect(item)
            elif isinstance(value, list):
                for item in value:
                    collect(item)

        collect(self.archive.get("meetings"))
        collect(self.archive.get("operations"))
        return names

    def load_region(self, record: Any, *, where: str) -> None:
        record = _expect_keys(record, where=where, required={"slug", "name", "kind"}, optional={"parent"})
        where = f"region {record['slug']!r}"
        parent = self.find(Region, record.get("parent"), where=f"{where}, parent")
        self.sync(Region, lookup={"slug": record["slug"]}, values={"name": record["name"], "kind": record["kind"], "parent": parent}, where=where)

    def load_body(self, record: Any, *, where: str) -> None:
        record = _expect_keys(
            record,
            where=where,
            required={"slug", "name", "kind"},
            optional={"short_name", "parent", "description", "aliases"},
        )
        where = f"body {record['slug']!r}"
        values = {
            "name": record["name"],
            "short_name": record.get("short_name", ""),
            "kind": record["kind"],
            "parent": self.find(Body, record.get("parent"), where=f"{where}, parent"),
            "description": record.get("description", "")
        }
        body, _ = self.sync(Body, lookup={"slug": record["slug"]}, values=values, where=where)
        self.load_aliases(BodyAlias, owner=("body", body), aliases=record.get("aliases", []), where=where)

    def load_person(self, record: Any, *, where: str) -> None:
        record = _expect_keys(record, where=where, required={"slug", "name"}, optional={"description", "aliases"})
        where = f"person {record['slug']!r}"
        values = {"name": record["name"], "description": record.get("description", "")}
        person, _ = self.sync(Person, lookup={"slug": record["slug"]}, values=values, where=where)
        self.load_aliases(PersonAlias, owner=("person", person), aliases=record.get("aliases", []), where=where)

    def load_office(self, record: Any, *, where: str) -> None:
        record = _expect_keys(record, where=where, required={"slug", "title"}, optional={"description"})
        where = f"office {record['slug']!r}"
        values = {"title": record["title"], "description": record.get("description", "")}
        self.sync(Office, lookup={"slug": record["slug"]}, values=values, where=where)

    def load_aliases(self, model: type[models.Model], *, owner: tuple[str, models.Model], aliases: Any, where: str) -> None:
        field, instance = owner
        for position, alias in enumerate(_expect_list(aliases, where=f"{where}, aliases")):
            alias_where = f"{where}, alias {position + 1}"
            optional = {"note", "kind"} if model is OperationAlias else {"note"}
            alias = _expect_keys(alias, where=alias_where, required={"name"}, optional=optional)
            alias_where = f"{where}, alias {alias['name']!r}"
            values = {"name": alias["name"], "note": alias.get("note", "")}
            if model is OperationAlias:
                values["kind"] = alias.get("kind", OperationAlias.Kind.SPELLING)
            # Aliases are unique whatever their case, so a change of case updates the alias in place.
            self.sync(model, lookup={field: instance, "name__iexact": alias["name"]}, values=values, where=alias_where)

    def load_meeting(self, record: Any, *, where: str) -> Meeting:
        record = _expect_keys(
            record,
            where=where,
            required={"slug", "body", "title", "date_precision", "citations", "attendees", "decisions"},
            optional={"date", "weekday", "date_note", "place", "summary", "agenda"},
        )
        where = f"meeting {record['slug']!r}"
        weekday = record.get("weekday")
        if weekday is not None and weekday not in _WEEKDAYS:
            raise CuratedArchiveError(f"{where}: weekday {weekday!r} is not one of {', '.join(_WEEKDAYS)}")
        values = {
            "body": self.find(Body, record["body"], where=f"{where}, body"),
            "title": record["title"],
            "date": self.parse_date(record.get("date"), where=f"{where}, date"),
            "date_precision": record["date_precision"],
            "weekday": _WEEKDAYS.get(weekday),
            "date_note": record.get("date_note", ""),
            "place": record.get("place", ""),
            "summary": record.get("summary", "")
        }
        meeting, outcome = self.sync(Meeting, lookup={"slug": record["slug"]}, values=values, where=where)
        for order, topic in enumerate(_expect_list(record.get("agenda", []), where=f"{where}, agenda"), start=1):
            self.sync(
                MeetingAgendaItem,
                lookup={"meeting": meeting, "order": order},
                values={"topic": topic},
                where=f"{where}, agenda item {order}",
            )
        self.load_citations(meeting, record["citations"], where=where)
        self.write(f"meeting {meeting.slug}: {outcome}")
        return meeting

    def load_meeting_business(self, meeting: Meeting, record: dict[str, Any], *, where: str) -> None:
        """Load who attended the meeting and what it decided, with their citations."""
        attendees = _expect_list(record["attendees"], where=f"{where}, attendees")
        for order, attendee in enumerate(attendees, start=1):
            self.load_attendee(meeting, attendee, order=order, where=f"{where}, attendee {order}")
        decisions = _expect_list(record["decisions"], where=f"{where}, decisions")
        for position, decision in enumerate(decisions):
            self.load_decision(meeting, decision, meeting_where=where, position=position)
        self.write(f"meeting {meeting.slug}: {len(attendees)} attendees, {len(decisions)} decisions")

    def load_attendee(self, meeting: Meeting, record: Any, *, order: int, where: str) -> None:
        record = _expect_keys(
            record, where=where, required={"role", "citations"}, optional={"person", "office", "group", "note"}
        )
        person = self.find(Person, record.get("person"), where=f"{where}, person")
        office = self.find(Office, record.get("office"), where=f"{where}, office")
        group = record.get("group") or ""
        if person is None and office is None and not group:
            raise CuratedArchiveError(f"{where}: name a person, an office or a group")
        label = ", ".join(str(part) for part in (person, office, group or None) if part)
        where = f"{where} ({label})"
        attendee, _ = self.sync(
            Attendee,
            lookup={"meeting": meeting, "person": person, "office": office, "group_label": group},
            values={"role": record["role"], "order": order, "note": record.get("note", "")},
            where=where,
        )
        self.load_citations(attendee, record["citations"], where=where)

    def load_decision(self, meeting: Meeting, record: Any, *, meeting_where: str, position: int) -> None:
        record = _expect_keys(
            record,
            where=f"{meeting_where}, decisions[{position}]",
            required={"order", "action", "domain", "text", "citations"},
            optional={"operations", "bodies", "note"},
        )
        order = record["order"]
        if not isinstance(order, int) or isinstance(order, bool) or order < 0:
            raise CuratedArchiveError(f"{meeting_where}, decisions[{position}]: order must be a whole number, not {order!r}")
        where = f"{meeting_where}, decision {order}"
        operations = [self.find(Operation, slug, where=f"{where}, operations") for slug in _expect_list(record.get("operations", []), where=f"{where}, operations")]
        bodies = [self.find(Body, slug, where=f"{where}, bodies") for slug in _expect_list(record.get("bodies", []), where=f"{where}, bodies")]
        decision, _ = self.sync(
            Decision,
            lookup={"meeting": meeting, "order": order},
            values={
                "action": record["action"],
                "domain": record["domain"],
                "text": record["text"],
                "note": record.get("note", ""),
            },
            many={"operations": operations, "bodies": bodies},
            where=where,
        )
        self.load_citations(decision, record["citations"], where=where)

    def load_operation(self, record: Any, *, where: str) -> None:
        record = _expect_keys(
            record,
            where=where,
            required={"slug", "name", "kind", "citations"},
            optional={"kind_note", "parent", "launch_meeting", "regions", "operation_status", "summary", "aliases"},
        )
        where = f"operation {record['slug']!r}"
        regions = [self.find(Region, slug, where=f"{where}, regions") for slug in _expect_list(record.get("regions", []), where=f"{where}, regions")]
        values = {
            "name": record["name"],
            "kind": record["kind"],
            "kind_note": record.get("kind_note", ""),
            "parent": self.find(Operation, record.get("parent"), where=f"{where}, parent (define a parent before its children)"),
            "launch_meeting": self.find(Meeting, record.get("launch_meeting"), where=f"{where}, launch_meeting"),
            "operation_status": record.get("operation_status", Operation.Status.UNKNOWN),
            "summary": record.get("summary", "")
        }
        operation, outcome = self.sync(Operation, lookup={"slug": record["slug"]}, values=values, many={"regions": regions}, where=where)
        self.load_aliases(OperationAlias, owner=("operation", operation), aliases=record.get("aliases", []), where=where)
        self.load_citations(operation, record["citations"], where=where)
        self.write(f"operation {operation.slug}: {outcome}")

    def load_citations(self, target: models.Model, citations: Any, *, where: str) -> None:
        citations = _expect_list(citations, where=f"{where}, citations")
        if not citations:
            raise CuratedArchiveError(f"{where}: every curated fact needs at least one citation")
        field = target._meta.model_name
        for position, citation in enumerate(citations, start=1):
            citation = _expect_keys(citation, where=f"{where}, citation {position}", required={"source", "quote"}, optional={"note"})
            quote = citation["quote"].strip() if isinstance(citation["quote"], str) else ""
            source = self.sources.get(citation["source"]) if isinstance(citation["source"], str) else None
            if source is None:
                raise CuratedArchiveError(f"{where}, citation {position}: source {citation['source']!r} is not an imported file name")
            citation_where = f"{where}, citation {position} ({citation['source']}): quote “{quote}”"
            if not quote:
                raise CuratedArchiveError(f"{citation_where}: the quote is empty")
            self.sync(
                Citation,
                lookup={field: target, "source": source, "quote": quote},
                values={"note": citation.get("note", "")},
                where=citation_where,
            )

    # -- records ------------------------------------------------------------------------------------------

    def find(self, model: type[models.Model], slug: str | None, *, where: str) -> models.Model | None:
        """Return the record with this slug (one loaded earlier in this file, or one already in the archive)."""
        if slug is None:
            return None
        instance = model._default_manager.filter(slug=slug).first()
        if instance is None:
            raise CuratedArchiveError(f"{where}: no {model._meta.verbose_name} with slug {slug!r}")
        return instance

    @staticmethod
    def parse_date(value: Any, *, where: str) -> datetime.date | None:
        if value is None:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise CuratedArchiveError(f"{where}: {value!r} is not a date written YYYY-MM-DD") from None

    def sync(
        self,
        model: type[models.Model],
        *,
        lookup: dict[str, Any],
        values: dict[str, Any],
        where: str,
        many: dict[str, list[models.Model]] | None = None,
    ) -> tuple[models.Model, str]:
        """Create the record the natural key `lookup` names, or bring it up to date; return it and what happened."""
        instance = model._default_manager.filter(**lookup).first()
        if instance is None:
            fields = {key: value for key, value in lookup.items() if "__" not in key}
            instance = model(**fields, **values)
            outcome = CREATED
        elif _edited_by_editors(instance):
            outcome = KEPT
        else:
            outcome = UPDATED if self.update_fields(instance, values) else UNCHANGED
        if outcome != UNCHANGED:
            self.validate(instance, where=where)
            self.save(instance)
        key = (model, instance.pk)
        if key in self.seen:
            raise CuratedArchiveError(f"{where}: this {model._meta.verbose_name} appears twice in the archive")
        self.seen.add(key)
        if outcome == KEPT:
            self.counts[model.__name__][KEPT] += 1
            return instance, outcome
        for name, related in (many or {}).items():
            manager = getattr(instance, name)
            if set(manager.values_list("pk", flat=True)) != {item.pk for item in related}:
                manager.set(related)
                if outcome == UNCHANGED:
                    outcome = UPDATED
        self.counts[model.__name__][outcome] += 1
        if isinstance(instance, EditorialRecord):
            self.to_publish.append(instance)
        return instance, outcome

    def update(self, instance: models.Model, *, values: dict[str, Any], where: str) -> str:
        """Bring an existing record up to date; return what happened."""
        if _edited_by_editors(instance):
            self.counts[type(instance).__name__][KEPT] += 1
            return KEPT
        self.to_publish.append(instance)
        if not self.update_fields(instance, values):
            self.counts[type(instance).__name__][UNCHANGED] += 1
            return UNCHANGED
        self.validate(instance, where=where)
        self.save(instance)
        self.counts[type(instance).__name__][UPDATED] += 1
        return UPDATED

    @staticmethod
    def save(instance: models.Model) -> None:
        """Save through the editorial workflow where the record is under it, saying why in the history."""
        if isinstance(instance, EditorialRecord):
            # No expected version: the loader has just read the record inside this transaction.
            editorial.record_save(record=instance, user=None, change_reason=CHANGE_REASON)
        else:
            instance._change_reason = CHANGE_REASON
            instance.save()

    @staticmethod
    def update_fields(instance: models.Model, values: dict[str, Any]) -> bool:
        """Set the values that differ; return True if any did."""
        changed = False
        for name, value in values.items():
            field = instance._meta.get_field(name)
            if field.is_relation:
                current = getattr(instance, field.attname)
                wanted = value.pk if value is not None else None
            else:
                current = getattr(instance, name)
                wanted = value
            if current != wanted:
                setattr(instance, name, value)
                changed = True
        return changed

    @staticmethod
    def validate(instance: models.Model, *, where: str) -> None:
        try:
            instance.full_clean()
        except ValidationError as error:
            raise CuratedArchiveError(f"{where}: {_describe_error(error)}") from None
