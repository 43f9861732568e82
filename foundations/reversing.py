"""URLs for every row of a list, without running Django's resolver once per row.

An API page of 50 meetings links each to itself, its page on the site, its body and its chairs:
some 250 calls to reverse(), which was a third of the time the page took. Here each view's URL is
reversed once per process with a stand-in value, kept as a template, and filled in per row.

A template belongs to one interface language (an Urdu page links to /ur/... addresses), so the active
language is part of its key, as are the script prefix and the URL conf.

Only values made of letters, digits, hyphens and underscores (our slugs and ids) take the template;
those need no quoting and match every pattern that accepts the stand-in. Anything else goes through
reverse() as usual, so the answer is always the one reverse() would give.
"""
import functools
import re

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Digits only, so that int, slug and [0-9]+ patterns all accept it; it cannot occur in a route's fixed text.
_STAND_IN = "7301946285"
_PLAIN_VALUE = re.compile(r"[-a-zA-Z0-9_]+\Z")


@functools.lru_cache(maxsize=512)
def _template(view_name: str, kwarg: str, prefix: str, urlconf, language: str | None) -> tuple[str, str] | None:
    try:
        url = reverse(view_name, kwargs={kwarg: _STAND_IN}, urlconf=urlconf)
    except NoReverseMatch:
        return None
    if url.count(_STAND_IN) != 1:
        return None
    before, after = url.split(_STAND_IN)
    return before, after


def _from_template(view_name: str, kwarg: str, value, prefix: str, urlconf) -> str:
    text = str(value)
    template = _template(view_name, kwarg, prefix, urlconf, get_language()) if _PLAIN_VALUE.match(text) else None
    if template is None:
        return reverse(view_name, kwargs={kwarg: value}, urlconf=urlconf)
    return f"{template[0]}{text}{template[1]}"


def cached_reverse(view_name: str, kwarg: str, value) -> str:
    """Return reverse(view_name, kwargs={kwarg: value}), from a template when the value allows."""
    return _from_template(view_name, kwarg, value, get_script_prefix(), get_urlconf())


@functools.lru_cache(maxsize=512)
def _plain(view_name: str, prefix: str, urlconf, language: str | None) -> str:
    return reverse(view_name, urlconf=urlconf)


def cached_reverse_plain(view_name: str) -> str:
    """Return reverse(view_name) for a view without arguments (the navigation's lists), reversed once per language."""
    return _plain(view_name, get_script_prefix(), get_urlconf(), get_language())


def _request_base(request) -> tuple[str, str, object]:
    """Return the request's origin, script prefix and URL conf, worked out once per request."""
    base = getattr(request, "_archive_url_base", None)
    if base is None:
        base = (request.build_absolute_uri("/")[:-1], get_script_prefix(), get_urlconf())
        request._archive_url_base = base
    return base


def absolute_reverse(request, view_name: str, kwarg: str, value) -> str:
    """Return request.build_absolute_uri(reverse(...)), from a template when the value allows."""
    origin, prefix, urlconf = _request_base(request)
    return origin + _from_template(view_name, kwarg, value, prefix, urlconf)


def absolute_url(request, path: str) -> str:
    """Return request.build_absolute_uri(path) for a path from reverse()."""
    return _request_base(request)[0] + path
