"""Reads for assisted curation: the gazetteer including the archive's records, and meetings a report may repeat."""
import datetime
from dataclasses import dataclass, replace

from django.db.models import Prefetch

from curation.extraction.gazetteer import BODY, OFFICE, OPERATION, ORGANISATION, PERSON, Entry, Gazetteer, builtin_entries
from meetings.models import Attendee, Body, DatePrecision, Meeting, Office, Person
from operations.models import Operation
from organisations.models import Organisation


def gazetteer_build() -> Gazetteer:
    """Return the built-in gazetteer extended with every body, office, person, operation and organisation in the archive.

    An archive record whose name or alias is already a built-in name is merged into that entry (so the
    entry now resolves to the record and gains the record's other aliases); any other record becomes
    an entry of its own. Drafts count: an editor's new alias helps the next import at once.
    """
    gazetteer = Gazetteer(builtin_entries())
    records = [
        *[(BODY, body.pk, body.name, [body.short_name, *[a.name for a in body.aliases.all()]], {"body_kind": body.kind}, False)
          for body in Body.objects.prefetch_related("aliases")],
        *[(OFFICE, office.pk, office.title, [], {}, False) for office in Office.objects.all()],
        *[(PERSON, person.pk, person.name, [a.name for a in person.aliases.all()], {}, False) for person in Person.objects.prefetch_related("aliases")],
        *[(OPERATION, op.pk, op.name, [a.name for a in op.aliases.all()], {"operation_kind": op.kind}, True)
          for op in Operation.objects.prefetch_related("aliases")],
        *[(ORGANISATION, org.pk, org.name, [a.name for a in org.aliases.all()], {}, True)
          for org in Organisation.objects.prefetch_related("aliases")],
    ]
    for kind, pk, name, aliases, attrs, transliterated in records:
        names = [name, *[alias for alias in aliases if alias]]
        existing = _builtin_entry_for(gazetteer, kind, names)
        if existing is not None:
            gazetteer.add(replace(existing, variants=tuple(names), record_id=pk))
        else:
            gazetteer.add(Entry(f"{kind}#{pk}", kind, name, tuple(names), transliterated=transliterated, attrs=attrs, record_id=pk))
    return gazetteer


def _builtin_entry_for(gazetteer: Gazetteer, kind: str, names: list[str]) -> Entry | None:
    for name in names:
        entry = gazetteer.lookup(name)
        if entry is not None and entry.kind == kind and entry.record_id is None and not entry.attrs.get("generic"):
            return entry
    return None


@dataclass(frozen=True)
class MeetingMatch:
    meeting: Meeting
    reason: str
    score: int


def meeting_candidates_find(
    *,
    body_id: int | None,
    date: datetime.date | None,
    date_precision: str,
    weekday: int | None,
    published_on: datetime.date | None,
    operation_ids: set[int],
    office_ids: set[int],
    person_ids: set[int],
    group_keys: set[str],
    gazetteer: Gazetteer,
) -> list[MeetingMatch]:
    """Return archive meetings this report may be another report of, best first.

    A meeting matches when it is the same body on the same day, or the same body on a date compatible
    with what the report establishes (the same month, the same weekday, on or before the report's date)
    and it shares at least one operation or attendee with the report.
    """
    if body_id is None:
        return []
    meetings = (
        Meeting.objects.filter(body_id=body_id)
        .prefetch_related(
            Prefetch("attendees", queryset=Attendee.objects.only("id", "meeting_id", "office_id", "person_id", "group_label")),
            "decisions__operations",
            "launched_operations",
        )
    )
    found = []
    for meeting in meetings:
        same_day = date is not None and date_precision == DatePrecision.DAY and meeting.date == date and meeting.date_precision == DatePrecision.DAY
        if same_day:
            found.append(MeetingMatch(meeting, f"the same body on the same day ({meeting.date_display})", 100))
            continue
        if not _dates_compatible(meeting, date, date_precision, weekday, published_on):
            continue
        shared = _shared(meeting, operation_ids, office_ids, person_ids, group_keys, gazetteer)
        if shared:
            found.append(MeetingMatch(meeting, f"the same body, a compatible date ({meeting.date_display}) and the same {', '.join(shared)}", 10 * len(shared)))
    return sorted(found, key=lambda match: -match.score)


def _dates_compatible(meeting: Meeting, date, precision, weekday, published_on) -> bool:
    if published_on is not None and meeting.date is not None and meeting.date > published_on:
        return False
    if meeting.date is None or meeting.date_precision == DatePrecision.UNKNOWN:
        if weekday is not None and meeting.weekday is not None:
            return weekday == meeting.weekday
        return date is None or precision != DatePrecision.DAY or meeting.weekday in (None, date.weekday())
    if date is None:
        if weekday is not None and meeting.date_precision == DatePrecision.DAY:
            return meeting.date.weekday() == weekday
        return True
    if precision == DatePrecision.DAY and meeting.date_precision == DatePrecision.DAY:
        return date == meeting.date
    coarser = precision if _rank(precision) > _rank(meeting.date_precision) else meeting.date_precision
    if coarser == DatePrecision.MONTH:
        return (date.year, date.month) == (meeting.date.year, meeting.date.month)
    if coarser == DatePrecision.YEAR:
        return date.year == meeting.date.year
    return True


def _rank(precision: str) -> int:
    return {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}.get(precision, 3)


def _shared(meeting: Meeting, operation_ids, office_ids, person_ids, group_keys, gazetteer) -> list[str]:
    meeting_operations = {op.pk for decision in meeting.decisions.all() for op in decision.operations.all()}
    meeting_operations |= {op.pk for op in meeting.launched_operations.all()}
    shared = []
    if operation_ids & meeting_operations:
        names = sorted(op.name for op in Operation.objects.filter(pk__in=operation_ids & meeting_operations))
        shared.append("operation " + ", ".join(names))
    attendees = list(meeting.attendees.all())
    if office_ids & {a.office_id for a in attendees if a.office_id}:
        shared.append("offices present")
    if person_ids & {a.person_id for a in attendees if a.person_id}:
        shared.append("people present")
    meeting_groups = set()
    for attendee in attendees:
        if attendee.group_label:
            entry = gazetteer.lookup(attendee.group_label)
            if entry is None:
                matches = gazetteer.find(attendee.group_label)
                entry = matches[0].entry if matches else None
            if entry is not None:
                meeting_groups.add(entry.key)
    if group_keys & meeting_groups:
        shared.append("groups present")
    return shared

