"""Query filters for meetings, attendees, decisions, people, offices and bodies (django-filter FilterSets).

Filters that cross a to-many relation match in a subquery (`pk__in`), so a record never comes twice
and counting a page needs no DISTINCT.
"""
import django_filters
from django.db.models import Q
from rest_framework import exceptions

from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, Office, Person
from restapi.filtersets import PublishableFilterSet, YearFilter, slug_filter
from restapi.visibility import request_sees_drafts, visible
from operations.models import Operation
from sources.filters import outlet_sources
from sources.models import Citation, SourceDocument


def operations_named(request, value: str):
    """Return the visible operation a slug or any spelling of its name designates, with its sub-operations.

    An unknown one is a 400.
    """
    operations = visible(Operation, drafts=request_sees_drafts(request, Operation))
    found = list(operations.filter(slug=value).values_list("pk", flat=True)) or list(operations.named(value).values_list("pk", flat=True))
    if not found:
        raise exceptions.ValidationError({"operation": [f"No operation has the slug or name “{value[:100]}”."]})
    wanted = set(found)
    frontier = set(found)
    while frontier:  # Sub-operations, at any depth: there are few operations.
        frontier = set(operations.filter(parent__in=frontier).exclude(pk__in=wanted).values_list("pk", flat=True))
        wanted |= frontier
    return wanted


def _visible_decisions(request):
    return visible(Decision, drafts=request_sees_drafts(request, Decision))


def meetings_cited_from(sources) -> Q:
    """Return the condition for meetings cited (directly, or for an attendee or decision) from these sources."""
    cited = Citation.objects.filter(source__in=sources)
    return (
        Q(pk__in=cited.values("meeting_id"))
        | Q(pk__in=cited.values("attendee__meeting_id"))
        | Q(pk__in=cited.values("decision__meeting_id"))
    )


class MeetingFilterSet(PublishableFilterSet):
    date = django_filters.DateFilter(
        method="filter_date",
        label="Meetings known to have been held on this day (YYYY-MM-DD). A meeting known only to its month or "
        "year never matches (use `year`, `date_from` and `date_to`, and see `date_precision`).",
    )
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="Meetings on or after this date (YYYY-MM-DD).")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="Meetings on or before this date (YYYY-MM-DD).")
    year = YearFilter(field_name="date__year", label="Meetings in this year.")
    precision = django_filters.ChoiceFilter(field_name="date_precision", choices=DatePrecision.choices, label="How precisely the date is known.")
    body = slug_filter(Body, "body", "Meetings of this body (slug).")
    chair = slug_filter(Person, "chair", "Meetings chaired by this person (slug).", method="filter_chair")
    chair_office = slug_filter(Office, "chair_office", "Meetings chaired by the holder of this office (slug).", method="filter_chair_office")
    person = slug_filter(Person, "person", "Meetings this person attended (slug).", method="filter_person")
    office = slug_filter(Office, "office", "Meetings at which this office was represented (slug).", method="filter_office")
    operation = django_filters.CharFilter(
        method="filter_operation",
        label="Meetings about this operation (slug, or any spelling of its name), or one of its sub-operations: it was launched there or a decision concerns it.",
    )
    domain = django_filters.ChoiceFilter(choices=Decision.Domain.choices, method="filter_domain", label="Meetings with a decision in this domain.")
    outlet = django_filters.CharFilter(method="filter_outlet", label="Meetings cited from sources of this outlet.")
    source = slug_filter(SourceDocument, "source", "Meetings cited from this source (slug).", method="filter_source")

    class Meta:
        model = Meeting
        fields = []

    def _attended(self, queryset, **conditions):
        attendees = visible(Attendee, drafts=request_sees_drafts(self.request, Attendee)).filter(**conditions)
        return queryset.filter(pk__in=attendees.values("meeting_id"))

    def filter_date(self, queryset, name, value):
        # A vague date is stored as its period's first day: only a day-precise date is that day.
        return queryset.filter(date=value, date_precision=DatePrecision.DAY)

    def filter_chair(self, queryset, name, value):
        return self._attended(queryset, person=value, role=Attendee.Role.CHAIR)

    def filter_chair_office(self, queryset, name, value):
        return self._attended(queryset, office=value, role=Attendee.Role.CHAIR)

    def filter_person(self, queryset, name, value):
        return self._attended(queryset, person=value)

    def filter_office(self, queryset, name, value):
        return self._attended(queryset, office=value)

    def filter_operation(self, queryset, name, value):
        operations = operations_named(self.request, value)
        decisions = _visible_decisions(self.request).filter(operations__in=operations)
        launched = Operation.objects.filter(pk__in=operations)
        return queryset.filter(Q(pk__in=decisions.values("meeting_id")) | Q(pk__in=launched.values("launch_meeting_id")))

    def filter_domain(self, queryset, name, value):
        return queryset.filter(pk__in=_visible_decisions(self.request).filter(domain=value).values("meeting_id"))

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(meetings_cited_from(outlet_sources(self.request, value)))

    def filter_source(self, queryset, name, value):
        return queryset.filter(meetings_cited_from([value]))


