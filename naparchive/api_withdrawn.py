"""`/api/v1/withdrawn/`: the records that left public view (or never reached it) since a date, for mirrors."""
from collections.abc import Iterable

from django import forms
from django.db.models import Model
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from figures.models import Figure
from foundations.publication import PublicationStatus
from meetings.models import Attendee, Body, Decision, Meeting, Office, Person
from operations.models import Operation
from organisations.models import Organisation
from restapi.filtersets import check_datetime_range
from restapi.viewsets import ArchiveAPIMixin
from sources.models import SourceDocument

# Models whose records carry a publication status, in the order the withdrawn list reports them.
PUBLISHABLE_MODELS: dict[str, type[Model]] = {
    "meeting": Meeting,
    "attendee": Attendee,
    "decision": Decision,
    "operation": Operation,
    "person": Person,
    "office": Office,
    "body": Body,
    "source": SourceDocument,
    "figure": Figure,
    "organisation": Organisation,
}


class WithdrawnRecordSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=list(PUBLISHABLE_MODELS), help_text="The resource the record belongs to.")
    id = serializers.IntegerField()
    slug = serializers.CharField(allow_null=True, help_text="For resources addressed by slug.")
    status = serializers.ChoiceField(choices=PublicationStatus.choices)
    updated_at = serializers.DateTimeField()


class WithdrawnSerializer(serializers.Serializer):
    since = serializers.DateTimeField()
    results = WithdrawnRecordSerializer(many=True)


class WithdrawnQuerySerializer(serializers.Serializer):
    since = serializers.DateTimeField(help_text="ISO 8601 date-time (with no offset: Pakistan time).")

    def validate_since(self, value):
        try:
            check_datetime_range(value)
        except forms.ValidationError as error:
            raise exceptions.ValidationError(error.messages) from error
        return value
    type = serializers.ChoiceField(choices=list(PUBLISHABLE_MODELS), required=False, help_text="Only records of this resource.")


def withdrawn_records(*, since, types: Iterable[str]) -> list[dict]:
    """Return the records not public now that changed at or after `since` (unpublished, or never published).

    A record is named by its slug only if it was public once (withdrawn, or published through the
    workflow before): a mirror may hold a copy under that slug. Any other record (a draft, or one hidden
    by a record it depends on) is given by id alone: its slug, like its name, may never have been public.
    """
    records = []
    for name in types:
        model = PUBLISHABLE_MODELS[name]
        field_names = {f.name for f in model._meta.fields}
        fields = ["id", "status", "updated_at", *({"slug", "published_at"} & field_names)]
        hidden = model._default_manager.exclude(pk__in=model._default_manager.public().values("pk")).filter(updated_at__gte=since)
        for row in hidden.order_by("updated_at", "id").values(*fields):
            published_at, slug = row.pop("published_at", None), row.pop("slug", None)
            once_public = row["status"] == PublicationStatus.WITHDRAWN or published_at is not None
            records.append({"type": name, "slug": slug if once_public else None, **row})
    return records


class WithdrawnView(ArchiveAPIMixin, APIView):
    """List the records that are not public and changed since a date, so a mirror can delete its copies.

    A record appears here when it was unpublished (or last changed as a draft) at or after `since`. When a
    meeting is listed, drop its attendees and decisions too; a citation is hidden whenever its source or
    the fact it supports is, so citations are not listed separately.
    """

    allowed_parameters = {"since", "type"}
    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]

    @extend_schema(parameters=[WithdrawnQuerySerializer], responses={200: WithdrawnSerializer})
    def get(self, request):
        query = WithdrawnQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        since = query.validated_data["since"]
        types = [query.validated_data["type"]] if "type" in query.validated_data else list(PUBLISHABLE_MODELS)
        return Response(WithdrawnSerializer({"since": since, "results": withdrawn_records(since=since, types=types)}).data)
