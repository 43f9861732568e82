"""
Load the curated discrepancies between the seed reports, and the official statement each source carries.

The file (editorial/curated/discrepancies.json) names facts by natural keys (meeting slug, a
decision's order within its meeting, operation slug) and citations by source file name and exact
quote, all of which the curated seed archive (meetings/curated_archive.py) loads first. Loading again
changes nothing that already matches; a record that differs is brought up to date through
editorial.services, so its history records the change.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from editorial import services
from editorial.models import Discrepancy
from meetings.models import Decision, Meeting
from foundations.publication import PublicationStatus
from operations.models import Operation
from sources.models import Citation, SourceDocument

DEFAULT_PATH = Path(__file__).resolve().parent / "curated" / "discrepancies.json"


class CuratedDiscrepanciesError(Exception):
    """The file cannot be loaded; the message names the record and says why."""


def _fact(spec: dict, slug: str):
    try:
        if "meeting" in spec:
            return "meeting", Meeting.objects.get(slug=spec["meeting"])
        if "decision" in spec:
            key = spec["decision"]
            return "decision", Decision.objects.get(meeting__slug=key["meeting"], order=key["order"])
        if "operation" in spec:
            return "operation", Operation.objects.get(slug=spec["operation"])
    except (Meeting.DoesNotExist, Decision.DoesNotExist, Operation.DoesNotExist, KeyError, TypeError):
        raise CuratedDiscrepanciesError(f"{slug}: the fact {spec} is not in the archive (load the curated archive first).")
    raise CuratedDiscrepanciesError(f"{slug}: say which meeting, decision or operation it concerns.")


def _citations(specs: list[dict], slug: str) -> list[Citation]:
    found = []
    for spec in specs:
        citation = Citation.objects.filter(source__original_filename=spec.get("source"), quote=spec.get("quote", "").strip()).first()
        if citation is None:
            raise CuratedDiscrepanciesError(f"{slug}: no citation of {spec.get('source')} quotes “{spec.get('quote')}”.")
        found.append(citation)
    if len(found) < 2:
        raise CuratedDiscrepanciesError(f"{slug}: link at least two conflicting citations.")
    return found


def curated_discrepancies_load(*, path: str | Path = DEFAULT_PATH) -> Counter:
    """Load the file and return how many records were created, updated or unchanged; write nothing if any is wrong."""
    try:
        content = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CuratedDiscrepanciesError(f"{path}: {error}")
    counts: Counter = Counter()
    with transaction.atomic():
        for filename, origin in content.get("source_origins", {}).items():
            source = SourceDocument.objects.filter(original_filename=filename).first()
            if source is None:
                raise CuratedDiscrepanciesError(f"source_origins: {filename} has not been imported.")
            if source.origin == origin:
                counts["unchanged"] += 1
                continue
            source.origin = origin
            services.record_save(record=source, user=None, change_reason="Curated origin: the statement it carries")
            counts["updated"] += 1
        for item in content.get("discrepancies", []):
            counts[_load_discrepancy(item)] += 1
    return counts


def _load_discrepancy(item: dict) -> str:
    slug = item.get("slug") or "(no slug)"
    kind, fact = _fact(item.get("fact") or {}, slug)
    citations = _citations(item.get("citations") or [], slug)
    fields = {
        "title": item.get("title", ""),
        "description": item.get("description", ""),
        "resolution": item.get("resolution", Discrepancy.Resolution.OPEN),
        "resolution_note": item.get("resolution_note", ""),
        "meeting": None,
        "attendee": None,
        "decision": None,
        "operation": None,
        kind: fact,
    }
    discrepancy = Discrepancy.objects.filter(slug=slug).first()
    outcome = "unchanged"
    if discrepancy is None:
        discrepancy, outcome = Discrepancy(slug=slug), "created"
    elif any(getattr(discrepancy, name) != value for name, value in fields.items()):
        outcome = "updated"
    for name, value in fields.items():
        setattr(discrepancy, name, value)
    try:
        discrepancy.full_clean()
    except ValidationError as error:
        raise CuratedDiscrepanciesError(f"{slug}: {'; '.join(error.messages)}")
    if outcome != "unchanged":
        services.record_save(record=discrepancy, user=None, change_reason="Curated discrepancies")
    if set(discrepancy.citations.all()) != set(citations):
        discrepancy.citations.set(citations)
        outcome = "updated" if outcome == "unchanged" else outcome
    if discrepancy.status != PublicationStatus.PUBLISHED:
        services.record_publish(record=discrepancy, user=None)
    return outcome
