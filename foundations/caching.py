"""Whole-response caching for anonymous readers, never stale: any write to the archive invalidates it.

How it stays fresh: every cached answer carries the archive's *cache version*, a number kept in the
cache, and is served only while that is still the version. With Redis, each process keeps its copy of
the version until Redis reports a change (client tracking, foundations/redis_cache.py), so an answer
from the cache costs one round trip.
Every SQL statement that writes to a table of the project's apps (INSERT, UPDATE, DELETE: a save, a
queryset update(), a bulk_create, an admin bulk action, a management command) schedules a bump of that
version for when its transaction commits. The bump retires every earlier entry at once; the next
request for each stores it anew. The hook sits on the database connection (an execute wrapper), so views, services
and commands written by anyone need not know about it. Other caches of archive data (charts, counts)
can key on `archive_cache_version()` the same way.

What is cached: GET requests without a session cookie or Authorization header (so never an editor's
view of drafts), answered 200, not streamed, setting no cookie, using no CSP nonce, and not marked
private or no-store. API throttles still apply to answers from the cache.

The version must be shared by every process that writes or serves, so this runs only when the cache is
(REDIS_URL set), unless RESPONSE_CACHE says otherwise; with a per-process local-memory cache, a write in
one worker could not reach the others' entries.
"""
import functools
import hashlib
import logging
import re
import time
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from foundations.languages import address_language

logger = logging.getLogger("naparchive.cache")

VERSION_KEY = "archive:cache-version"
CACHE_STATUS_HEADER = "X-Archive-Cache"
# Request headers that change what a page or API answer says.
VARY_REQUEST_HEADERS = ("HTTP_ACCEPT", "HTTP_HOST", "HTTP_X_FORWARDED_PROTO")
# Response headers a view may set that must come back with a cached answer.
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "set-cookie"}


# --- The cache version ------------------------------------------------------------------------

# The version the response cache read for the request being answered: everything the view derives
# from kept values is then of that one version, the one the answer is stored under.
_request_version: ContextVar[int | None] = ContextVar("archive_request_cache_version", default=None)


def archive_cache_version() -> int:
    """Return the current cache version (creating one if the cache lost it)."""
    known = _request_version.get()
    if known is not None:
        return known
    version = _read_version()
    if version is None:
        # A fresh, larger number: keys written under any earlier version can never be read again.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = _read_version()
    return version


def _read_version() -> int | None:
    # Redis (SharedClientRedisCache) keeps it in the process until the server reports a change: a poll
    # of a socket instead of a round trip on every request. The per-process caches just read it.
    get_tracked = getattr(cache, "get_tracked", None)
    return get_tracked(VERSION_KEY) if get_tracked is not None else cache.get(VERSION_KEY)


