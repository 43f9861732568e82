"""Public correction notes and recorded discrepancies between sources: the archive's editorial trail."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from foundations.publication import HISTORY_EXCLUDED_FIELDS, EditorialRecord
from foundations.safe_text import CheckedTextModel
from sources.models import CITATION_TARGETS, exactly_one_of

PUBLISH_PERMISSION = "editorial.publish_records"


class Correction(CheckedTextModel):
    """A dated, public note saying what was changed in a record after it was published."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    note = models.TextField(help_text="Shown to readers: what was corrected and why, in a sentence or two.")
    made_at = models.DateTimeField(default=timezone.now, db_index=True, help_text="When the correction was published.")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The editor who made it (not shown to readers).",
    )

    class Meta:
        ordering = ["-made_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        # One permission for the whole archive: who may publish, withdraw and correct published records.
        permissions = [("publish_records", "Can publish, withdraw and correct records")]

    def __str__(self) -> str:
        return f"Correction of {self.made_at:%d %B %Y}: {self.note[:60]}"


class Discrepancy(EditorialRecord):
    """Where sources disagree about one fact: recorded once, linked to the conflicting quotes, shown to readers."""

    class Resolution(models.TextChoices):
        OPEN = "open", "Open: the sources disagree and the archive has not settled it"
        RESOLVED = "resolved", "Resolved: the editors have settled it (see the resolution)"

    slug = models.SlugField(max_length=120, unique=True, help_text="Permanent key, used by the curated loader.")
    title = models.CharField(max_length=200, help_text="What the sources disagree about, e.g. “Which security situation was assessed”.")
    description = models.TextField(help_text="Shown to readers: what each source says, quoting them.")
    resolution = models.CharField(max_length=10, choices=Resolution.choices, default=Resolution.OPEN)
    resolution_note = models.TextField(blank=True, help_text="Shown to readers: how it was settled, or what the archive records meanwhile.")
    meeting = models.ForeignKey("meetings.Meeting", null=True, blank=True, on_delete=models.CASCADE, related_name="discrepancies")
    attendee = models.ForeignKey("meetings.Attendee", null=True, blank=True, on_delete=models.CASCADE, related_name="discrepancies")
    decision = models.ForeignKey("meetings.Decision", null=True, blank=True, on_delete=models.CASCADE, related_name="discrepancies")
    operation = models.ForeignKey("operations.Operation", null=True, blank=True, on_delete=models.CASCADE, related_name="discrepancies")
    citations = models.ManyToManyField(
        "sources.Citation",
        related_name="discrepancies",
        help_text="The conflicting quotes: at least two, from the sources that disagree.",
    )
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED_FIELDS)

    class Meta:
        ordering = ["title", "id"]
        verbose_name_plural = "discrepancies"
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of(CITATION_TARGETS),
                name="discrepancy_concerns_exactly_one_fact",
                violation_error_message="A discrepancy concerns exactly one fact: a meeting, an attendee, a decision or an operation.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def fact(self):
        for field in CITATION_TARGETS:
            value = getattr(self, field)
            if value is not None:
                return value
        return None

    @property
    def is_open(self) -> bool:
        return self.resolution == self.Resolution.OPEN

    def clean(self):
        if sum(getattr(self, f"{field}_id") is not None for field in CITATION_TARGETS) != 1:
            raise ValidationError("Say which fact the sources disagree about: one meeting, attendee, decision or operation.")


class ChangeQuerySet(models.QuerySet):
    def after(self, position: int):
        return self.filter(pk__gt=position)


class Change(CheckedTextModel):
    """One public change, as the changes feed (/api/v1/changes/) lists it: written by editorial.services alone.

    Its id is the feed's position. editorial.change_log takes a lock before writing entries (see there), so
    ids are handed out in commit order and a reader who has seen id n never later sees an id below n.
    """

    class Action(models.TextChoices):
        CREATED = "created", "Entered public view"
        UPDATED = "updated", "Changed"
        CORRECTED = "corrected", "Corrected, with a public note"
        RELATED = "related_changed", "Changed through a record it embeds or depends on"
        WITHDRAWN = "withdrawn", "Left public view (kept)"
        DELETED = "deleted", "Deleted"

    id = models.BigAutoField(primary_key=True)
    resource = models.CharField(max_length=30, help_text="The API resource the record belongs to (meeting, person...).")
    record_id = models.BigIntegerField(help_text="The record's permanent id.")
    action = models.CharField(max_length=20, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now, help_text="When the change was made.")
    note = models.TextField(blank=True, help_text="The public correction note, for a correction.")
    cause_resource = models.CharField(max_length=30, blank=True, help_text="For a related change: the resource that changed.")
    cause_id = models.BigIntegerField(null=True, blank=True, help_text="For a related change: the record that changed.")

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.resource} {self.record_id} {self.action}"


class FormerSlug(CheckedTextModel):
    """A slug a record had before its current one: old addresses redirect (301) to the record and still filter.

    Written by editorial.services.record_save when a record's slug changes. A slug belongs to one record
    of a kind at a time: a record that takes a slug takes it over from any record that had it before.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    # Unicode: a source's slug may hold Urdu words (sources.SourceDocument.slug).
    slug = models.SlugField(max_length=200, allow_unicode=True, help_text="The slug the record was known by.")
    replaced_at = models.DateTimeField(default=timezone.now, help_text="When the record stopped using it.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type", "slug"], name="former_slug_once_per_kind")]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.slug
