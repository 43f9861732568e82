"""Public pages for organisations: the groups the sources name, with the passages that name them."""
from django.db.models import Prefetch
from django.views.generic import DetailView

from meetings.models import Decision
from foundations.listing import FilteredListView
from foundations.slugs import FormerSlugRedirectMixin
from operations.models import Operation
from organisations.filters import OrganisationFilter
from organisations.models import Organisation, OrganisationCitation


class OrganisationListView(FilteredListView):
    filterset_class = OrganisationFilter
    template_name = "organisations/organisation_list.html"
    paginate_by = 50

    def get_base_queryset(self):
        return Organisation.objects.public().with_related()


class OrganisationDetailView(FormerSlugRedirectMixin, DetailView):
    template_name = "organisations/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.public().prefetch_related(
            "aliases",
            Prefetch("citations", queryset=OrganisationCitation.objects.public().select_related("source")),
            Prefetch("decisions", queryset=Decision.objects.public().select_related("meeting")),
            Prefetch("operations", queryset=Operation.objects.public()),
        )
