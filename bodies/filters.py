"""Filters for bodies, shared by the public pages and the API."""
import django_filters

from meetings.models import Body


class BodyFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Body.Kind.choices)
    parent = django_filters.ModelChoiceFilter(queryset=Body.objects.published(), to_field_name="slug", help_text="The slug of the parent body.")

    class Meta:
        model = Body
        fields = ["kind", "parent"]
