"""Numbered pages with bounded sizes, or cursor pages in id order; a page, cursor or size out of range is a 400."""
import base64
import binascii
import re
from collections import OrderedDict

from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

CURSOR_START = "first"
_CURSOR_PREFIX = "after-id:"


def encode_list_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{last_id}".encode()).decode().rstrip("=")


def decode_list_cursor(raw: str) -> int:
    """Return the id a list cursor continues after (0 for `first`); a 400 naming `cursor` for anything else."""
    if raw == CURSOR_START:
        return 0
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    match = re.fullmatch(rf"{_CURSOR_PREFIX}([0-9]{{1,18}})", text)
    if match is None:
        raise exceptions.ValidationError({"cursor": [f"Start with cursor={CURSOR_START}, then follow `next`: this is not a cursor from this list."]})
    return int(match.group(1))


def _positive_int(name: str, raw: str, *, maximum: int | None = None) -> int:
    if not re.fullmatch(r"[0-9]{1,18}", raw):
        raise exceptions.ValidationError({name: [f"Give a whole number of 1 or more, not “{raw[:40]}”."]})
    value = int(raw)
    if value < 1:
        raise exceptions.ValidationError({name: ["Give a whole number of 1 or more."]})
    if maximum is not None and value > maximum:
        raise exceptions.ValidationError({name: [f"The largest {name} is {maximum}; ask for fewer and page through."]})
    return value


class ArchivePagination(PageNumberPagination):
    """Numbered pages of 50 (page_size up to 200). Out-of-range pages and oversized page sizes are a 400."""

    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return _positive_int(self.page_size_query_param, raw, maximum=self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        return 1 if raw is None else _positive_int(self.page_query_param, raw)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.after_id = None
        raw_cursor = request.query_params.get("cursor")
        if raw_cursor is not None:
            return self._cursor_page(queryset, request, raw_cursor)
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        number = self.get_page_number(request, paginator)
        if number > 1 and number > paginator.num_pages:
            raise exceptions.ValidationError(
                {self.page_query_param: [f"Page {number} is past the last page ({paginator.num_pages})."]}
            )
        self.page = paginator.page(number)
        return list(self.page)

    def _cursor_page(self, queryset, request, raw_cursor):
        """Return the records after the cursor's id, in id order: a record never moves between cursor pages.

        Numbered pages shift when a record before them is withdrawn or added (and one is skipped or
        seen twice); an id never changes, so a walk by cursor sees every record public throughout once.
        """
        for clash in ("page", "ordering"):
            if clash in request.query_params:
                raise exceptions.ValidationError({clash: ["Cursor pages go in id order: leave this out when giving `cursor`."]})
        after = decode_list_cursor(raw_cursor)
        size = self.get_page_size(request)
        self.count = queryset.count()
        records = list(queryset.order_by("pk").filter(pk__gt=after)[: size + 1])
        self.has_next = len(records) > size
        records = records[:size]
        self.after_id = records[-1].pk if records else after
        return records

    def get_paginated_response(self, data):
        if self.after_id is None:
            return super().get_paginated_response(data)
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        next_url = replace_query_param(url, "cursor", encode_list_cursor(self.after_id)) if self.has_next else None
        return Response(OrderedDict([("count", self.count), ("next", next_url), ("previous", None), ("results", data)]))

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number, from 1. A page past the last one is a 400.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Records per page: {self.page_size} by default, at most {self.max_page_size} (more is a 400).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": f"Cursor pages, for walking a list while it changes: start with `cursor={CURSOR_START}` and "
                "follow `next`. Records come in id order (no `page` or `ordering` with it); each record public "
                "throughout the walk is seen exactly once. Any other value is a 400.",
                "schema": {"type": "string"},
            },
        ]
