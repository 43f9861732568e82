"""Export columns: named values read from a record along dotted paths."""
from collections.abc import Callable
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Return a cell value a spreadsheet will not run as a formula (OWASP: prefix a quote)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return "" if value is None else value


class Echo:
    """A file-like object csv.writer writes to that hands each row back, for streaming."""

    def write(self, value):
        return value


def export_value(instance, path: str) -> Any:
    """Follow a dotted path (`body.slug`) through a record, stopping at None."""
    value = instance
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value


def columns(*paths: str) -> list[tuple[str, Callable[[Any], Any]]]:
    """Return export columns that read these dotted paths, named with underscores."""
    return [(path.replace(".", "_"), lambda record, path=path: export_value(record, path)) for path in paths]
