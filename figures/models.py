"""Numbers the sources quote: each Figure is one number given by one source, with the passage that gives it."""
import calendar
import datetime
import re
from decimal import Decimal
from urllib.parse import quote as percent_encode

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Floor
from django.utils.translation import gettext, gettext_lazy as _

from foundations.vague_dates import DatePrecision, vague_date_display
from foundations.publication import PublicationStatus, Publishable, PublishableQuerySet, public_condition, with_public_links
from foundations.reversing import cached_reverse
from foundations.safe_text import CheckedTextModel
from sources.models import SourceDocument, citation_quote_clean


class Unit(models.TextChoices):
    COUNT = "count", _("Count")
    PERCENT = "percent", _("Per cent")
    RUPEES = "rupees", _("Pakistani rupees")


class Qualifier(models.TextChoices):
    """How the source bounds the number; “at least 27” is not “27”."""

    EXACT = "exact", _("As stated, without qualifier")
    AT_LEAST = "at_least", _("at least")
    MORE_THAN = "more_than", _("more than")
    AT_MOST = "at_most", _("at most")
    FEWER_THAN = "fewer_than", _("fewer than")
    ABOUT = "about", _("about")


# One sentence per bound, not the bound's label before the number: languages place it differently
# (Urdu says “27 سے زیادہ”, the number first).
QUALIFIED_NUMBER = {
    Qualifier.AT_LEAST: _("at least %(number)s"),
    Qualifier.MORE_THAN: _("more than %(number)s"),
    Qualifier.AT_MOST: _("at most %(number)s"),
    Qualifier.FEWER_THAN: _("fewer than %(number)s"),
    Qualifier.ABOUT: _("about %(number)s"),
}


class MeasureQuerySet(models.QuerySet):
    @classmethod
    def public_condition(cls, prefix: str = "") -> models.Q:
        """Public while at least one of its figures is: a measure with only drafts is not named."""
        return models.Q(**{f"{prefix}pk__in": Figure.objects.public().values("measure_id")})

    def public(self):
        return self.filter(self.public_condition())


