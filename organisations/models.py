"""Groups the sources name (banned outfits, parties, movements), with what the sources say about them."""
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy as _

from foundations.vague_dates import DatePrecision, vague_date_display
from foundations.aliases import Alias
from foundations.publication import Publishable, PublishableQuerySet, public_condition
from foundations.reversing import cached_reverse
from figures.models import quote_link
from foundations.safe_text import CheckedTextModel
from sources.models import SourceDocument, citation_quote_clean


class OrganisationQuerySet(PublishableQuerySet):
    def with_related(self):
        return self.prefetch_related("aliases")


class Organisation(Publishable):
    """A group named in the sources. Committees and institutions that meet or act are Bodies, not Organisations."""

    class Kind(models.TextChoices):
        BANNED_OUTFIT = "banned_outfit", _("Banned outfit")
        MILITANT_GROUP = "militant_group", _("Militant or terrorist group")
        POLITICAL_PARTY = "political_party", _("Political party")
        MOVEMENT = "movement", _("Movement")
        OTHER = "other", _("Other")

    name = models.CharField(
        max_length=200,
        unique=True,
        help_text="The name as the sources give it. Do not expand an abbreviation the sources leave unexpanded.",
    )
    slug = models.SlugField(max_length=120, unique=True, help_text="Permanent part of the organisation's address.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER, help_text="What the sources call it.")
    banned = models.BooleanField(
        default=False,
        verbose_name="named as banned",
        help_text="Tick only when a cited source calls it banned or proscribed. Unticked means no source here says so.",
    )
    banned_by = models.CharField(max_length=200, blank=True, help_text="Who banned it, only if a source says.")
    banned_on = models.DateField(null=True, blank=True, help_text="When it was banned, only if a source says; first day of the month or year for vaguer dates.")
    banned_on_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    description = models.TextField(blank=True, help_text="What the sources say about it, in the archive's words.")
    decisions = models.ManyToManyField(
        "meetings.Decision",
        blank=True,
        related_name="organisations",
        help_text="Decisions that concern the organisation (e.g. an operation approved against it).",
    )
    operations = models.ManyToManyField(
        "operations.Operation",
        blank=True,
        related_name="organisations",
        help_text="Operations the sources say target or concern it.",
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(banned=True) | (Q(banned_by="") & Q(banned_on__isnull=True)),
                name="organisation_ban_details_only_if_banned",
                violation_error_message="Who banned it and when can only be given for an organisation named as banned.",
            ),
            models.CheckConstraint(
                condition=~Q(kind="banned_outfit") | Q(banned=True),
                name="organisation_banned_outfit_is_banned",
                violation_error_message="A banned outfit is named as banned.",
            ),
            models.CheckConstraint(
                condition=Q(banned_on__isnull=True, banned_on_precision=DatePrecision.UNKNOWN)
                | (Q(banned_on__isnull=False) & ~Q(banned_on_precision=DatePrecision.UNKNOWN)),
                name="organisation_banned_on_matches_precision",
                violation_error_message="Give the ban date unless its precision is “not established”, and only then leave it empty.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return cached_reverse("organisations:organisation-detail", "slug", self.slug)

    @property
    def banned_on_display(self) -> str:
        return vague_date_display(self.banned_on, self.banned_on_precision, missing=gettext("not stated"))

    def clean(self):
        errors = {}
        if not self.banned and (self.banned_by or self.banned_on):
            errors["banned"] = "Who banned it and when can only be given for an organisation named as banned."
        if self.kind == self.Kind.BANNED_OUTFIT and not self.banned:
            errors["banned"] = "A banned outfit is named as banned: tick it, citing the source that says so."
        if self.banned_on is None and self.banned_on_precision != DatePrecision.UNKNOWN:
            errors["banned_on"] = "Give the date, or set its precision to “not established”."
        if self.banned_on is not None and self.banned_on_precision == DatePrecision.UNKNOWN:
            errors["banned_on_precision"] = "A date is given: say how precise it is."
        if errors:
            raise ValidationError(errors)


class OrganisationAlias(Alias):
    class Kind(models.TextChoices):
        SPELLING = "spelling", _("Spelling or transliteration variant")
        NAME = "name", _("Other name")
        ABBREVIATION = "abbreviation", _("Abbreviation or full form")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.SPELLING)

    class Meta(Alias.Meta):
        verbose_name_plural = "organisation aliases"
        constraints = [Alias.unique_name_constraint("organisation_alias_unique_name")]


class OrganisationCitationQuerySet(models.QuerySet):
    @classmethod
    def public_condition(cls, prefix: str = "") -> models.Q:
        """Public while its organisation and its source are published."""
        return public_condition(Organisation, f"{prefix}organisation__") & public_condition(SourceDocument, f"{prefix}source__")

    def public(self):
        return self.filter(self.public_condition())


class OrganisationCitation(CheckedTextModel):
    """The exact passage of a source that names the organisation or says what it is."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey("sources.SourceDocument", on_delete=models.PROTECT, related_name="organisation_citations")
    quote = models.TextField(help_text="The passage, copied exactly from the source's text.")
    note = models.CharField(max_length=300, blank=True, help_text="What the quote establishes, if not obvious.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = OrganisationCitationQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "source_id", "id"]

    @property
    def shown_on(self):
        """Return the record readers see this citation on: its changes are corrections of that record."""
        return self.organisation if self.organisation_id is not None else None

    def __str__(self) -> str:
        excerpt = self.quote if len(self.quote) <= 80 else self.quote[:77] + "…"
        return f"“{excerpt}” ({self.source})"

    @property
    def quote_url(self) -> str:
        return quote_link(source_url=self.source.get_absolute_url(), quote=self.quote)

    def clean(self):
        self.quote = citation_quote_clean(quote=self.quote, source=self.source if self.source_id is not None else None)
