"""Structured logs: one JSON object per line on stdout, one line per request and one per error."""
import json
import logging
import time
import traceback

from foundations.client_ip import client_ip

request_logger = logging.getLogger("naparchive.request")

# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged as a field.
_STANDARD_RECORD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", logging.INFO, "", 0, "", (), None)).keys() | {"message", "asctime", "request"}
)


class JsonLineFormatter(logging.Formatter):
    """Format a record as one line of JSON, so log collectors need no parsing rules."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_RECORD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            # django.request attaches the request to error records.
            entry.setdefault("method", request.method)
            entry.setdefault("path", request.path)
        if record.exc_info:
            exc_type, exc_value, _ = record.exc_info
            entry["error"] = f"{exc_type.__name__}: {exc_value}" if exc_type else None
            entry["traceback"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(entry, default=str, ensure_ascii=False)


JsonLineFormatter.converter = time.gmtime


class RequestLogMiddleware:
    """Log every request once: method, path, status, duration, client address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 2)
        status = response.status_code
        level = logging.ERROR if status >= 500 else logging.WARNING if status >= 400 else logging.INFO
        if request_logger.isEnabledFor(level):
            request_logger.log(
                level,
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "query": request.META.get("QUERY_STRING", ""),
                    "status": status,
                    "duration_ms": duration_ms,
                    "client_ip": client_ip(request),
                    "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
                },
            )
        return response
