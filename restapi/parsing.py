"""What the API reads and answers: JSON only, each key once, nested shallowly, with strings the database can store."""
import codecs
import re

from rest_framework import exceptions
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import JSONParser, get_encoding
from rest_framework.utils import json

# Far deeper than any body the API takes (records are flat objects with lists of slugs), and far
# short of Python's recursion limit.
MAX_JSON_DEPTH = 32


_SURROGATE = re.compile("[\ud800-\udfff]")


def forbidden_character_error(value: str) -> str | None:
    """Return why a string cannot be accepted (NUL bytes, lone surrogates), or None if it can."""
    if "\x00" in value:
        return "NUL bytes are not allowed."
    if _SURROGATE.search(value):
        return "Lone UTF-16 surrogates are not allowed."
    return None


class DuplicateKeyError(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _object_without_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    """Build a JSON object, refusing a key given twice (json.loads would silently keep the last value)."""
    obj: dict = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateKeyError(key)
        obj[key] = value
    return obj


class StrictJSONParser(JSONParser):
    """Parse JSON, refusing duplicate keys, deep nesting and strings the database cannot store.

    Every refusal is a ParseError, so the client gets a 400 in the API's error shape.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})
        try:
            decoded_stream = codecs.getreader(encoding)(stream)
            data = json.load(decoded_stream, object_pairs_hook=_object_without_duplicate_keys)
        except DuplicateKeyError as error:
            key = error.key[:60]
            if forbidden_character_error(key):
                key = json.dumps(key)[1:-1]  # escaped: the answer must not carry what we refuse to store
            raise exceptions.ParseError(f"JSON parse error - the key “{key}” is given more than once.") from None
        except RecursionError:
            raise exceptions.ParseError(self._too_deep) from None
        except ValueError as error:
            raise exceptions.ParseError(f"JSON parse error - {error}") from None
        self._check(data)
        return data

    _too_deep = f"JSON parse error - the body is nested more than {MAX_JSON_DEPTH} levels deep."

    def _check(self, data):
        # Iterative, so a deep body is refused rather than exhausting the stack here.
        pending = [(data, 1)]
        while pending:
            value, depth = pending.pop()
            if isinstance(value, str):
                problem = forbidden_character_error(value)
                if problem:
                    raise exceptions.ParseError(f"JSON parse error - {problem}")
            elif isinstance(value, dict | list):
                if depth > MAX_JSON_DEPTH:
                    raise exceptions.ParseError(self._too_deep)
                items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
                pending.extend((item, depth + 1) for item in items)


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Always answer JSON: the API has one representation, whatever Accept says."""

    def select_parser(self, request, parsers):
        for parser in parsers:
            if request.content_type.split(";")[0].strip() == parser.media_type:
                return parser
        return None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
