"""One error shape for every API answer: status, detail and, for a 400, what is wrong with each field."""
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from rest_framework import exceptions, serializers, status
from rest_framework.views import exception_handler as drf_exception_handler


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


def error_response(status_code: int, detail: str) -> JsonResponse:
    """Return an API error in the one shape, for answers made outside DRF (middleware, error handlers)."""
    response = JsonResponse({"status": status_code, "detail": detail}, status=status_code)
    response["Cache-Control"] = "no-store"
    return response


class RequestBodyTooLarge(exceptions.ParseError):
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE: a client error, answered and not logged as ours."""

    def __init__(self):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        shown = f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
        super().__init__(f"The request body is larger than {shown}, the most the API accepts.")


def exception_handler(exc, context):
    """Answer every API error with the same JSON shape: status, detail and, for 400s, errors per field."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(serializers.as_serializer_error(exc))
    elif isinstance(exc, RequestDataTooBig):
        # Django would answer its HTML 400 and log the client's mistake as an ERROR.
        exc = RequestBodyTooLarge()
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


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The record was changed since you read it."
    default_code = "conflict"
