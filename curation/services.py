"""Writes for assisted curation: proposals from an imported report, and an editor accepting or rejecting them.

Accepting creates the record as a draft together with its citation, in one transaction; nothing is
ever published here. Every record is written by `editorial.services.record_save` with the accepting
editor, so the editorial rules hold as in the admin and the API: a new record is the editor's draft,
and adding a citation to a public fact (a report of a meeting already published) is a publisher's
correction, with a correction note. A report of a meeting already in the archive adds its citation to
that meeting instead of creating a second one.
"""
import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from curation.extraction import pipeline
from curation.extraction.gazetteer import GROUP, Gazetteer
from curation.extraction.proposal import ATTENDEE, DECISION, FIGURE, MEETING, OPERATION, ORGANISATION
from curation.models import Proposal
from editorial.services import WorkflowError, public_change_check, record_links_save, record_save
from curation.selectors import gazetteer_build, meeting_candidates_find
from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, Office, Person
from foundations.aliases import normalize_name
from foundations.slugs import free_slug, slug_base
from foundations.publication import PublicationStatus
from figures.models import Figure, Measure, Unit
from operations.models import Operation, OperationAlias, Region
from organisations.models import Organisation, OrganisationAlias, OrganisationCitation
from sources.models import Citation, SourceDocument


# Extraction reads at least 200 KB of text a second on one core (README, "Extraction speed"): a web request
# reads at most this many characters, about a second's work; longer sources are read by
# `manage.py generate_proposals`, which has no request timeout to meet.
INLINE_EXTRACTION_MAX_CHARS = 200_000


def extracts_inline(source: SourceDocument) -> bool:
    """Return True if the source is short enough to be read for proposals inside a web request."""
    length = getattr(source, "text_length", None)
    if length is None:
        length = len(source.text or "")
    return length <= INLINE_EXTRACTION_MAX_CHARS


