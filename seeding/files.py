"""Read a curated file and check the shape of its records: every error names the file or the record."""
from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError

CURATED_DIR = Path(__file__).resolve().parent / "curated"


class CuratedDataError(Exception):
    """A curated file cannot be loaded; the message names the file or the record and says why."""


def curated_file_read(*, path: str | Path) -> Any:
    """Return the parsed JSON file at `path`; raise CuratedDataError naming the file if it cannot be read."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CuratedDataError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CuratedDataError(f"{path}: cannot read it ({error})") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise CuratedDataError(f"{path}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None


def expect_keys(record: Any, *, where: str, required: set[str], optional: set[str] = frozenset()) -> dict[str, Any]:
    """Return the record if it is an object with the required keys and no others (a misspelt key is an error)."""
    if not isinstance(record, dict):
        raise CuratedDataError(f"{where}: expected an object, found {type(record).__name__}")
    problems = []
    missing = sorted(required - record.keys())
    unknown = sorted(record.keys() - required - optional)
    if missing:
        problems.append("missing " + ", ".join(repr(key) for key in missing))
    if unknown:
        known = ", ".join(sorted(required | optional))
        problems.append(f"unknown key(s) {', '.join(repr(key) for key in unknown)} (known keys: {known})")
    if problems:
        raise CuratedDataError(f"{where}: {'; '.join(problems)}")
    return record


def expect_list(value: Any, *, where: str) -> list:
    """Return the value if it is a list."""
    if not isinstance(value, list):
        raise CuratedDataError(f"{where}: expected a list, found {type(value).__name__}")
    return value


def parse_date(value: Any, *, where: str) -> datetime.date | None:
    """Return the date written YYYY-MM-DD, or None for None."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CuratedDataError(f"{where}: {value!r} is not a date written YYYY-MM-DD") from None


def validation_error_text(error: ValidationError) -> str:
    """Return a validation error as one line: `field: messages; field: messages`."""
    if hasattr(error, "error_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    return " ".join(error.messages)
