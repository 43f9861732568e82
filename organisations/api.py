"""The API's organisations: the groups the sources name, with the passages that name them."""
from django.db.models import Prefetch

from meetings.models import Decision
from editorial.api import WorkflowViewSet
from restapi.exports import columns
from restapi.visibility import visible
from operations.models import Operation
from organisations.filters import OrganisationFilterSet
from organisations.models import Organisation, OrganisationCitation
from organisations.serializers import OrganisationSerializer, OrganisationWriteSerializer


def _aliases(organisation) -> str:
    return "; ".join(alias.name for alias in organisation.aliases.all())


class OrganisationViewSet(WorkflowViewSet):
    """Groups named in the sources, banned outfits among them (only where a source says they are banned)."""

    model = Organisation
    serializer_class = OrganisationSerializer
    write_serializer_class = OrganisationWriteSerializer
    filterset_class = OrganisationFilterSet
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    ordering_fields = {"name": "name", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = ["name"]
    search_fields = ["name", "description"]
    search_related_fields = ["aliases__name"]
    export_columns = [
        *columns("id", "slug", "name", "kind", "banned", "banned_by", "banned_on", "banned_on_precision"),
        ("aliases", _aliases),
        *columns("description", "status", "created_at", "updated_at"),
    ]

    def base_queryset(self, include):
        citations = visible(OrganisationCitation, drafts=self.drafts).select_related("source").defer("source__text")
        return Organisation.objects.prefetch_related(
            "aliases",
            Prefetch("citations", queryset=citations, to_attr="visible_citations"),
            Prefetch("decisions", queryset=visible(Decision, drafts=self.drafts).select_related("meeting"), to_attr="visible_decisions"),
            Prefetch("operations", queryset=visible(Operation, drafts=self.drafts), to_attr="visible_operations"),
        )