class ProposalError(Exception):
    """An editor's request about a proposal that cannot be carried out, with a message saying why.

    `field` names the value the editor should change, so a form can show the message beside it.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


def proposals_generate(*, source: SourceDocument, gazetteer: Gazetteer | None = None, replace_pending: bool = False) -> list[Proposal]:
    """Read the source and store what it proposes, unless proposals were already made for it.

    With `replace_pending`, pending proposals are read again (after the gazetteer has grown); accepted
    and rejected ones are kept as the record of what editors decided.
    """
    if source.proposals.exists():
        if not replace_pending:
            return list(source.proposals.all())
        source.proposals.pending().delete()
        if source.proposals.exists():
            return list(source.proposals.all())
    gazetteer = gazetteer or gazetteer_build()
    extraction = pipeline.extract(source.text, source.published_on, gazetteer)
    published_on = extraction.published_on
    meeting_match = None
    meeting_note = ""
    if extraction.meeting is not None:
        meeting_match, meeting_note = _meeting_match(extraction.meeting.values, extraction, gazetteer, published_on)
    proposals = []
    for order, found in enumerate(extraction.proposals):
        if found.end <= found.start:
            continue
        values = dict(found.values)
        note = found.note
        matched_meeting = None
        matched_operation = None
        if found.kind == MEETING:
            matched_meeting = meeting_match
            values["published_on"] = published_on.isoformat() if published_on else None
            if meeting_match is not None:
                values["existing_meeting_id"] = meeting_match.pk
                note = f"Another report of “{meeting_match}”: {meeting_note}. Accepting adds this report's citation to it. " + note
            else:
                twin = _pending_twin(source, values)
                if twin is not None:
                    note = f"Possibly the same meeting as proposal #{twin.pk} from “{twin.source}”, not yet accepted. " + note
        elif found.kind in (ATTENDEE, DECISION):
            matched_meeting = meeting_match
        elif found.kind == OPERATION and values.get("record_id"):
            matched_operation = Operation.objects.filter(pk=values["record_id"]).first()
        proposals.append(
            Proposal(
                source=source,
                kind=found.kind,
                order=order,
                values=values,
                quote=found.quote,
                start=found.start,
                end=found.end,
                note=note.strip(),
                confident=found.confident,
                matched_meeting=matched_meeting,
                matched_operation=matched_operation,
            )
        )
    return Proposal.objects.bulk_create(proposals)


def _meeting_match(values: dict, extraction, gazetteer: Gazetteer, published_on) -> tuple[Meeting | None, str]:
    body_id = values.get("body_record_id")
    if body_id is None:
        return None, ""
    entries = [gazetteer.get(key) for key in values.get("attendee_keys", [])]
    operation_ids = {gazetteer.get(key).record_id for key in values.get("operation_keys", []) if gazetteer.get(key) and gazetteer.get(key).record_id}
    office_ids = {e.record_id for e in entries if e is not None and e.kind == "office" and e.record_id}
    person_ids = {p.values.get("person_record_id") for p in extraction.attendees if p.values.get("person_record_id")}
    group_keys = {e.key for e in entries if e is not None and e.kind == GROUP}
    date = _date_value(values, "date")
    candidates = meeting_candidates_find(
        body_id=body_id,
        date=date,
        date_precision=values.get("date_precision", DatePrecision.UNKNOWN),
        weekday=values.get("weekday"),
        published_on=published_on,
        operation_ids=operation_ids,
        office_ids=office_ids,
        person_ids=person_ids,
        group_keys=group_keys,
        gazetteer=gazetteer,
    )
    if not candidates:
        return None, ""
    best = candidates[0]
    reason = best.reason
    if len(candidates) > 1:
        reason += "; other candidates: " + ", ".join(str(c.meeting) for c in candidates[1:4])
    return best.meeting, reason


def _pending_twin(source: SourceDocument, values: dict) -> Proposal | None:
    """Return a pending meeting proposal from another source for the same body and a compatible date."""
    for other in Proposal.objects.pending().filter(kind=MEETING).exclude(source=source).select_related("source"):
        other_values = other.values
        if other_values.get("body_key") != values.get("body_key"):
            continue
        if values.get("date") and other_values.get("date") and values.get("date_precision") == other_values.get("date_precision") == "day":
            if values["date"] == other_values["date"]:
                return other
            continue
        weekday = values.get("weekday")
        other_weekday = other_values.get("weekday")
        if weekday is not None and other_weekday is not None and weekday != other_weekday:
            continue
        if set(values.get("operation_keys", [])) & set(other_values.get("operation_keys", [])):
            return other
    return None


SEED_CURATED_NOTE = "Curated by hand in the seed archive (load_curated_archive): its facts are already recorded and cited."


def proposals_close_curated(*, sources) -> int:
    """Close the pending proposals of sources whose facts were curated by hand, so none is offered again.

    The seed archive cites these sources for every fact it records; proposals read from them before it
    was loaded would offer the same meetings again as new ones. They are kept, rejected with the reason,
    so reading new sources does not propose them a second time.
    """
    return Proposal.objects.pending().filter(source__in=list(sources)).update(
        state=Proposal.State.REJECTED, reviewed_at=timezone.now(), review_note=SEED_CURATED_NOTE
    )


@transaction.atomic
def proposal_accept(*, proposal: Proposal, user, overrides: dict | None = None, correction_note: str = "") -> Proposal:
    """Create the proposed record as a draft with its citation, and mark the proposal accepted.

    `overrides` replaces proposed values (an editor's corrections); `meeting_id` chooses the meeting
    a report, attendee or decision belongs to, and `create_new: true` makes a meeting proposal a new
    meeting even when the archive has a matching one. Citing a public record (an existing published
    meeting, operation or organisation) changes what readers see: only a publisher may, with a
    `correction_note` (or a `correction_note` among the overrides, as the admin's form sends it).
    """
    proposal = Proposal.objects.select_for_update().select_related("source").get(pk=proposal.pk)
    # A submitted proposal (an editor's corroboration of a public meeting) is accepted by a publisher.
    if proposal.state not in (Proposal.State.PENDING, Proposal.State.SUBMITTED):
        raise ProposalError(f"This proposal was already {proposal.get_state_display().lower()}.")
    if overrides is not None and not isinstance(overrides, dict):
        raise ProposalError("The values must be a JSON object of field names and values.")
    overrides = dict(overrides or {})
    correction_note = correction_note or str(overrides.pop("correction_note", "") or "")
    edits = sorted(key for key, value in overrides.items() if proposal.values.get(key) != value)
    values = {**proposal.values, **overrides}
    handler = _ACCEPT[proposal.kind]
    try:
        citation, note = handler(proposal, values, _Acceptance(user=user, correction_note=correction_note))
    except WorkflowError as error:
        raise ProposalError(str(error)) from error
    proposal.values = values
    proposal.state = Proposal.State.ACCEPTED
    proposal.reviewer = user
    proposal.reviewed_at = timezone.now()
    proposal.citation = citation
    notes = [note] if note else []
    if edits:
        notes.append("Edited before accepting: " + ", ".join(edits) + ".")
    proposal.review_note = " ".join(notes)
    proposal.save()
    return proposal


def proposal_reject(*, proposal: Proposal, user, note: str = "") -> Proposal:
    """Mark the proposal rejected; nothing is created."""
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.state != Proposal.State.PENDING:
            raise ProposalError(f"This proposal was already {proposal.get_state_display().lower()}.")
        proposal.state = Proposal.State.REJECTED
        proposal.reviewer = user
        proposal.reviewed_at = timezone.now()
        proposal.review_note = note
        proposal.save()
    return proposal


class _Acceptance:
    """Who accepts a proposal, and the correction note for a public record it cites."""

    def __init__(self, *, user, correction_note: str = ""):
        self.user = user
        self.correction_note = correction_note

    def save(self, record) -> None:
        """Validate the record and save it through the owning app's editorial rules, as the accepting editor."""
        record.full_clean()
        record_save(record=record, user=self.user, correction_note=self.correction_note, change_reason="Accepted from a proposal")

    def check_change(self, record) -> None:
        """Refuse changing a public record (its aliases, its links) unless a publisher does it with a note."""
        public_change_check(record=record, user=self.user, correction_note=self.correction_note)


def _cite(proposal: Proposal, acceptance: _Acceptance, **target) -> Citation:
    citation = Citation(source=proposal.source, quote=proposal.quote, **target)
    acceptance.save(citation)
    return citation


def _accept_meeting(proposal: Proposal, values: dict, acceptance: _Acceptance) -> tuple[Citation, str]:
    meeting = None
    if values.get("meeting_id"):
        meeting = Meeting.objects.filter(pk=values["meeting_id"]).first()
        if meeting is None:
            raise ProposalError(f"There is no meeting with id {values['meeting_id']}.")
    elif not values.get("create_new"):
        meeting = proposal.matched_meeting
        if meeting is None:
            # Another report of the same meeting may have been accepted since this one was read.
            gazetteer = gazetteer_build()
            body = _body_for(values, create=False)
            if body is not None:
                values["body_record_id"] = body.pk
                published_on = _date_value(values, "published_on")
                extraction = pipeline.extract(proposal.source.text, published_on, gazetteer)
                meeting, _reason = _meeting_match({**extraction.meeting.values, **values} if extraction.meeting else values, extraction, gazetteer, published_on)
    if meeting is not None:
        citation = _cite(proposal, acceptance, meeting=meeting)
        proposal.matched_meeting = meeting
        _attach_meeting(proposal, meeting)
        return citation, f"Another report of “{meeting}”: its citation was added; the meeting is unchanged."
    body = _body_for(values, create=True, acceptance=acceptance)
    date = _date_value(values, "date")
    precision = values.get("date_precision") or (DatePrecision.DAY if date else DatePrecision.UNKNOWN)
    if date is None:
        precision = DatePrecision.UNKNOWN
    elif precision == DatePrecision.MONTH:
        date = date.replace(day=1)
    elif precision == DatePrecision.YEAR:
        date = date.replace(month=1, day=1)
    meeting = Meeting(
        body=body,
        date=date,
        date_precision=precision,
        weekday=values.get("weekday"),
        date_note=values.get("date_note", ""),
        place=values.get("place", "") or "",
        status=PublicationStatus.DRAFT,
    )
    if meeting.weekday is not None and date is not None and precision != DatePrecision.DAY:
        meeting.weekday = None
    meeting.title = values.get("title") or f"{body.name} meeting"
    meeting.slug = free_slug(Meeting, slug_base(Meeting, f"{meeting.title} {meeting.date_display}"))
    acceptance.save(meeting)
    citation = _cite(proposal, acceptance, meeting=meeting)
    proposal.matched_meeting = meeting
    _attach_meeting(proposal, meeting)
    return citation, f"Created the draft meeting “{meeting}”."


def _date_value(values: dict, key: str) -> datetime.date | None:
    if not values.get(key):
        return None
    try:
        return datetime.date.fromisoformat(str(values[key]))
    except ValueError as error:
        raise ProposalError(f"{key} must be a date written YYYY-MM-DD, not {values[key]!r}.") from error


def _attach_meeting(proposal: Proposal, meeting: Meeting) -> None:
    """Point the source's pending attendee and decision proposals at the meeting now accepted."""
    Proposal.objects.pending().filter(source=proposal.source, kind__in=[ATTENDEE, DECISION]).update(matched_meeting=meeting)


def _body_for(values: dict, *, create: bool, acceptance: _Acceptance | None = None) -> Body | None:
    if values.get("body_record_id"):
        body = Body.objects.filter(pk=values["body_record_id"]).first()
        if body is not None:
            return body
    # The archive may have gained the body since the report was read (load_curated_archive after import_sources).
    entry = gazetteer_build().get(values.get("body_key") or "")
    if entry is not None and entry.record_id is not None:
        body = Body.objects.filter(pk=entry.record_id).first()
        if body is not None:
            return body
    name = values.get("body_name") or ""
    body = Body.objects.filter(name__iexact=name).first() or Body.objects.filter(aliases__name__iexact=name).first()
    if body is not None or not create:
        return body
    if not name or (name.casefold() in _GENERIC_BODY_NAMES and values.get("body_key") in ("body:apex-committee", "body:provincial-apex-committee", "body:nap-review-committee")):
        raise ProposalError("The report names the body only as “the apex committee”: choose the body that met, or name a new one.", field="body_name")
    kinds = {choice: label for choice, label in Body.Kind.choices}
    kind = values.get("body_kind") or Body.Kind.OTHER
    if kind not in kinds:
        raise ProposalError(f"“{kind}” is not a kind of body; choose one of: {', '.join(str(label) for label in kinds.values())}.", field="body_kind")
    body = Body(name=name, slug=free_slug(Body, slug_base(Body, name)), kind=kind)
    acceptance.save(body)
    return body


# What a report calls a body it does not name: an editor who typed a real name has answered the question.
_GENERIC_BODY_NAMES = {"apex committee", "the apex committee", "provincial apex committee", "the provincial apex committee", "nap review committee", "the nap review committee"}


def _meeting_for(proposal: Proposal, values: dict) -> Meeting:
    if values.get("meeting_id"):
        meeting = Meeting.objects.filter(pk=values["meeting_id"]).first()
        if meeting is None:
            raise ProposalError(f"There is no meeting with id {values['meeting_id']}.")
        return meeting
    if proposal.matched_meeting is not None:
        return proposal.matched_meeting
    accepted = Proposal.objects.accepted().filter(source=proposal.source, kind=MEETING).exclude(matched_meeting=None).first()
    if accepted is not None:
        return accepted.matched_meeting
    raise ProposalError("Accept this report's meeting proposal first, or give the meeting_id this belongs to.")


def _accept_attendee(proposal: Proposal, values: dict, acceptance: _Acceptance) -> tuple[Citation, str]:
    meeting = _meeting_for(proposal, values)
    office = None
    if values.get("office_record_id"):
        office = Office.objects.filter(pk=values["office_record_id"]).first()
    if office is None and values.get("office_title"):
        title = values["office_title"]
        office = Office.objects.filter(title__iexact=title).first()
        if office is None:
            office = Office(title=title, slug=free_slug(Office, slug_base(Office, title)))
            acceptance.save(office)
    person = None
    if values.get("person_record_id"):
        person = Person.objects.filter(pk=values["person_record_id"]).first()
    if person is None and values.get("person_name"):
        name = values["person_name"]
        person = Person.objects.filter(name__iexact=name).first() or Person.objects.filter(aliases__name__iexact=name).first()
        if person is None:
            person = Person(name=name, slug=free_slug(Person, slug_base(Person, name)))
            acceptance.save(person)
    group_label = values.get("group_label") or ""
    if office is None and person is None and not group_label:
        raise ProposalError("Give an office_title, a person_name or a group_label.")
    roles = {choice for choice, _label in Attendee.Role.choices}
    role = values.get("role") if values.get("role") in roles else Attendee.Role.MEMBER
    existing = Attendee.objects.filter(meeting=meeting, office=office, person=person, group_label=group_label).first()
    if existing is None and group_label:
        existing = _same_group(meeting, group_label)
    if existing is not None:
        citation = _cite(proposal, acceptance, attendee=existing)
        return citation, f"Already recorded at the meeting as “{existing}”: its citation was added."
    attendee = Attendee(
        meeting=meeting,
        office=office,
        person=person,
        group_label=group_label,
        role=role,
        order=meeting.attendees.count(),
        status=PublicationStatus.DRAFT,
    )
    acceptance.save(attendee)
    return _cite(proposal, acceptance, attendee=attendee), f"Created the draft attendee “{attendee}”."


def _same_group(meeting: Meeting, group_label: str) -> Attendee | None:
    gazetteer = gazetteer_build()
    wanted = gazetteer.find(group_label, kinds={GROUP})
    if not wanted:
        return None
    for attendee in meeting.attendees.exclude(group_label=""):
        found = gazetteer.find(attendee.group_label, kinds={GROUP})
        if found and found[0].entry.key == wanted[0].entry.key:
            return attendee
    return None


def _accept_operation(proposal: Proposal, values: dict, acceptance: _Acceptance) -> tuple[Citation, str]:
    operation = None
    if values.get("operation_id"):
        operation = Operation.objects.filter(pk=values["operation_id"]).first()
        if operation is None:
            raise ProposalError(f"There is no operation with id {values['operation_id']}.")
    elif values.get("record_id"):
        operation = Operation.objects.filter(pk=values["record_id"]).first()
    if operation is None and proposal.matched_operation is not None:
        operation = proposal.matched_operation
    name = values.get("name") or ""
    if operation is None and name:
        operation = Operation.objects.named(name).first()
    created = operation is None
    if created:
        if not name:
            raise ProposalError("Give the operation's name.")
        kinds = {choice for choice, _label in Operation.Kind.choices}
        operation = Operation(
            name=name,
            slug=free_slug(Operation, slug_base(Operation, name)),
            kind=values.get("operation_kind") if values.get("operation_kind") in kinds else Operation.Kind.MILITARY_OPERATION,
        )
        acceptance.save(operation)
    if not created:
        acceptance.check_change(operation)
    added = _record_spellings(operation, values.get("spellings") or [])
    citation = _cite(proposal, acceptance, operation=operation)
    proposal.matched_operation = operation
    parts = [f"Created the draft operation “{operation}”." if created else f"Cited for the operation “{operation}”."]
    if added:
        parts.append("New spellings recorded as aliases: " + ", ".join(added) + ".")
    return citation, " ".join(parts)


def _record_spellings(operation: Operation, spellings: list[str]) -> list[str]:
    """Record each spelling the report uses that the archive does not know yet, so the next import finds it exactly."""
    known = {normalize_name(operation.name), *(normalize_name(alias.name) for alias in operation.aliases.all())}
    added = []
    for spelling in spellings:
        if normalize_name(spelling) in known:
            continue
        if OperationAlias.objects.filter(name__iexact=spelling).exists():
            continue
        alias = OperationAlias(operation=operation, name=spelling, kind=OperationAlias.Kind.SPELLING, note="Recorded from an accepted proposal.")
        alias.full_clean()
        # An alias is part of its operation's public answer: saved as a part, so the changes feed lists it.
        record_links_save(record=operation, save_links=alias.save)
        known.add(normalize_name(spelling))
        added.append(spelling)
    return added


def _accept_decision(proposal: Proposal, values: dict, acceptance: _Acceptance) -> tuple[Citation, str]:
    meeting = _meeting_for(proposal, values)
    if values.get("decision_id"):
        # Another report of a known meeting: its passage corroborates a decision already recorded.
        existing = Decision.objects.filter(pk=values["decision_id"], meeting=meeting).first()
        if existing is None:
            raise ProposalError(f"Choose one of the decisions of “{meeting}”.", field="existing_decision")
        return _cite(proposal, acceptance, decision=existing), f"Cited for the decision “{existing}”, already recorded."
    actions = {choice for choice, _label in Decision.Action.choices}
    domains = {choice for choice, _label in Decision.Domain.choices}
    if values.get("domain") not in domains:
        raise ProposalError(f"Choose a domain among: {', '.join(sorted(domains))}.", field="domain")
    decision = Decision(
        meeting=meeting,
        order=meeting.decisions.count(),
        action=values.get("action") if values.get("action") in actions else Decision.Action.DECIDED,
        text=values.get("text") or proposal.quote,
        domain=values["domain"],
        status=PublicationStatus.DRAFT,
    )
    acceptance.save(decision)
    operation_ids = set(values.get("operation_ids") or [])
    accepted_operations = Proposal.objects.accepted().filter(source=proposal.source, kind=OPERATION).exclude(matched_operation=None)
    for other in accepted_operations:
        if other.values.get("key") in (values.get("operation_keys") or []):
            operation_ids.add(other.matched_operation_id)
    if operation_ids:
        decision.operations.set(Operation.objects.filter(pk__in=operation_ids))
    if values.get("body_ids"):
        decision.bodies.set(Body.objects.filter(pk__in=values["body_ids"]))
    return _cite(proposal, acceptance, decision=decision), f"Created the draft decision for “{meeting}”."


_QUALIFIERS = {
    "at least": "at_least", "more than": "more_than", "over": "more_than", "up to": "at_most", "less than": "fewer_than",
    "nearly": "about", "almost": "about", "about": "about", "around": "about", "some": "about", "approximately": "about",
}


def _accept_organisation(proposal: Proposal, values: dict, acceptance: _Acceptance) -> tuple[None, str]:
    organisation = None
    if values.get("organisation_id"):
        organisation = Organisation.objects.filter(pk=values["organisation_id"]).first()
        if organisation is None:
            raise ProposalError(f"There is no organisation with id {values['organisation_id']}.")
    elif values.get("record_id"):
        organisation = Organisation.objects.filter(pk=values["record_id"]).first()
    spellings = values.get("spellings") or [values.get("as_written") or values.get("name")]
    for name in [*spellings, values.get("name")]:
        if organisation is None and name:
            organisation = Organisation.objects.filter(name__iexact=name).first() or Organisation.objects.filter(aliases__name__iexact=name).first()
    called_banned = bool(values.get("called_banned"))
    notes = []
    created = organisation is None
    if created:
        # The name as the source writes it: the archive does not expand an abbreviation the source leaves alone.
        name = values.get("record_name") or spellings[0]
        organisation = Organisation(
            name=name,
            slug=free_slug(Organisation, slug_base(Organisation, name)),
            kind=Organisation.Kind.BANNED_OUTFIT if called_banned else Organisation.Kind.OTHER,
            banned=called_banned,
        )
        acceptance.save(organisation)
        notes.append(f"Created the draft organisation “{organisation}”{' named as banned' if called_banned else ''}.")
    else:
        acceptance.check_change(organisation)
        notes.append(f"Cited for the organisation “{organisation}”.")
        if called_banned and not organisation.banned:
            notes.append("This source calls it banned and the record does not say so: check.")
    known = {normalize_name(organisation.name), *(normalize_name(a.name) for a in organisation.aliases.all())}
    for spelling in spellings:
        if spelling and normalize_name(spelling) not in known and not OrganisationAlias.objects.filter(name__iexact=spelling).exists():
            alias = OrganisationAlias(organisation=organisation, name=spelling, note="Recorded from an accepted proposal.")
            alias.full_clean()
            record_links_save(record=organisation, save_links=alias.save)
            known.add(normalize_name(spelling))
            notes.append(f"New spelling recorded as an alias: {spelling}.")
    citation = OrganisationCitation(organisation=organisation, source=proposal.source, quote=proposal.quote)
    acceptance.save(citation)
    proposal.organisation_citation = citation
    # Decisions of this report already accepted that name it concern it.
    for decision_proposal in Proposal.objects.accepted().filter(source=proposal.source, kind=DECISION).exclude(citation=None).select_related("citation"):
        if any(spelling and spelling in decision_proposal.quote for spelling in spellings):
            decision_id = decision_proposal.citation.decision_id
            record_links_save(record=organisation, save_links=lambda: organisation.decisions.add(decision_id))
    return None, " ".join(notes)


def _accept_figure(proposal: Proposal, values: dict, acceptance: _Acceptance) -> tuple[None, str]:
    units = {choice for choice, _label in Unit.choices}
    if values.get("unit") not in units:
        raise ProposalError(f"The archive records figures in {', '.join(sorted(units))}; set unit to one of them.")
    measure_name = (values.get("measure") or values.get("measures") or "").strip()
    if not measure_name:
        raise ProposalError("Say what the number measures (measure).")
    measure_name = measure_name[:1].upper() + measure_name[1:]
    if values.get("scale"):
        measure_name = f"{measure_name} ({values['scale']}s)" if not measure_name.endswith(")") else measure_name
    measure = Measure.objects.filter(name__iexact=measure_name).first()
    if measure is None:
        measure = Measure(name=measure_name, slug=free_slug(Measure, slug_base(Measure, measure_name)), unit=values["unit"])
        measure.full_clean()
        measure.save()
    try:
        value = Decimal(str(values.get("value"))).normalize()
    except InvalidOperation as error:
        raise ProposalError(f"value must be a number, not {values.get('value')!r}.") from error
    figure = Figure(
        measure=measure,
        value=value,
        qualifier=_QUALIFIERS.get((values.get("qualifier") or "").casefold(), "exact"),
        unit=values["unit"],
        period_text=(values.get("period_text") or "")[:200],
        source=proposal.source,
        quote=proposal.quote,
        status=PublicationStatus.DRAFT,
    )
    figure.slug = free_slug(Figure, slug_base(Figure, f"{measure_name} {proposal.source.slug}"))
    acceptance.save(figure)
    regions = Region.objects.filter(name__in=values.get("places") or [])
    figure.places.set(regions)
    proposal.figure = figure
    return None, f"Created the draft figure “{figure}”."


_ACCEPT = {
    MEETING: _accept_meeting,
    ATTENDEE: _accept_attendee,
    OPERATION: _accept_operation,
    DECISION: _accept_decision,
    ORGANISATION: _accept_organisation,
    FIGURE: _accept_figure,
}
