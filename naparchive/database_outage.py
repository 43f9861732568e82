"""When the database cannot be reached, answer 503 with a friendly page, never a traceback.

Nothing needs restarting when the database comes back: CONN_HEALTH_CHECKS makes the next request
notice the dead connection and open a new one.
"""
import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger("naparchive.database")

# Seconds a client or proxy should wait before trying again.
RETRY_AFTER_SECONDS = 30

DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError)


def database_unavailable_response() -> HttpResponse:
    """Return the 503 page, rendered without a request so no context processor touches the database."""
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
        return database_unavailable_response()


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: a 503 page when the error was a database outage outside any view, else the 500 page.

    Reached for failures the middleware cannot see, such as the session being saved after the view ran.
    """
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_OUTAGE_ERRORS):
        return database_unavailable_response()
    return defaults.server_error(request, template_name)
