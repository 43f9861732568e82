"""The public REST API's shared machinery.

Every resource viewset of the apps' `api.py` modules builds on `ArchiveViewSet`, which gives it:
published-only reads for anonymous clients (drafts for editors), validated query parameters
(unknown, repeated, NUL-bearing or malformed ones are a 400, never ignored), `include=` for the
heavier parts of a record, validated `ordering`, bounded pagination, ETag/Last-Modified with 304,
cache headers, streamed CSV and JSON exports, and token-authenticated writes that run the same model
validation (`full_clean`) as the admin. The summary serializers that every app embeds live here too,
so that the apps' serializers import each other in one direction only.
"""
import copy
import csv
from contextlib import contextmanager
import datetime
import hashlib
import json
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import cached_property
from typing import Any

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from django import forms
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError as DjangoValidationError
from django.db import connection, transaction
from django.db.models import F, Model, Q, QuerySet
from django.http import HttpResponseNotModified, StreamingHttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, parse_http_date_safe
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field, inline_serializer
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject
from rest_framework.filters import BaseFilterBackend
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from figures.models import Figure, Measure
from meetings.models import Attendee, Body, Decision, Meeting, Office, Person
from editorial.services import (
    PublishPermissionRequired,
    StaleRecordError,
    WorkflowError,
    record_publish,
    record_return_to_draft,
    record_save,
    record_submit_for_review,
    record_withdraw,
)
from naparchive.caching import kept_until_archive_changes
from naparchive.publication import EditorialRecord, PublicationStatus
from naparchive.reversing import absolute_reverse, absolute_url, cached_reverse
from operations.models import Operation, Region
from organisations.models import Organisation, OrganisationCitation
from sources.models import Citation, SourceDocument

PUBLISHED = PublicationStatus.PUBLISHED

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


# --- Visibility -------------------------------------------------------------------------------


def public_q(model: type[Model]) -> Q:
    """Return the condition under which a record of this model is public.

    A part of a meeting (attendee, decision) is public only while its meeting is; a citation only
    while both its source and the fact it supports are.
    """
    if model in (Attendee, Decision):
        return Q(status=PUBLISHED, meeting__status=PUBLISHED)
    if model is Citation:
        return Q(source__status=PUBLISHED) & (
            Q(meeting__status=PUBLISHED)
            | Q(attendee__status=PUBLISHED, attendee__meeting__status=PUBLISHED)
            | Q(decision__status=PUBLISHED, decision__meeting__status=PUBLISHED)
            | Q(operation__status=PUBLISHED)
        )
    if model is Region:
        return Q()
    if model is Figure:
        # A figure's quote must be readable: it is public only with its source.
        return Q(status=PUBLISHED, source__status=PUBLISHED)
    return Q(status=PUBLISHED)


def visible(model: type[Model], *, drafts: bool) -> QuerySet:
    """Return the records of a model a client may see: all of them for editors, else the public ones."""
    queryset = model._default_manager.all()
    return queryset if drafts else queryset.filter(public_q(model))


def request_sees_drafts(request, model: type[Model]) -> bool:
    """Return True if the request comes from an editor allowed to view this model's drafts."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def archive_last_modified() -> Any:
    """Return when anything in the archive last changed (the latest `updated_at` of any table), or None.

    With a shared cache, it is kept under the archive's cache version, which every committed write
    changes, so one query serves every request until the next write.
    """
    return kept_until_archive_changes("last-modified", _archive_last_modified)


def _archive_last_modified() -> Any:
    """One query: each table's maximum comes from its `updated_at` index."""
    tables = [model._meta.db_table for model in [*PUBLISHABLE_MODELS.values(), Citation, Measure, OrganisationCitation]]
    quote = connection.ops.quote_name
    union = " UNION ALL ".join(f"SELECT MAX({quote('updated_at')}) AS m FROM {quote(table)}" for table in tables)  # nosec B608 - names from our models
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(m) FROM ({union}) AS latest")  # nosec B608 - table and column names come from our models, quoted
        value = cursor.fetchone()[0]
    if value is None:
        return None
    if isinstance(value, str):  # SQLite returns the raw text of the column.
        value = parse_datetime(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.timezone.utc)
    return value


# --- Errors, parsing, negotiation, throttling ----------------------------------------------------


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    status = serializers.IntegerField(help_text="The HTTP status code, repeated.")
    detail = serializers.CharField(help_text="What went wrong, in a sentence.")
    errors = serializers.DictField(
        required=False,
        child=serializers.JSONField(),
        help_text="For 400 responses: each bad parameter or field, with what is wrong with it.",
    )
    retry_after = serializers.IntegerField(required=False, help_text="For 429 responses: seconds to wait.")


