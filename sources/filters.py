"""Query filters for sources and citations (django-filter FilterSets)."""
import django_filters
from django.db.models import Q
from rest_framework import exceptions

from meetings.models import Attendee, Decision, Meeting
from restapi.filtersets import ArchiveFilterSet, PublishableFilterSet, YearFilter, id_filter, slug_filter
from restapi.visibility import request_sees_drafts, visible
from operations.models import Operation
from sources.models import Citation, SourceDocument


def outlet_sources(request, outlet: str):
    """Return the visible sources from this outlet (case-insensitive); an outlet with none is a 400."""
    sources = visible(SourceDocument, drafts=request_sees_drafts(request, SourceDocument)).filter(outlet__iexact=outlet)
    if not sources.exists():
        raise exceptions.ValidationError({"outlet": [f"No source in the archive comes from the outlet “{outlet[:100]}”."]})
    return sources


class SourceFilterSet(PublishableFilterSet):
    outlet = django_filters.CharFilter(method="filter_outlet", label="Outlet, exactly as written but in any case, e.g. Dawn.")
    kind = django_filters.ChoiceFilter(choices=SourceDocument.Kind.choices, label="Kind of source.")
    language = django_filters.CharFilter(lookup_expr="iexact", label="BCP 47 language tag, e.g. en or ur (any case).")
    published_from = django_filters.DateFilter(field_name="published_on", lookup_expr="gte", label="Published on or after (YYYY-MM-DD).")
    published_to = django_filters.DateFilter(field_name="published_on", lookup_expr="lte", label="Published on or before (YYYY-MM-DD).")
    year = YearFilter(field_name="published_on__year", label="Year of publication.")
    meeting = slug_filter(Meeting, "meeting", "Sources cited for this meeting (slug), its attendees or decisions.", method="filter_meeting")

    class Meta:
        model = SourceDocument
        fields = []

    def filter_outlet(self, queryset, name, value):
        outlet_sources(self.request, value)
        return queryset.filter(outlet__iexact=value)

    def filter_meeting(self, queryset, name, value):
        cited = Citation.objects.filter(Q(meeting=value) | Q(attendee__meeting=value) | Q(decision__meeting=value))
        return queryset.filter(pk__in=cited.values("source_id"))


class CitationFilterSet(ArchiveFilterSet):
    source = slug_filter(SourceDocument, "source", "Citations of this source (slug).")
    outlet = django_filters.CharFilter(method="filter_outlet", label="Citations of sources from this outlet.")
    meeting = slug_filter(Meeting, "meeting", "Citations for this meeting (slug), its attendees and its decisions.", method="filter_meeting")
    decision = id_filter(Decision, "decision", "Citations for this decision (id).")
    attendee = id_filter(Attendee, "attendee", "Citations for this attendee (id).")
    operation = slug_filter(Operation, "operation", "Citations for this operation (slug).")
    language = django_filters.CharFilter(field_name="source__language", lookup_expr="iexact", label="Citations quoted in this language (BCP 47 tag, e.g. ur).")

    class Meta:
        model = Citation
        fields = []

    def filter_outlet(self, queryset, name, value):
        outlet_sources(self.request, value)
        return queryset.filter(source__outlet__iexact=value)

    def filter_meeting(self, queryset, name, value):
        return queryset.filter(Q(meeting=value) | Q(attendee__meeting=value) | Q(decision__meeting=value))
