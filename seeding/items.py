"""Load a curated file item by item: one bad item is reported by name and the others still load."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from seeding.files import CuratedDataError, validation_error_text
from sources.models import SourceDocument


@dataclass
class LoadReport:
    """What a load did, item by item, so a command can print it and fail on any problem."""

    created: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


ItemLoader = Callable[[dict, LoadReport], None]


def items_load(*, content: dict, steps: list[tuple[str, ItemLoader]]) -> LoadReport:
    """Load the items under each key of `content` with its loader, each in its own transaction; return the report."""
    report = LoadReport()
    for key, load_one in steps:
        for position, item in enumerate(content.get(key, []), start=1):
            label = f"{key} #{position} ({item.get('slug') or item.get('name') or '?'})" if isinstance(item, dict) else f"{key} #{position}"
            try:
                with transaction.atomic():
                    load_one(item, report)
            except ValidationError as error:
                report.failed.append(f"{label}: {validation_error_text(error)}")
            except CuratedDataError as error:
                report.failed.append(f"{label}: {error}")
            except (KeyError, TypeError, ValueError) as error:
                report.failed.append(f"{label}: malformed item ({error!r})")
    return report


def source_for_item(*, reference: dict) -> SourceDocument:
    """Return the imported source a curated item cites, found by the SHA-256 of its text."""
    sha256 = reference.get("sha256", "")
    source = SourceDocument.objects.filter(sha256=sha256).first()
    if source is None:
        name = reference.get("file") or sha256[:12]
        raise ValidationError(f"its source {name} is not in the archive: run `manage.py import_sources seeds/` first")
    return source
