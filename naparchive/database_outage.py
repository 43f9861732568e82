"""When the database cannot be reached, answer 503 (a friendly page, or the API's JSON error), never a traceback.

Nothing needs restarting when the database comes back: CONN_HEALTH_CHECKS makes the next request
notice the dead connection and open a new one.
"""
import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

from restapi.errors import error_response

logger = logging.getLogger("naparchive.database")

# Seconds a client or proxy should wait before trying again.
RETRY_AFTER_SECONDS = 30

DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError)

# Where naparchive/urls.py mounts the API: answers under it are JSON, whatever goes wrong.
API_PATH_PREFIX = "/api/"
API_OUTAGE_DETAIL = "The archive's database is temporarily unavailable. Try again shortly."


def is_api_request(request: HttpRequest) -> bool:
    """Return True if the request is for the API, whose errors are JSON rather than pages."""
    return request.path_info.startswith(API_PATH_PREFIX)


def database_unavailable_response(request: HttpRequest | None = None) -> HttpResponse:
    """Return the 503: the API's JSON error for API requests, else the page, rendered without a request
    so no context processor touches the database."""
    if request is not None and is_api_request(request):
        response = error_response(503, API_OUTAGE_DETAIL)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Turn a database connection failure raised by a view, or while rendering its template, into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_OUTAGE_ERRORS):
            return None
        logger.error(
            "Database unavailable",
            exc_info=exception,
            extra={"method": request.method, "path": request.path, "status": 503},
        )
        return database_unavailable_response(request)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: a 503 when the error was a database outage outside any view, else the 500.

    Reached for failures the middleware cannot see, such as the session being saved after the view ran.
    API requests get the API's JSON error shape, pages the HTML page.
    """
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_OUTAGE_ERRORS):
        return database_unavailable_response(request)
    if is_api_request(request):
        return error_response(500, "Something went wrong on our side; it has been logged.")
    return defaults.server_error(request, template_name)


def bad_request(request, exception, template_name=defaults.ERROR_400_TEMPLATE_NAME):
    """handler400: the API's JSON error for API requests (e.g. an unknown Host), else Django's page."""
    if is_api_request(request):
        return error_response(400, "Bad request.")
    return defaults.bad_request(request, exception, template_name)


def permission_denied(request, exception, template_name=defaults.ERROR_403_TEMPLATE_NAME):
    """handler403: the API's JSON error for API requests (e.g. a CSRF refusal), else Django's page."""
    if is_api_request(request):
        return error_response(403, "You do not have permission to perform this action.")
    return defaults.permission_denied(request, exception, template_name)
