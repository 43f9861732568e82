"""Filters for figures and measures: the public pages and the API accept the same parameters."""
import django_filters
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from figures.models import Figure, Measure, Qualifier, Unit
from restapi.filtersets import PublishableFilterSet, YearFilter, visible_choices
from operations.models import Region


def _slug_choice(model, *, field_name: str, label: str, empty_label: str, unknown: str) -> django_filters.ModelChoiceFilter:
    """Return a filter on a record given by slug; an unknown slug is refused with a message naming it.

    The options are the records the reader may see (a measure whose figures are all drafts is not one).
    """
    visible = visible_choices(model)
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        queryset=lambda request: visible(request).order_by("name"),
        to_field_name="slug",
        label=label,
        empty_label=empty_label,
        error_messages={"invalid_choice": unknown},
    )


class FigureFilter(django_filters.FilterSet):
    """Measure, place and year: the questions readers ask of the figures."""

    measure = _slug_choice(
        Measure,
        field_name="measure",
        label=_("Measure"),
        empty_label=_("Any measure"),
        unknown=_("No measure with the slug “%(value)s”."),
    )
    place = _slug_choice(
        Region, field_name="places", label=_("Place"), empty_label=_("Any place"), unknown=_("No region with the slug “%(value)s”.")
    )
    year = YearFilter(method="filter_year", label=_("Year covered"))
    unit = django_filters.ChoiceFilter(choices=Unit.choices, label=_("Unit"), empty_label=_("Any unit"))
    qualifier = django_filters.ChoiceFilter(choices=Qualifier.choices, label=_("Bound"), empty_label=pgettext_lazy("a figure's bound", "Any"))

    class Meta:
        model = Figure
        fields = ["measure", "place", "year", "unit", "qualifier"]

    def filter_year(self, queryset, name, value):
        # The figures whose period covers part of the year, as far as the source dates it.
        return queryset.covering_year(int(value))


class FigureFilterSet(PublishableFilterSet, FigureFilter):
    """The API's figure filters: the public ones, plus sync (updated_since) and, for editors, status."""

    source = django_filters.CharFilter(field_name="source__slug", label="Figures given by this source (slug).")

    # The public form's labels are a word each; a client needs to know what to send.
    schema_descriptions = {
        "measure": "Figures of this measure (its slug): one series, as /api/v1/measures/ lists them.",
        "place": "Figures for this place (the region's slug, as in the figures' `places`).",
        "year": "Figures whose period covers part of this year, as far as the source dates it.",
        "unit": "Figures in this unit.",
        "qualifier": "Figures with this bound, as the source words it (`exact`: given without a qualifier).",
    }

    class Meta:
        model = Figure
        fields = []


class MeasureFilterSet(django_filters.FilterSet):
    unit = django_filters.ChoiceFilter(choices=Unit.choices, label="Unit of the measure.")
    updated_since = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte", label="Only measures changed at or after this ISO 8601 date-time.")

    class Meta:
        model = Measure
        fields = []