def exception_handler(exc, context):
    """Answer every API error with the same JSON shape: status, detail and, for 400s, errors per field."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(serializers.as_serializer_error(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    body: dict[str, Any] = {"status": response.status_code}
    if isinstance(exc, exceptions.ValidationError):
        errors = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
        body["detail"] = _validation_summary(errors)
        body["errors"] = errors
    else:
        data = response.data
        body["detail"] = str(data.get("detail", "")) if isinstance(data, dict) else str(data)
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        body["retry_after"] = int(exc.wait) + (0 if float(exc.wait).is_integer() else 1)
        response["Retry-After"] = str(body["retry_after"])
    response.data = body
    response["Cache-Control"] = "no-store"
    return response


def _validation_summary(errors: dict) -> str:
    first_name, first_messages = next(iter(errors.items()), ("request", ["is not valid"]))
    message = first_messages[0] if isinstance(first_messages, list) and first_messages else first_messages
    if isinstance(message, dict):
        return f"Invalid request: {first_name} is not valid."
    label = "Invalid request" if first_name == "non_field_errors" else f"Invalid {first_name}"
    return f"{label}: {message}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def forbidden_character_error(value: str) -> str | None:
    """Return why a string cannot be accepted (NUL bytes, lone surrogates), or None if it can."""
    if "\x00" in value:
        return "NUL bytes are not allowed."
    if _SURROGATE.search(value):
        return "Lone UTF-16 surrogates are not allowed."
    return None


class StrictJSONParser(JSONParser):
    """Parse JSON, refusing strings the database cannot store (NUL bytes, lone surrogates)."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        self._check(data)
        return data

    def _check(self, value):
        if isinstance(value, str):
            problem = forbidden_character_error(value)
            if problem:
                raise exceptions.ParseError(f"JSON parse error - {problem}")
        elif isinstance(value, dict):
            for key, item in value.items():
                self._check(key)
                self._check(item)
        elif isinstance(value, list):
            for item in value:
                self._check(item)


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Always answer JSON: the API has one representation, whatever Accept says."""

    def select_parser(self, request, parsers):
        for parser in parsers:
            if request.content_type.split(";")[0].strip() == parser.media_type:
                return parser
        return None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class _RatesFromSettings:
    # DRF copies the rates into a class attribute at import time; reading them per request lets
    # settings (and tests, with override_settings) change them.
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class ArchiveAnonThrottle(_RatesFromSettings, AnonRateThrottle):
    """Limit anonymous clients by address (rate: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"])."""


class ArchiveUserThrottle(_RatesFromSettings, UserRateThrottle):
    """Limit token clients per user (rate: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["user"])."""


# --- Pagination, ordering, search ----------------------------------------------------------------


def _positive_int(name: str, raw: str, *, maximum: int | None = None) -> int:
    if not re.fullmatch(r"[0-9]{1,18}", raw):
        raise exceptions.ValidationError({name: [f"Give a whole number of 1 or more, not “{raw[:40]}”."]})
    value = int(raw)
    if value < 1:
        raise exceptions.ValidationError({name: ["Give a whole number of 1 or more."]})
    if maximum is not None and value > maximum:
        raise exceptions.ValidationError({name: [f"The largest {name} is {maximum}; ask for fewer and page through."]})
    return value


class ArchivePagination(PageNumberPagination):
    """Numbered pages of 50 (page_size up to 200). Out-of-range pages and oversized page sizes are a 400."""

    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return _positive_int(self.page_size_query_param, raw, maximum=self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        return 1 if raw is None else _positive_int(self.page_query_param, raw)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        number = self.get_page_number(request, paginator)
        if number > 1 and number > paginator.num_pages:
            raise exceptions.ValidationError(
                {self.page_query_param: [f"Page {number} is past the last page ({paginator.num_pages})."]}
            )
        self.page = paginator.page(number)
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number, from 1. A page past the last one is a 400.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Records per page: {self.page_size} by default, at most {self.max_page_size} (more is a 400).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]


def comma_separated(name: str, raw: str, allowed: Iterable[str]) -> list[str]:
    """Split a comma-separated parameter and refuse any value not allowed, naming the allowed ones."""
    allowed = list(allowed)
    values = [value.strip() for value in raw.split(",")]
    unknown = [value for value in values if value not in allowed]
    if unknown or not values:
        shown = ", ".join(f"“{value[:40]}”" for value in unknown) or "an empty value"
        raise exceptions.ValidationError({name: [f"Unknown value {shown}. Choose from: {', '.join(allowed)}."]})
    return list(dict.fromkeys(values))


class ValidatedOrderingFilter(BaseFilterBackend):
    """`?ordering=field,-other`: only the fields the view names; anything else is a 400.

    The record's id is always the last sort key, so pages never overlap or skip records.
    """

    param = "ordering"

    def filter_queryset(self, request, queryset, view):
        fields: dict[str, str] = getattr(view, "ordering_fields", {})
        raw = request.query_params.get(self.param)
        if raw is None:
            return queryset.order_by(*getattr(view, "default_ordering", []), "pk")
        terms = comma_separated(self.param, raw, [*fields, *[f"-{name}" for name in fields]])
        order = []
        for term in terms:
            descending = term.startswith("-")
            expression = F(fields[term.lstrip("-")])
            order.append(expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True))
        return queryset.order_by(*order, "pk")

    def get_schema_operation_parameters(self, view):
        fields = list(getattr(view, "ordering_fields", {}))
        if not fields:
            return []
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": "Sort by these fields, comma-separated; a leading `-` sorts descending. Unknown fields are a 400.",
                "style": "form",
                "explode": False,
                "schema": {"type": "array", "items": {"type": "string", "enum": [*fields, *[f"-{name}" for name in fields]]}},
            }
        ]


class ArchiveSearchFilter(BaseFilterBackend):
    """`?search=words`: records containing every word (case-insensitive) in any of the view's search fields."""

    param = "search"
    max_length = 200

    def filter_queryset(self, request, queryset, view):
        raw = request.query_params.get(self.param)
        if raw is None:
            return queryset
        if len(raw) > self.max_length:
            raise exceptions.ValidationError({self.param: [f"Search for at most {self.max_length} characters."]})
        words = raw.split()[:10]
        model = queryset.model
        for word in words:
            condition = Q()
            for field in getattr(view, "search_fields", []):
                condition |= Q(**{f"{field}__icontains": word})
            # Fields across a to-many relation are matched in a subquery, so no row is repeated
            # and counting needs no DISTINCT.
            for field in getattr(view, "search_related_fields", []):
                condition |= Q(pk__in=model._default_manager.filter(**{f"{field}__icontains": word}).values("pk"))
            queryset = queryset.filter(condition)
        return queryset

    def get_schema_operation_parameters(self, view):
        if not getattr(view, "search_fields", None):
            return []
        fields = [*view.search_fields, *getattr(view, "search_related_fields", [])]
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": (
                    f"Words to look for (all must match, case-insensitive) in: {', '.join(fields)}. "
                    f"At most {self.max_length} characters."
                ),
                "schema": {"type": "string", "maxLength": self.max_length},
            }
        ]


