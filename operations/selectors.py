"""Read operations for public pages, in a fixed number of queries."""
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, QuerySet

from meetings.models import Decision, Meeting
from meetings.selectors import citations_visible, operations_visible
from foundations.publication import with_public_links
from foundations.subqueries import count_of
from operations.models import Operation


def operations_by_launch() -> QuerySet:
    """Return public operations with their launch meeting and parent (None unless public), in order of launch."""
    return (
        with_public_links(Operation.objects.public(), "launch_meeting", "parent")
        .prefetch_related("aliases")
        .order_by(F("launch_meeting__date").asc(nulls_last=True), "name")
    )


def latest_launched_operations(count: int) -> QuerySet:
    """Return the `count` published operations launched last (those with no recorded launch after them)."""
    return operations_by_launch().order_by(F("launch_meeting__date").desc(nulls_last=True), "name")[:count]


def operation_list_queryset() -> QuerySet:
    """Return operations_by_launch() with how many published decisions concern each (counted per row shown)."""
    return operations_by_launch().annotate(
        decision_count=count_of(Decision.objects.public(), "operations")
    )


def operation_detail_queryset(*, preview: bool) -> QuerySet:
    citations = citations_visible(preview=preview)
    decisions = (
        Decision.objects.select_related("meeting", "meeting__body")
        .prefetch_related(Prefetch("citations", queryset=citations))
        .order_by(F("meeting__date").asc(nulls_last=True), "meeting__title", "meeting_id", "order", "id")
    )
    if not preview:
        decisions = decisions.public()
    operations = Operation.objects.all() if preview else Operation.objects.public()
    return with_public_links(operations, "parent", "launch_meeting__body", preview=preview).prefetch_related(
        "aliases",
        "regions",
        Prefetch("children", queryset=with_public_links(operations_visible(preview=preview), "launch_meeting", preview=preview)),
        Prefetch("citations", queryset=citations),
        Prefetch("decisions", queryset=decisions),
    )


@dataclass
class MeetingConcerned:
    meeting: Meeting
    launched_here: bool = False
    decisions: list = field(default_factory=list)


def operation_meetings(*, operation: Operation, preview: bool) -> list[MeetingConcerned]:
    """Return, oldest first, every meeting that launched the operation or decided about it; runs no query."""
    concerned: dict[int, MeetingConcerned] = {}
    launch = operation.launch_meeting
    if launch is not None:  # loaded only while public, unless previewing
        concerned[launch.pk] = MeetingConcerned(meeting=launch, launched_here=True)
    for decision in operation.decisions.all():
        concerned.setdefault(decision.meeting_id, MeetingConcerned(meeting=decision.meeting)).decisions.append(decision)
    return sorted(
        concerned.values(),
        key=lambda item: (item.meeting.date is None, item.meeting.date, item.meeting.title),
    )
