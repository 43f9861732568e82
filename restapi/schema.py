"""The OpenAPI schema's view of the archive's conventions: include=, error bodies, exports, writes."""
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from restapi.errors import ErrorSerializer


ERROR_RESPONSES = {
    400: OpenApiResponse(
        ErrorSerializer,
        description=(
            "Bad parameters or payload (including a body over 2 MB, JSON that is malformed, nested over 32 "
            "levels deep or gives a key twice): `detail`, and `errors` for each field, say what is wrong."
        ),
    ),
    401: OpenApiResponse(ErrorSerializer, description="The token is not valid."),
    403: OpenApiResponse(ErrorSerializer, description="Not allowed (writes need an editor's token)."),
    404: OpenApiResponse(ErrorSerializer, description="No such record (or not public)."),
    405: OpenApiResponse(ErrorSerializer, description="Method not allowed here."),
    409: OpenApiResponse(ErrorSerializer, description="The record was saved by someone else since the version you edited."),
    415: OpenApiResponse(ErrorSerializer, description="Send JSON."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests: wait `Retry-After` seconds."),
    503: OpenApiResponse(ErrorSerializer, description="The database is briefly unavailable: try again after `Retry-After` seconds."),
}


PATH_PARAMETER_DESCRIPTIONS = {
    "slug": (
        "The record's current slug or its permanent numeric id (ids never change, slugs may). "
        "Read with a former slug, the record answers 301 to its current address."
    ),
    "id": "The record's permanent numeric id.",
    "pk": "The record's permanent numeric id.",
}


class ArchiveFilterExtension(DjangoFilterExtension):
    """Describe every filter: its label, or the FilterSet's `schema_descriptions` where the label is a form's.

    drf-spectacular leaves out the label of a filter whose type is given with extend_schema_field
    (slug-or-id and year filters), and the public pages' filter labels ("Place") are too short for a
    client; `schema_descriptions` says more without changing the pages' forms.
    """

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
        described = getattr(filterset_class, "schema_descriptions", {}).get(field_name)
        for parameter in parameters:
            if described:
                choices = parameter.get("description", "").partition("\n\n*")
                parameter["description"] = described + (choices[1] + choices[2] if choices[1] else "")
            elif not parameter.get("description") and filter_field.label:
                parameter["description"] = filter_field.label
        return parameters


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
                    description=f"Heavier parts to embed, comma-separated or the parameter repeated (unknown values are a 400): {described}.",
                )
            )
        return parameters

    def _export_column_names(self) -> list[str]:
        return [name for name, _ in getattr(self.view, "export_columns", [])]

    def get_description(self):
        description = super().get_description()
        if self._is_export():
            listed = ", ".join(f"`{name}`" for name in self._export_column_names())
            description = (
                f"{description}\n\nColumns, in this order: {listed}. A `…_id` column is the related record's "
                "permanent id, a `…_slug` column its current slug; a date beside a `…_precision` column is only as "
                "precise as that column says (the first day of the month or year otherwise)."
            )
        return description

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            if not parameter.get("description") and parameter["name"] in PATH_PARAMETER_DESCRIPTIONS:
                parameter["description"] = PATH_PARAMETER_DESCRIPTIONS[parameter["name"]]
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
            return self.view.status_serializer_class
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
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {name: {} for name in self._export_column_names()},
                                    "required": self._export_column_names(),
                                },
                            }
                        }
                    },
                    "description": "A JSON array of flat records.",
                }
            }
        else:
            responses = super()._get_response_bodies(direction)
        codes = [304, 400, 401, 404, 414, 429, 503] if self.method == "GET" else [400, 401, 403, 404, 409, 415, 429, 503]
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
        documented = next((cls for cls in type(serializer).__mro__ if cls.__dict__.get("__doc__")), None)
        if documented is not type(serializer) and not getattr(documented, "doc_describes_subclasses", False):
            # drf-spectacular falls back to a base class's docstring, which speaks to this code's
            # maintainers ("A serializer whose heavier fields..."), not to a client.
            schema.pop("description", None)
        optional = set(getattr(serializer, "include_fields", {}))
        if optional and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in optional]
            if not schema["required"]:
                del schema["required"]
        return schema
