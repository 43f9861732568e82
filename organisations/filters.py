"""Filters for organisations, shared by the public pages and the API."""
import django_filters

from organisations.models import Organisation


class OrganisationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Organisation.Kind.choices)
    banned = django_filters.BooleanFilter(help_text="true: only organisations a source names as banned.")

    class Meta:
        model = Organisation
        fields = ["kind", "banned"]
