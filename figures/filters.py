"""Filters for figures, shared by the public pages and the API so both accept the same parameters."""
import django_filters

from figures.models import Figure, Measure, Qualifier, Unit
from operations.models import Region


class FigureFilter(django_filters.FilterSet):
    measure = django_filters.ModelChoiceFilter(
        queryset=Measure.objects.all(), to_field_name="slug", help_text="A measure's slug, e.g. conviction-rate-for-terrorists."
    )
    place = django_filters.ModelChoiceFilter(
        field_name="places",
        queryset=Region.objects.all(),
        to_field_name="slug",
        help_text="A place's slug (pakistan, punjab, kalat...): figures covering that place, alone or with others.",
    )
    year = django_filters.NumberFilter(
        method="filter_year",
        min_value=1900,
        max_value=2100,
        help_text="Figures whose period covers part of this year, as far as the source dates it.",
    )
    unit = django_filters.ChoiceFilter(choices=Unit.choices)
    qualifier = django_filters.ChoiceFilter(choices=Qualifier.choices)
    source = django_filters.CharFilter(field_name="source__slug", help_text="The slug of the source that gives the figure.")

    class Meta:
        model = Figure
        fields = ["measure", "place", "year", "unit", "qualifier", "source"]

    def filter_year(self, queryset, name, value):
        return queryset.covering_year(int(value))
