"""
The metadata a text states about itself: a front matter of `key: value` lines closed by a `---` line, or
(seed 000's convention) a first line starting `date YYYY-MM-DD`.

The importer reads the metadata from it (parse_front_matter); extraction reads the report after it
(article_start). One reading, so both agree on where the article begins.
"""
from __future__ import annotations

import datetime
import re


from foundations.safe_text import INVALID_WEB_URL, web_url_problem
from sources.models import SourceDocument

BOM = "\ufeff"
FRONT_MATTER_KEYS = ("title", "outlet", "author", "url", "published", "language", "kind")
# Front-matter keys are named for authors; these are the model fields they fill.
_FIELD_FOR_KEY = {"published": "published_on"}

_CLOSING_LINE = "---"
_KEY_VALUE_LINE = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z0-9_-]{0,39})\s*:(?P<value>.*)$")
# Seed 000 opens with " date 2024-06-23 A meeting of ...": the date is a prefix of the first line.
_DATE_PREFIX = re.compile(r"^\s*date:?\s+(?P<date>\d{4}-\d{2}-\d{2})(?=\s|$)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def parse_front_matter(text: str) -> tuple[dict[str, object], list[str]]:
    """
    Return the metadata a text states about itself, keyed by SourceDocument field, and what is wrong with it.

    A front matter is a block at the very top of `key: value` lines (blank lines allowed) closed by a `---`
    line, optionally opened by one too. Lines that look like `ISLAMABAD: Prime Minister ...` but are not
    closed by `---` are the article itself, not metadata. Without a front matter, a first line starting
    `date YYYY-MM-DD` gives the publication date.
    """
    lines = text.removeprefix(BOM).splitlines()
    if lines and lines[0].rstrip() == _CLOSING_LINE and not any(line.rstrip() == _CLOSING_LINE for line in lines[1:]):
        return {}, ["line 1 opens a front matter with `---` but no `---` line closes it"]
    block = _front_matter_lines(lines)
    if block is None:
        return _date_prefix_metadata(lines[0] if lines else "")
    first_line_number, block_lines, body_lines = block

    metadata: dict[str, object] = {}
    errors: list[str] = []
    for number, line in enumerate(block_lines, start=first_line_number):
        if not line.strip():
            continue
        match = _KEY_VALUE_LINE.match(line)
        if match is None:
            errors.append(f"line {number}: {line.strip()!r} is not a `key: value` line")
            continue
        key = match["key"].lower()
        value = _unquote(match["value"].strip())
        if key not in FRONT_MATTER_KEYS:
            hint = " (the publication date goes in `published:`)" if key == "date" else ""
            errors.append(f"line {number}: unknown key {match['key']!r}{hint}; known keys: {', '.join(FRONT_MATTER_KEYS)}")
            continue
        field_name = _FIELD_FOR_KEY.get(key, key)
        if field_name in metadata:
            errors.append(f"line {number}: {key!r} is given twice")
            continue
        if not value:
            continue
        cleaned, error = _clean_value(key, value)
        if error:
            errors.append(f"line {number}: {error}")
        else:
            metadata[field_name] = cleaned
    if not any(line.strip() for line in body_lines):
        errors.append("there is no article text after the front matter")
    return metadata, errors


def _front_matter_lines(lines: list[str]) -> tuple[int, list[str], list[str]] | None:
    """Return (number of the block's first line, the block's lines, the lines after it), or None if there is no block."""
    if not lines:
        return None
    opened = lines[0].rstrip() == _CLOSING_LINE
    start = 1 if opened else 0
    has_key_value = False
    for index in range(start, len(lines)):
        line = lines[index]
        if line.rstrip() == _CLOSING_LINE:
            if opened or has_key_value:
                return start + 1, lines[start:index], lines[index + 1 :]
            return None
        if _KEY_VALUE_LINE.match(line):
            has_key_value = True
        elif line.strip() and not opened:
            # Prose before any `---`: an article whose first line merely contains a colon ("ISLAMABAD: ...").
            return None
    return None


def _date_prefix_metadata(first_line: str) -> tuple[dict[str, object], list[str]]:
    match = _DATE_PREFIX.match(first_line)
    if match is None:
        return {}, []
    try:
        return {"published_on": datetime.date.fromisoformat(match["date"])}, []
    except ValueError:
        return {}, [f"line 1: the date {match['date']!r} is not a real calendar date"]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _clean_value(key: str, value: str) -> tuple[object, str]:
    """Return (the value as the model stores it, "") or (None, what is wrong with it)."""
    field_name = _FIELD_FOR_KEY.get(key, key)
    if key == "published":
        if not _ISO_DATE.match(value):
            return None, f"published {value!r} is not an ISO date (write it as YYYY-MM-DD, e.g. 2024-06-23)"
        try:
            return datetime.date.fromisoformat(value), ""
        except ValueError:
            return None, f"published {value!r} is not a real calendar date"
    if key == "kind":
        kinds = SourceDocument.Kind.values
        if value not in kinds:
            return None, f"kind {value!r} is not one of: {', '.join(kinds)}"
        return value, ""
    if key == "language":
        if not _LANGUAGE_TAG.match(value) or len(value) > SourceDocument._meta.get_field("language").max_length:
            return None, f"language {value!r} is not a language tag such as en or ur"
        return value, ""
    if key == "url" and (problem := web_url_problem(value)):
        detail = "" if problem == INVALID_WEB_URL else f": {problem}"
        return None, f"url {value!r} is not a valid http(s) URL{detail}"
    max_length = SourceDocument._meta.get_field(field_name).max_length
    if max_length and len(value) > max_length:
        return None, f"{key} is {len(value)} characters long; the most is {max_length}"
    return value, ""


def front_matter_end(text: str) -> int:
    """Return where the front matter block (`key: value` lines closed by `---`) ends in `text`, or 0 if it has none."""
    bom = len(BOM) if text.startswith(BOM) else 0
    block = _front_matter_lines(text[bom:].splitlines())
    if block is None:
        return 0
    first_line_number, block_lines, _ = block
    lines = text[bom:].splitlines(keepends=True)
    return bom + sum(len(line) for line in lines[: first_line_number - 1 + len(block_lines) + 1])


def article_start(text: str) -> int:
    """Return where the article proper begins in `text`: after its front matter or its `date YYYY-MM-DD` prefix."""
    if end := front_matter_end(text):
        return end
    bom = len(BOM) if text.startswith(BOM) else 0
    lines = text[bom:].splitlines(keepends=True)
    match = _DATE_PREFIX.match(lines[0]) if lines else None
    if match is None:
        return 0
    after = match.end()
    while after < len(lines[0]) and lines[0][after].isspace():
        after += 1
    return bom + after
