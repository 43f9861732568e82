"""Filters for organisations: the public pages and the API accept the same parameters."""
import django_filters
from django.utils.translation import gettext_lazy as _

from restapi.filtersets import PublishableFilterSet
from organisations.models import Organisation


class OrganisationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Organisation.Kind.choices, label=_("Kind"), empty_label=_("Any kind"))
    banned = django_filters.BooleanFilter(label=_("Named as banned by a source"))

    class Meta:
        model = Organisation
        fields = ["kind", "banned"]


class OrganisationFilterSet(PublishableFilterSet, OrganisationFilter):
    # The public form's labels are a word each; a client needs to know what to send.
    schema_descriptions = {
        "kind": "Groups of this kind.",
        "banned": "true: only groups a source names as banned; false: only the others.",
    }

    class Meta:
        model = Organisation
        fields = []
