"""How figures and measures look in the API, and what editors send."""
from rest_framework import serializers

from figures.models import Figure, Measure
from meetings.models import Body
from editorial.api import ModelValidatingSerializer
from meetings.summaries import BodySummarySerializer
from operations.summaries import RegionSerializer
from restapi.serializers import IdentityURLField, html_url
from operations.models import Region
from sources.models import SourceDocument
from sources.serializers import SourceSummarySerializer


class MeasureSummarySerializer(serializers.ModelSerializer):
    url = IdentityURLField(view_name="api:measure-detail", lookup_field="slug")

    class Meta:
        model = Measure
        fields = ["id", "slug", "url", "name", "unit"]


class MeasureSerializer(serializers.ModelSerializer):
    url = IdentityURLField(view_name="api:measure-detail", lookup_field="slug")
    html_url = serializers.SerializerMethodField(help_text="The measure's page on the public site, with its charts.")
    figure_count = serializers.IntegerField(read_only=True, help_text="Figures of this measure visible to you.")

    class Meta:
        model = Measure
        fields = ["id", "slug", "url", "html_url", "name", "unit", "description", "figure_count", "created_at", "updated_at"]

    def get_html_url(self, measure) -> str | None:
        return html_url(self.context.get("request"), measure)


class FigureSerializer(serializers.ModelSerializer):
    url = IdentityURLField(view_name="api:figure-detail", lookup_field="slug")
    html_url = serializers.SerializerMethodField(help_text="The figure's page on the public site.")
    measure = MeasureSummarySerializer(read_only=True)
    value = serializers.DecimalField(max_digits=20, decimal_places=4, coerce_to_string=True, normalize_output=True, read_only=True)
    value_display = serializers.CharField(read_only=True, help_text="The number with its unit and the source's bound: “at least 1,346”.")
    places = RegionSerializer(many=True, read_only=True, help_text="Several places: one combined number for all of them. Empty: the source names none.")
    period_display = serializers.CharField(read_only=True, help_text="The period only as precisely as the source dates it.")
    given_by_body = BodySummarySerializer(read_only=True, allow_null=True)
    source = SourceSummarySerializer(read_only=True)
    quote_url = serializers.SerializerMethodField(help_text="The source's public page, scrolled to the quote (a text fragment).")

    class Meta:
        model = Figure
        fields = [
            "id", "slug", "url", "html_url", "measure", "value", "qualifier", "unit", "value_display",
            "places", "place_note", "period_text", "period_start", "period_start_precision", "period_end",
            "period_end_precision", "period_display", "period_note", "given_by", "given_by_body", "source", "quote",
            "quote_url", "note", "status", "created_at", "updated_at",
        ]

    def get_html_url(self, figure) -> str | None:
        return html_url(self.context.get("request"), figure)

    def get_quote_url(self, figure) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(figure.source_quote_url) if request is not None else figure.source_quote_url


class FigureWriteSerializer(ModelValidatingSerializer):
    """What an editor sends to create or change a figure; it is validated as in the admin (quote in source, ranges)."""

    measure = serializers.SlugRelatedField(slug_field="slug", queryset=Measure.objects.all())
    places = serializers.SlugRelatedField(slug_field="slug", queryset=Region.objects.all(), many=True, required=False)
    given_by_body = serializers.SlugRelatedField(slug_field="slug", queryset=Body.objects.all(), required=False, allow_null=True)
    source = serializers.SlugRelatedField(slug_field="slug", queryset=SourceDocument.objects.all())

    class Meta:
        model = Figure
        fields = [
            "slug", "measure", "value", "qualifier", "unit", "places", "place_note", "period_text", "period_start",
            "period_start_precision", "period_end", "period_end_precision", "period_note", "given_by", "given_by_body",
            "source", "quote", "note", "correction_note",
        ]
