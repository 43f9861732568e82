"""The API's sources and citations."""
from django.db.models import Prefetch

from editorial.api import WorkflowViewSet
from restapi.exports import columns
from restapi.visibility import visible
from sources.filters import CitationFilterSet, SourceFilterSet
from sources.models import Citation, SourceDocument
from sources.serializers import CitationSerializer, CitationWriteSerializer, SourceSerializer, SourceWriteSerializer


def citation_queryset(*, drafts: bool, include: set[str]):
    """Return the citations a client may see, with everything a CitationSerializer reads in one query.

    The cited sources' texts are read only when include=source_text asks for them.
    """
    queryset = visible(Citation, drafts=drafts).select_related(
        "source", "meeting", "attendee__person", "attendee__office", "decision", "operation"
    )
    return queryset if "source_text" in include else queryset.defer("source__text")


def citation_target_columns():
    return [
        ("supports_type", lambda c: c.target._meta.model_name),
        ("supports_id", lambda c: c.target.pk),
    ]


class SourceViewSet(WorkflowViewSet):
    """The articles and statements every fact is cited from, kept verbatim."""

    model = SourceDocument
    serializer_class = SourceSerializer
    write_serializer_class = SourceWriteSerializer
    filterset_class = SourceFilterSet
    lookup_field = "slug"
    # Letters of any script: a source's slug keeps Urdu words (foundations.slugs.UnicodeSlugConverter).
    lookup_value_regex = r"[-\w]+"
    includes = {
        "source_text": "the full text, verbatim",
        "citations": "the citations of this source, with the facts they support",
    }
    ordering_fields = {"published_on": "published_on", "title": "title", "outlet": "outlet", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = ["-published_on", "original_filename"]
    search_fields = ["title", "outlet", "author", "text"]
    export_columns = [
        *columns("id", "slug", "title", "outlet", "origin", "author"),
        # Named as in the JSON answers, where `url` is the record's API address.
        ("article_url", lambda source: source.url),
        *columns("published_on", "language", "kind", "sha256", "original_filename", "imported_at", "status", "created_at", "updated_at"),
    ]

    def base_queryset(self, include):
        queryset = SourceDocument.objects.all()
        if "source_text" not in include and self.action != "retrieve":
            queryset = queryset.defer("text")
        if "citations" in include:
            queryset = queryset.prefetch_related(
                Prefetch("citations", queryset=citation_queryset(drafts=self.drafts, include=include), to_attr="visible_citations")
            )
        return queryset


class CitationViewSet(WorkflowViewSet):
    """Exact passages of sources, each supporting one fact: a meeting, an attendee, a decision or an operation."""

    model = Citation
    serializer_class = CitationSerializer
    write_serializer_class = CitationWriteSerializer
    filterset_class = CitationFilterSet
    lookup_value_regex = r"[0-9]+"
    includes = {"source_text": "the full text of the cited source"}
    ordering_fields = {"id": "id", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = ["source_id"]
    search_fields = ["quote", "note"]
    export_columns = [
        *columns("id", "source.id", "source.slug", "quote", "note"),
        *citation_target_columns(),
        *columns("created_at", "updated_at"),
    ]

    def base_queryset(self, include):
        # All citations: get_queryset() keeps the public ones for anonymous clients.
        return citation_queryset(drafts=True, include=include)
