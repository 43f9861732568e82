"""How operations look in the API, and what editors send."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.models import Meeting
from meetings.serializers import DecisionSerializer
from editorial.api import ModelValidatingSerializer
from meetings.summaries import MeetingSummarySerializer
from operations.summaries import OperationSummarySerializer, RegionSerializer
from restapi.serializers import IdentityURLField, IncludableSerializer, html_url
from operations.models import Operation, OperationAlias, Region
from sources.serializers import CitationSerializer


class OperationAliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = OperationAlias
        fields = ["name", "kind", "note"]


class OperationSerializer(IncludableSerializer):
    url = IdentityURLField(view_name="api:operation-detail", lookup_field="slug")
    html_url = serializers.SerializerMethodField(help_text="The operation's page on the public site.")
    aliases = OperationAliasSerializer(many=True, read_only=True, help_text="Other spellings and names sources use.")
    parent = OperationSummarySerializer(read_only=True, allow_null=True, help_text="The wider campaign or vision it is part of.")
    launch_meeting = MeetingSummarySerializer(read_only=True, allow_null=True, help_text="The meeting that launched or approved it.")
    regions = RegionSerializer(many=True, read_only=True)
    children = OperationSummarySerializer(many=True, read_only=True, source="visible_children", help_text="Only with include=children.")
    decisions = DecisionSerializer(many=True, read_only=True, source="visible_decisions", help_text="Only with include=decisions.")
    citations = CitationSerializer(many=True, read_only=True, source="visible_citations", help_text="Only with include=citations.")

    include_fields = {"children": "children", "decisions": "decisions", "citations": "citations"}

    class Meta:
        model = Operation
        fields = [
            "id", "slug", "url", "html_url", "name", "aliases", "kind", "kind_note", "parent", "launch_meeting",
            "regions", "operation_status", "summary", "status", "version", "created_at", "updated_at", "children", "decisions",
            "citations",
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_html_url(self, operation):
        return html_url(self.context.get("request"), operation)


class OperationWriteSerializer(ModelValidatingSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", queryset=Operation.objects.all(), required=False, allow_null=True)
    launch_meeting = serializers.SlugRelatedField(slug_field="slug", queryset=Meeting.objects.all(), required=False, allow_null=True)
    regions = serializers.SlugRelatedField(slug_field="slug", queryset=Region.objects.all(), many=True, required=False)

    class Meta:
        model = Operation
        fields = ["name", "slug", "kind", "kind_note", "parent", "launch_meeting", "regions", "operation_status", "summary", "version", "correction_note"]
