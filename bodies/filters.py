"""Filters of the public body list (the API's are meetings.filters.BodyFilterSet)."""
import django_filters

from meetings.models import Body


class BodyFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Body.Kind.choices, label="Kind", empty_label="Any kind")

    class Meta:
        model = Body
        fields = ["kind"]
