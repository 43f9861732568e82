"""
Load the curated seed archive: the meetings, attendees, decisions and operations editors read from the seeds.

The archive is a hand-editable JSON file (seeding/curated/seed_archive.json) whose records are keyed by
natural keys: slugs, and sources by the name of the file they were imported from. Loading it again brings
each record up to date in place and never makes a second copy (seeding.records says how records are
synced, written through the editorial workflow, published, and left alone once an editor changed them):
running `make run` again never undoes an editor's correction.

Everything is loaded in one transaction and every record goes through full_clean(), so a quote that is not
in its source, an unknown slug or a bad choice stops the load with a message naming the record, and nothing
is written.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from django.db import models, transaction

from curation.services import proposals_close_curated
from editorial import services as editorial
from foundations.slugs import free_slug, slug_base
from meetings.models import Attendee, Body, BodyAlias, Decision, Meeting, MeetingAgendaItem, Office, Person, PersonAlias, Weekday
from operations.models import Operation, OperationAlias, Region
from seeding.files import CURATED_DIR, CuratedDataError, curated_file_read, expect_keys, expect_list, parse_date
from seeding.records import UPDATED, RecordSync, edited_by_editors, record_validate, record_write
from sources.models import Citation, SourceDocument, readable_slug_text

DEFAULT_PATH = CURATED_DIR / "seed_archive.json"

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


def curated_archive_load(*, path: str | Path = DEFAULT_PATH, stdout: TextIO | None = None) -> dict[str, Counter]:
    """
    Load the curated archive at `path` and return, per model name, how many records were created/updated/unchanged.

    The sources it quotes must already be imported (`manage.py import_sources seeds/`). Raise
    CuratedDataError, having written nothing, if the file or any record in it is wrong.
    """
    archive = expect_keys(
        curated_file_read(path=path),
        where=str(path),
        required={"sources", "meetings", "operations"},
        optional={"about", "regions", "bodies", "people", "offices"},
    )
    loader = _ArchiveLoader(archive=archive, stdout=stdout)
    with transaction.atomic():
        loader.load()
    loader.write_summary(title=f"Loaded the curated archive {path}.")
    return loader.counts


class _ArchiveLoader(RecordSync):
    """One load of one archive file: resolves natural keys, syncs records and tallies what changed."""

    def __init__(self, *, archive: dict[str, Any], stdout: TextIO | None):
        super().__init__(models_in_order=MODELS_IN_ORDER, change_reason=CHANGE_REASON, stdout=stdout)
        self.archive = archive
        self.sources: dict[str, SourceDocument] = {}

    # -- the load -------------------------------------------------------------------------------------------

    def load(self) -> None:
        self.load_sources()
        for position, record in enumerate(expect_list(self.archive.get("regions", []), where="regions")):
            self.load_region(record, where=f"regions[{position}]")
        for position, record in enumerate(expect_list(self.archive.get("bodies", []), where="bodies")):
            self.load_body(record, where=f"bodies[{position}]")
        for position, record in enumerate(expect_list(self.archive.get("people", []), where="people")):
            self.load_person(record, where=f"people[{position}]")
        for position, record in enumerate(expect_list(self.archive.get("offices", []), where="offices")):
            self.load_office(record, where=f"offices[{position}]")
        self.write(
            f"Regions, bodies, people and offices: {len(self.archive.get('regions', []))}, "
            f"{len(self.archive.get('bodies', []))}, {len(self.archive.get('people', []))}, "
            f"{len(self.archive.get('offices', []))}."
        )
        # Operations name their launch meeting and decisions name their operations: meetings first,
        # then operations, then what happened at each meeting.
        meetings = []
        for position, record in enumerate(expect_list(self.archive["meetings"], where="meetings")):
            meetings.append((self.load_meeting(record, where=f"meetings[{position}]"), record))
        for position, record in enumerate(expect_list(self.archive["operations"], where="operations")):
            self.load_operation(record, where=f"operations[{position}]")
        for meeting, record in meetings:
            self.load_meeting_business(meeting, record, where=f"meeting {meeting.slug!r}")
        self.publish()
        closed = proposals_close_curated(sources=self.sources.values())
        if closed:
            self.write(f"Closed {closed} pending proposals of the curated sources (their facts are curated here).")

    def load_sources(self) -> None:
        entries = self.archive["sources"]
        if not isinstance(entries, dict):
            raise CuratedDataError(f"sources: expected an object keyed by original file name, found {type(entries).__name__}")
        wanted = set(entries) | self._cited_filenames()
        found: dict[str, list[SourceDocument]] = {}
        for source in SourceDocument.objects.filter(original_filename__in=wanted).order_by("pk"):
            found.setdefault(source.original_filename, []).append(source)
        missing = sorted(wanted - found.keys())
        if missing:
            raise CuratedDataError(
                f"The curated archive quotes sources that have not been imported: {', '.join(missing)}. "
                "Import them first: python manage.py import_sources seeds/"
            )
        ambiguous = {name: sources for name, sources in found.items() if len(sources) > 1}
        if ambiguous:
            details = "; ".join(f"{name}: {', '.join(s.slug for s in sources)}" for name, sources in sorted(ambiguous.items()))
            raise CuratedDataError(
                f"Several sources were imported from the same file name, so the archive cannot tell which it quotes ({details}). "
                "Delete or rename the extra ones in the admin."
            )
        self.sources = {name: sources[0] for name, sources in found.items()}

        for filename, entry in entries.items():
            where = f"source {filename!r}"
            entry = expect_keys(
                entry,
                where=where,
                required=set(),
                optional={"title", "outlet", "author", "url", "published_on", "kind", "language", "editorial_note"},
            )
            values: dict[str, Any] = {}
            for field, value in entry.items():
                if field == "published_on":
                    value = parse_date(value, where=f"{where}, published_on")
                elif value is None:
                    value = ""
                values[field] = value
            source = self.sources[filename]
            values.update(self._readable_slug(source, filename, values))
            outcome = self.update(source, values=values, where=where)
            self.write(f"source {filename}: {outcome}")

    @staticmethod
    def _readable_slug(source: SourceDocument, filename: str, values: dict[str, Any]) -> dict[str, str]:
        """Return the readable slug (outlet, date, title) for a source still addressed by its file's name.

        Saved through the editorial workflow, the old slug goes into the slug history, so the old
        address answers 301. A slug an editor chose (anything but the file's) is left as it is.
        """
        file_slug = slug_base(SourceDocument, Path(filename).stem, filename, fallback="source")
        if source.slug != file_slug and not source.slug.startswith(f"{file_slug}-"):
            return {}
        readable = readable_slug_text(
            outlet=values.get("outlet", source.outlet) or "",
            published_on=values.get("published_on", source.published_on),
            title=values.get("title", source.title) or "",
        )
        if not readable:
            return {}
        return {"slug": free_slug(SourceDocument, slug_base(SourceDocument, readable, fallback="source"))}

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
        record = expect_keys(record, where=where, required={"slug", "name", "kind"}, optional={"parent"})
        where = f"region {record['slug']!r}"
        parent = self.find(Region, record.get("parent"), where=f"{where}, parent")
        self.sync(Region, lookup={"slug": record["slug"]}, values={"name": record["name"], "kind": record["kind"], "parent": parent}, where=where)

    def load_body(self, record: Any, *, where: str) -> None:
        record = expect_keys(
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
        record = expect_keys(record, where=where, required={"slug", "name"}, optional={"description", "aliases"})
        where = f"person {record['slug']!r}"
        values = {"name": record["name"], "description": record.get("description", "")}
        person, _ = self.sync(Person, lookup={"slug": record["slug"]}, values=values, where=where)
        self.load_aliases(PersonAlias, owner=("person", person), aliases=record.get("aliases", []), where=where)

    def load_office(self, record: Any, *, where: str) -> None:
        record = expect_keys(record, where=where, required={"slug", "title"}, optional={"description"})
        where = f"office {record['slug']!r}"
        values = {"title": record["title"], "description": record.get("description", "")}
        self.sync(Office, lookup={"slug": record["slug"]}, values=values, where=where)

    def load_aliases(self, model: type[models.Model], *, owner: tuple[str, models.Model], aliases: Any, where: str) -> None:
        field, instance = owner
        for position, alias in enumerate(expect_list(aliases, where=f"{where}, aliases")):
            alias_where = f"{where}, alias {position + 1}"
            optional = {"note", "kind"} if model is OperationAlias else {"note"}
            alias = expect_keys(alias, where=alias_where, required={"name"}, optional=optional)
            alias_where = f"{where}, alias {alias['name']!r}"
            values = {"name": alias["name"], "note": alias.get("note", "")}
            if model is OperationAlias:
                values["kind"] = alias.get("kind", OperationAlias.Kind.SPELLING)
            # Aliases are unique whatever their case, so a change of case updates the alias in place.
            self.sync(model, lookup={field: instance, "name__iexact": alias["name"]}, values=values, where=alias_where)

    def load_meeting(self, record: Any, *, where: str) -> Meeting:
        record = expect_keys(
            record,
            where=where,
            required={"slug", "body", "title", "date_precision", "citations", "attendees", "decisions"},
            optional={"date", "weekday", "date_note", "place", "summary", "agenda"},
        )
        where = f"meeting {record['slug']!r}"
        weekday = record.get("weekday")
        if weekday is not None and weekday not in _WEEKDAYS:
            raise CuratedDataError(f"{where}: weekday {weekday!r} is not one of {', '.join(_WEEKDAYS)}")
        values = {
            "body": self.find(Body, record["body"], where=f"{where}, body"),
            "title": record["title"],
            "date": parse_date(record.get("date"), where=f"{where}, date"),
            "date_precision": record["date_precision"],
            "weekday": _WEEKDAYS.get(weekday),
            "date_note": record.get("date_note", ""),
            "place": record.get("place", ""),
            "summary": record.get("summary", "")
        }
        meeting, outcome = self.sync(Meeting, lookup={"slug": record["slug"]}, values=values, where=where)
        for order, topic in enumerate(expect_list(record.get("agenda", []), where=f"{where}, agenda"), start=1):
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
        attendees = expect_list(record["attendees"], where=f"{where}, attendees")
        for order, attendee in enumerate(attendees, start=1):
            self.load_attendee(meeting, attendee, order=order, where=f"{where}, attendee {order}")
        decisions = expect_list(record["decisions"], where=f"{where}, decisions")
        for position, decision in enumerate(decisions):
            self.load_decision(meeting, decision, meeting_where=where, position=position)
        self.write(f"meeting {meeting.slug}: {len(attendees)} attendees, {len(decisions)} decisions")

    def load_attendee(self, meeting: Meeting, record: Any, *, order: int, where: str) -> None:
        record = expect_keys(
            record, where=where, required={"role", "citations"}, optional={"person", "office", "group", "note"}
        )
        person = self.find(Person, record.get("person"), where=f"{where}, person")
        office = self.find(Office, record.get("office"), where=f"{where}, office")
        group = record.get("group") or ""
        if person is None and office is None and not group:
            raise CuratedDataError(f"{where}: name a person, an office or a group")
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
        record = expect_keys(
            record,
            where=f"{meeting_where}, decisions[{position}]",
            required={"order", "action", "domain", "text", "citations"},
            optional={"operations", "bodies", "note"},
        )
        order = record["order"]
        if not isinstance(order, int) or isinstance(order, bool) or order < 0:
            raise CuratedDataError(f"{meeting_where}, decisions[{position}]: order must be a whole number, not {order!r}")
        where = f"{meeting_where}, decision {order}"
        operations = [self.find(Operation, slug, where=f"{where}, operations") for slug in expect_list(record.get("operations", []), where=f"{where}, operations")]
        bodies = [self.find(Body, slug, where=f"{where}, bodies") for slug in expect_list(record.get("bodies", []), where=f"{where}, bodies")]
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
        record = expect_keys(
            record,
            where=where,
            required={"slug", "name", "kind", "citations"},
            optional={"kind_note", "parent", "launch_meeting", "regions", "operation_status", "summary", "aliases"},
        )
        where = f"operation {record['slug']!r}"
        regions = [self.find(Region, slug, where=f"{where}, regions") for slug in expect_list(record.get("regions", []), where=f"{where}, regions")]
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
        citations = expect_list(citations, where=f"{where}, citations")
        if not citations:
            raise CuratedDataError(f"{where}: every curated fact needs at least one citation")
        field = target._meta.model_name
        for position, citation in enumerate(citations, start=1):
            citation = expect_keys(
                citation, where=f"{where}, citation {position}", required={"source", "quote"}, optional={"note", "replaces"}
            )
            quote = citation["quote"].strip() if isinstance(citation["quote"], str) else ""
            source = self.sources.get(citation["source"]) if isinstance(citation["source"], str) else None
            if source is None:
                raise CuratedDataError(f"{where}, citation {position}: source {citation['source']!r} is not an imported file name")
            citation_where = f"{where}, citation {position} ({citation['source']}): quote “{quote}”"
            if not quote:
                raise CuratedDataError(f"{citation_where}: the quote is empty")
            replaced = expect_list(citation.get("replaces", []), where=f"{citation_where}, replaces")
            self.replace_citations(target, source=source, quote=quote, replaced=replaced, where=citation_where)
            self.sync(
                Citation,
                lookup={field: target, "source": source, "quote": quote},
                values={"note": citation.get("note", "")},
                where=citation_where,
            )

    def replace_citations(self, target: models.Model, *, source: SourceDocument, quote: str, replaced: list, where: str) -> None:
        """
        Carry the citations an earlier version of the file made with the `replaced` quotes over to `quote`.

        The natural key of a citation is its quote, so without this a rewritten quote would add a second
        citation beside the old one in every database loaded before. The first old citation is given the
        new quote in place (its anchor on the source's page stays valid); any other is deleted. Citations
        an editor has changed are left as they made them.
        """
        if not all(isinstance(old, str) and old.strip() for old in replaced):
            raise CuratedDataError(f"{where}: replaces must list the earlier quotes")
        field = target._meta.model_name
        current = Citation.objects.filter(**{field: target}, source=source)
        old_citations = [
            citation
            for citation in current.filter(quote__in=[old.strip() for old in replaced if old.strip() != quote]).order_by("pk")
            if not edited_by_editors(citation)
        ]
        if not old_citations:
            return
        if not current.filter(quote=quote).exists():
            kept, *old_citations = old_citations
            kept.quote = quote
            record_validate(kept, where=where)
            record_write(kept, change_reason=self.change_reason)
            self.counts["Citation"][UPDATED] += 1
        for citation in old_citations:
            editorial.record_delete(record=citation, user=None)
            self.counts["Citation"][UPDATED] += 1
