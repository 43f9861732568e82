from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from simple_history.models import HistoricalRecords

from foundations.aliases import Alias, normalize_name
from foundations.publication import HISTORY_EXCLUDED_FIELDS, EditorialRecord, EveryRecordPublicQuerySet, PublishableQuerySet
from foundations.reversing import cached_reverse
from foundations.safe_text import CheckedTextModel
from foundations.search_index import search_vector_field


class Region(CheckedTextModel):
    """A place an operation covers or a figure describes: the country, a province, a district."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        PROVINCE = "province", _("Province")
        TERRITORY = "territory", _("Territory")
        DISTRICT = "district", _("District")
        AREA = "area", _("Area")

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    history = HistoricalRecords()

    objects = EveryRecordPublicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OperationQuerySet(PublishableQuerySet):
    def named(self, name: str):
        """Return the operations whose name or an alias is this name, however it is spelled or cased."""
        wanted = normalize_name(name)
        ids = [
            operation_id
            for operation_id, candidate in [
                *self.values_list("id", "name"),
                *OperationAlias.objects.filter(operation__in=self).values_list("operation_id", "name"),
            ]
            if normalize_name(candidate) == wanted
        ]
        return self.filter(id__in=ids)


class Operation(EditorialRecord):
    """A named counter-terrorism operation, campaign or vision (Azm-e-Istehkam, Zarb-e-Azb...)."""

    class Kind(models.TextChoices):
        MILITARY_OPERATION = "military_operation", _("Military operation")
        NATIONAL_CAMPAIGN = "national_campaign", _("National campaign")
        VISION = "vision", _("Vision or strategy")
        POLICY = "policy", _("Policy or plan")

    class Status(models.TextChoices):
        UNKNOWN = "unknown", _("Not stated by the sources")
        # Context: the decision action "Approved" is a verb in Urdu, this status an adjective.
        APPROVED = "approved", pgettext_lazy("operation status", "Approved")
        ONGOING = "ongoing", _("Ongoing")
        CONCLUDED = "concluded", _("Concluded")

    name = models.CharField(max_length=200, unique=True, help_text="The archive's preferred spelling.")
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    kind_note = models.TextField(blank=True, help_text="Public note where sources describe its kind differently.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The wider campaign or vision this one is part of.",
    )
    launch_meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="launched_operations",
        help_text="The meeting that launched or approved it; its date is the launch date.",
    )
    regions = models.ManyToManyField(Region, blank=True, related_name="operations")
    operation_status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.UNKNOWN,
        verbose_name="operation status",
        help_text="Where the operation stands, as the sources last report it.",
    )
    summary = models.TextField(blank=True)
    search_vector = search_vector_field()
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED_FIELDS)

    objects = OperationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return cached_reverse("operations:operation-detail", "slug", self.slug)


class OperationAlias(Alias):
    class Kind(models.TextChoices):
        SPELLING = "spelling", _("Spelling or transliteration variant")
        NAME = "name", _("Other name")
        ABBREVIATION = "abbreviation", _("Abbreviation")

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="aliases")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.SPELLING)
    history = HistoricalRecords()

    class Meta(Alias.Meta):
        verbose_name_plural = "operation aliases"
        constraints = [Alias.unique_name_constraint("operation_alias_unique_name")]
