"""Filters of the public meeting and decision lists (query parameters readers can bookmark)."""
import django_filters
import django_filters.fields
from django import forms
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from meetings.models import Attendee, Body, Decision, Meeting, Person
from foundations.caching import kept_until_archive_changes
from meetings.selectors import MEETINGS_NEWEST_FIRST, MEETINGS_OLDEST_FIRST, meeting_years
from foundations.widgets import DatalistInput, PlainSelect
from operations.models import Operation


UNDATED = "undated"


def _meeting_year_choices():
    years = [(str(row["year"]), str(row["year"])) for row in meeting_years()]
    return [*years, (UNDATED, _("Date not established"))]


class YearField(django_filters.fields.ChoiceField):
    """A year (any year: one without meetings is an empty list, not an error), or "undated"."""

    def valid_value(self, value):
        value = str(value)
        return value == UNDATED or (value.isdigit() and len(value) == 4 and value != "0000")


class YearChoiceFilter(django_filters.ChoiceFilter):
    """A year, offering those with published meetings, or the meetings whose date is not established.

    Anything but a four-digit year or "undated" is refused with a message, not ignored.
    """

    field_class = YearField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", _meeting_year_choices)
        kwargs.setdefault("empty_label", _("Any year"))
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("error_messages", {"invalid_choice": _("give a year such as 2024, or choose “Date not established”.")})
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value == UNDATED:
            date_field = self.field_name.removesuffix("__year")
            return qs.filter(**{f"{date_field}__isnull": True})
        return super().filter(qs, value)


CHAIR_SUGGESTIONS = 30


def _chairs():
    """Return the public people who chaired a public meeting."""
    return Person.objects.public().filter(
        Exists(Attendee.objects.public().filter(person=OuterRef("pk"), role=Attendee.Role.CHAIR))
    )


def chair_suggestions() -> list[str]:
    """Return the names of the chairs of the most public meetings, at most CHAIR_SUGGESTIONS of them.

    Kept until the archive changes: counting every chair's meetings took ~125 ms at the benchmark's
    scale (20,000 meetings), half of the uncached list's time.
    """
    return kept_until_archive_changes("chair-suggestions", _chair_suggestions)


def _chair_suggestions() -> list[str]:
    chaired = (
        Attendee.objects.public()
        .filter(role=Attendee.Role.CHAIR, person__in=Person.objects.public())
        .values("person__name")
        .annotate(meetings=Count("meeting_id"))
        .order_by("-meetings", "person__name")
    )
    return [row["person__name"] for row in chaired[:CHAIR_SUGGESTIONS]]


class ChairField(forms.CharField):
    """A chair typed by name (or another recorded spelling of it) or by slug; cleaned to the people it names."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        people = list(
            _chairs()
            .filter(Q(slug=value) | Q(name__iexact=value) | Q(aliases__name__iexact=value))
            .values_list("pk", flat=True)
            .distinct()
        )
        if not people:
            raise forms.ValidationError(f"no one who chaired a published meeting is called “{value[:100]}”.")
        return people


class ChairFilter(django_filters.CharFilter):
    field_class = ChairField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", DatalistInput(options=chair_suggestions, list_id="chair-suggestions"))
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)


class PublicFilterSet(django_filters.FilterSet):
    """A filter set whose choice lists render quickly, however many choices they hold (PlainSelect)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            if isinstance(filter_, (django_filters.ChoiceFilter, django_filters.ModelChoiceFilter)):
                filter_.extra.setdefault("widget", PlainSelect)


def _public_operations():
    return Operation.objects.public().order_by("name")


class MeetingFilter(PublicFilterSet):
    """Year, body, chair, operation, decision domain, and the order of the list."""

    year = YearChoiceFilter(field_name="date__year")
    body = django_filters.ModelChoiceFilter(
        label="Body",
        to_field_name="slug",
        empty_label="Any body",
        queryset=Body.objects.public()
        .filter(Exists(Meeting.objects.public().filter(body=OuterRef("pk"))))
        .order_by("name"),
    )
    # Typed, not a <select> of every chair: that list grew with the archive (2,664 people, ~250 KB a page
    # at the benchmark's scale). The datalist suggests only the chairs of the most meetings.
    chair = ChairFilter(label="Chaired by", method="filter_chair")
    operation = django_filters.ModelChoiceFilter(
        label="Operation",
        to_field_name="slug",
        empty_label="Any operation",
        method="filter_operation",
        queryset=_public_operations(),
    )
    domain = django_filters.ChoiceFilter(
        label="Decision domain", choices=Decision.Domain.choices, empty_label="Any domain", method="filter_domain"
    )
    sort = django_filters.ChoiceFilter(
        label="Order",
        choices=[("newest", "Newest first"), ("oldest", "Oldest first"), ("title", "Title A–Z")],
        empty_label=None,
        method="sort_meetings",
    )

    class Meta:
        model = Meeting
        fields = ["year", "body", "chair", "operation", "domain", "sort"]

    def filter_chair(self, queryset, name, people):
        chaired = Attendee.objects.public().filter(role=Attendee.Role.CHAIR, person__in=people).values("meeting_id")
        return queryset.filter(pk__in=chaired)

    def filter_operation(self, queryset, name, operation):
        concerning = Decision.objects.public().filter(operations=operation).values("meeting_id")
        launched = Operation.objects.filter(pk=operation.pk, launch_meeting__isnull=False).values("launch_meeting_id")
        return queryset.filter(Q(pk__in=concerning) | Q(pk__in=launched))

    def filter_domain(self, queryset, name, domain):
        return queryset.filter(pk__in=Decision.objects.public().filter(domain=domain).values("meeting_id"))

    def sort_meetings(self, queryset, name, value):
        orderings = {"newest": MEETINGS_NEWEST_FIRST, "oldest": MEETINGS_OLDEST_FIRST, "title": ("title", "id")}
        return queryset.order_by(*orderings.get(value, MEETINGS_NEWEST_FIRST))


class DecisionFilter(PublicFilterSet):
    """Domain, operation and year (of the meeting) of decisions across meetings."""

    domain = django_filters.ChoiceFilter(label=_("Domain"), choices=Decision.Domain.choices, empty_label=_("Any domain"))
    operation = django_filters.ModelChoiceFilter(
        label=_("Operation"),
        field_name="operations",
        to_field_name="slug",
        empty_label=_("Any operation"),
        queryset=_public_operations(),
    )
    year = YearChoiceFilter(field_name="meeting__date__year")

    class Meta:
        model = Decision
        fields = ["domain", "operation", "year"]


class BodyFilter(django_filters.FilterSet):
    """Filters of the public body list (the API's are meetings.filters.BodyFilterSet)."""

    kind = django_filters.ChoiceFilter(choices=Body.Kind.choices, label=_("Kind"), empty_label=_("Any kind"))

    class Meta:
        model = Body
        fields = ["kind"]
