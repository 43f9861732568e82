"""The workbench's writes beyond accepting and rejecting: citing a selected passage, submitting a source's facts, review.

Every record is still written by `editorial.services` (record_submit_for_review, record_publish,
record_return_to_draft), so the workflow's rules and permissions hold as everywhere else.
"""
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from curation.models import Proposal
from curation.services import ProposalError, proposal_accept
from editorial.services import record_publish, record_return_to_draft, record_submit_for_review
from foundations.publication import PublicationStatus
from figures.models import Figure
from meetings.models import Meeting
from organisations.models import Organisation
from sources.models import SourceDocument

# What an editor may create from a passage the extractor missed.
PASSAGE_KINDS = (Proposal.Kind.DECISION, Proposal.Kind.ATTENDEE, Proposal.Kind.FIGURE)


def passage_check(*, source: SourceDocument, start: int, end: int) -> str:
    """Return the source's text between the offsets; raise ProposalError unless it is a passage worth citing."""
    if not (0 <= start < end <= len(source.text)):
        raise ProposalError("Select a passage of the source's text first.", field="start")
    quote = source.text[start:end]
    if not quote.strip():
        raise ProposalError("The selection is only white space: select the words to cite.", field="start")
    # A citation quotes words, not the white space around them; the offsets follow the trimmed quote.
    lead = len(quote) - len(quote.lstrip())
    return quote.strip(), start + lead


def proposal_requote(*, proposal: Proposal, start: int, end: int) -> Proposal:
    """Make the passage between the offsets the proposal's quote (select to cite): exact by construction."""
    quote, start = passage_check(source=proposal.source, start=start, end=end)
    if proposal.state != Proposal.State.PENDING:
        raise ProposalError(f"This proposal was already {proposal.get_state_display().lower()}.")
    if (proposal.start, proposal.end) != (start, start + len(quote)):
        proposal.quote, proposal.start, proposal.end = quote, start, start + len(quote)
        proposal.save(update_fields=["quote", "start", "end", "updated_at"])
    return proposal


def proposal_from_passage(*, source: SourceDocument, kind: str, start: int, end: int) -> Proposal:
    """Create a pending proposal of `kind` from a passage the extractor missed, to be completed and accepted."""
    if kind not in PASSAGE_KINDS:
        raise ProposalError(f"A passage becomes a decision, an attendee or a figure, not {kind!r}.", field="kind")
    quote, start = passage_check(source=source, start=start, end=end)
    meeting = (
        Proposal.objects.accepted().filter(source=source, kind=Proposal.Kind.MEETING).exclude(matched_meeting=None).first()
    )
    values = {"text": quote, "added_by_editor": True} if kind == Proposal.Kind.DECISION else {"added_by_editor": True}
    last = source.proposals.order_by("-order").values_list("order", flat=True).first() or 0
    return Proposal.objects.create(
        source=source,
        kind=kind,
        order=last + 1,
        values=values,
        quote=quote,
        start=start,
        end=start + len(quote),
        note="Added by an editor from a passage the extractor missed.",
        confident=False,
        matched_meeting=meeting.matched_meeting if meeting else None,
    )


def proposal_submit(*, proposal: Proposal, user, overrides: dict) -> Proposal:
    """Keep the editor's corrections and send the proposal to the publishers (it cites a public meeting).

    Citing a public meeting changes what readers see, which only a publisher does; the editor's work
    waits in the review queue, where a publisher accepts it as a correction or sends it back.
    """
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.state != Proposal.State.PENDING:
            raise ProposalError(f"This proposal was already {proposal.get_state_display().lower()}.")
        proposal.values = {**proposal.values, **overrides}
        if proposal.kind == Proposal.Kind.MEETING and overrides.get("meeting_id"):
            # The report's attendees and decisions belong to the meeting the editor chose.
            proposal.matched_meeting_id = overrides["meeting_id"]
            Proposal.objects.pending().filter(source=proposal.source, kind__in=[Proposal.Kind.ATTENDEE, Proposal.Kind.DECISION]).update(
                matched_meeting_id=overrides["meeting_id"]
            )
        proposal.state = Proposal.State.SUBMITTED
        proposal.prepared_by = user
        proposal.save()
    return proposal


def source_meetings(*, source: SourceDocument) -> list[Meeting]:
    """Return the meetings this source's accepted proposals created or cited."""
    ids = Proposal.objects.accepted().filter(source=source).exclude(matched_meeting=None).values("matched_meeting")
    return list(Meeting.objects.filter(pk__in=ids).select_related("body"))


def source_submit_for_review(*, source: SourceDocument, user) -> list[Meeting]:
    """Send the source's accepted draft facts to the publishers: its meetings, with their draft attendees and decisions."""
    meetings = source_meetings(source=source)
    submitted = []
    with transaction.atomic():
        for meeting in meetings:
            if meeting.status == PublicationStatus.DRAFT:
                record_submit_for_review(record=meeting, user=user)
                submitted.append(meeting)
            for part in [*meeting.attendees.filter(status=PublicationStatus.DRAFT), *meeting.decisions.filter(status=PublicationStatus.DRAFT)]:
                record_submit_for_review(record=part, user=user)
            if meeting.status in (PublicationStatus.PUBLISHED,) and meeting not in submitted:
                submitted.append(meeting)
    if not submitted and not meetings:
        raise ProposalError("Accept this report's meeting first: there is nothing to submit yet.")
    return meetings


@dataclass
class ReviewItem:
    """One meeting waiting for a publisher, with who prepared it and the facts and quotes to check."""

    meeting: Meeting
    prepared_by: object
    facts: list = field(default_factory=list)


