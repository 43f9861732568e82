"""Query filters for operations (django-filter FilterSet)."""
import django_filters
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from meetings.models import Decision, Meeting
from restapi.filtersets import PublishableFilterSet, slug_filter
from restapi.visibility import request_sees_drafts, visible
from operations.models import Operation, Region


@extend_schema_field(OpenApiTypes.STR)
class _RegionFilter(django_filters.ModelChoiceFilter):
    pass


class OperationFilterSet(PublishableFilterSet):
    kind = django_filters.ChoiceFilter(choices=Operation.Kind.choices, label="Kind of operation.")
    operation_status = django_filters.ChoiceFilter(choices=Operation.Status.choices, label="Where the operation stands.")
    parent = slug_filter(Operation, "parent", "Operations under this one (slug).")
    region = _RegionFilter(
        field_name="regions",
        queryset=Region.objects.all(),
        to_field_name="slug",
        method="filter_region",
        label="Operations covering this region (slug).",
        error_messages={"invalid_choice": "No region with the slug “%(value)s”."},
    )
    name = django_filters.CharFilter(method="filter_name", label="Operations with this name or alias, however spelled or cased (Azm-e-Istahkam finds Azm-e-Istehkam).")
    meeting = slug_filter(Meeting, "meeting", "Operations launched at this meeting (slug) or concerned by its decisions.", method="filter_meeting")

    class Meta:
        model = Operation
        fields = []

    def filter_region(self, queryset, name, value):
        return queryset.filter(pk__in=Operation.regions.through.objects.filter(region=value).values("operation_id"))

    def filter_name(self, queryset, name, value):
        return queryset.filter(pk__in=Operation.objects.named(value).values("pk"))

    def filter_meeting(self, queryset, name, value):
        decisions = visible(Decision, drafts=request_sees_drafts(self.request, Decision)).filter(meeting=value)
        through = Decision.operations.through.objects.filter(decision__in=decisions)
        return queryset.filter(Q(launch_meeting=value) | Q(pk__in=through.values("operation_id")))
