"""The API's meetings, attendees, decisions, people, offices and bodies."""
from django.db.models import F, Prefetch

from meetings.filters import AttendeeFilterSet, BodyFilterSet, DecisionFilterSet, MeetingFilterSet, OfficeFilterSet, PersonFilterSet
from meetings.models import Attendee, Body, Decision, Meeting, Office, Person
from meetings.serializers import (
    AttendeeSerializer,
    AttendeeWriteSerializer,
    BodySerializer,
    BodyWriteSerializer,
    DecisionSerializer,
    DecisionWriteSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
    OfficeSerializer,
    OfficeWriteSerializer,
    PersonSerializer,
    PersonWriteSerializer,
)
from editorial.api import WorkflowViewSet
from foundations.publication import with_public_links
from restapi.exports import columns
from restapi.visibility import visible
from foundations.subqueries import count_of
from operations.models import Operation
from sources.api import citation_queryset

SLUG = r"[-a-zA-Z0-9_]+"


def decision_queryset(*, drafts: bool, include: set[str], everything: bool = False):
    """Return the decisions a client may see, with their operations, bodies and (if included) citations prefetched.

    With `everything`, drafts are kept at the top level (the viewset filters them) but not in what is embedded.
    """
    queryset = visible(Decision, drafts=drafts or everything).select_related("meeting__body").prefetch_related(
        Prefetch("operations", queryset=visible(Operation, drafts=drafts), to_attr="visible_operations"),
        Prefetch("bodies", queryset=visible(Body, drafts=drafts), to_attr="visible_bodies"),
    )
    if "citations" in include:
        queryset = queryset.prefetch_related(
            Prefetch("citations", queryset=citation_queryset(drafts=drafts, include=include), to_attr="visible_citations")
        )
    return queryset


def attendee_queryset(*, drafts: bool, include: set[str], everything: bool = False):
    """Return the attendees a client may see, with their person, office and (if included) citations."""
    queryset = visible(Attendee, drafts=drafts or everything).select_related("meeting__body", "person", "office")
    if "citations" in include:
        queryset = queryset.prefetch_related(
            Prefetch("citations", queryset=citation_queryset(drafts=drafts, include=include), to_attr="visible_citations")
        )
    return queryset


