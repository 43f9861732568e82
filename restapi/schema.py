"""The OpenAPI schema's view of the archive's conventions: include=, error bodies, exports, writes."""
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
                    "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}},
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
        optional = set(getattr(serializer, "include_fields", {}))
        if optional and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in optional]
            if not schema["required"]:
                del schema["required"]
        return schema
