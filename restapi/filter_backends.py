"""`?ordering=` and `?search=`, validated: an unknown field or an oversized search is a 400."""
from collections.abc import Iterable

import functools

from django.conf import settings
from django.db.models import F
from django.utils.module_loading import import_string
from rest_framework import exceptions
from rest_framework.filters import BaseFilterBackend

from foundations.search_query import query_condition, parse_query


@functools.cache
def _expansion():
    """Return the function that gives a parsed query's names every spelling (identity if none is set)."""
    path = getattr(settings, "ARCHIVE_SEARCH_EXPANSION", "")
    return import_string(path) if path else (lambda parsed: parsed)


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
    """`?search=`: the site search's syntax and spellings over the view's search fields.

    Parsed as the site's search box is (foundations.search_query: words, "phrases", -exclusions,
    OR), then given every recorded spelling of the names it contains by the expansion that
    settings.ARCHIVE_SEARCH_EXPANSION names (the project's, which knows the apps' names; this
    package imports no app). A term matches when any of its spellings occurs in one of the view's
    `search_fields` (case-insensitive), or in one of its `search_related_fields` across a to-many
    relation.
    """

    param = "search"
    max_length = 200

    def filter_queryset(self, request, queryset, view):
        raw = request.query_params.get(self.param)
        if raw is None:
            return queryset
        if len(raw) > self.max_length:
            raise exceptions.ValidationError({self.param: [f"Search for at most {self.max_length} characters."]})
        parsed = parse_query(raw)
        if not parsed:
            # Nothing to look for (blank, or only exclusions): as without the parameter, not an empty list.
            return queryset if not raw.strip() else queryset.none()
        parsed = _expansion()(parsed)
        fields = getattr(view, "search_fields", [])
        related = getattr(view, "search_related_fields", [])
        return queryset.filter(query_condition(parsed, queryset, fields, related))

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
                    'The site search\'s syntax: "a phrase", -word or -"phrase" to exclude, OR between '
                    "alternatives; any recorded spelling of a name (or a synonym editors keep) finds the same records. "
                    f"At most {self.max_length} characters."
                ),
                "schema": {"type": "string", "maxLength": self.max_length},
            }
        ]