# --- Summary serializers every resource embeds ------------------------------------------------------


# A read that finds nothing, told apart from a None value; a field given the whole record.
_MISSING = object()
_WHOLE_RECORD = object()


class ReadSerializer(serializers.ModelSerializer):
    """A ModelSerializer for reads that does per process what DRF would do for every record or request.

    - Its fields are built once per process (for each set of includes) and copied for each use, as DRF
      copies declared fields: building them inspects the model every time (0.35 ms for a meeting).
    - A field read from one attribute of the record (a column, an annotation, a property, a nested
      record or list) gets it directly. DRF reads every field through Field.get_attribute, which
      follows dotted sources, calls callables and catches missing relations, none of which applies
      to these; on a list page of 50 meetings that machinery was most of the serializer's time.
      Relations, method fields and dotted sources go through DRF, and so does an attribute that turns
      out missing or callable; every value is still converted by its field's to_representation, so
      the output is the same.
    """

    _built_fields: dict[tuple, dict[str, serializers.Field]] = {}

    def fields_key(self) -> Hashable:
        """What, beyond the class, the serializer's fields depend on."""
        return None

    def build_fields(self) -> dict[str, serializers.Field]:
        return super().get_fields()

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        if issubclass(field_class, serializers.DateTimeField):
            # Times are given in the archive's zone (no view activates another); said once here, DRF
            # does not look up the current zone for every value.
            field_kwargs.setdefault("default_timezone", timezone.get_default_timezone())
        return field_class, field_kwargs

    def get_fields(self):
        key = (type(self), self.fields_key())
        built = self._built_fields.get(key)
        if built is None:
            built = self._built_fields[key] = self.build_fields()
        return copy.deepcopy(built)

    @cached_property
    def _reading_plan(self) -> list[tuple[serializers.Field, str, str | object | None]]:
        plan = []
        for field in self._readable_fields:
            reader = type(field).get_attribute
            if not field.source_attrs and reader in (serializers.Field.get_attribute, serializers.RelatedField.get_attribute):
                # source="*" (method fields, the record's own URL): DRF hands them the record itself.
                plan.append((field, field.field_name, _WHOLE_RECORD))
            elif len(field.source_attrs) == 1 and reader is serializers.Field.get_attribute:
                # (Relations read their values in their own get_attribute.)
                plan.append((field, field.field_name, field.source))
            else:
                plan.append((field, field.field_name, None))
        return plan

    def to_representation(self, instance):
        representation = {}
        for field, name, attribute_name in self._reading_plan:
            if attribute_name is _WHOLE_RECORD:
                representation[name] = field.to_representation(instance)
                continue
            if attribute_name is not None:
                try:
                    value = getattr(instance, attribute_name)
                except (AttributeError, ObjectDoesNotExist):
                    value = _MISSING
                if value is not _MISSING and not callable(value):
                    representation[name] = None if value is None else field.to_representation(value)
                    continue
            try:
                attribute = field.get_attribute(instance)
            except SkipField:
                continue
            # As DRF's Serializer.to_representation: a related field may hand back a PKOnlyObject.
            present = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            representation[name] = None if present is None else field.to_representation(attribute)
        return representation


class IncludableSerializer(ReadSerializer):
    """A serializer whose heavier fields appear only when the request's `include=` names them.

    `include_fields` maps a field to the include value that adds it. Without an include set in the
    context (as when the schema is generated), every field is kept.
    """

    include_fields: dict[str, str] = {}

    def fields_key(self) -> Hashable:
        include = self.context.get("include")
        return None if include is None else frozenset(include)

    def build_fields(self):
        fields = super().build_fields()
        include = self.context.get("include")
        if include is not None:
            for field, name in self.include_fields.items():
                if name not in include:
                    fields.pop(field, None)
        return fields


class IdentityURLField(serializers.HyperlinkedIdentityField):
    """A record's API address, as HyperlinkedIdentityField gives it, built from a cached URL template."""

    def get_url(self, obj, view_name, request, format):
        if format or (hasattr(obj, "pk") and obj.pk in (None, "")):
            return super().get_url(obj, view_name, request, format)
        value = getattr(obj, self.lookup_field)
        if request is None:
            return cached_reverse(view_name, self.lookup_url_kwarg, value)
        return absolute_reverse(request, view_name, self.lookup_url_kwarg, value)


class SummarySerializer(IncludableSerializer):
    """A short form of a record, embedded in others. A draft shows as null to anonymous clients."""

    def to_representation(self, instance):
        context = self.context
        if getattr(instance, "status", PUBLISHED) != PUBLISHED and not context.get("drafts"):
            return None
        # The same body, office or operation recurs down a list: its short form is worked out once per
        # response (the context is the response's own, shared by every nested serializer).
        key = (type(self), instance.pk)
        summaries = context.setdefault("summaries", {})
        if key not in summaries:
            summaries[key] = super().to_representation(instance)
        return summaries[key]


class BodySummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:body-detail", lookup_field="slug")

    class Meta:
        model = Body
        fields = ["id", "slug", "url", "name", "short_name", "kind"]


class PersonSummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:person-detail", lookup_field="slug")

    class Meta:
        model = Person
        fields = ["id", "slug", "url", "name"]


class OfficeSummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:office-detail", lookup_field="slug")

    class Meta:
        model = Office
        fields = ["id", "slug", "url", "title"]


class MeetingSummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:meeting-detail", lookup_field="slug")
    date_display = serializers.CharField(read_only=True, help_text="The date as precisely as the sources give it.")
    body = BodySummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Meeting
        fields = ["id", "slug", "url", "title", "date", "date_precision", "date_display", "body"]


class OperationSummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:operation-detail", lookup_field="slug")

    class Meta:
        model = Operation
        fields = ["id", "slug", "url", "name", "kind"]


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["slug", "name", "kind"]


class OptionalURLField(serializers.URLField):
    """A URL that is null, not an empty string, when the record has none."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


def html_url(request, instance) -> str | None:
    """Return the absolute address of a record's public page, or None if it has none."""
    try:
        path = instance.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return None
    return absolute_url(request, path) if request is not None else path


# --- Writes: the admin's validation ----------------------------------------------------------------


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The record was changed since you read it."
    default_code = "conflict"


@contextmanager
def workflow_errors(field: str = "non_field_errors"):
    """Turn the editorial workflow's refusals into API errors: 409 for a stale copy, 403, or 400."""
    try:
        yield
    except StaleRecordError as error:
        raise Conflict(str(error)) from error
    except PublishPermissionRequired as error:
        raise exceptions.PermissionDenied(str(error)) from error
    except WorkflowError as error:
        raise exceptions.ValidationError({field: [str(error)]}) from error


class ModelValidatingSerializer(serializers.ModelSerializer):
    """Validate a write as the admin does: the model's `full_clean()` (fields, clean(), uniqueness, constraints).

    Model fields the serializer does not write are left out of validation, as a ModelForm leaves out
    fields not on the form. The validated instance is the one saved, through the editorial workflow's
    `record_save` for curated records: an update must give the `version` it was made from (a 409
    if someone saved since), the status never changes by an edit (see the `status` action), and
    changing a published record needs the publish permission and takes a public `correction_note`.
    """

    version = serializers.IntegerField(
        write_only=True,
        required=False,
        min_value=1,
        help_text="Updates: the `version` of the record you edited (a 409 if it was saved since). Required for updates.",
    )
    correction_note = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="Updates of published records: the public correction note (publishers only).",
    )

    def get_fields(self):
        fields = super().get_fields()
        if not issubclass(self.Meta.model, EditorialRecord):
            fields.pop("version", None)
            fields.pop("correction_note", None)
        return fields

    def to_internal_value(self, data):
        if isinstance(data, dict):
            writable = sorted(name for name, field in self.fields.items() if not field.read_only)
            errors = {
                str(name)[:60]: [f"Unknown field: it cannot be written. This resource accepts: {', '.join(writable)}."]
                for name in data
                if name not in writable
            }
            if "status" in errors:
                errors["status"] = ["Unknown field: it cannot be written. Change the status with POST …/status/."]
            errors |= {name: [problem] for name, value in data.items() if name in self.fields and (problem := self._type_problem(self.fields[name], value))}
            if errors:
                raise exceptions.ValidationError(errors)
        return super().to_internal_value(data)

    @staticmethod
    def _type_problem(field, value) -> str | None:
        """Return why a JSON value has the wrong type for a field (DRF would coerce 5 into "5"), or None."""
        if value is None or field.read_only:
            return None
        if value == "" and isinstance(field, serializers.RelatedField):
            return "Give a slug or id, or null for none."  # DRF would quietly read "" as null.
        if isinstance(field, serializers.ManyRelatedField):
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                return "Give a list of slugs."
            return None
        if isinstance(field, serializers.PrimaryKeyRelatedField | serializers.IntegerField):
            return None if isinstance(value, int) and not isinstance(value, bool) else "Give a whole number."
        if isinstance(field, serializers.CharField | serializers.ChoiceField | serializers.SlugRelatedField | serializers.DateField):
            return None if isinstance(value, str) else "Give a string."
        return None

    def validate(self, attrs):
        model = self.Meta.model
        self._expected_version = attrs.pop("version", None)
        self._correction_note = attrs.pop("correction_note", "")
        if self.instance is not None and "version" in self.fields and self._expected_version is None:
            raise exceptions.ValidationError({"version": ["Give the version of the record you edited (its `version`)."]})
        many_to_many = {name: attrs.pop(name) for name in list(attrs) if name in {f.name for f in model._meta.many_to_many}}
        instance = self.instance if self.instance is not None else model()
        for name, value in attrs.items():
            setattr(instance, name, value)
        written = {name for name, field in self.fields.items() if not field.read_only}
        excluded = [field.name for field in model._meta.fields if field.name not in written]
        try:
            instance.full_clean(exclude=excluded)
        except DjangoValidationError as error:
            raise exceptions.ValidationError(serializers.as_serializer_error(error)) from error
        self._validated_instance = instance
        attrs.update(many_to_many)
        return attrs

    def create(self, validated_data):
        return self._save_validated(validated_data)

    def update(self, instance, validated_data):
        return self._save_validated(validated_data)

    def _save_validated(self, validated_data):
        instance = self._validated_instance
        request = self.context.get("request")
        with transaction.atomic():
            if isinstance(instance, EditorialRecord):
                with workflow_errors():
                    record_save(
                        record=instance,
                        user=request.user if request is not None else None,
                        expected_version=self._expected_version,
                        correction_note=self._correction_note,
                    )
            else:
                instance.save()
            for field in instance._meta.many_to_many:
                if field.name in validated_data:
                    getattr(instance, field.name).set(validated_data[field.name])
        return instance


class StatusChangeSerializer(serializers.Serializer):
    """Move a record through the editorial workflow."""

    status = serializers.ChoiceField(
        choices=PublicationStatus.choices,
        help_text="in_review (submit), published (publishers; a fact needs a sound citation), withdrawn (publishers), draft.",
    )
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500, help_text="Why (kept in the history).")


