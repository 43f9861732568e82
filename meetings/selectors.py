"""Read the archive for public pages: what each page shows, in a fixed number of queries.

Every function takes `preview`: False shows public records only (each model's `public()`); True, for
editors who may view drafts, shows drafts too so they can be checked before publication.
"""
from functools import cached_property
from dataclasses import dataclass, field

from django.db.models import Count, F, Max, Min, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext

from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, Office, Person
from foundations.caching import kept_until_archive_changes
from foundations.publication import public_condition, with_public_links
from foundations.subqueries import count_of
from operations.models import Operation
from sources.models import Citation, SourceDocument

# Dated meetings first, newest first; meetings whose date is not established last.
MEETINGS_NEWEST_FIRST = (F("date").desc(nulls_last=True), "title", "id")
MEETINGS_OLDEST_FIRST = (F("date").asc(nulls_last=True), "title", "id")


def _visible(queryset: QuerySet, *, preview: bool) -> QuerySet:
    return queryset.all() if preview else queryset.public()


def citations_visible(*, preview: bool) -> QuerySet:
    """Return citations whose source the viewer may open, with the source loaded.

    For prefetching under a fact already visible: of Citation's rule, only the source's part is left.
    """
    citations = Citation.objects.select_related("source").order_by(F("source__published_on").asc(nulls_last=True), "source_id", "id")
    if not preview:
        citations = citations.filter(public_condition(SourceDocument, "source__"))
    return citations


def attendees_visible(*, preview: bool) -> QuerySet:
    """Return attendees with their person and office; the public sees none that names a draft record."""
    return _visible(Attendee.objects, preview=preview).select_related("person", "office").order_by("order", "id")


def operations_visible(*, preview: bool) -> QuerySet:
    return _visible(Operation.objects, preview=preview).order_by("name")


def decisions_visible(*, preview: bool) -> QuerySet:
    return _visible(Decision.objects, preview=preview).order_by("order", "id")


def meeting_list_queryset() -> QuerySet:
    """Return published meetings with what a list row shows: body, chairs, decision count, launches."""
    chairs = attendees_visible(preview=False).filter(role=Attendee.Role.CHAIR)
    return (
        Meeting.objects.public()
        .select_related("body")
        .prefetch_related(
            Prefetch("attendees", queryset=chairs, to_attr="chair_attendees"),
            Prefetch("launched_operations", queryset=operations_visible(preview=False), to_attr="visible_launched_operations"),
        )
        .annotate(decision_count=count_of(Decision.objects.public(), "meeting"))
        .order_by(*MEETINGS_NEWEST_FIRST)
    )


def meeting_detail_queryset(*, preview: bool) -> QuerySet:
    """Return meetings with every fact of the detail page and each fact's citations prefetched."""
    citations = citations_visible(preview=preview)
    return (
        _visible(Meeting.objects, preview=preview)
        .select_related("body")
        .prefetch_related(
            Prefetch("citations", queryset=citations),
            Prefetch(
                "attendees",
                queryset=attendees_visible(preview=preview).prefetch_related(Prefetch("citations", queryset=citations)),
            ),
            Prefetch(
                "decisions",
                queryset=decisions_visible(preview=preview).prefetch_related(
                    Prefetch("operations", queryset=operations_visible(preview=preview)),
                    Prefetch("bodies", queryset=_visible(Body.objects, preview=preview)),
                    Prefetch("citations", queryset=citations),
                ),
            ),
            Prefetch("launched_operations", queryset=operations_visible(preview=preview)),
            "agenda_items",
        )
    )


@dataclass
class DomainDecisions:
    label: str
    value: str
    decisions: list


@dataclass
class InvolvedOperation:
    operation: Operation
    launched_here: bool = False
    decisions: list = field(default_factory=list)


@dataclass
class AttendeeGroup:
    """Attendees the same passages support: listed together, the passages shown once after them."""

    attendees: list
    citations: list


@dataclass
class AttendeeSection:
    title: str
    note: str
    groups: list[AttendeeGroup]


def attendees_grouped_by_citations(attendees: list) -> list[AttendeeGroup]:
    """Group attendees cited by the very same passages (quote, source and note), in order of first appearance.

    Six ministers named in one sentence are one group with one quote, not six copies of it. An
    attendee with no citation stays on its own.
    """
    groups: dict[tuple, AttendeeGroup] = {}
    for attendee in attendees:
        citations = list(attendee.citations.all())
        key = tuple(sorted((c.source_id, c.quote, c.note) for c in citations)) or ("uncited", attendee.pk)
        groups.setdefault(key, AttendeeGroup([], citations)).attendees.append(attendee)
    return list(groups.values())


