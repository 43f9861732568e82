"""How sources and citations look in the API (reads) and what editors send (writes)."""
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.models import Attendee, Decision, Meeting
from editorial.api import ModelValidatingSerializer
from restapi.serializers import IdentityURLField, IncludableSerializer, OptionalURLField, SummarySerializer, html_url
from operations.models import Operation
from sources.models import Citation, SourceDocument


class SourceSummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:source-detail", lookup_field="slug")
    article_url = OptionalURLField(source="url", help_text="Where the article was published, if known.")
    text = serializers.CharField(read_only=True, help_text="The full text, verbatim (only with include=source_text).")

    include_fields = {"text": "source_text"}

    class Meta:
        model = SourceDocument
        fields = ["id", "slug", "url", "title", "outlet", "published_on", "language", "article_url", "text"]


class FactReferenceSerializer(serializers.Serializer):
    """The fact a citation supports."""

    type = serializers.ChoiceField(choices=["meeting", "attendee", "decision", "operation"])
    id = serializers.IntegerField()
    slug = serializers.CharField(allow_null=True, help_text="For meetings and operations.")
    url = serializers.URLField(help_text="The fact's address in this API.")
    label = serializers.CharField(help_text="A human-readable description of the fact.")


class CitationSerializer(IncludableSerializer):
    url = IdentityURLField(view_name="api:citation-detail", lookup_field="pk")
    source = SourceSummarySerializer(read_only=True)
    supports = serializers.SerializerMethodField()
    # A quote is the source's own words, verbatim: its language is the source's.
    quote_language = serializers.CharField(
        source="source.language", read_only=True, help_text="BCP 47 tag of the quote's language (its source's), e.g. en, ur."
    )

    class Meta:
        model = Citation
        fields = ["id", "url", "source", "quote", "quote_language", "note", "supports", "created_at", "updated_at"]

    @extend_schema_field(FactReferenceSerializer)
    def get_supports(self, citation):
        target = citation.target
        kind = target._meta.model_name
        lookup = target.slug if kind in ("meeting", "operation") else target.pk
        request = self.context.get("request")
        path = reverse(f"api:{kind}-detail", args=[lookup])
        return {
            "type": kind,
            "id": target.pk,
            "slug": getattr(target, "slug", None),
            "url": request.build_absolute_uri(path) if request else path,
            "label": str(target),
        }


class SourceSerializer(IncludableSerializer):
    url = IdentityURLField(view_name="api:source-detail", lookup_field="slug")
    html_url = serializers.SerializerMethodField(help_text="The source's page on the public site.")
    article_url = OptionalURLField(source="url", help_text="Where the article was published, if known.")
    text = serializers.CharField(read_only=True, help_text="The full text, verbatim (only with include=source_text).")
    citations = CitationSerializer(many=True, read_only=True, source="visible_citations", help_text="Only with include=citations.")

    include_fields = {"text": "source_text", "citations": "citations"}

    class Meta:
        model = SourceDocument
        fields = [
            "id", "slug", "url", "html_url", "title", "outlet", "origin", "author", "article_url", "published_on", "language",
            "kind", "sha256", "original_filename", "imported_at", "editorial_note", "status", "version", "created_at",
            "updated_at", "text", "citations",
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_html_url(self, source):
        return html_url(self.context.get("request"), source)


class SourceWriteSerializer(ModelValidatingSerializer):
    """What an editor sends to add a source or correct its details (its text never changes)."""

    article_url = serializers.URLField(source="url", required=False, allow_blank=True, max_length=500)

    class Meta:
        model = SourceDocument
        fields = [
            "title", "slug", "outlet", "origin", "author", "article_url", "published_on", "language", "kind", "text",
            "original_filename", "editorial_note", "version", "correction_note",
        ]


class CitationWriteSerializer(ModelValidatingSerializer):
    """What an editor sends to cite a source for exactly one fact; the quote must be in the source's text."""

    source = serializers.SlugRelatedField(slug_field="slug", queryset=SourceDocument.objects.all())
    meeting = serializers.SlugRelatedField(slug_field="slug", queryset=Meeting.objects.all(), required=False, allow_null=True)
    attendee = serializers.PrimaryKeyRelatedField(queryset=Attendee.objects.all(), required=False, allow_null=True)
    decision = serializers.PrimaryKeyRelatedField(queryset=Decision.objects.all(), required=False, allow_null=True)
    operation = serializers.SlugRelatedField(slug_field="slug", queryset=Operation.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Citation
        fields = ["source", "quote", "note", "meeting", "attendee", "decision", "operation", "version", "correction_note"]