# --- The viewset every resource builds on ----------------------------------------------------------

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Return a cell value a spreadsheet will not run as a formula (OWASP: prefix a quote)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return "" if value is None else value


class _Echo:
    def write(self, value):
        return value


class ArchiveAPIMixin:
    """What every API view shares: JSON only, checked query parameters, conditional GETs, cache headers."""

    content_negotiation_class = JSONOnlyNegotiation
    parser_classes = [StrictJSONParser]
    throttle_classes = [ArchiveAnonThrottle, ArchiveUserThrottle]
    pagination_class = ArchivePagination
    filter_backends = [DjangoFilterBackend, ArchiveSearchFilter, ValidatedOrderingFilter]
    max_parameter_length = 1000
    allowed_parameters: set[str] = set()

    def allowed_query_parameters(self) -> set[str]:
        return self.allowed_parameters

    def check_query_parameters(self):
        """Refuse unknown, repeated, overlong or NUL-bearing query parameters with a 400 naming each."""
        errors: dict[str, list[str]] = {}
        allowed = self.allowed_query_parameters()
        for name in self.request.query_params:
            values = self.request.query_params.getlist(name)
            shown = name[:60]
            problem = forbidden_character_error(name) or next(
                (p for p in (forbidden_character_error(v) for v in values) if p), None
            )
            if problem:
                errors[shown] = [problem]
            elif name not in allowed:
                choices = ", ".join(sorted(allowed)) or "none"
                errors[shown] = [f"Unknown parameter. This address accepts: {choices}."]
            elif len(values) > 1:
                errors[shown] = ["Give this parameter once (use commas where several values are allowed)."]
            elif values[0] == "":
                errors[shown] = ["Give a value, or leave the parameter out."]
            elif len(values[0]) > self.max_parameter_length:
                errors[shown] = [f"At most {self.max_parameter_length} characters."]
        if errors:
            raise exceptions.ValidationError(errors)

    def initial(self, request, *args, **kwargs):
        method = request.method.lower()
        allowed = method in self.action_map if hasattr(self, "action_map") else hasattr(self, method)
        if method != "options" and not (allowed and method in self.http_method_names):
            # A method this address does not take is a 405, before permissions or parameters are looked at.
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        if method != "options":
            self.check_query_parameters()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if response.streaming:
            return response
        response.render()
        last_modified = archive_last_modified()
        etag = '"%s"' % hashlib.sha256(response.content).hexdigest()[:32]
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        self.set_cache_headers(response)
        # HTTP dates have whole seconds: compare in whole seconds, or a client is never up to date.
        timestamp = int(last_modified.timestamp()) if last_modified is not None else None
        return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)

    def set_cache_headers(self, response):
        if self.request.user.is_authenticated:
            # Editors see drafts: nothing shared caches may keep, and always revalidated.
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        patch_vary_headers(response, ["Authorization"])

    def not_modified_since(self, request, last_modified) -> bool:
        """Return True if If-Modified-Since shows the client has the current state (for streamed responses)."""
        since = request.headers.get("If-Modified-Since")
        if not since or last_modified is None or request.headers.get("If-None-Match"):
            return False
        since_timestamp = parse_http_date_safe(since)
        return since_timestamp is not None and int(last_modified.timestamp()) <= since_timestamp

    def streamed(self, request, chunks: Iterator[str], content_type: str, filename: str | None):
        """Return a streamed response (304 if unchanged since If-Modified-Since), with cache headers."""
        last_modified = archive_last_modified()
        if self.not_modified_since(request, last_modified):
            response = HttpResponseNotModified()
        else:
            response = StreamingHttpResponse(chunks, content_type=content_type)
            if filename:
                response["Content-Disposition"] = f'attachment; filename="{filename}"'
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        self.set_cache_headers(response)
        return response