def review_queue() -> list[ReviewItem]:
    """Return the meetings in review and the published meetings whose new parts are in review."""
    meetings = (
        Meeting.objects.filter(status=PublicationStatus.IN_REVIEW)
        | Meeting.objects.filter(attendees__status=PublicationStatus.IN_REVIEW)
        | Meeting.objects.filter(decisions__status=PublicationStatus.IN_REVIEW)
    )
    items = []
    for meeting in meetings.distinct().select_related("body", "created_by").order_by("updated_at"):
        facts = [
            ("Meeting", meeting, list(meeting.citations.select_related("source"))),
            *[("Attendee", a, list(a.citations.select_related("source"))) for a in meeting.attendees.select_related("person", "office")],
            *[("Decision", d, list(d.citations.select_related("source"))) for d in meeting.decisions.all()],
        ]
        for extra in review_extras(meeting=meeting):
            quotes = [extra] if isinstance(extra, Figure) else list(extra.citations.select_related("source"))
            facts.append((extra._meta.verbose_name.capitalize(), extra, quotes))
        items.append(ReviewItem(meeting=meeting, prepared_by=meeting.created_by, facts=facts))
    return items


def review_extras(*, meeting: Meeting) -> list:
    """Return the draft figures and organisations accepted from the reports of this meeting: they publish with it."""
    sources = Proposal.objects.accepted().filter(matched_meeting=meeting, kind=Proposal.Kind.MEETING).values("source")
    accepted = Proposal.objects.accepted().filter(source__in=sources)
    figures = Figure.objects.filter(pk__in=accepted.exclude(figure=None).values("figure"), status=PublicationStatus.DRAFT)
    organisations = Organisation.objects.filter(
        citations__in=accepted.exclude(organisation_citation=None).values("organisation_citation"), status=PublicationStatus.DRAFT
    ).distinct()
    return [*figures, *organisations]


@dataclass
class CorroborationItem:
    """Reports of a public meeting waiting to be added to it: the proposals editors submitted."""

    meeting: Meeting
    proposals: list = field(default_factory=list)


# The meeting's own citation first: attendees and decisions of the report attach to it.
def _meeting_first(proposal: Proposal):
    return (proposal.kind != Proposal.Kind.MEETING, proposal.source_id, proposal.order)


def review_corroborations() -> list[CorroborationItem]:
    """Return, per public meeting, the passages of other reports that editors submitted to corroborate it."""
    items: dict[int, CorroborationItem] = {}
    waiting = Proposal.objects.submitted().exclude(matched_meeting=None).select_related("matched_meeting", "source", "prepared_by")
    for proposal in sorted(waiting, key=_meeting_first):
        items.setdefault(proposal.matched_meeting_id, CorroborationItem(meeting=proposal.matched_meeting)).proposals.append(proposal)
    return list(items.values())


def review_corroborations_publish(*, meeting: Meeting, user) -> int:
    """Accept, as a publisher's correction, every passage submitted to corroborate the meeting; return how many."""
    waiting = sorted(Proposal.objects.submitted().filter(matched_meeting=meeting).select_related("source"), key=_meeting_first)
    with transaction.atomic():
        for proposal in waiting:
            proposal_accept(proposal=proposal, user=user, correction_note=f"Added the report “{proposal.source}”.")
        # As publishing a meeting publishes the sources it quotes: the new citations are public with their report.
        for source in {proposal.source for proposal in waiting if proposal.source.status != PublicationStatus.PUBLISHED}:
            record_publish(record=SourceDocument.objects.get(pk=source.pk), user=user)
    return len(waiting)


def review_corroborations_send_back(*, meeting: Meeting, user, note: str) -> None:
    """Return the submitted passages to their editors, pending again, with the publisher's note."""
    note = note.strip()
    if not note:
        raise ProposalError("Say what the editor should change.", field="note")
    Proposal.objects.submitted().filter(matched_meeting=meeting).update(
        state=Proposal.State.PENDING, review_note=f"Sent back by {user} on {timezone.localdate():%d %B %Y}: {note}"
    )


def review_publish(*, meeting: Meeting, user) -> list:
    """Publish the meeting with everything waiting under it, and the figures and organisations its reports gave.

    All or nothing; editorial.services checks that the user is a publisher and that every fact is cited.
    """
    with transaction.atomic():
        if meeting.status == PublicationStatus.PUBLISHED:
            published = []
            for part in [*meeting.attendees.filter(status=PublicationStatus.IN_REVIEW), *meeting.decisions.filter(status=PublicationStatus.IN_REVIEW)]:
                published += record_publish(record=part, user=user)
        else:
            published = record_publish(record=meeting, user=user)
        for extra in review_extras(meeting=meeting):
            published += record_publish(record=extra, user=user)
    return published


def review_send_back(*, meeting: Meeting, user, note: str) -> None:
    """Return the meeting and its parts in review to draft, with the publisher's note for the editor."""
    note = note.strip()
    if not note:
        raise ProposalError("Say what the editor should change.", field="note")
    with transaction.atomic():
        parts = [*meeting.attendees.filter(status=PublicationStatus.IN_REVIEW), *meeting.decisions.filter(status=PublicationStatus.IN_REVIEW)]
        if meeting.status == PublicationStatus.IN_REVIEW:
            parts.insert(0, meeting)
        for record in parts:
            record_return_to_draft(record=record, user=user)
        # The note reaches the editor on the workbench of every source behind the meeting.
        Proposal.objects.filter(matched_meeting=meeting, kind=Proposal.Kind.MEETING).update(
            review_note=f"Sent back by {user} on {timezone.localdate():%d %B %Y}: {note}"
        )
