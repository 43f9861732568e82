"""The API's operations."""
from django.db.models import Prefetch

from meetings.api import decision_queryset
from editorial.api import WorkflowViewSet
from foundations.publication import with_public_links
from restapi.exports import columns
from restapi.visibility import visible
from operations.filters import OperationFilterSet
from operations.models import Operation
from operations.serializers import OperationSerializer, OperationWriteSerializer
from sources.api import citation_queryset


class OperationViewSet(WorkflowViewSet):
    """Named counter-terrorism operations, campaigns and visions (Azm-e-Istehkam...), with their spellings."""

    model = Operation
    serializer_class = OperationSerializer
    write_serializer_class = OperationWriteSerializer
    filterset_class = OperationFilterSet
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    includes = {
        "children": "the operations under this one",
        "decisions": "the decisions concerning the operation",
        "citations": "the quotes supporting the operation (and its decisions, when included)",
        "source_text": "the full text of every cited source (implies citations)",
    }
    ordering_fields = {"name": "name", "launch_date": "launch_meeting__date", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = ["name"]
    search_fields = ["name", "summary", "kind_note"]
    search_related_fields = ["aliases__name"]
    export_columns = [
        *columns("id", "slug", "name", "kind", "parent.slug", "launch_meeting.slug", "launch_meeting.date", "operation_status"),
        ("aliases", lambda operation: ";".join(alias.name for alias in operation.aliases.all())),
        ("regions", lambda operation: ";".join(region.slug for region in operation.regions.all())),
        *columns("summary", "status", "created_at", "updated_at"),
    ]

    def base_queryset(self, include):
        drafts = self.drafts
        queryset = with_public_links(
            Operation.objects.prefetch_related("aliases", "regions"), "parent", "launch_meeting__body", preview=drafts
        )
        if "children" in include:
            queryset = queryset.prefetch_related(
                Prefetch("children", queryset=visible(Operation, drafts=drafts), to_attr="visible_children")
            )
        if "decisions" in include:
            queryset = queryset.prefetch_related(
                Prefetch("decisions", queryset=decision_queryset(drafts=drafts, include=include), to_attr="visible_decisions")
            )
        if "citations" in include:
            queryset = queryset.prefetch_related(
                Prefetch("citations", queryset=citation_queryset(drafts=drafts, include=include), to_attr="visible_citations")
            )
        return queryset
