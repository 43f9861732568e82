"""Load the curated figures: the regions, measures and figures the seed articles give."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError

from figures.models import Figure, Measure
from meetings.models import DatePrecision
from foundations.publication import PublicationStatus
from operations.models import Region
from seeding.files import CURATED_DIR, curated_file_read, parse_date
from seeding.items import LoadReport, items_load, source_for_item
from editorial.services import record_save

DEFAULT_PATH = CURATED_DIR / "seed_figures.json"


def _region_get_or_create(item: dict, report: LoadReport) -> None:
    # Other curators create regions too: match an existing one by name or slug and leave it as it is.
    existing = Region.objects.filter(name__iexact=item["name"]).first() or Region.objects.filter(slug=item["slug"]).first()
    if existing is not None:
        report.present.append(f"region {existing.name}")
        return
    parent = Region.objects.filter(name__iexact=item["parent"]).first() if item.get("parent") else None
    region = Region(name=item["name"], slug=item["slug"], kind=item["kind"], parent=parent)
    region.full_clean()
    record_save(record=region, user=None)
    report.created.append(f"region {region.name}")


def _measure_get_or_create(item: dict, report: LoadReport) -> None:
    if Measure.objects.filter(slug=item["slug"]).exists():
        report.present.append(f"measure {item['slug']}")
        return
    measure = Measure(slug=item["slug"], name=item["name"], unit=item["unit"], description=item.get("description", ""))
    measure.full_clean()
    record_save(record=measure, user=None)
    report.created.append(f"measure {measure.slug}")


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
        period_start=parse_date(item.get("period_start") or None, where="period_start"),
        period_start_precision=item.get("period_start_precision", DatePrecision.UNKNOWN),
        period_end=parse_date(item.get("period_end") or None, where="period_end"),
        period_end_precision=item.get("period_end_precision", DatePrecision.UNKNOWN),
        period_note=item.get("period_note", ""),
        given_by=item.get("given_by", ""),
        source=source_for_item(reference=item["source"]),
        quote=item["quote"],
        note=item.get("note", ""),
        status=PublicationStatus.PUBLISHED,
    )
    figure.full_clean()
    record_save(record=figure, user=None)
    figure.places.set(places)
    report.created.append(f"figure {slug}")


def figures_load_curated(*, path: Path = DEFAULT_PATH) -> LoadReport:
    """Create the curated regions, measures and figures that are missing; leave every existing record as it is.

    Each item is loaded on its own, so one bad item is reported and the others still load.
    """
    steps = [
        ("regions", _region_get_or_create),
        ("measures", _measure_get_or_create),
        ("figures", _figure_create),
    ]
    return items_load(content=curated_file_read(path=path), steps=steps)
