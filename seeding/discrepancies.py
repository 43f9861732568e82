"""
Load the curated discrepancies between the seed reports, and the official statement each source carries.

The file (seeding/curated/discrepancies.json) names facts by natural keys (meeting slug, a decision's
order within its meeting, operation slug) and citations by source file name and exact quote, all of
which the curated seed archive (seeding/archive.py) loads first. Records are synced as seeding.records
says: loading again changes nothing that already matches, a record that differs is brought up to date
through editorial.services, so its history records the change.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from django.db import transaction

from editorial.models import Discrepancy
from meetings.models import Decision, Meeting
from operations.models import Operation
from seeding.files import CURATED_DIR, CuratedDataError, curated_file_read
from seeding.records import RecordSync
from sources.models import Citation, SourceDocument

DEFAULT_PATH = CURATED_DIR / "discrepancies.json"

CHANGE_REASON = "Curated discrepancies"
ORIGIN_CHANGE_REASON = "Curated origin: the statement it carries"


def curated_discrepancies_load(*, path: str | Path = DEFAULT_PATH) -> Counter:
    """Load the file and return how many records were created, updated or unchanged; write nothing if any is wrong."""
    content = curated_file_read(path=path)
    loader = RecordSync(models_in_order=[SourceDocument, Discrepancy], change_reason=CHANGE_REASON)
    with transaction.atomic():
        for filename, origin in content.get("source_origins", {}).items():
            source = SourceDocument.objects.filter(original_filename=filename).first()
            if source is None:
                raise CuratedDataError(f"source_origins: {filename} has not been imported.")
            loader.update(
                source, values={"origin": origin}, where=f"source {filename}", change_reason=ORIGIN_CHANGE_REASON, publish=False
            )
        for item in content.get("discrepancies", []):
            _discrepancy_load(loader, item)
            loader.publish()
    return loader.totals()


def _discrepancy_load(loader: RecordSync, item: dict) -> None:
    slug = item.get("slug") or "(no slug)"
    kind, fact = _fact(item.get("fact") or {}, slug)
    values = {
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
    citations = _citations(item.get("citations") or [], slug)
    loader.sync(Discrepancy, lookup={"slug": slug}, values=values, many={"citations": citations}, where=slug)


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
        raise CuratedDataError(f"{slug}: the fact {spec} is not in the archive (load the curated archive first).")
    raise CuratedDataError(f"{slug}: say which meeting, decision or operation it concerns.")


def _citations(specs: list[dict], slug: str) -> list[Citation]:
    found = []
    for spec in specs:
        citation = Citation.objects.filter(source__original_filename=spec.get("source"), quote=spec.get("quote", "").strip()).first()
        if citation is None:
            raise CuratedDataError(f"{slug}: no citation of {spec.get('source')} quotes “{spec.get('quote')}”.")
        found.append(citation)
    if len(found) < 2:
        raise CuratedDataError(f"{slug}: link at least two conflicting citations.")
    return found
