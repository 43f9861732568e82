"""The API's figures and measures, with CSV and JSON exports."""
from django.db.models import Count, Q

from figures.filters import FigureFilterSet, MeasureFilterSet
from figures.models import Figure, Measure
from figures.serializers import FigureSerializer, FigureWriteSerializer, MeasureSerializer
from editorial.api import WorkflowViewSet
from restapi.exports import columns
from foundations.publication import public_condition, with_public_links

SLUG = r"[-a-zA-Z0-9_]+"


def _places(figure) -> str:
    return "; ".join(place.slug for place in figure.places.all())


class FigureViewSet(WorkflowViewSet):
    """Numbers the sources quote: each is one number given by one source, with the exact quote that gives it."""

    model = Figure
    serializer_class = FigureSerializer
    write_serializer_class = FigureWriteSerializer
    filterset_class = FigureFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG
    ordering_fields = {
        "period_start": "period_start",
        "value": "value",
        "measure": "measure__name",
        "updated_at": "updated_at",
        "created_at": "created_at",
    }
    default_ordering = ["measure__name", "period_start", "slug"]
    search_fields = ["measure__name", "quote", "period_text", "place_note", "given_by", "note"]
    search_related_fields = ["places__name"]
    export_columns = [
        *columns("id", "slug", "measure.id", "measure.slug", "measure.name"),
        ("value", lambda figure: figure.number_display.replace(",", "")),
        *columns("qualifier", "unit", "value_display"),
        ("places", _places),
        *columns(
            "place_note", "period_text", "period_start", "period_start_precision", "period_end", "period_end_precision",
            "period_display", "period_note", "given_by", "given_by_body.id", "given_by_body.slug", "source.id", "source.slug", "quote", "note", "status",
            "created_at", "updated_at",
        ),
    ]

    def base_queryset(self, include):
        queryset = Figure.objects.select_related("measure", "source").defer("source__text").prefetch_related("places")
        return with_public_links(queryset, "given_by_body", preview=self.drafts)


class MeasureViewSet(WorkflowViewSet):
    """What figures measure; the figures of one measure form a series."""

    model = Measure
    serializer_class = MeasureSerializer
    write_serializer_class = MeasureSerializer
    filterset_class = MeasureFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG
    http_method_names = ["get", "head", "options"]
    ordering_fields = {"name": "name", "updated_at": "updated_at", "created_at": "created_at"}
    default_ordering = ["name"]
    search_fields = ["name", "description"]
    export_columns = columns("id", "slug", "name", "unit", "description", "figure_count", "created_at", "updated_at")

    def base_queryset(self, include):
        visible_figures = Q() if self.drafts else public_condition(Figure, "figures__")
        return Measure.objects.annotate(figure_count=Count("figures", filter=visible_figures, distinct=True))
