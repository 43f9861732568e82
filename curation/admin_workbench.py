"""The workbench and the review queue: admin views (the admin's sign-in, permissions and look).

Views only read the request, call `curation.services` / `curation.workbench` and render; refusals are
shown beside the field they name, with the editor's input kept.
"""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from curation.models import Proposal
from curation.services import ProposalError, proposal_accept, proposal_reject
from curation.workbench import (
    PASSAGE_KINDS,
    proposal_from_passage,
    proposal_requote,
    proposal_submit,
    review_corroborations,
    review_corroborations_publish,
    review_corroborations_send_back,
    review_publish,
    review_queue,
    review_send_back,
    source_meetings,
    source_submit_for_review,
)
from curation.workbench_forms import proposal_form
from editorial.services import PUBLIC_STATES, WorkflowError, user_can_publish
from meetings.models import Meeting
from sources.models import SourceDocument

# Meetings first, so attendees and decisions find their meeting; operations before the decisions about them.
_ACCEPT_ORDER = {Proposal.Kind.MEETING: 0, Proposal.Kind.OPERATION: 1, Proposal.Kind.ORGANISATION: 2}


def _message(error) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "message_dict"):
            return "; ".join(f"{name}: {' '.join(texts)}" for name, texts in error.message_dict.items())
        return " ".join(error.messages)
    return str(error)


def _target_meeting(proposal: Proposal, form) -> Meeting | None:
    """Return the meeting the accepted proposal would cite or join, as far as is known before accepting."""
    chosen = form.cleaned_data.get("existing_meeting")
    if chosen is not None:
        return chosen
    if proposal.kind == Proposal.Kind.MEETING and form.cleaned_data.get("body") is None and not form.cleaned_data.get("body_name"):
        return proposal.matched_meeting
    if proposal.kind in (Proposal.Kind.ATTENDEE, Proposal.Kind.DECISION):
        return proposal.matched_meeting
    return None


def _segments(text: str, proposals: list[Proposal]) -> list[tuple[str, Proposal | None]]:
    """Cut the text into plain runs and highlighted passages (overlapping passages: the first one wins)."""
    segments, at = [], 0
    for proposal in sorted(proposals, key=lambda p: (p.start, -p.end)):
        if proposal.start < at:
            continue
        if proposal.start > at:
            segments.append((text[at : proposal.start], None))
        segments.append((text[proposal.start : proposal.end], proposal))
        at = proposal.end
    segments.append((text[at:], None))
    return segments