class ArchiveViewSet(
    ArchiveAPIMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """List, detail, export and editor writes of one archive resource.

    Subclasses set `model`, `serializer_class` (reads), `write_serializer_class`, `filterset_class`,
    `includes` (name → what it adds), `ordering_fields` (name → model field), `default_ordering`,
    `search_fields`, `export_columns` ((column, function of a record) pairs) and implement
    `base_queryset(include)` with the select_related/prefetch_related that keep queries constant.
    """

    model: type[Model]
    write_serializer_class: type[serializers.Serializer]
    includes: dict[str, str] = {}
    ordering_fields: dict[str, str] = {}
    default_ordering: list = []
    search_fields: list[str] = []
    search_related_fields: list[str] = []
    export_columns: list[tuple[str, Callable[[Any], Any]]] = []
    export_queryset_chunk = 500
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    @classmethod
    def get_extra_actions(cls):
        actions = super().get_extra_actions()
        if issubclass(cls.model, EditorialRecord):
            return actions
        # Only records under the editorial workflow have a status to move.
        return [extra for extra in actions if extra.__name__ != "change_status"]

    @property
    def drafts(self) -> bool:
        if not hasattr(self, "_drafts"):
            self._drafts = request_sees_drafts(self.request, self.model)
        return self._drafts

    @property
    def include(self) -> set[str]:
        if not hasattr(self, "_include"):
            raw = self.request.query_params.get("include") if self.action in ("list", "retrieve") else None
            self._include = set() if raw is None else set(comma_separated("include", raw, self.includes))
            if "source_text" in self._include and "citations" in self.includes:
                # The text of the cited sources only makes sense with the citations.
                self._include.add("citations")
        return self._include

    def allowed_query_parameters(self) -> set[str]:
        filters = set(self.filterset_class.base_filters) if getattr(self, "filterset_class", None) else set()
        if self.action == "list":
            return filters | {"search", "ordering", "page", "page_size"} | ({"include"} if self.includes else set())
        if self.action == "retrieve":
            return {"include"} if self.includes else set()
        if self.action in ("export_csv", "export_json"):
            return filters | {"search", "ordering"}
        return set()

    def check_query_parameters(self):
        super().check_query_parameters()
        self.include  # noqa: B018 - validates include= before any query runs

    # -- querysets and serializers --

    def base_queryset(self, include: set[str]) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self):
        queryset = self.base_queryset(self.include)
        if not self.drafts:
            queryset = queryset.filter(public_q(self.model))
        return queryset

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return self.write_serializer_class
        if self.action == "change_status":
            return StatusChangeSerializer
        return self.serializer_class

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["drafts"] = self.drafts
        context["include"] = self.include
        return context

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        body = self.serializer_class(self.get_queryset().get(pk=instance.pk), context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": str(body.get("url", ""))})

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(self.get_object(), data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        return Response(self.serializer_class(self.get_queryset().get(pk=instance.pk), context=self.get_serializer_context()).data)

    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, *args, **kwargs):
        """Move the record through the editorial workflow (draft → in review → published; withdrawn)."""
        record = self.get_object()
        change = StatusChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        target, reason = change.validated_data["status"], change.validated_data.get("reason", "")
        with workflow_errors("status"):
            if target == PublicationStatus.PUBLISHED:
                record_publish(record=record, user=request.user)
            elif target == PublicationStatus.WITHDRAWN:
                record_withdraw(record=record, user=request.user, reason=reason)
            elif target == PublicationStatus.IN_REVIEW:
                record_submit_for_review(record=record, user=request.user)
            else:
                record_return_to_draft(record=record, user=request.user)
        return Response(self.serializer_class(self.get_queryset().get(pk=record.pk), context=self.get_serializer_context()).data)

    # -- exports --

    def _export(self, request, content_type: str, extension: str, rows: Callable[[Iterator[Model]], Iterator[str]]):
        queryset = self.filter_queryset(self.get_queryset())
        records = queryset.iterator(chunk_size=self.export_queryset_chunk)
        name = self.basename.replace("_", "-")
        return self.streamed(request, rows(records), content_type, f"nap-archive-{name}.{extension}")

    @action(detail=False, methods=["get"], url_path="export/csv")
    def export_csv(self, request, *args, **kwargs):
        """Stream every matching record as CSV (same filters, search and ordering as the list)."""
        columns = self.export_columns

        def rows(records):
            writer = csv.writer(_Echo())
            yield writer.writerow([name for name, _ in columns])
            for record in records:
                yield writer.writerow([csv_safe(value(record)) for _, value in columns])

        return self._export(request, "text/csv; charset=utf-8", "csv", rows)

    @action(detail=False, methods=["get"], url_path="export/json")
    def export_json(self, request, *args, **kwargs):
        """Stream every matching record as a JSON array of flat objects (the CSV's columns)."""
        columns = self.export_columns

        def rows(records):
            yield "["
            for index, record in enumerate(records):
                row = {name: value(record) for name, value in columns}
                yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False, default=str)
            yield "\n]\n"

        return self._export(request, "application/json", "json", rows)


def export_value(instance, path: str) -> Any:
    """Follow a dotted path (`body.slug`) through a record, stopping at None."""
    value = instance
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value


def columns(*paths: str) -> list[tuple[str, Callable[[Any], Any]]]:
    """Return export columns that read these dotted paths, named with underscores."""
    return [(path.replace(".", "_"), lambda record, path=path: export_value(record, path)) for path in paths]


# --- OpenAPI -------------------------------------------------------------------------------------

ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="Bad parameters or payload: `errors` says what is wrong."),
    401: OpenApiResponse(ErrorSerializer, description="The token is not valid."),
    403: OpenApiResponse(ErrorSerializer, description="Not allowed (writes need an editor's token)."),
    404: OpenApiResponse(ErrorSerializer, description="No such record (or not public)."),
    405: OpenApiResponse(ErrorSerializer, description="Method not allowed here."),
    409: OpenApiResponse(ErrorSerializer, description="The record was saved by someone else since the version you edited."),
    415: OpenApiResponse(ErrorSerializer, description="Send JSON."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests: wait `Retry-After` seconds."),
}


class ArchiveAutoSchema(AutoSchema):
    """Describe the archive's conventions: include=, error bodies, writes answered with the read form."""

    def _is_export(self) -> bool:
        return getattr(self.view, "action", None) in ("export_csv", "export_json")

    def _is_list_view(self, serializer=None):
        if self._is_export():
            return True
        return super()._is_list_view(serializer)

    def _get_paginator(self):
        if self._is_export():
            return None
        return super()._get_paginator()

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        includes = getattr(self.view, "includes", None)
        if includes and getattr(self.view, "action", None) in ("list", "retrieve"):
            described = "; ".join(f"`{name}`: {text}" for name, text in includes.items())
            parameters.append(
                OpenApiParameter(
                    "include",
                    {"type": "array", "items": {"type": "string", "enum": list(includes)}},
                    location=OpenApiParameter.QUERY,
                    style="form",
                    explode=False,
                    description=f"Heavier parts to embed, comma-separated (unknown values are a 400): {described}.",
                )
            )
        return parameters

    def get_auth(self):
        auth = list(super().get_auth())
        if self.method in ("GET", "HEAD") and {} not in auth:
            auth.append({})  # Reading needs no token.
        return auth

    def get_request_serializer(self):
        action_name = getattr(self.view, "action", None)
        if action_name in ("create", "update", "partial_update"):
            return self.view.write_serializer_class
        if action_name == "change_status":
            return StatusChangeSerializer
        return super().get_request_serializer()

    def get_response_serializers(self):
        action_name = getattr(self.view, "action", None)
        if action_name in ("create", "update", "partial_update", "change_status"):
            return self.view.serializer_class
        return super().get_response_serializers()

    def _get_response_bodies(self, direction="response"):
        action_name = getattr(self.view, "action", None)
        if action_name == "export_csv":
            responses = {
                "200": {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV, one row per record."}
            }
        elif action_name == "export_json":
            responses = {
                "200": {
                    "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}},
                    "description": "A JSON array of flat records.",
                }
            }
        else:
            responses = super()._get_response_bodies(direction)
        codes = [304, 400, 401, 404, 414, 429] if self.method == "GET" else [400, 401, 403, 404, 409, 415, 429]
        for code in codes:
            if str(code) in responses:
                continue
            if code == 304:
                responses["304"] = {"description": "Not modified since the ETag or date the client sent."}
                continue
            if code == 414:
                # Answered by the HTTP server in front of Django (gunicorn refuses request lines over 4 KB).
                responses["414"] = {"description": "The address is too long (over 4 KB): use fewer or shorter parameters."}
                continue
            responses[str(code)] = self._get_response_for_code(ERROR_RESPONSES[code], str(code), direction=direction)
        return responses

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        optional = set(getattr(serializer, "include_fields", {}))
        if optional and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in optional]
            if not schema["required"]:
                del schema["required"]
        return schema