def archive_cache_version_bump() -> None:
    """Invalidate every cached answer; called after each committed write to the archive's tables."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    except Exception:  # the cache itself is down: nothing cached can be served from it either
        logger.warning("Could not bump the cache version", exc_info=True)


def kept_until_archive_changes(name: str, compute):
    """Return compute(), kept in the cache for as long as the archive's cache version stays the same.

    For what is derived from the whole archive and read often (the API's Last-Modified, the home
    page's counts). The value is stored with the version it was computed under and used only while
    that is the current version; any committed write changes the version, so a kept value is never
    stale. With a per-process cache (no REDIS_URL) a write in one worker could not
    reach another's copy, so then it is computed every time.
    """
    if not settings.ARCHIVE_CACHE_SHARED:
        return compute()
    key = f"archive:{name}"
    version = archive_cache_version()
    stored = cache.get(key)
    if stored is not None and stored[0] == version:
        return stored[1]
    # Computed after the version was read: at worst newer than its version, which the next bump retires.
    value = compute()
    cache.set(key, (version, value), settings.RESPONSE_CACHE_SECONDS)
    return value


_WRITE_STATEMENT = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?([\w.]+)', re.IGNORECASE)


@functools.cache
def archive_tables() -> frozenset[str]:
    """Return the database tables whose changes change what readers see: the project's apps' tables."""
    from foundations.changes import is_project_app  # changes imports this module: read at first use

    tables = set()
    for app_config in apps.get_app_configs():
        if is_project_app(app_config):
            for model in app_config.get_models(include_auto_created=True):
                tables.add(model._meta.db_table.lower())
    return frozenset(tables)


def track_archive_writes(execute, sql, params, many, context):
    """Execute wrapper: after a statement that writes an archive table, bump the version on commit."""
    result = execute(sql, params, many, context)
    match = _WRITE_STATEMENT.match(sql) if isinstance(sql, str) else None
    if match and match.group(1).lower() in archive_tables():
        # After the commit, never before: a reader in between would cache the old rows under the new version.
        # (One bump per statement, not per transaction: a bump is one cache increment, and counting on
        # earlier callbacks in connection.run_on_commit would trust a list that rollbacks rewrite.)
        transaction.on_commit(archive_cache_version_bump, using=context["connection"].alias)
    return result


def install_write_tracking(sender, connection, **kwargs) -> None:
    """connection_created receiver: hook the write tracker into each new database connection."""
    if track_archive_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(track_archive_writes)


# --- The response cache -----------------------------------------------------------------------

def _answer_language(request) -> str:
    """Return the interface language the request is answered in: its address's (/ur/...), else the chosen one.

    A page at /ur/... is Urdu whatever the language cookie says; at an unprefixed address the cookie
    decides (a reader who chose Urdu is sent to the /ur/ twin). Keyed on this, not on the raw cookie: an
    English page is stored once for readers with no cookie, an English one or a forged one.
    """
    in_address = address_language(request.path_info)
    if in_address:
        return in_address
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _response_cache_enabled() -> bool:
    return getattr(settings, "RESPONSE_CACHE_ENABLED", False)


class ResponseCacheMiddleware:
    """Answer anonymous GETs from the cache when the archive has not changed since they were stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _response_cache_enabled() or not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        try:
            version = archive_cache_version()
            # The entry carries the version it was stored under.
            stored = cache.get(key)
        except Exception:
            logger.warning("Response cache unavailable; answering without it", exc_info=True)
            return self.get_response(request)
        if stored is not None and stored[0] == version and self._throttles_allow(request):
            return self._from_cache(request, stored[1:])
        token = _request_version.set(version)
        try:
            response = self.get_response(request)
        finally:
            _request_version.reset(token)
        if self._cacheable_response(request, response):
            headers = [(name, value) for name, value in response.items() if name.lower() not in _HOP_BY_HOP]
            try:
                # Under the version read before the view ran: a write committed meanwhile makes it stale at once.
                cache.set(key, (version, response.status_code, headers, response.content), settings.RESPONSE_CACHE_SECONDS)
            except Exception:
                logger.warning("Could not store a response in the cache", exc_info=True)
            response[CACHE_STATUS_HEADER] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
            return False
        # An editor's session, or a message waiting to be shown to this visitor.
        if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES:
            return False
        return not request.path_info.startswith(tuple(settings.RESPONSE_CACHE_EXCLUDED_PREFIXES))

    @staticmethod
    def _key(request) -> str:
        varying = "\n".join(request.META.get(name, "") for name in VARY_REQUEST_HEADERS)
        varying += "\n" + _answer_language(request)
        digest = hashlib.sha256(f"{request.get_full_path()}\n{varying}".encode()).hexdigest()
        return f"response:{digest}"

    @staticmethod
    def _cacheable_response(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if "private" in cache_control or "no-store" in cache_control:
            return False
        # A page that used a CSP nonce must not be replayed: the nonce has to be new every time.
        if getattr(request, "_csp_nonce", None) is not None:
            return False
        # A page holding a CSRF token or writing the session belongs to one visitor.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        session = getattr(request, "session", None)
        return not (session is not None and session.modified)

    @staticmethod
    def _throttles_allow(request) -> bool:
        """Apply the API view's throttles to an answer from the cache, as the view itself would."""
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
        view_class = getattr(match.func, "cls", None)
        throttle_classes = getattr(view_class, "throttle_classes", None)
        if not throttle_classes:
            return True
        from rest_framework.request import Request

        drf_request = Request(request)
        view = view_class(**getattr(match.func, "initkwargs", {}))
        # Refused: let the view answer, so the client gets its 429 with Retry-After from DRF itself.
        return all(throttle().allow_request(drf_request, view) for throttle in throttle_classes)

    @staticmethod
    def _from_cache(request, stored) -> HttpResponse:
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        etag = response.get("ETag")
        last_modified = parse_http_date_safe(response["Last-Modified"]) if response.has_header("Last-Modified") else None
        if etag or last_modified:
            conditional = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
            if conditional is not response:
                return conditional
        response[CACHE_STATUS_HEADER] = "hit"
        return response