@dataclass
class MeetingRecord:
    """A meeting's facts arranged for reading: attendees by kind, decisions by domain, sources."""

    chairs: list
    officials: list
    offices: list
    groups: list
    domains: list[DomainDecisions]
    operations: list[InvolvedOperation]
    sources: list[SourceDocument]

    @property
    def attendee_count(self) -> int:
        return len(self.chairs) + len(self.officials) + len(self.offices) + len(self.groups)

    @cached_property
    def attendee_sections(self) -> list[AttendeeSection]:
        sections = [
            AttendeeSection(gettext("Chair"), "", attendees_grouped_by_citations(self.chairs)),
            AttendeeSection(gettext("Named officials"), "", attendees_grouped_by_citations(self.officials)),
            AttendeeSection(
                gettext("Offices"), gettext("The sources name the office but not the person who held it."), attendees_grouped_by_citations(self.offices)
            ),
            AttendeeSection(
                gettext("Groups"), gettext("Attendance as the sources give it, without names."), attendees_grouped_by_citations(self.groups)
            ),
        ]
        return [section for section in sections if section.groups]


def meeting_record(*, meeting: Meeting) -> MeetingRecord:
    """Arrange a meeting fetched with meeting_detail_queryset(); this runs no query."""
    chairs, officials, offices, groups = [], [], [], []
    for attendee in meeting.attendees.all():
        if attendee.role == Attendee.Role.CHAIR:
            chairs.append(attendee)
        elif attendee.person_id is not None:
            officials.append(attendee)
        elif attendee.office_id is not None:
            offices.append(attendee)
        else:
            groups.append(attendee)

    domains: dict[str, DomainDecisions] = {}
    involved: dict[int, InvolvedOperation] = {}
    for operation in meeting.launched_operations.all():
        involved[operation.pk] = InvolvedOperation(operation=operation, launched_here=True)
    for decision in meeting.decisions.all():
        group = domains.setdefault(decision.domain, DomainDecisions(decision.get_domain_display(), decision.domain, []))
        group.decisions.append(decision)
        for operation in decision.operations.all():
            involved.setdefault(operation.pk, InvolvedOperation(operation=operation)).decisions.append(decision)

    sources: dict[int, SourceDocument] = {}
    citation_sets = [meeting.citations.all()]
    citation_sets += [attendee.citations.all() for attendee in meeting.attendees.all()]
    citation_sets += [decision.citations.all() for decision in meeting.decisions.all()]
    for citations in citation_sets:
        for citation in citations:
            sources.setdefault(citation.source_id, citation.source)
    ordered_sources = sorted(sources.values(), key=lambda source: (source.published_on is None, source.published_on, source.pk))
    record = MeetingRecord(chairs, officials, offices, groups, list(domains.values()), list(involved.values()), ordered_sources)
    citations_mark_repeats(record=record, meeting=meeting)
    return record


def citations_mark_repeats(*, record: MeetingRecord, meeting: Meeting) -> None:
    """Quote each passage once on the page, with everything it supports.

    Walks the citations in the order the page shows them (the meeting, attendees by section and
    group, decisions by domain). The first showing of a passage gets `quote_anchor` and
    `also_supports`, the (label, anchor) of each later fact citing the same passage; those later
    citations get `quoted_at`, the anchor of the first, and link to it instead of quoting it again.
    """
    in_page_order: list[tuple[list, list[tuple[str, str]]]] = [(list(meeting.citations.all()), [])]
    for section in record.attendee_sections:
        for group in section.groups:
            facts = [(str(attendee.person or attendee.office or attendee.group_label), f"attendee-{attendee.pk}") for attendee in group.attendees]
            citations = group.citations if len(group.attendees) > 1 else list(group.attendees[0].citations.all())
            in_page_order.append((citations, facts))
    for domain in record.domains:
        for decision in domain.decisions:
            in_page_order.append((list(decision.citations.all()), [(_decision_label(decision), f"decision-{decision.pk}")]))
    first_shown: dict[tuple[int, str], Citation] = {}
    for citations, facts in in_page_order:
        for citation in citations:
            key = (citation.source_id, citation.quote)
            first = first_shown.get(key)
            if first is None:
                citation.quote_anchor = f"quote-{citation.pk}"
                citation.also_supports = []
                first_shown[key] = citation
            else:
                citation.quoted_at = first.quote_anchor
                first.also_supports += [fact for fact in facts if fact not in first.also_supports]


def _decision_label(decision: Decision) -> str:
    """Name a decision in a few words, for a line saying which facts a passage also supports."""
    words = decision.text.split()
    return " ".join(words[:6]) + ("…" if len(words) > 6 else "")