class Workbench:
    """The admin views; bound to the proposals' ModelAdmin for its permissions and context."""

    def __init__(self, model_admin):
        self.model_admin = model_admin

    def _context(self, request, **extra):
        return {**self.model_admin.admin_site.each_context(request), "opts": Proposal._meta, **extra}

    def _check(self, request, *, publish: bool = False) -> None:
        if not self.model_admin.has_change_permission(request) or (publish and not user_can_publish(request.user)):
            raise PermissionDenied

    def workbench(self, request, source_id: int):
        if not self.model_admin.has_view_permission(request):
            raise PermissionDenied
        source = get_object_or_404(SourceDocument, pk=source_id)
        bound: dict[int, object] = {}
        if request.method == "POST":
            self._check(request)
            response = self._act(request, source, bound)
            if response is not None:
                return response
        return self._render(request, source, bound)

    def _act(self, request, source, bound):
        """Carry out one POSTed action; return a redirect when done, None to show the page again with errors."""
        here = reverse("admin:curation_workbench", args=[source.pk])
        action = request.POST.get("action", "")
        try:
            if action == "accept_confident":
                self._accept_confident(request, source)
            elif action == "submit":
                meetings = source_submit_for_review(source=source, user=request.user)
                self.model_admin.message_user(
                    request, f"Submitted for review: {', '.join(str(m) for m in meetings)}. Publishers see it in the review queue.", messages.SUCCESS
                )
            elif action == "new_from_passage":
                proposal = proposal_from_passage(
                    source=source, kind=request.POST.get("kind", ""), start=int(request.POST.get("start") or -1), end=int(request.POST.get("end") or -1)
                )
                self.model_admin.message_user(request, f"New {proposal.get_kind_display().lower()} from the passage: complete it and accept it.", messages.INFO)
                return HttpResponseRedirect(f"{here}#proposal-{proposal.pk}")
            elif action in ("accept", "reject"):
                proposal = get_object_or_404(Proposal, pk=request.POST.get("proposal"), source=source)
                if action == "reject":
                    proposal_reject(proposal=proposal, user=request.user, note=request.POST.get("review_note", ""))
                    self.model_admin.message_user(request, f"Rejected: {proposal.summary}", messages.SUCCESS)
                else:
                    form = proposal_form(proposal, request.POST)
                    bound[proposal.pk] = form
                    if not form.is_valid():
                        return None
                    try:
                        proposal_requote(proposal=proposal, start=form.cleaned_data["start"], end=form.cleaned_data["end"])
                        target = _target_meeting(proposal, form)
                        if target is not None and target.status in PUBLIC_STATES and not user_can_publish(request.user):
                            proposal_submit(proposal=proposal, user=request.user, overrides=form.overrides())
                            self.model_admin.message_user(
                                request, f"Sent to the publishers: “{target}” is public, so a publisher adds this report to it.", messages.SUCCESS
                            )
                            return HttpResponseRedirect(here)
                        done = proposal_accept(
                            proposal=proposal, user=request.user, overrides=form.overrides(),
                            correction_note=request.POST.get(f"{form.prefix}-correction_note", ""),
                        )
                    except (ProposalError, ValidationError) as error:
                        name = getattr(error, "field", None)
                        form.add_error(name if name in form.fields else None, _message(error))
                        return None
                    self.model_admin.message_user(request, f"Accepted: {done.review_note}", messages.SUCCESS)
            else:
                raise ProposalError("Choose what to do with the proposal.")
        except (ProposalError, WorkflowError, ValidationError, ValueError) as error:
            self.model_admin.message_user(request, _message(error), messages.ERROR)
        return HttpResponseRedirect(here)

    def _accept_confident(self, request, source):
        pending = sorted(
            source.proposals.pending().filter(confident=True), key=lambda p: (_ACCEPT_ORDER.get(p.kind, 3), p.order)
        )
        if not user_can_publish(request.user):
            # Citing a public meeting is a publisher's correction: those go one by one, to the review queue.
            pending = [p for p in pending if not (p.matched_meeting_id and p.matched_meeting.status in PUBLIC_STATES)]
        accepted, failed = 0, []
        for proposal in pending:
            try:
                proposal_accept(proposal=proposal, user=request.user)
                accepted += 1
            except (ProposalError, ValidationError, WorkflowError) as error:
                failed.append(f"{proposal.get_kind_display()} “{proposal.summary}”: {_message(error)}")
        self.model_admin.message_user(request, f"Accepted {accepted} confident proposal{'s' if accepted != 1 else ''}.", messages.SUCCESS)
        for failure in failed:
            self.model_admin.message_user(request, f"Left for you: {failure}", messages.WARNING)

    def _render(self, request, source, bound):
        proposals = list(source.proposals.select_related("matched_meeting", "citation").order_by("order", "id"))
        shown = [p for p in proposals if p.state != Proposal.State.REJECTED]
        cards = []
        segments = _segments(source.text, shown)
        marks = [p for _text, p in segments if p is not None]
        for proposal in proposals:
            form = bound.get(proposal.pk) if proposal.pk in bound else (proposal_form(proposal) if proposal.state == Proposal.State.PENDING else None)
            # Passages that overlap share one mark: the fact links to the mark its passage starts in.
            mark = next((m for m in marks if m.start <= proposal.start < m.end), None)
            cards.append({"proposal": proposal, "form": form, "mark": mark.pk if mark else None})
        groups = []
        for kind, label in Proposal.Kind.choices:
            kind_cards = [card for card in cards if card["proposal"].kind == kind]
            if kind_cards:
                groups.append({"kind": kind, "label": label, "cards": kind_cards})
        meetings = source_meetings(source=source)
        known = [p.matched_meeting for p in proposals if p.kind == Proposal.Kind.MEETING and p.matched_meeting_id and p.state == Proposal.State.PENDING]
        context = self._context(
            request,
            title=f"Workbench: {source}",
            source=source,
            segments=segments,
            groups=groups,
            pending=sum(1 for p in proposals if p.state == Proposal.State.PENDING),
            confident=sum(1 for p in proposals if p.state == Proposal.State.PENDING and p.confident),
            meetings=meetings,
            known_meetings=known,
            passage_kinds=[(kind, Proposal.Kind(kind).label.split()[0].lower()) for kind in PASSAGE_KINDS],
            can_submit=any(m.status == "draft" for m in meetings),
            can_publish=user_can_publish(request.user),
            media=self._media(cards),
        )
        return TemplateResponse(request, "admin/curation/workbench/workbench.html", context)

    def _media(self, cards):
        from django import forms

        media = forms.Media()
        for card in cards:
            if card["form"] is not None:
                media += card["form"].media
        # workbench.js is loaded at the end of the page (the template), once the text and forms exist.
        return media + forms.Media(css={"all": ["curation/workbench.css"]})

    def review(self, request):
        if not self.model_admin.has_view_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            self._check(request, publish=True)
            meeting = get_object_or_404(Meeting, pk=request.POST.get("meeting"))
            try:
                if request.POST.get("action") == "publish_reports":
                    added = review_corroborations_publish(meeting=meeting, user=request.user)
                    self.model_admin.message_user(request, f"Added {added} passage{'s' if added != 1 else ''} of other reports to “{meeting}”, as a correction.", messages.SUCCESS)
                elif request.POST.get("action") == "send_back_reports":
                    review_corroborations_send_back(meeting=meeting, user=request.user, note=request.POST.get("note", ""))
                    self.model_admin.message_user(request, f"Sent the reports of “{meeting}” back to their editors.", messages.SUCCESS)
                elif request.POST.get("action") == "publish":
                    published = review_publish(meeting=meeting, user=request.user)
                    self.model_admin.message_user(request, f"Published “{meeting}” with {len(published) - 1} other records.", messages.SUCCESS)
                elif request.POST.get("action") == "send_back":
                    review_send_back(meeting=meeting, user=request.user, note=request.POST.get("note", ""))
                    self.model_admin.message_user(request, f"Sent “{meeting}” back to its editor.", messages.SUCCESS)
                else:
                    raise Http404
            except (ProposalError, WorkflowError, ValidationError) as error:
                self.model_admin.message_user(request, _message(error), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:curation_review_queue"))
        context = self._context(
            request,
            title="Review queue",
            items=review_queue(),
            corroborations=review_corroborations(),
            can_publish=user_can_publish(request.user),
        )
        return TemplateResponse(request, "admin/curation/workbench/review_queue.html", context)
