"""`/api/v1/corrections/`: the dated public correction notes on public records, as readers see them on the pages."""
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.permissions import AllowAny

from editorial.change_log import RESOURCES
from editorial.models import Correction
from restapi.viewsets import ArchiveAPIMixin

RESOURCE_MODELS = {resource: label for label, resource in RESOURCES.items()}


class CorrectionSerializer(serializers.ModelSerializer):
    type = serializers.SerializerMethodField(help_text="The resource of the corrected record (meeting, person...).")
    record_id = serializers.IntegerField(source="object_id", help_text="The corrected record's permanent id.")
    note = serializers.CharField(help_text="What was corrected and why, as published.")
    made_at = serializers.DateTimeField(help_text="When the correction was published.")

    class Meta:
        model = Correction
        fields = ["id", "type", "record_id", "note", "made_at"]

    def get_type(self, correction) -> str:
        return RESOURCES.get(f"{correction.content_type.app_label}.{correction.content_type.model}", "")


def public_corrections(*, resource: str | None = None, record_id: int | None = None):
    """Return the corrections on records that are public now, newest first."""
    condition = Q(pk__in=[])
    for name, label in RESOURCE_MODELS.items():
        if resource is not None and name != resource:
            continue
        model = apps.get_model(label)
        public = model._default_manager.public().values("pk")
        if record_id is not None:
            public = public.filter(pk=record_id)
        condition |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=public)
    return Correction.objects.filter(condition).select_related("content_type").order_by("-made_at", "-id")


@extend_schema(
    parameters=[
        OpenApiParameter("type", str, enum=sorted(RESOURCE_MODELS), description="Only corrections of records of this resource."),
        OpenApiParameter("record_id", int, description="Only corrections of the record with this permanent id (with `type`)."),
    ]
)
class CorrectionListView(ArchiveAPIMixin, generics.ListAPIView):
    """List the public correction notes on public records, newest first (the changes feed lists each as `corrected`)."""

    serializer_class = CorrectionSerializer
    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]
    allowed_parameters = {"type", "record_id", "page", "page_size", "cursor"}
    filter_backends = []

    def get_queryset(self):
        params = self.request.query_params
        resource = params.get("type")
        if resource is not None and resource not in RESOURCE_MODELS:
            raise exceptions.ValidationError({"type": [f"One of: {', '.join(sorted(RESOURCE_MODELS))}."]})
        raw_id = params.get("record_id")
        if raw_id is not None and not (raw_id.isdigit() and len(raw_id) <= 18):
            raise exceptions.ValidationError({"record_id": ["Give a record's permanent id: a whole number."]})
        return public_corrections(resource=resource, record_id=int(raw_id) if raw_id is not None else None)