# --- Filters shared by every resource --------------------------------------------------------------

class _BoundedIdField(forms.ModelChoiceField):
    # A value that is not a plausible id never reaches the database (SQLite cannot even bind one
    # past 64 bits).
    def to_python(self, value):
        if value not in self.empty_values and not re.fullmatch(r"[0-9]{1,18}", str(value)):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return super().to_python(value)


def visible_choices(model: type[Model]) -> Callable:
    """Return a FilterSet queryset callable: the records of a model this request may see."""

    def queryset(request):
        return visible(model, drafts=request_sees_drafts(request, model) if request is not None else False)

    return queryset


def slug_filter(model: type[Model], field_name: str, label: str, **kwargs) -> django_filters.ModelChoiceFilter:
    """Return a filter on a related record given by slug; an unknown slug is a 400 naming it."""
    return _SlugFilter(
        field_name=field_name,
        queryset=visible_choices(model),
        to_field_name="slug",
        label=label,
        error_messages={"invalid_choice": f"No {model._meta.verbose_name} with the slug “%(value)s”."},
        **kwargs,
    )


def id_filter(model: type[Model], field_name: str, label: str, **kwargs) -> django_filters.ModelChoiceFilter:
    """Return a filter on a related record given by numeric id; an unknown id is a 400 naming it."""
    return _IdFilter(
        field_name=field_name,
        queryset=visible_choices(model),
        label=label,
        error_messages={"invalid_choice": f"No {model._meta.verbose_name} with the id “%(value)s”."},
        **kwargs,
    )


@extend_schema_field(OpenApiTypes.INT)
class _IdFilter(django_filters.ModelChoiceFilter):
    field_class = _BoundedIdField


@extend_schema_field(OpenApiTypes.STR)
class _SlugFilter(django_filters.ModelChoiceFilter):
    pass


class YearFilter(django_filters.NumberFilter):
    """A four-digit year; anything else is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(*args, **kwargs)


EARLIEST_YEAR, LATEST_YEAR = 1950, 9998


def check_datetime_range(value):
    """Refuse date-times the archive cannot mean (and that would overflow time-zone arithmetic)."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise forms.ValidationError(f"Give a date-time between the years {EARLIEST_YEAR} and {LATEST_YEAR}.")


class _BoundedIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    default_validators = [check_datetime_range]


class BoundedIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = _BoundedIsoDateTimeField


class _RawValueWidget(forms.TextInput):
    # Django's yes/no widgets turn any unknown value into "unknown" (no filter) before the field sees it.
    pass


class StrictNullBooleanField(forms.NullBooleanField):
    """A yes/no parameter: true or false (1 or 0); anything else is an error, not "no filter"."""

    def to_python(self, value):
        if value in (True, False, None, ""):
            return super().to_python(value)
        if str(value) not in ("true", "True", "1", "false", "False", "0"):
            raise forms.ValidationError("Give true or false.", code="invalid")
        return super().to_python(value)

    def validate(self, value):
        pass


class ArchiveFilterSet(django_filters.FilterSet):
    """Filters every resource has: incremental sync on created_at/updated_at.

    Yes/no filters, whatever FilterSet declares them, refuse values other than true/false.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, declared in self.filters.items():
            if isinstance(declared, django_filters.BooleanFilter):
                declared.field_class = StrictNullBooleanField
                declared.extra["widget"] = _RawValueWidget

    updated_since = BoundedIsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Only records changed at or after this ISO 8601 date-time (with no offset: Pakistan time).",
    )
    created_since = BoundedIsoDateTimeFilter(
        field_name="created_at",
        lookup_expr="gte",
        label="Only records created at or after this ISO 8601 date-time (with no offset: Pakistan time).",
    )


class PublishableFilterSet(ArchiveFilterSet):
    """Adds `status`, which only editors may use (everyone else sees published records only)."""

    status = django_filters.ChoiceFilter(
        choices=PublicationStatus.choices,
        method="filter_status",
        label="Publication status. Editors only: anonymous clients see published records and get a 400 here.",
    )

    def filter_status(self, queryset, name, value):
        if not request_sees_drafts(self.request, queryset.model):
            raise exceptions.ValidationError(
                {"status": ["Only editors (with a token) can filter by publication status; everyone else sees published records only."]}
            )
        return queryset.filter(status=value)


# --- Withdrawn records and the Popolo export -------------------------------------------------------


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
    """Return the records not public now that changed at or after `since` (unpublished, or never published)."""
    records = []
    for name in types:
        model = PUBLISHABLE_MODELS[name]
        fields = ["id", "status", "updated_at", *(["slug"] if any(f.name == "slug" for f in model._meta.fields) else [])]
        hidden = model._default_manager.exclude(public_q(model)).filter(updated_at__gte=since)
        for row in hidden.order_by("updated_at", "id").values(*fields):
            records.append({"type": name, "slug": None, **row})
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


def popolo_date(meeting: Meeting) -> str | None:
    """Return a meeting's date as Popolo writes a date known only to the month or year (YYYY-MM, YYYY)."""
    if meeting.date is None:
        return None
    if meeting.date_precision == "year":
        return f"{meeting.date:%Y}"
    if meeting.date_precision == "month":
        return f"{meeting.date:%Y-%m}"
    return meeting.date.isoformat()


