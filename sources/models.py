import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext, gettext_lazy as _

from simple_history.models import HistoricalRecords

from foundations.languages import language_direction
from foundations.publication import HISTORY_EXCLUDED_FIELDS, EditorialRecord, PublicationStatus, public_condition
from foundations.reversing import cached_reverse
from foundations.safe_text import CheckedTextModel
from foundations.search_index import search_vector_field
from sources.quotes import quote_departure


def sha256_of_text(text: str) -> str:
    """Return the SHA-256 of the text's UTF-8 bytes: for an imported file, the file's own digest."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SourceDocument(EditorialRecord):
    """One article or statement, kept verbatim: the archive's evidence."""

    class Kind(models.TextChoices):
        UNCLASSIFIED = "unclassified", _("Not yet classified")
        NEWS_REPORT = "news_report", _("News report")
        OFFICIAL_STATEMENT = "official_statement", _("Official statement or press release")
        ANALYSIS = "analysis", _("Analysis or feature")
        OPINION = "opinion", _("Opinion")
        OTHER = "other", _("Other")

    title = models.CharField(
        max_length=300,
        blank=True,
        help_text="The headline as published. An editor-supplied description goes in [square brackets].",
    )
    slug = models.SlugField(
        max_length=120,
        unique=True,
        allow_unicode=True,
        help_text="Permanent part of the source's address. Urdu words may stay in Urdu script.",
    )
    outlet = models.CharField(max_length=200, blank=True, db_index=True, help_text="Newspaper, agency or office that published it; blank if the source does not say.")
    author = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True, verbose_name="URL")
    published_on = models.DateField(null=True, blank=True, db_index=True, help_text="Publication date, only if known.")
    language = models.CharField(max_length=12, default="en", help_text="BCP 47 language tag, e.g. en, ur.")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.UNCLASSIFIED)
    text = models.TextField(help_text="The full text exactly as received. It is never altered after import.")
    sha256 = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        verbose_name="SHA-256",
        help_text="Digest of the text's UTF-8 bytes; the same text is never stored twice.",
    )
    original_filename = models.CharField(max_length=255, blank=True, help_text="Name of the file it was imported from.")
    imported_at = models.DateTimeField(default=timezone.now, editable=False)
    editorial_note = models.TextField(blank=True, help_text="What editors know about this source's provenance or reliability.")
    origin = models.CharField(
        max_length=200,
        blank=True,
        db_index=True,
        help_text="The official statement or press release this source carries, named the same way on every "
        "source that carries it (e.g. “PMO statement, 22 June 2024”). Sources with the same origin, like "
        "sources from the same outlet, count as one independent source.",
    )
    search_vector = search_vector_field()
    # The text never changes after import, so the history keeps only the metadata editors curate.
    history = HistoricalRecords(excluded_fields=[*HISTORY_EXCLUDED_FIELDS, "text"])

    class Meta:
        ordering = ["-published_on", "original_filename", "id"]
        indexes = [models.Index(fields=["status", "published_on"])]

    def __str__(self) -> str:
        if self.title:
            return self.title
        # Readers see this name: it says what is known (outlet, date), never the file name or hash.
        known = [self.outlet, date_format(self.published_on, "j F Y") if self.published_on else ""]
        known_text = ", ".join(part for part in known if part) or gettext("publisher and date not stated")
        return gettext("Untitled source (%(known)s)") % {"known": known_text}

    def get_absolute_url(self) -> str:
        return cached_reverse("sources:source-detail", "slug", self.slug)

    @property
    def direction(self) -> str:
        """Return "rtl" or "ltr": the `dir` its text (and every quote from it) is shown with."""
        return language_direction(self.language)

    def clean(self):
        if not self.text.strip():
            raise ValidationError({"text": "A source must have some text."})
        digest = sha256_of_text(self.text)
        if self.pk is None:
            self.sha256 = digest
        elif digest != self.sha256:
            raise ValidationError({"text": "The text of a source is never altered after import."})
        duplicate = SourceDocument.objects.filter(sha256=digest).exclude(pk=self.pk).first()
        if duplicate is not None:
            raise ValidationError({"text": f"This exact text is already in the archive as “{duplicate}”."})


def readable_slug_text(*, outlet: str = "", published_on=None, title: str = "") -> str:
    """Return the words a source's readable address is made of: outlet, date and title ("dawn-2024-06-23-...").

    Empty without a title: a source known only by its file keeps the file's name until the editors title it.
    """
    title = title.strip().strip("[]")
    if not title:
        return ""
    date = published_on.isoformat() if hasattr(published_on, "isoformat") else str(published_on or "")
    return " ".join(part for part in (outlet.strip(), date, title) if part)


def citation_quote_clean(*, quote: str, source: "SourceDocument | None") -> str:
    """Return the quote without surrounding whitespace; raise ValidationError unless the source's text contains it.

    Shared by every record that carries its own quote (Citation, and the figures and organisations apps).
    """
    quote = quote.strip()
    if not quote:
        raise ValidationError({"quote": "Quote the passage of the source that supports the fact."})
    if source is not None and quote not in source.text:
        raise ValidationError(
            {"quote": f"This passage is not in the source's text: it {quote_departure(quote=quote, text=source.text)}. "
             "Copy it exactly, character for character, or select it in the source."}
        )
    return quote


# The kinds of fact a citation can support; each is a nullable foreign key on Citation.
CITATION_TARGETS = ("meeting", "attendee", "decision", "operation")


def exactly_one_of(fields: tuple[str, ...]) -> Q:
    """Return a condition true when exactly one of these nullable fields is set."""
    return Q(
        *[Q(**{f"{field}__isnull": field != chosen for field in fields}) for chosen in fields],
        _connector=Q.OR,
    )


class CitationQuerySet(models.QuerySet):
    @classmethod
    def public_condition(cls, prefix: str = "") -> Q:
        """Public while its source is published and the fact it supports is public."""
        fact = Q()
        for name in CITATION_TARGETS:
            fact |= public_condition(Citation._meta.get_field(name).related_model, f"{prefix}{name}__")
        return public_condition(SourceDocument, f"{prefix}source__") & fact

    def public(self):
        return self.filter(self.public_condition())


class Citation(CheckedTextModel):
    """The exact passage of a source that supports one curated fact."""

    source = models.ForeignKey(SourceDocument, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(help_text="The supporting passage, copied exactly from the source's text.")
    note = models.CharField(max_length=300, blank=True, help_text="What the quote establishes, if not obvious.")
    meeting = models.ForeignKey("meetings.Meeting", null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    attendee = models.ForeignKey("meetings.Attendee", null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    decision = models.ForeignKey("meetings.Decision", null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    operation = models.ForeignKey("operations.Operation", null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["source_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of(CITATION_TARGETS),
                name="citation_supports_exactly_one_fact",
                violation_error_message="A citation supports exactly one fact: a meeting, an attendee, a decision or an operation.",
            ),
        ]

    @property
    def shown_on(self):
        """Return the record readers see this citation on: its changes are corrections of that record."""
        return self.target

    def __str__(self) -> str:
        excerpt = self.quote if len(self.quote) <= 80 else self.quote[:77] + "…"
        return f"“{excerpt}” ({self.source})"

    @property
    def target(self):
        for field in CITATION_TARGETS:
            value = getattr(self, field)
            if value is not None:
                return value
        return None

    def clean(self):
        self.quote = citation_quote_clean(quote=self.quote, source=self.source if self.source_id is not None else None)