class Measure(CheckedTextModel):
    """What a figure measures; the figures of one measure form a series that can be compared."""

    name = models.CharField(
        max_length=200,
        unique=True,
        help_text="What is measured, in the sources' own terms (“Terrorist casualties”, not a paraphrase such as “terrorists killed”).",
    )
    slug = models.SlugField(max_length=120, unique=True, help_text="Permanent part of the measure's address.")
    unit = models.CharField(max_length=10, choices=Unit.choices, help_text="Every figure of the measure is in this unit.")
    description = models.TextField(blank=True, help_text="What the measure counts, and what the sources leave unclear about it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return cached_reverse("figures:measure-detail", "slug", self.slug)


class FigureQuerySet(PublishableQuerySet):
    @classmethod
    def public_condition(cls, prefix: str = "") -> models.Q:
        """Published, and citing a published source a reader can open."""
        return models.Q(**{f"{prefix}status": PublicationStatus.PUBLISHED}) & public_condition(SourceDocument, f"{prefix}source__")

    def covering_year(self, year: int):
        """Return the figures whose period, as far as the source establishes it, includes part of this year.

        A period with no end stated (“since January 2024”) is only known to cover its first year.
        """
        return self.filter(period_start__year__lte=year).filter(
            Q(period_end__year__gte=year) | Q(period_end__isnull=True, period_start__year=year)
        )

    def with_related(self):
        # The body a figure is attributed to is named only while public.
        return with_public_links(self.select_related("measure", "source"), "given_by_body").prefetch_related("places")


def _first_day(date: datetime.date, precision: str) -> datetime.date:
    if precision == DatePrecision.YEAR:
        return date.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return date.replace(day=1)
    return date


def _last_day(date: datetime.date, precision: str) -> datetime.date:
    if precision == DatePrecision.YEAR:
        return date.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        return date.replace(day=calendar.monthrange(date.year, date.month)[1])
    return date


_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()


def value_spellings(value: Decimal) -> list[str]:
    """Return the ways a source may write this number: 1,063 / 1063, 51.2, six."""
    plain = format(value.normalize(), "f")
    grouped = format(value.normalize(), ",f")
    spellings = list(dict.fromkeys([grouped, plain]))
    if value == value.to_integral_value() and 0 <= value < len(_NUMBER_WORDS):
        spellings.append(_NUMBER_WORDS[int(value)])
    return spellings


def quote_gives_value(quote: str, value: Decimal) -> bool:
    """Return True if the quote writes this number as a whole number, not as part of another (6 in 16,300)."""
    for spelling in value_spellings(value):
        if spelling.isalpha():
            pattern = rf"\b{spelling}\b"
        else:
            pattern = rf"(?<![\d.,]){re.escape(spelling)}(?![\d]|[.,]\d)"
        if re.search(pattern, quote, flags=re.IGNORECASE):
            return True
    return False


def _date_matches_precision(field: str) -> Q:
    return Q(**{f"{field}__isnull": True, f"{field}_precision": DatePrecision.UNKNOWN}) | (
        Q(**{f"{field}__isnull": False}) & ~Q(**{f"{field}_precision": DatePrecision.UNKNOWN})
    )


class Figure(Publishable):
    """One number quoted by one source, with the exact passage that gives it."""

    slug = models.SlugField(max_length=160, unique=True, help_text="Permanent part of the figure's address.")
    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="figures", help_text="What the number measures.")
    value = models.DecimalField(max_digits=20, decimal_places=4, help_text="The number as the source gives it (51.2, not 51).")
    qualifier = models.CharField(
        max_length=12,
        choices=Qualifier.choices,
        default=Qualifier.EXACT,
        help_text="Keep the source's bound: “at least 27”, “more than 50”.",
    )
    unit = models.CharField(max_length=10, choices=Unit.choices, help_text="Must be the measure's unit.")
    places = models.ManyToManyField(
        "operations.Region",
        blank=True,
        related_name="figures",
        help_text="The places the number covers; several places mean one combined number for all of them. Empty when the source names none.",
    )
    place_note = models.CharField(max_length=300, blank=True, help_text="Where, in the source's words, when it says more or less than the places above.")
    period_text = models.CharField(
        max_length=200,
        blank=True,
        help_text="The period in the source's own words (“since January 2024”, “in 2023”); blank if it gives none.",
    )
    period_start = models.DateField(null=True, blank=True, db_index=True, help_text="First day of the period; for month or year precision, the first day of that month or year.")
    period_start_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    period_end = models.DateField(null=True, blank=True, help_text="Last day of the period; for month or year precision, the last day of that month or year.")
    period_end_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    period_note = models.TextField(blank=True, help_text="Why the period has no dates, or how they were established.")
    given_by = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who the source says gives the number, in its words (“security sources”, “authorities”); blank when it states the number itself.",
    )
    given_by_body = models.ForeignKey(
        "meetings.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="figures",
        help_text="The official body that gives the number, when the source names one.",
    )
    source = models.ForeignKey("sources.SourceDocument", on_delete=models.PROTECT, related_name="figures")
    quote = models.TextField(help_text="The passage that gives the number, copied exactly from the source's text.")
    note = models.TextField(blank=True, help_text="Public note: what the source leaves unclear, or where figures disagree.")

    objects = FigureQuerySet.as_manager()

    class Meta:
        ordering = ["measure__name", F("period_start").asc(nulls_last=True), "slug"]
        indexes = [models.Index(fields=["status", "measure"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(unit=Unit.PERCENT) | Q(value__gte=0, value__lte=100),
                name="figure_percent_between_0_and_100",
                violation_error_message="A percentage lies between 0 and 100.",
            ),
            models.CheckConstraint(
                condition=~Q(unit=Unit.COUNT) | (Q(value__gte=0) & Q(value=Floor(F("value")))),
                name="figure_count_is_whole_and_not_negative",
                violation_error_message="A count is a whole number, 0 or more.",
            ),
            models.CheckConstraint(
                condition=_date_matches_precision("period_start"),
                name="figure_period_start_matches_precision",
                violation_error_message="Give the period's start unless its precision is “not established”, and only then leave it empty.",
            ),
            models.CheckConstraint(
                condition=_date_matches_precision("period_end"),
                name="figure_period_end_matches_precision",
                violation_error_message="Give the period's end unless its precision is “not established”, and only then leave it empty.",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True) | Q(period_end__isnull=True) | Q(period_end__gte=F("period_start")),
                name="figure_period_ends_after_it_starts",
                violation_error_message="The period cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.value_display} ({self.period_display})"

    def get_absolute_url(self) -> str:
        return cached_reverse("figures:figure-detail", "slug", self.slug)

    @property
    def number_display(self) -> str:
        return format(self.value.normalize(), ",f")

    @property
    def value_display(self) -> str:
        """Return the number as a reader should see it, with the source's bound: “at least 1,346”, “51.2 per cent”."""
        number = self.number_display
        if self.unit == Unit.PERCENT:
            number = gettext("%(number)s per cent") % {"number": number}
        elif self.unit == Unit.RUPEES:
            number = gettext("Rs %(number)s") % {"number": number}
        if self.qualifier != Qualifier.EXACT:
            number = QUALIFIED_NUMBER[self.qualifier] % {"number": number}
        return number

    @property
    def period_display(self) -> str:
        start = vague_date_display(self.period_start, self.period_start_precision, missing=gettext("not stated"))
        end = vague_date_display(self.period_end, self.period_end_precision, missing=gettext("not stated"))
        if self.period_start is None and self.period_end is None:
            return gettext("period not dated by the source")
        if self.period_end is None:
            return gettext("from %(start)s, end not stated") % {"start": start}
        if self.period_start is None:
            return gettext("up to %(end)s, start not stated") % {"end": end}
        if start == end:
            return start
        return gettext("%(start)s to %(end)s") % {"start": start, "end": end}

    @property
    def period_midpoint(self) -> datetime.date | None:
        """Return where the figure sits on a time axis: its period's middle, or its start when the end is open."""
        if self.period_start is None:
            return None
        if self.period_end is None:
            return self.period_start
        return self.period_start + (self.period_end - self.period_start) / 2

    @property
    def source_quote_url(self) -> str:
        return quote_link(source_url=self.source.get_absolute_url(), quote=self.quote)

    @property
    def quote_context(self) -> tuple[str, str, str]:
        return quote_in_context(text=self.source.text, quote=self.quote)

    @property
    def places_display(self) -> str:
        """Return the places as one label, from prefetched places: “Khyber Pakhtunkhwa and Balochistan”."""
        names = [place.name for place in self.places.all()]
        if not names:
            return gettext("No place named")
        if len(names) == 1:
            return names[0]
        return gettext("%(places)s and %(last)s") % {"places": ", ".join(names[:-1]), "last": names[-1]}

    def clean(self):
        errors = {}
        if self.measure_id is not None and self.unit and self.unit != self.measure.unit:
            errors["unit"] = f"“{self.measure}” is measured in {self.measure.get_unit_display().lower()}: use that unit."
        if self.value is not None:
            if self.unit == Unit.PERCENT and not (0 <= self.value <= 100):
                errors["value"] = "A percentage lies between 0 and 100."
            if self.unit == Unit.COUNT and (self.value < 0 or self.value != self.value.to_integral_value()):
                errors["value"] = "A count is a whole number, 0 or more."
        for field in ("period_start", "period_end"):
            date, precision = getattr(self, field), getattr(self, f"{field}_precision")
            label = "start" if field == "period_start" else "end"
            if date is None and precision != DatePrecision.UNKNOWN:
                errors[field] = f"Give the period's {label}, or set its precision to “not established”."
            elif date is not None and precision == DatePrecision.UNKNOWN:
                errors[f"{field}_precision"] = f"A {label} is given: say how precise it is."
            elif date is not None:
                expected = _first_day(date, precision) if field == "period_start" else _last_day(date, precision)
                if date != expected:
                    errors[field] = f"With {DatePrecision(precision).label.lower()} precision, give {vague_date_display(expected, DatePrecision.DAY)}."
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "The period cannot end before it starts."
        try:
            self.quote = citation_quote_clean(quote=self.quote, source=self.source if self.source_id is not None else None)
        except ValidationError as error:
            errors.update(error.message_dict)
        else:
            if self.value is not None and not quote_gives_value(self.quote, self.value):
                written = " or ".join(f"“{spelling}”" for spelling in value_spellings(self.value))
                errors["quote"] = f"The quote must contain the number itself, written as {written}."
        if errors:
            raise ValidationError(errors)


def quote_link(*, source_url: str, quote: str) -> str:
    """Return the source page's address with a text fragment that makes browsers scroll to and mark the quote.

    A long quote is matched by its first and last words (`#:~:text=start,end`), as the fragment syntax allows.
    """
    def encode(text: str) -> str:
        # "-", "," and "&" have meanings inside a text fragment, so they are escaped too.
        return percent_encode(text, safe="").replace("-", "%2D")

    words = quote.split()
    if len(words) > 12:
        fragment = f"{encode(' '.join(words[:5]))},{encode(' '.join(words[-5:]))}"
    else:
        fragment = encode(" ".join(words))
    return f"{source_url}#:~:text={fragment}"


def quote_in_context(*, text: str, quote: str) -> tuple[str, str, str]:
    """Return the paragraph of the text that holds the quote, split as (before, quote, after)."""
    start = text.find(quote)
    if start < 0:
        return "", quote, ""
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", start + len(quote))
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    return text[paragraph_start:start], quote, text[start + len(quote):paragraph_end]