def meeting_years() -> list[dict]:
    """Return each year with published dated meetings and how many, newest first (kept until the archive changes)."""
    # Counting every meeting on every list page cost ~25 ms at the benchmark's 20,000 meetings.
    return kept_until_archive_changes("meeting-years", _meeting_years)


def _meeting_years() -> list[dict]:
    return list(
        Meeting.objects.public()
        .filter(date__isnull=False)
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(count=Count("id"))
        .order_by("-year")
    )


def meeting_archive_queryset(*, month_known: bool) -> QuerySet:
    """Return published dated meetings for the year/month archives.

    Month pages list only meetings whose month is established: a meeting known only by its year is
    stored on 1 January, and listing it under January would invent a month.
    """
    meetings = meeting_list_queryset().filter(date__isnull=False).order_by(*MEETINGS_OLDEST_FIRST)
    if month_known:
        meetings = meetings.filter(date_precision__in=[DatePrecision.DAY, DatePrecision.MONTH])
    return meetings


def decision_list_queryset() -> QuerySet:
    """Return published decisions of published meetings, newest meeting first, with their operations."""
    return (
        Decision.objects.public()
        .select_related("meeting", "meeting__body")
        .prefetch_related(Prefetch("operations", queryset=operations_visible(preview=False)))
        .annotate(citation_count=Count("citations", filter=public_condition(SourceDocument, "citations__source__"), distinct=True))
        .order_by(F("meeting__date").desc(nulls_last=True), "meeting__title", "meeting_id", "order", "id")
    )


def attendances_visible(*, preview: bool) -> QuerySet:
    """Return attendances at visible meetings, oldest first, with meeting, body, person and office."""
    attendances = attendees_visible(preview=preview).select_related("meeting", "meeting__body")
    return attendances.order_by(F("meeting__date").asc(nulls_last=True), "meeting__title", "order", "id")


def person_list_queryset() -> QuerySet:
    attended = public_condition(Attendee, "attendances__")
    return (
        Person.objects.public()
        .annotate(
            meeting_count=Count("attendances__meeting", filter=attended, distinct=True),
            first_date=Min("attendances__meeting__date", filter=attended),
            last_date=Max("attendances__meeting__date", filter=attended),
        )
        .prefetch_related("aliases")
        .order_by("name")
    )


def person_detail_queryset(*, preview: bool) -> QuerySet:
    citations = citations_visible(preview=preview)
    return _visible(Person.objects, preview=preview).prefetch_related(
        "aliases",
        Prefetch(
            "attendances",
            queryset=attendances_visible(preview=preview).prefetch_related(Prefetch("citations", queryset=citations)),
        ),
    )


def office_list_queryset() -> QuerySet:
    attended = public_condition(Attendee, "attendances__")
    return Office.objects.public().annotate(
        meeting_count=Count("attendances__meeting", filter=attended, distinct=True),
        holder_count=Count("attendances__person", filter=attended, distinct=True),
    ).order_by("title")


def office_detail_queryset(*, preview: bool) -> QuerySet:
    return _visible(Office.objects, preview=preview).prefetch_related(
        Prefetch("attendances", queryset=attendances_visible(preview=preview))
    )


def timeline_meetings() -> QuerySet:
    """Return every published meeting, oldest first, with the operations it launched."""
    return meeting_list_queryset().order_by(*MEETINGS_OLDEST_FIRST)


def archive_overview() -> dict:
    """Return the archive at a glance: counts of published records and the years the meetings cover."""
    return kept_until_archive_changes("overview", _archive_overview)


def _archive_overview() -> dict:
    meetings = Meeting.objects.public().aggregate(
        count=Count("id"), undated=Count("id", filter=Q(date__isnull=True)), first=Min("date"), last=Max("date")
    )
    return {
        "meeting_count": meetings["count"],
        "undated_meeting_count": meetings["undated"],
        "first_year": meetings["first"].year if meetings["first"] else None,
        "last_year": meetings["last"].year if meetings["last"] else None,
        "decision_count": Decision.objects.public().count(),
        "source_count": SourceDocument.objects.public().count(),
        "operation_count": Operation.objects.public().count(),
        "person_count": Person.objects.public().count(),
    }


def body_public_queryset():
    """Return public bodies by name, each with its parent (None unless public) and how many public meetings it held."""
    return (
        with_public_links(Body.objects.public(), "parent")
        .annotate(meeting_count=Count("meetings", filter=public_condition(Meeting, "meetings__"), distinct=True))
        .order_by("name")
    )
