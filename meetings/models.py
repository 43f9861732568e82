from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from foundations.aliases import Alias
from simple_history.models import HistoricalRecords

from foundations.publication import HISTORY_EXCLUDED_FIELDS, EditorialRecord, PublicationStatus, PublishableQuerySet, public_condition
from foundations.reversing import cached_reverse
from foundations.safe_text import CheckedTextModel
from foundations.search_index import search_vector_field
from foundations.vague_dates import DatePrecision, Weekday, vague_date_display


class Body(EditorialRecord):
    """A committee or institution that meets or acts (Popolo: Organization)."""

    class Kind(models.TextChoices):
        FEDERAL_APEX_COMMITTEE = "federal_apex_committee", _("Federal (central) apex committee")
        PROVINCIAL_APEX_COMMITTEE = "provincial_apex_committee", _("Provincial apex committee")
        NATIONAL_COMMITTEE = "national_committee", _("National committee")
        DISTRICT_COMMITTEE = "district_committee", _("District committee")
        AUTHORITY = "authority", _("Authority or agency")
        GOVERNMENT = "government", _("Government or ministry")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=200, unique=True, help_text="The body's full, current name.")
    short_name = models.CharField(max_length=60, blank=True, help_text="Abbreviation or short form, e.g. NACTA.")
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=40, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", help_text="The body this one sits under, if any.")
    description = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED_FIELDS)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name


class BodyAlias(Alias):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="aliases")
    history = HistoricalRecords()

    class Meta(Alias.Meta):
        verbose_name_plural = "body aliases"
        constraints = [Alias.unique_name_constraint("body_alias_unique_name")]


class Person(EditorialRecord):
    """One real person, whatever offices they held: a person at many meetings is one record."""

    name = models.CharField(max_length=200, help_text="The name most sources use, e.g. Shehbaz Sharif.")
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    search_vector = search_vector_field()
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED_FIELDS)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name


class PersonAlias(Alias):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    history = HistoricalRecords()

    class Meta(Alias.Meta):
        verbose_name_plural = "person aliases"
        constraints = [Alias.unique_name_constraint("person_alias_unique_name")]


class Office(EditorialRecord):
    """A post that someone holds (Popolo: Post), such as Prime Minister or Chief Minister of Punjab."""

    title = models.CharField(max_length=200, unique=True, help_text="E.g. Prime Minister, Chief of Army Staff, DG ISI.")
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED_FIELDS)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class MeetingQuerySet(PublishableQuerySet):
    @classmethod
    def public_condition(cls, prefix: str = "") -> Q:
        """Published, and held by a public body: a meeting names its body on every surface."""
        return Q(**{f"{prefix}status": PublicationStatus.PUBLISHED}) & public_condition(Body, f"{prefix}body__")


