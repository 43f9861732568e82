"""
Bring records up to date by natural key, through the owning apps' writes, and tally what happened.

A record is found by its natural key (a slug, a parent and an order, ...) and created if missing; one that
already matches is not saved at all, so its updated_at (which API consumers sync on) does not move.
Nothing is ever deleted: records editors add in the admin stay.

Records under the editorial workflow are saved through editorial.services.record_save (the version goes
up, so an editor's stale copy is refused, and the history says why) and published through
record_publish once their citations are in place; a record the editors have withdrawn stays withdrawn.
Once an editor has changed a record in any way (its history holds a change by a user), the file no
longer overrides it: it is left as the editors made it and counted as "kept".
"""
from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from django.core.exceptions import ValidationError
from django.db import models

from editorial import services as editorial
from foundations.publication import EditorialRecord, PublicationStatus
from seeding.files import CuratedDataError, validation_error_text

CREATED, UPDATED, UNCHANGED, KEPT, PUBLISHED = "created", "updated", "unchanged", "kept", "published"


def edited_by_editors(instance: models.Model) -> bool:
    """Return True if a person (not a loader) has changed the record: then it is the editors', not the file's."""
    history = getattr(instance, "history", None)
    return history is not None and history.filter(history_user__isnull=False).exists()


def record_write(instance: models.Model, *, change_reason: str) -> None:
    """Save through the editorial workflow where the record is under it, saying why in the history."""
    if isinstance(instance, EditorialRecord):
        # No expected version: the loader has just read the record inside its transaction.
        editorial.record_save(record=instance, user=None, change_reason=change_reason)
    else:
        instance._change_reason = change_reason
        instance.save()


def record_validate(instance: models.Model, *, where: str) -> None:
    """Run full_clean(); raise CuratedDataError naming the record if it is invalid."""
    try:
        instance.full_clean()
    except ValidationError as error:
        raise CuratedDataError(f"{where}: {validation_error_text(error)}") from None


class RecordSync:
    """One load: syncs records by natural key, remembers what it saw, publishes at the end and tallies it all."""

    def __init__(self, *, models_in_order: list[type[models.Model]], change_reason: str, stdout: TextIO | None = None):
        self.change_reason = change_reason
        self.stdout = stdout
        self.counts: dict[str, Counter] = {model.__name__: Counter() for model in models_in_order}
        self.seen: set[tuple[type, int]] = set()
        # Every workflow record the file names, in load order: published at the end, once cited.
        self.to_publish: list[EditorialRecord] = []

    # -- output ---------------------------------------------------------------------------------------------

    def write(self, line: str) -> None:
        if self.stdout is not None:
            self.stdout.write(line + "\n")

    def totals(self) -> Counter:
        """Return how many records were created, updated, unchanged, kept and published, all models together."""
        return sum(self.counts.values(), Counter())

    def write_summary(self, *, title: str) -> None:
        self.write(title)
        self.write(f"  {'':<20}{'created':>8}{'updated':>8}{'unchanged':>10}{'kept':>6}{'published':>10}")
        for name, counts in self.counts.items():
            self.write(
                f"  {name:<20}{counts[CREATED]:>8}{counts[UPDATED]:>8}{counts[UNCHANGED]:>10}{counts[KEPT]:>6}{counts[PUBLISHED]:>10}"
            )
        totals = self.totals()
        if totals[KEPT]:
            self.write(f"{totals[KEPT]} record(s) changed by editors were kept as they made them.")
        if totals[CREATED] == totals[UPDATED] == totals[PUBLISHED] == 0:
            self.write("Nothing changed: the database already matches the curated file.")
        else:
            self.write(f"{totals[CREATED]} record(s) created, {totals[UPDATED]} updated, {totals[PUBLISHED]} published.")

    # -- records --------------------------------------------------------------------------------------------

    def find(self, model: type[models.Model], slug: str | None, *, where: str) -> models.Model | None:
        """Return the record with this slug (one loaded earlier in this file, or one already in the archive)."""
        if slug is None:
            return None
        instance = model._default_manager.filter(slug=slug).first()
        if instance is None:
            raise CuratedDataError(f"{where}: no {model._meta.verbose_name} with slug {slug!r}")
        return instance

    def sync(
        self,
        model: type[models.Model],
        *,
        lookup: dict[str, Any],
        values: dict[str, Any],
        where: str,
        many: dict[str, list[models.Model]] | None = None,
    ) -> tuple[models.Model, str]:
        """Create the record the natural key `lookup` names, or bring it up to date; return it and what happened."""
        instance = model._default_manager.filter(**lookup).first()
        if instance is None:
            fields = {key: value for key, value in lookup.items() if "__" not in key}
            instance = model(**fields, **values)
            outcome = CREATED
        elif edited_by_editors(instance):
            outcome = KEPT
        else:
            outcome = UPDATED if self.update_fields(instance, values) else UNCHANGED
        if outcome != UNCHANGED:
            record_validate(instance, where=where)
            record_write(instance, change_reason=self.change_reason)
        key = (model, instance.pk)
        if key in self.seen:
            raise CuratedDataError(f"{where}: this {model._meta.verbose_name} appears twice in the file")
        self.seen.add(key)
        if outcome == KEPT:
            self.counts[model.__name__][KEPT] += 1
            return instance, outcome
        for name, related in (many or {}).items():
            manager = getattr(instance, name)
            if set(manager.values_list("pk", flat=True)) != {item.pk for item in related}:
                manager.set(related)
                if outcome == UNCHANGED:
                    outcome = UPDATED
        self.counts[model.__name__][outcome] += 1
        if isinstance(instance, EditorialRecord):
            self.to_publish.append(instance)
        return instance, outcome

    def update(
        self, instance: models.Model, *, values: dict[str, Any], where: str, change_reason: str = "", publish: bool = True
    ) -> str:
        """Bring an existing record up to date (and publish it at the end, unless told not to); return what happened."""
        if edited_by_editors(instance):
            self.counts[type(instance).__name__][KEPT] += 1
            return KEPT
        if publish:
            self.to_publish.append(instance)
        if not self.update_fields(instance, values):
            self.counts[type(instance).__name__][UNCHANGED] += 1
            return UNCHANGED
        record_validate(instance, where=where)
        record_write(instance, change_reason=change_reason or self.change_reason)
        self.counts[type(instance).__name__][UPDATED] += 1
        return UPDATED

    @staticmethod
    def update_fields(instance: models.Model, values: dict[str, Any]) -> bool:
        """Set the values that differ; return True if any did."""
        changed = False
        for name, value in values.items():
            field = instance._meta.get_field(name)
            if field.is_relation:
                current = getattr(instance, field.attname)
                wanted = value.pk if value is not None else None
            else:
                current = getattr(instance, name)
                wanted = value
            if current != wanted:
                setattr(instance, name, value)
                changed = True
        return changed

    def publish(self) -> None:
        """Publish, through the editorial workflow, every record named since the last publish that is a draft or in review."""
        to_publish, self.to_publish = self.to_publish, []
        for record in to_publish:
            record.refresh_from_db()  # publishing a meeting publishes its parts too: see what is left
            if record.status == PublicationStatus.WITHDRAWN:
                self.write(f"{record._meta.verbose_name} “{record}”: withdrawn by the editors, left withdrawn")
                continue
            if record.status == PublicationStatus.PUBLISHED:
                continue
            try:
                published = editorial.record_publish(record=record, user=None)
            except editorial.WorkflowError as error:
                raise CuratedDataError(f"{record._meta.verbose_name} “{record}”: {error}") from None
            for item in published:
                self.counts[type(item).__name__][PUBLISHED] += 1