def _without_empty(record: dict) -> dict:
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def popolo_chunks(*, drafts: bool, api_url: Callable[[str, str], str]) -> Iterator[str]:
    """Yield the archive as one Popolo JSON document: persons, organizations, posts, memberships, events."""

    def section(name: str, records: Iterable[dict], first: bool = False) -> Iterator[str]:
        yield ("{" if first else ",") + f'\n"{name}": ['
        for index, record in enumerate(records):
            yield ("," if index else "") + "\n" + json.dumps(_without_empty(record), ensure_ascii=False)
        yield "\n]"

    persons = (
        {
            "id": f"person/{person.slug}",
            "name": person.name,
            "other_names": [{"name": alias.name} for alias in person.aliases.all()],
            "summary": person.description,
            "links": [{"url": api_url("person", person.slug), "note": "NAP Archive API"}],
        }
        for person in visible(Person, drafts=drafts).prefetch_related("aliases").iterator(chunk_size=500)
    )
    organizations = (
        {
            "id": f"organization/{body.slug}",
            "name": body.name,
            "other_names": [{"name": name} for name in [body.short_name, *(alias.name for alias in body.aliases.all())] if name],
            "classification": body.kind,
            "parent_id": f"organization/{body.parent.slug}" if body.parent_id and (drafts or body.parent.is_published) else None,
            "description": body.description,
            "links": [{"url": api_url("body", body.slug), "note": "NAP Archive API"}],
        }
        for body in visible(Body, drafts=drafts).select_related("parent").prefetch_related("aliases").iterator(chunk_size=500)
    )
    posts = (
        {"id": f"post/{office.slug}", "label": office.title, "links": [{"url": api_url("office", office.slug), "note": "NAP Archive API"}]}
        for office in visible(Office, drafts=drafts).iterator(chunk_size=500)
    )
    attendances = (
        visible(Attendee, drafts=drafts)
        .filter(Q(person__isnull=False) | Q(office__isnull=False))
        .select_related("meeting__body", "person", "office")
        .order_by("meeting__date", "meeting_id", "order", "id")
    )

    def memberships():
        for attendee in attendances.iterator(chunk_size=500):
            person = attendee.person if attendee.person and (drafts or attendee.person.is_published) else None
            office = attendee.office if attendee.office and (drafts or attendee.office.is_published) else None
            if person is None and office is None:
                continue
            body = attendee.meeting.body
            date = popolo_date(attendee.meeting)
            yield {
                "id": f"membership/{attendee.pk}",
                "person_id": f"person/{person.slug}" if person else None,
                "post_id": f"post/{office.slug}" if office else None,
                "organization_id": f"organization/{body.slug}" if drafts or body.is_published else None,
                "role": attendee.get_role_display(),
                "label": office.title if office else None,
                "start_date": date,
                "end_date": date,
                # Not in Popolo's Membership: the meeting (event) this attendance was recorded at.
                "event_id": f"event/{attendee.meeting.slug}",
            }

    events = (
        {
            "id": f"event/{meeting.slug}",
            "name": meeting.title,
            "classification": "meeting",
            "start_date": popolo_date(meeting),
            "end_date": popolo_date(meeting),
            "location": meeting.place,
            "description": meeting.summary,
            "organization_id": f"organization/{meeting.body.slug}" if drafts or meeting.body.is_published else None,
            "links": [{"url": api_url("meeting", meeting.slug), "note": "NAP Archive API"}],
        }
        for meeting in visible(Meeting, drafts=drafts).select_related("body").order_by("date", "id").iterator(chunk_size=500)
    )
    yield from section("persons", persons, first=True)
    yield from section("organizations", organizations)
    yield from section("posts", posts)
    yield from section("memberships", memberships())
    yield from section("events", events)
    yield "\n}\n"


class PopoloView(ArchiveAPIMixin, APIView):
    """Export people, bodies (organizations), offices (posts), attendances (memberships) and meetings (events)
    as one Popolo JSON document (https://www.popoloproject.com), streamed.

    A membership is one attendance at a meeting: the person, the office held there as post and label, the
    role (chair, member...), the meeting's body as organization, and the meeting's date (YYYY-MM or YYYY
    when only the month or year is known) as start and end date; `event_id` (not in Popolo) names the meeting.
    """

    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]

    @extend_schema(
        responses={
            200: OpenApiResponse(
                inline_serializer(
                    "PopoloDocument",
                    {
                        name: serializers.ListField(child=serializers.DictField())
                        for name in ("persons", "organizations", "posts", "memberships", "events")
                    },
                ),
                description="A Popolo JSON document.",
            )
        }
    )
    def get(self, request):
        drafts = request_sees_drafts(request, Meeting)

        def api_url(basename: str, slug: str) -> str:
            return request.build_absolute_uri(reverse(f"api:{basename}-detail", args=[slug]))

        return self.streamed(request, popolo_chunks(drafts=drafts, api_url=api_url), "application/json", "nap-archive-popolo.json")
