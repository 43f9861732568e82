"""How organisations look in the API, and what editors send."""
from rest_framework import serializers

from meetings.models import Decision
from editorial.api import ModelValidatingSerializer
from operations.summaries import OperationSummarySerializer
from restapi.serializers import IdentityURLField, html_url
from operations.models import Operation
from organisations.models import Organisation, OrganisationCitation
from sources.serializers import SourceSummarySerializer


class OrganisationCitationSerializer(serializers.ModelSerializer):
    source = SourceSummarySerializer(read_only=True)
    quote_url = serializers.SerializerMethodField(help_text="The source's public page, scrolled to the quote (a text fragment).")

    class Meta:
        model = OrganisationCitation
        fields = ["id", "source", "quote", "note", "quote_url"]

    def get_quote_url(self, citation) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(citation.quote_url) if request is not None else citation.quote_url


class OrganisationDecisionSerializer(serializers.ModelSerializer):
    meeting = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = IdentityURLField(view_name="api:decision-detail", lookup_field="pk")

    class Meta:
        model = Decision
        fields = ["id", "url", "meeting", "action", "text"]


class OrganisationSerializer(serializers.ModelSerializer):
    url = IdentityURLField(view_name="api:organisation-detail", lookup_field="slug")
    html_url = serializers.SerializerMethodField(help_text="The organisation's page on the public site.")
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True, help_text="Other names sources use.")
    citations = OrganisationCitationSerializer(many=True, read_only=True, source="visible_citations", help_text="The passages that name it.")
    decisions = OrganisationDecisionSerializer(many=True, read_only=True, source="visible_decisions", help_text="Decisions that concern it.")
    operations = OperationSummarySerializer(many=True, read_only=True, source="visible_operations", help_text="Operations that concern it.")

    class Meta:
        model = Organisation
        fields = [
            "id", "slug", "url", "html_url", "name", "kind", "banned", "banned_by", "banned_on", "banned_on_precision",
            "aliases", "description", "citations", "decisions", "operations", "status", "created_at", "updated_at",
        ]

    def get_html_url(self, organisation) -> str | None:
        return html_url(self.context.get("request"), organisation)


class OrganisationWriteSerializer(ModelValidatingSerializer):
    decisions = serializers.PrimaryKeyRelatedField(queryset=Decision.objects.all(), many=True, required=False)
    operations = serializers.SlugRelatedField(slug_field="slug", queryset=Operation.objects.all(), many=True, required=False)

    class Meta:
        model = Organisation
        fields = ["slug", "name", "kind", "banned", "banned_by", "banned_on", "banned_on_precision", "description", "decisions", "operations", "correction_note"]