class MeetingViewSet(WorkflowViewSet):
    """Sittings of the apex committees and other bodies, with their date only as precise as the sources make it."""

    model = Meeting
    serializer_class = MeetingSerializer
    write_serializer_class = MeetingWriteSerializer
    filterset_class = MeetingFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG
    includes = {
        "decisions": "the meeting's decisions",
        "attendees": "who attended, in which office and role",
        "operations": "operations launched at the meeting or concerned by its decisions",
        "citations": "the quotes supporting the meeting (and its decisions and attendees, when included)",
        "source_text": "the full text of every cited source (implies citations)",
    }
    ordering_fields = {"date": "date", "title": "title", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = [Meeting._meta.ordering[0], "title"]
    search_fields = ["title", "summary", "place", "date_note", "body__name", "body__short_name"]
    export_columns = columns(
        "id", "slug", "title", "body.id", "body.slug", "body.name", "date", "date_precision", "weekday", "date_note", "place",
        "summary", "status", "created_at", "updated_at",
    )

    def base_queryset(self, include):
        drafts = self.drafts
        queryset = Meeting.objects.select_related("body").annotate(
            decision_count=count_of(visible(Decision, drafts=drafts), "meeting")
        )
        queryset = queryset.prefetch_related(
            "agenda_items",
            Prefetch(
                "attendees",
                queryset=visible(Attendee, drafts=drafts).filter(role=Attendee.Role.CHAIR).select_related("person", "office"),
                to_attr="chair_attendees",
            ),
        )
        if include & {"decisions", "operations"}:
            queryset = queryset.prefetch_related(
                Prefetch("decisions", queryset=decision_queryset(drafts=drafts, include=include), to_attr="visible_decisions")
            )
        if "operations" in include:
            queryset = queryset.prefetch_related(
                Prefetch("launched_operations", queryset=visible(Operation, drafts=drafts), to_attr="visible_launched_operations")
            )
        if "attendees" in include:
            queryset = queryset.prefetch_related(
                Prefetch("attendees", queryset=attendee_queryset(drafts=drafts, include=include), to_attr="visible_attendees")
            )
        if "citations" in include:
            queryset = queryset.prefetch_related(
                Prefetch("citations", queryset=citation_queryset(drafts=drafts, include=include), to_attr="visible_citations")
            )
        return queryset


class DecisionViewSet(WorkflowViewSet):
    """What meetings decided, approved, reviewed or directed, by domain and operation."""

    model = Decision
    serializer_class = DecisionSerializer
    write_serializer_class = DecisionWriteSerializer
    filterset_class = DecisionFilterSet
    lookup_value_regex = r"[0-9]+"
    includes = {
        "citations": "the quotes supporting each decision",
        "source_text": "the full text of every cited source (implies citations)",
    }
    ordering_fields = {"date": "meeting__date", "order": "order", "domain": "domain", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = [F("meeting__date").desc(nulls_last=True), "meeting__title", "order"]
    search_fields = ["text", "note", "meeting__title"]
    export_columns = [
        *columns("id", "meeting.id", "meeting.slug", "meeting.date", "meeting.date_precision", "order", "action", "domain", "text", "note"),
        ("operations", lambda decision: ";".join(operation.slug for operation in decision.visible_operations)),
        ("bodies", lambda decision: ";".join(body.slug for body in decision.visible_bodies)),
        *columns("status", "created_at", "updated_at"),
    ]

    def base_queryset(self, include):
        return decision_queryset(drafts=self.drafts, include=include, everything=True)


class AttendeeViewSet(WorkflowViewSet):
    """Who attended which meeting: a person, the office they held there, or a group named without names."""

    model = Attendee
    serializer_class = AttendeeSerializer
    write_serializer_class = AttendeeWriteSerializer
    filterset_class = AttendeeFilterSet
    lookup_value_regex = r"[0-9]+"
    includes = {
        "citations": "the quotes recording each attendance",
        "source_text": "the full text of every cited source (implies citations)",
    }
    ordering_fields = {"date": "meeting__date", "order": "order", "role": "role", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = [F("meeting__date").desc(nulls_last=True), "meeting__title", "order"]
    search_fields = ["group_label", "note", "person__name", "office__title", "meeting__title"]
    export_columns = columns(
        "id", "meeting.id", "meeting.slug", "meeting.date", "meeting.date_precision", "person.id", "person.slug", "person.name",
        "office.id", "office.slug", "office.title", "group_label",
        "role", "order", "note", "status", "created_at", "updated_at",
    )

    def base_queryset(self, include):
        return attendee_queryset(drafts=self.drafts, include=include, everything=True)


class PersonViewSet(WorkflowViewSet):
    """People recorded at meetings; a person who attends many meetings is one record."""

    model = Person
    serializer_class = PersonSerializer
    write_serializer_class = PersonWriteSerializer
    filterset_class = PersonFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG
    includes = {"attendances": "every meeting the person attended, with the office held there"}
    ordering_fields = {"name": "name", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = ["name"]
    search_fields = ["name", "description"]
    search_related_fields = ["aliases__name"]
    export_columns = columns("id", "slug", "name", "description", "status", "created_at", "updated_at")

    def base_queryset(self, include):
        attendances = visible(Attendee, drafts=self.drafts)
        queryset = Person.objects.annotate(attendance_count=count_of(attendances, "person")).prefetch_related("aliases")
        if "attendances" in include:
            queryset = queryset.prefetch_related(
                Prefetch("attendances", queryset=attendances.select_related("meeting__body", "office"), to_attr="visible_attendances")
            )
        return queryset


class OfficeViewSet(WorkflowViewSet):
    """Posts people hold (Prime Minister, Chief of Army Staff...), as recorded at meetings."""

    model = Office
    serializer_class = OfficeSerializer
    write_serializer_class = OfficeWriteSerializer
    filterset_class = OfficeFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG
    includes = {"attendances": "every meeting at which the office was represented, and by whom"}
    ordering_fields = {"title": "title", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = ["title"]
    search_fields = ["title", "description"]
    export_columns = columns("id", "slug", "title", "description", "status", "created_at", "updated_at")

    def base_queryset(self, include):
        attendances = visible(Attendee, drafts=self.drafts)
        queryset = Office.objects.annotate(attendance_count=count_of(attendances, "office"))
        if "attendances" in include:
            queryset = queryset.prefetch_related(
                Prefetch("attendances", queryset=attendances.select_related("meeting__body", "person"), to_attr="visible_attendances")
            )
        return queryset


class BodyViewSet(WorkflowViewSet):
    """Committees and institutions that meet or act (apex committees, NACTA...)."""

    model = Body
    serializer_class = BodySerializer
    write_serializer_class = BodyWriteSerializer
    filterset_class = BodyFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG
    ordering_fields = {"name": "name", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = ["name"]
    search_fields = ["name", "short_name", "description"]
    search_related_fields = ["aliases__name"]
    export_columns = columns("id", "slug", "name", "short_name", "kind", "parent.id", "parent.slug", "description", "status", "created_at", "updated_at")

    def base_queryset(self, include):
        return with_public_links(Body.objects.prefetch_related("aliases"), "parent", preview=self.drafts).annotate(
            meeting_count=count_of(visible(Meeting, drafts=self.drafts), "body")
        )