class _PartOfMeetingFilterSet(PublishableFilterSet):
    meeting = slug_filter(Meeting, "meeting", "Of this meeting (slug).")
    body = slug_filter(Body, "meeting__body", "Of meetings of this body (slug).")
    date_from = django_filters.DateFilter(field_name="meeting__date", lookup_expr="gte", label="Of meetings on or after this date (YYYY-MM-DD).")
    date_to = django_filters.DateFilter(field_name="meeting__date", lookup_expr="lte", label="Of meetings on or before this date (YYYY-MM-DD).")
    year = YearFilter(field_name="meeting__date__year", label="Of meetings in this year.")


class DecisionFilterSet(_PartOfMeetingFilterSet):
    operation = django_filters.CharFilter(
        method="filter_operation", label="Decisions concerning this operation (slug or any spelling of its name) or one of its sub-operations."
    )
    domain = django_filters.ChoiceFilter(choices=Decision.Domain.choices, label="Decision domain.")
    action = django_filters.ChoiceFilter(choices=Decision.Action.choices, label="What the meeting did.")
    concerns_body = slug_filter(Body, "bodies", "Decisions concerning this body (slug).", method="filter_concerns_body")
    outlet = django_filters.CharFilter(method="filter_outlet", label="Decisions cited from sources of this outlet.")
    source = slug_filter(SourceDocument, "source", "Decisions cited from this source (slug).", method="filter_source")

    class Meta:
        model = Decision
        fields = []

    def filter_operation(self, queryset, name, value):
        through = Decision.operations.through.objects.filter(operation_id__in=operations_named(self.request, value))
        return queryset.filter(pk__in=through.values("decision_id"))

    def filter_concerns_body(self, queryset, name, value):
        return queryset.filter(pk__in=Decision.bodies.through.objects.filter(body=value).values("decision_id"))

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(pk__in=Citation.objects.filter(source__in=outlet_sources(self.request, value)).values("decision_id"))

    def filter_source(self, queryset, name, value):
        return queryset.filter(pk__in=Citation.objects.filter(source=value).values("decision_id"))


class AttendeeFilterSet(_PartOfMeetingFilterSet):
    person = slug_filter(Person, "person", "This person's attendances (slug).")
    office = slug_filter(Office, "office", "Attendances in this office (slug).")
    role = django_filters.ChoiceFilter(choices=Attendee.Role.choices, label="Role at the meeting.")

    class Meta:
        model = Attendee
        fields = []


class PersonFilterSet(PublishableFilterSet):
    office = slug_filter(Office, "office", "People who attended a meeting in this office (slug).", method="filter_office")
    meeting = slug_filter(Meeting, "meeting", "People who attended this meeting (slug).", method="filter_meeting")

    class Meta:
        model = Person
        fields = []

    def _attendances(self):
        return visible(Attendee, drafts=request_sees_drafts(self.request, Attendee))

    def filter_office(self, queryset, name, value):
        return queryset.filter(pk__in=self._attendances().filter(office=value).values("person_id"))

    def filter_meeting(self, queryset, name, value):
        return queryset.filter(pk__in=self._attendances().filter(meeting=value).values("person_id"))


class OfficeFilterSet(PublishableFilterSet):
    person = slug_filter(Person, "person", "Offices this person held at a meeting (slug).", method="filter_person")
    meeting = slug_filter(Meeting, "meeting", "Offices represented at this meeting (slug).", method="filter_meeting")

    class Meta:
        model = Office
        fields = []

    def _attendances(self):
        return visible(Attendee, drafts=request_sees_drafts(self.request, Attendee))

    def filter_person(self, queryset, name, value):
        return queryset.filter(pk__in=self._attendances().filter(person=value).values("office_id"))

    def filter_meeting(self, queryset, name, value):
        return queryset.filter(pk__in=self._attendances().filter(meeting=value).values("office_id"))


class BodyFilterSet(PublishableFilterSet):
    kind = django_filters.ChoiceFilter(choices=Body.Kind.choices, label="Kind of body.")
    parent = slug_filter(Body, "parent", "Bodies under this body (slug).")

    class Meta:
        model = Body
        fields = []
