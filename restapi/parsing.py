"""What the API reads and answers: JSON only, with strings the database can store."""
import re

from rest_framework import exceptions
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import JSONParser


_SURROGATE = re.compile("[\ud800-\udfff]")


def forbidden_character_error(value: str) -> str | None:
    """Return why a string cannot be accepted (NUL bytes, lone surrogates), or None if it can."""
    if "\x00" in value:
        return "NUL bytes are not allowed."
    if _SURROGATE.search(value):
        return "Lone UTF-16 surrogates are not allowed."
    return None


class StrictJSONParser(JSONParser):
    """Parse JSON, refusing strings the database cannot store (NUL bytes, lone surrogates)."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        self._check(data)
        return data

    def _check(self, value):
        if isinstance(value, str):
            problem = forbidden_character_error(value)
            if problem:
                raise exceptions.ParseError(f"JSON parse error - {problem}")
        elif isinstance(value, dict):
            for key, item in value.items():
                self._check(key)
                self._check(item)
        elif isinstance(value, list):
            for item in value:
                self._check(item)


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Always answer JSON: the API has one representation, whatever Accept says."""

    def select_parser(self, request, parsers):
        for parser in parsers:
            if request.content_type.split(";")[0].strip() == parser.media_type:
                return parser
        return None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
