"""Numbered pages with bounded sizes; a page or size out of range is a 400, never a guess."""
import re

from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination


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
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        number = self.get_page_number(request, paginator)
        if number > 1 and number > paginator.num_pages:
            raise exceptions.ValidationError(
                {self.page_query_param: [f"Page {number} is past the last page ({paginator.num_pages})."]}
            )
        self.page = paginator.page(number)
        return list(self.page)

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
        ]