class Meeting(EditorialRecord):
    """One sitting of a body, with its date only as precise as the sources make it."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=160, unique=True)
    date = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text="For month precision, the first of the month; for year precision, 1 January. Empty when unknown.",
    )
    date_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY)
    weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices,
        null=True,
        blank=True,
        help_text="The weekday a source gives (“on Tuesday”) when the date itself is not established.",
    )
    date_note = models.TextField(blank=True, help_text="How the date was established, or why it could not be.")
    place = models.CharField(max_length=200, blank=True, help_text="City or venue; blank if the sources do not say.")
    summary = models.TextField(blank=True)
    search_vector = search_vector_field()
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED_FIELDS)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "title"]
        indexes = [
            models.Index(fields=["status", "date"]),
            # Counting public meetings joins their bodies (a meeting of a non-public body is not public):
            # with body_id in the index the count stays an index-only scan (12 -> 6 ms at 20,000 meetings).
            models.Index(fields=["status", "body"], name="meeting_status_body"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date__isnull=True, date_precision=DatePrecision.UNKNOWN)
                | (Q(date__isnull=False) & ~Q(date_precision=DatePrecision.UNKNOWN)),
                name="meeting_date_matches_precision",
                violation_error_message="Give a date unless its precision is “not established”, and only then leave it empty.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date_display})"

    def get_absolute_url(self) -> str:
        return cached_reverse("meetings:meeting-detail", "slug", self.slug)

    @property
    def date_display(self) -> str:
        return vague_date_display(self.date, self.date_precision, weekday=self.weekday)

    def clean(self):
        errors = {}
        if self.date is not None and self.date_precision == DatePrecision.MONTH and self.date.day != 1:
            errors["date"] = "With month precision, give the first of the month."
        if self.date is not None and self.date_precision == DatePrecision.YEAR and (self.date.month, self.date.day) != (1, 1):
            errors["date"] = "With year precision, give 1 January of the year."
        if (
            self.date is not None
            and self.date_precision == DatePrecision.DAY
            and self.weekday is not None
            and self.date.weekday() != self.weekday
        ):
            errors["weekday"] = f"{self.date:%d %B %Y} was a {self.date:%A}, not a {Weekday(self.weekday).label}."
        if self.date is None and self.date_precision != DatePrecision.UNKNOWN:
            errors["date"] = "Give the date, or set the precision to “not established”."
        if self.date is not None and self.date_precision == DatePrecision.UNKNOWN:
            errors["date_precision"] = "A date is given: say how precise it is."
        if errors:
            raise ValidationError(errors)

    @property
    def chairs(self):
        return [attendee for attendee in self.attendees.all() if attendee.role == Attendee.Role.CHAIR]


class MeetingAgendaItem(CheckedTextModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    topic = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "id"]

    def __str__(self) -> str:
        return self.topic


class AttendeeQuerySet(PublishableQuerySet):
    @classmethod
    def public_condition(cls, prefix: str = "") -> Q:
        """Published, at a published meeting, and naming no person or office that is not public."""
        return (
            Q(**{f"{prefix}status": PublicationStatus.PUBLISHED})
            & public_condition(Meeting, f"{prefix}meeting__")
            & (Q(**{f"{prefix}person__isnull": True}) | public_condition(Person, f"{prefix}person__"))
            & (Q(**{f"{prefix}office__isnull": True}) | public_condition(Office, f"{prefix}office__"))
        )


class DecisionQuerySet(PublishableQuerySet):
    @classmethod
    def public_condition(cls, prefix: str = "") -> Q:
        """Published, at a published meeting."""
        return Q(**{f"{prefix}status": PublicationStatus.PUBLISHED}) & public_condition(Meeting, f"{prefix}meeting__")


class Attendee(EditorialRecord):
    """Who was at a meeting: a person, the office they held there, or a group the sources name without names."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")
        INVITEE = "invitee", _("Invitee")
        BRIEFER = "briefer", _("Gave a briefing")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances")
    office = models.ForeignKey(
        Office,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
        help_text="The office held at this meeting (people change offices).",
    )
    group_label = models.CharField(
        max_length=300,
        blank=True,
        help_text="For attendance given without names, as the source puts it: “chief ministers of all provinces”.",
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    order = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED_FIELDS)

    objects = AttendeeQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(office__isnull=False) | ~Q(group_label=""),
                name="attendee_is_someone",
                violation_error_message="Name a person, an office or a group.",
            ),
        ]

    def __str__(self) -> str:
        parts = [str(part) for part in (self.person, self.office) if part is not None]
        if self.group_label:
            parts.append(self.group_label)
        return ", ".join(parts)

    @property
    def is_group(self) -> bool:
        return bool(self.group_label)


class Decision(EditorialRecord):
    """What a meeting decided, approved, reviewed or directed."""

    class Action(models.TextChoices):
        DECIDED = "decided", _("Decided")
        APPROVED = "approved", _("Approved")
        DIRECTED = "directed", _("Directed")
        AGREED = "agreed", _("Agreed")
        REVIEWED = "reviewed", _("Reviewed")
        RESOLVED = "resolved", _("Resolved")
        EMPHASISED = "emphasised", _("Emphasised")

    class Domain(models.TextChoices):
        MILITARY = "military", _("Military / kinetic")
        LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
        INTELLIGENCE = "intelligence", _("Intelligence")
        POLITICO_DIPLOMATIC = "politico_diplomatic", _("Politico-diplomatic")
        LEGAL = "legal", _("Legal and judicial")
        SOCIO_ECONOMIC = "socio_economic", _("Socio-economic")
        INFORMATION = "information", _("Information")
        GOVERNANCE = "governance", _("Governance and coordination")
        INTERNAL_SECURITY = "internal_security", _("Internal security")
        MULTI_DOMAIN = "multi_domain", _("Several domains")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position within the meeting's decisions.")
    action = models.CharField(max_length=12, choices=Action.choices, default=Action.DECIDED)
    text = models.TextField(help_text="What was decided, in the archive's words; the citations carry the sources' words.")
    domain = models.CharField(max_length=24, choices=Domain.choices, db_index=True)
    operations = models.ManyToManyField("operations.Operation", blank=True, related_name="decisions")
    bodies = models.ManyToManyField(Body, blank=True, related_name="decisions", help_text="Bodies the decision concerns (not the body that met).")
    note = models.TextField(blank=True, help_text="Public note, e.g. where the sources differ.")
    search_vector = search_vector_field()
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED_FIELDS)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.text[:80]}"
