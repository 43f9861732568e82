"""Load the curated figures: the regions, measures and figures the seed articles give."""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from figures.models import Figure, Measure
from meetings.models import DatePrecision
from foundations.publication import PublicationStatus
from operations.models import Region
from sources.models import SourceDocument

DEFAULT_CURATED_FIGURES = Path(__file__).resolve().parent / "curated" / "seed_figures.json"


class CuratedFileError(Exception):
    """The curated file cannot be read at all: nothing in it can be loaded."""


@dataclass
class LoadReport:
    """What a load did, item by item, so a command can print it and fail on any problem."""

    created: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def curated_file_read(*, path: Path) -> dict:
    """Return the parsed curated file; raise CuratedFileError naming the file if it is unreadable."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CuratedFileError(f"{path}: cannot be read as curated JSON ({error})") from error


def source_for_curated_item(*, reference: dict) -> SourceDocument:
    """Return the imported source a curated item cites, found by the SHA-256 of its text."""
    sha256 = reference.get("sha256", "")
    source = SourceDocument.objects.filter(sha256=sha256).first()
    if source is None:
        name = reference.get("file") or sha256[:12]
        raise ValidationError(f"its source {name} is not in the archive: run `manage.py import_sources seeds/` first")
    return source


def validation_error_text(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def _region_get_or_create(item: dict, report: LoadReport) -> None:
    # Other curators create regions too: match an existing one by name or slug and leave it as it is.
    existing = Region.objects.filter(name__iexact=item["name"]).first() or Region.objects.filter(slug=item["slug"]).first()
    if existing is not None:
        report.present.append(f"region {existing.name}")
        return
    parent = Region.objects.filter(name__iexact=item["parent"]).first() if item.get("parent") else None
    region = Region(name=item["name"], slug=item["slug"], kind=item["kind"], parent=parent)
    region.full_clean()
    region.save()
    report.created.append(f"region {region.name}")


def _measure_get_or_create(item: dict, report: LoadReport) -> None:
    if Measure.objects.filter(slug=item["slug"]).exists():
        report.present.append(f"measure {item['slug']}")
        return
    measure = Measure(slug=item["slug"], name=item["name"], unit=item["unit"], description=item.get("description", ""))
    measure.full_clean()
    measure.save()
    report.created.append(f"measure {measure.slug}")


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _figure_create(item: dict, report: LoadReport) -> None:
    slug = item["slug"]
    if Figure.objects.filter(slug=slug).exists():
        report.present.append(f"figure {slug}")
        return
    measure = Measure.objects.filter(slug=item["measure"]).first()
    if measure is None:
        raise ValidationError(f"its measure {item['measure']} is not in the file's measures")
    places = []
    for name in item.get("places", []):
        region = Region.objects.filter(name__iexact=name).first()
        if region is None:
            raise ValidationError(f"its place {name} is not a region")
        places.append(region)
    try:
        value = Decimal(item["value"])
    except (InvalidOperation, TypeError) as error:
        raise ValidationError(f"its value {item.get('value')!r} is not a number") from error
    figure = Figure(
        slug=slug,
        measure=measure,
        value=value,
        qualifier=item.get("qualifier", "exact"),
        unit=item["unit"],
        place_note=item.get("place_note", ""),
        period_text=item.get("period_text", ""),
        period_start=_date(item.get("period_start")),
        period_start_precision=item.get("period_start_precision", DatePrecision.UNKNOWN),
        period_end=_date(item.get("period_end")),
        period_end_precision=item.get("period_end_precision", DatePrecision.UNKNOWN),
        period_note=item.get("period_note", ""),
        given_by=item.get("given_by", ""),
        source=source_for_curated_item(reference=item["source"]),
        quote=item["quote"],
        note=item.get("note", ""),
        status=PublicationStatus.PUBLISHED,
    )
    figure.full_clean()
    figure.save()
    figure.places.set(places)
    report.created.append(f"figure {slug}")


def figures_load_curated(*, path: Path = DEFAULT_CURATED_FIGURES) -> LoadReport:
    """Create the curated regions, measures and figures that are missing; leave every existing record as it is.

    Each item is loaded on its own, so one bad item is reported and the others still load.
    """
    content = curated_file_read(path=path)
    report = LoadReport()
    steps = [
        ("regions", _region_get_or_create),
        ("measures", _measure_get_or_create),
        ("figures", _figure_create),
    ]
    for key, load_one in steps:
        for position, item in enumerate(content.get(key, []), start=1):
            label = f"{key} #{position} ({item.get('slug') or item.get('name') or '?'})" if isinstance(item, dict) else f"{key} #{position}"
            try:
                with transaction.atomic():
                    load_one(item, report)
            except ValidationError as error:
                report.failed.append(f"{label}: {validation_error_text(error)}")
            except (KeyError, TypeError, ValueError) as error:
                report.failed.append(f"{label}: malformed item ({error!r})")
    return report
