import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from foundations.vague_dates import Weekday, vague_date_iso
from foundations.safe_text import CheckedTextModel


class ProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=Proposal.State.PENDING)

    def submitted(self):
        return self.filter(state=Proposal.State.SUBMITTED)

    def accepted(self):
        return self.filter(state=Proposal.State.ACCEPTED)

    def for_source(self, source):
        return self.filter(source=source)


class Proposal(CheckedTextModel):
    """A record the extractor proposes from one source, waiting for an editor to accept, edit or reject it."""

    class Kind(models.TextChoices):
        MEETING = "meeting", "Meeting"
        ATTENDEE = "attendee", "Attendee"
        OPERATION = "operation", "Operation"
        ORGANISATION = "organisation", "Organisation named"
        DECISION = "decision", "Decision"
        FIGURE = "figure", "Figure quoted"

    class State(models.TextChoices):
        PENDING = "pending", "Pending review"
        # An editor's corroboration of a public meeting, waiting for a publisher to accept it as a correction.
        SUBMITTED = "submitted", "Submitted to publishers"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    source = models.ForeignKey(
        "sources.SourceDocument",
        on_delete=models.CASCADE,
        related_name="proposals",
        help_text="The report the proposal was read from.",
    )
    kind = models.CharField(max_length=14, choices=Kind.choices, db_index=True)
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the order an editor reviews the source's proposals.")
    values = models.JSONField(
        default=dict,
        blank=True,
        help_text="The proposed values, as the extractor read them and the workbench's forms corrected them.",
    )
    quote = models.TextField(help_text="The exact passage of the source the proposal comes from; it becomes the citation's quote.")
    start = models.PositiveIntegerField(help_text="Offset of the quote's first character in the source's text.")
    end = models.PositiveIntegerField(help_text="Offset just after the quote's last character.")
    note = models.TextField(blank=True, help_text="What the extractor wants the editor to check (how a date was resolved, a doubtful match).")
    confident = models.BooleanField(default=True, help_text="False when the extractor guessed and says so in the note.")
    matched_meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a meeting: the archive meeting this report is another report of. For an attendee or decision: the meeting it belongs to.",
    )
    matched_operation = models.ForeignKey(
        "operations.Operation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For an operation: the archive record the name resolves to, through its aliases and spellings.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    citation = models.ForeignKey(
        "sources.Citation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text="The citation created when the proposal was accepted; it links to the record.",
    )
    organisation_citation = models.ForeignKey(
        "organisations.OrganisationCitation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text="For an organisation: the citation created when it was accepted.",
    )
    figure = models.ForeignKey(
        "figures.Figure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text="For a figure: the draft figure created when it was accepted (it carries its own quote).",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_proposals",
        help_text="The editor who accepted or rejected it.",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prepared_proposals",
        help_text="The editor who submitted it to the publishers (a corroboration of a public meeting).",
    )
    review_note = models.TextField(blank=True, help_text="Why it was rejected, or what the editor changed.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["source_id", "order", "id"]
        indexes = [models.Index(fields=["source", "state"]), models.Index(fields=["kind", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")),
                name="proposal_quote_offsets_in_order",
                violation_error_message="A quote ends after it starts.",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["pending", "submitted"], reviewed_at__isnull=True)
                | (~Q(state__in=["pending", "submitted"]) & Q(reviewed_at__isnull=False)),
                name="proposal_reviewed_when_decided",
                violation_error_message="A proposal is reviewed exactly when it is accepted or rejected.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary}"

    @property
    def summary(self) -> str:
        """Return a one-line description of what is proposed, for lists."""
        values = self.values or {}
        if self.kind == self.Kind.MEETING:
            when = _proposed_date(values)
            chair = values.get("chair_name") or values.get("chair_office") or "chair not stated"
            return f"{values.get('body_name', '?')}, {when}, {chair}"
        if self.kind == self.Kind.ATTENDEE:
            who = [part for part in (values.get("office_title"), values.get("person_name"), values.get("group_label")) if part]
            return f"{' / '.join(who) or '?'} ({values.get('role', 'member')})"
        if self.kind in (self.Kind.OPERATION, self.Kind.ORGANISATION):
            new = " (new)" if values.get("is_new") else ""
            return f"{values.get('name', '?')}{new}"
        if self.kind == self.Kind.DECISION:
            text = values.get("text", "")
            return f"{values.get('action', '?')} [{values.get('domain', '?')}]: {text[:90]}"
        if self.kind == self.Kind.FIGURE:
            return values.get("figure_text", "?")
        return "?"

    def clean(self):
        if self.source_id is not None and self.source.text[self.start : self.end] != self.quote:
            raise ValidationError({"quote": "The quote must be the source's text between its offsets, exactly."})


def _proposed_date(values: dict) -> str:
    """Return a proposed meeting's date only as precise as proposed (YYYY, YYYY-MM, YYYY-MM-DD), or its weekday."""
    date, weekday = values.get("date"), values.get("weekday")
    if date:
        try:
            return vague_date_iso(datetime.date.fromisoformat(date), values.get("date_precision"))
        except (TypeError, ValueError):
            return str(date)
    if weekday is None:
        return "date unknown"
    return f"a {Weekday(weekday).label}" if weekday in Weekday.values else "a ?"
