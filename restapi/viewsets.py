"""The views every API resource builds on: checked parameters, conditional GETs, lists, details, exports, writes."""
import csv
import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import HttpResponseNotModified, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from foundations.changes import archive_last_modified, archive_state
from foundations.slugs import record_by_former_slug
from restapi.exports import Echo, csv_safe
from restapi.filter_backends import comma_separated
from restapi.parsing import forbidden_character_error
from restapi.visibility import request_sees_drafts


class ArchiveAPIMixin:
    """What every API view shares: JSON only, checked query parameters, conditional GETs, cache headers."""

    max_parameter_length = 1000
    allowed_parameters: set[str] = set()
    # Parameters that may be given several times (as generated clients send arrays), as well as comma-separated.
    repeatable_parameters: set[str] = set()

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
            elif len(values) > 1 and name not in self.repeatable_parameters:
                errors[shown] = ["Give this parameter once (use commas where several values are allowed)."]
            elif "" in values:
                errors[shown] = ["Give a value, or leave the parameter out."]
            elif len(",".join(values)) > self.max_parameter_length:
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
        rate_limit = getattr(request, "rate_limit", None)
        if rate_limit is not None:
            # Both spellings: the IETF draft's RateLimit-* and the X-RateLimit-* most clients know.
            for name, value in zip(("Limit", "Remaining", "Reset"), rate_limit):
                response[f"RateLimit-{name}"] = str(value)
                response[f"X-RateLimit-{name}"] = str(value)
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
        # Only the ETag decides a 304: HTTP dates have whole seconds, so two changes in one second would
        # give a 304 to a copy older than the second one. Last-Modified stays, as information.
        return get_conditional_response(request, etag=etag, response=response)

    def set_cache_headers(self, response):
        if self.request.user.is_authenticated:
            # Editors see drafts: nothing shared caches may keep, and always revalidated.
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        patch_vary_headers(response, ["Authorization"])

    def streamed_etag(self, request) -> str:
        """Return a streamed answer's strong ETag, without reading it: the archive's state and the question.

        The answer is a function of what is stored and of the request (address, parameters, who asks),
        and `archive_state()` moves at every change to what is stored, so equal ETags mean equal bytes.
        """
        asker = request.user.pk if request.user.is_authenticated else ""
        question = f"{archive_state()}|{request.get_full_path()}|{asker}"
        return '"%s"' % hashlib.sha256(question.encode()).hexdigest()[:32]

    def streamed(self, request, chunks: Iterator[str], content_type: str, filename: str | None):
        """Return a streamed response (304 if If-None-Match names its current ETag), with cache headers."""
        last_modified = archive_last_modified()
        etag = self.streamed_etag(request)
        wanted = [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]
        if etag in wanted or "*" in wanted:
            response = HttpResponseNotModified()
        else:
            response = StreamingHttpResponse(chunks, content_type=content_type)
            if filename:
                response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["ETag"] = etag
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
    repeatable_parameters = {"include"}
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    @property
    def drafts(self) -> bool:
        if not hasattr(self, "_drafts"):
            self._drafts = request_sees_drafts(self.request, self.model)
        return self._drafts

    @property
    def include(self) -> set[str]:
        if not hasattr(self, "_include"):
            values = self.request.query_params.getlist("include") if self.action in ("list", "retrieve") else []
            raw = ",".join(values) if values else None
            self._include = set() if raw is None else set(comma_separated("include", raw, self.includes))
            if "source_text" in self._include and "citations" in self.includes:
                # The text of the cited sources only makes sense with the citations.
                self._include.add("citations")
        return self._include

    def allowed_query_parameters(self) -> set[str]:
        filters = set(self.filterset_class.base_filters) if getattr(self, "filterset_class", None) else set()
        if self.action == "list":
            return filters | {"search", "ordering", "page", "page_size", "cursor"} | ({"include"} if self.includes else set())
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
        return queryset if self.drafts else queryset.public()

    def get_object(self):
        """Return the record named in the address by its permanent numeric id, or by its slug.

        Ids never change, slugs may: a mirror keys its copies on ids. A value of digits alone is taken
        as an id first, then as a slug (no slug the archive makes is digits alone).
        """
        value = str(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        if self.lookup_field != "pk" and value.isdigit():
            queryset = self.filter_queryset(self.get_queryset())
            record = queryset.filter(pk=int(value)).first()
            if record is not None:
                self.check_object_permissions(self.request, record)
                return record
        return super().get_object()

    def retrieve(self, request, *args, **kwargs):
        moved = self.former_slug_redirect(request)
        return moved if moved is not None else super().retrieve(request, *args, **kwargs)

    def former_slug_redirect(self, request):
        """Return a 301 to the record's current address if the address names it by a former slug, else None."""
        if self.lookup_field != "slug":
            return None
        value = str(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        queryset = self.filter_queryset(self.get_queryset())
        if queryset.filter(slug=value).exists() or (value.isdigit() and queryset.filter(pk=int(value)).exists()):
            return None
        record = record_by_former_slug(queryset, value)
        if record is None:
            return None
        query = request.META.get("QUERY_STRING", "")
        location = reverse(f"api:{self.basename}-detail", args=[record.slug]).rstrip("/") + "/" + (f"?{query}" if query else "")
        return HttpResponsePermanentRedirect(location)

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return self.write_serializer_class
        return self.serializer_class

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["drafts"] = self.drafts
        if not getattr(self, "swagger_fake_view", False):
            # The schema (drf-spectacular's fake view) describes every field include= can add.
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
            writer = csv.writer(Echo())
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
