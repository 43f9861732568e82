"""Publication status shared by every public-facing record: only published records are public.

Curated records (sources, meetings and their parts, operations, bodies, people, offices) are
`EditorialRecord`s and go through the editorial workflow: draft → in review → published, and
withdrawn (out of public view, kept for the record). "Corrected" is not a status: a published record
with public correction notes (editorial.Correction) is a corrected one, so `.published()` stays the
single way to get public records. The transitions live in editorial.services.
"""
from django.conf import settings
from django.db import models

from foundations.safe_text import CheckedTextModel


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Records outside the editorial workflow (figures, organisations) only have these two.
BASIC_STATUS_CHOICES = [
    (PublicationStatus.DRAFT.value, PublicationStatus.DRAFT.label),
    (PublicationStatus.PUBLISHED.value, PublicationStatus.PUBLISHED.label),
]


class PublishableQuerySet(models.QuerySet):
    """Querysets of records with a publication status. `public()` is the one rule for what readers see."""

    @classmethod
    def public_condition(cls, prefix: str = "") -> models.Q:
        """Return the condition for a record (reached through `prefix`, e.g. "meeting__") to be public.

        A kind whose records depend on others (a meeting's parts, a citation) states that here, and
        every surface (pages, search, feeds, API, exports, counts) uses it through `public()`.
        """
        return models.Q(**{f"{prefix}status": PublicationStatus.PUBLISHED})

    def public(self):
        """Return the records a reader may see."""
        return self.filter(self.public_condition())

    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def drafts(self):
        return self.filter(status=PublicationStatus.DRAFT)

    def in_review(self):
        return self.filter(status=PublicationStatus.IN_REVIEW)

    def withdrawn(self):
        return self.filter(status=PublicationStatus.WITHDRAWN)


def public_condition(model: type[models.Model], prefix: str = "") -> models.Q:
    """Return the condition for a linked record of `model`, reached through `prefix`, to be public."""
    return model._default_manager.get_queryset().public_condition(prefix)


class EveryRecordPublicQuerySet(models.QuerySet):
    """Records with no status of their own (regions): every one is public."""

    @classmethod
    def public_condition(cls, prefix: str = "") -> models.Q:
        return models.Q()

    def public(self):
        return self.all()


class Publishable(CheckedTextModel):
    """A record with a publication status and the timestamps consumers sync on."""

    status = models.CharField(
        max_length=20,
        choices=BASIC_STATUS_CHOICES,
        default=PublicationStatus.DRAFT,
        db_index=True,
        help_text="Only published records appear on the public site and API.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED


# Fields the revision history leaves out: the search vector is derived, updated_at repeats the
# history's own date, and version only counts saves (keeping it out also lets a revert start
# from the record's current version rather than the old one).
HISTORY_EXCLUDED_FIELDS = ["search_vector", "updated_at", "version"]


class EditorialRecord(Publishable):
    """A curated record under the editorial workflow, with its authors, reviewer and edit version."""

    status = models.CharField(
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
        help_text="Draft → in review → published; withdrawn records leave public view but are kept. "
        "Only editors with the publish permission publish or withdraw.",
    )
    version = models.PositiveIntegerField(
        default=1,
        help_text="Goes up by one at every editorial save; a save made from an older copy is refused.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="The editor who created the record (its author); empty for records loaded by a command.",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="The editor with the publish permission who last published it (its reviewer).",
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When it was first published.",
    )

    class Meta:
        abstract = True

    @property
    def is_withdrawn(self) -> bool:
        return self.status == PublicationStatus.WITHDRAWN


def with_public_links(queryset: models.QuerySet, *paths: str, preview: bool = False) -> models.QuerySet:
    """Load these forward links (`parent`, `launch_meeting__body`), each None where its record is not public.

    For a preview every linked record is loaded (as select_related does). Otherwise each link is
    prefetched through its model's `public()`, so a linked draft, withdrawn record or one whose own
    links make it non-public is absent (None) on every surface that reads the link, one query a link.
    """
    if preview:
        return queryset.select_related(*paths)
    following: dict[str, list[str]] = {}
    for path in paths:
        first, _, rest = path.partition("__")
        following.setdefault(first, [])
        if rest:
            following[first].append(rest)
    lookups = []
    for name, rests in following.items():
        related_model = queryset.model._meta.get_field(name).related_model
        linked = with_public_links(related_model._default_manager.public(), *rests)
        lookups.append(models.Prefetch(name, queryset=linked))
    return queryset.prefetch_related(*lookups)
