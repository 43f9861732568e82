"""Run every extractor over one report and turn what they find into proposals with exact quotes."""
import datetime
import gc
import re
from dataclasses import dataclass, field

from curation.extraction import attendees as attendee_extraction
from curation.extraction import dates, decisions, figures, layout, meetings, operations, urdu
from curation.extraction.gazetteer import GROUP, PERSON, REGION, Gazetteer, builtin_entries
from curation.extraction.proposal import ATTENDEE, DECISION, FIGURE, MEETING, OPERATION as OPERATION_KIND, ORGANISATION, Proposed
from curation.extraction.text import SpanIndex, sentence_at, sentences
from sources.front_matter import article_start



@dataclass
class Extraction:
    """Everything proposed for one report, in the order an editor reviews it."""

    published_on: datetime.date | None
    meeting: Proposed | None = None
    attendees: list[Proposed] = field(default_factory=list)
    operations: list[Proposed] = field(default_factory=list)
    organisations: list[Proposed] = field(default_factory=list)
    decisions: list[Proposed] = field(default_factory=list)
    figures: list[Proposed] = field(default_factory=list)

    @property
    def proposals(self) -> list[Proposed]:
        meeting = [self.meeting] if self.meeting is not None else []
        return meeting + self.attendees + self.operations + self.organisations + self.decisions + self.figures


def body_start(text: str) -> int:
    """Return where the report proper begins, after any front matter or "date YYYY-MM-DD" line."""
    return article_start(text)


def extract(text: str, published_on: datetime.date | None = None, gazetteer: Gazetteer | None = None) -> Extraction:
    """Return the proposals for one report, resolving relative dates against `published_on`.

    When `published_on` is not given, a date the text carries in its first line ("date 2024-06-23",
    front matter "published: ...") or an agency dateline with a year is used instead.
    """
    # The cyclic garbage collector's passes grow with the objects alive, which grow with the text: paused
    # while a report is read (what extraction builds holds no cycles), so time stays linear in its length.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, published_on, gazetteer)
    finally:
        if collecting:
            gc.enable()


def _extract(text: str, published_on: datetime.date | None, gazetteer: Gazetteer | None) -> Extraction:
    gazetteer = gazetteer or Gazetteer(builtin_entries())
    start = body_start(text)
    # Headline, standfirst, byline, captions and "Related:" lines are not the article's own sentences.
    page = layout.page_layout(text, start)
    lead = page.lead_start
    if published_on is None:
        published_on = dates.publication_date_in_text(text)
    dateline_mention = dates.dateline_date(text, lead)
    dateline_day = _dateline_day(dateline_mention, published_on)
    if published_on is None:
        published_on = dateline_day
    sentence_list = [s for s in sentences(text) if not page.is_furniture(s.start, s.end)]
    result = Extraction(published_on=published_on)

    dateline = meetings.find_dateline(text, lead, gazetteer)
    body = meetings.find_body(text, sentence_list, gazetteer, lead, dateline.name if dateline else None)
    if body is not None and meetings.meeting_status(text, body, page.headlines(text)) != "held":
        # A preview of a sitting to come, or one postponed: no outcome to report, so no meeting to propose.
        body = None
    chair = meetings.find_chair(text, sentence_list, gazetteer, body, lead, dateline) if body is not None else None
    province = body.entry.attrs.get("province") if body else None
    found_date = meetings.find_date(text, sentence_list, body, published_on, lead, dateline=dateline_mention, dateline_date=dateline_day)
    place = meetings.find_place(text, sentence_list, gazetteer, body, lead, dateline)
    operation_items = operations.find_operations(text, sentence_list, gazetteer, start)
    attendee_items = (
        attendee_extraction.find_attendees(text, sentence_list, gazetteer, lead, chair=chair, province=province) if body is not None else []
    )

    if body is not None:
        result.meeting = _meeting_proposal(text, body, found_date, place, chair, operation_items, attendee_items, gazetteer, province)
        result.attendees = [_attendee_proposal(item) for item in attendee_items]
    result.operations = [_name_proposal(OPERATION_KIND, item) for item in operation_items]
    result.organisations = [
        _organisation_proposal(item, sentence_list) for item in operations.find_organisations(text, sentence_list, gazetteer, start)
    ]
    if body is not None:
        result.decisions = [_decision_proposal(item, operation_items, index) for index, item in enumerate(decisions.find_decisions(sentence_list, start))]
    date_spans = [(m.start, m.end) for m in dates.find_dates(text, start)]
    name_spans = [(m.start, m.end) for m in gazetteer.find(text, start)]
    result.figures = [
        _figure_proposal(item, text, gazetteer) for item in figures.find_figures(text, sentence_list, start, date_spans + name_spans)
    ]
    for proposal in result.proposals:
        proposal.check(text)
    return result


def _dateline_day(mention, published_on: datetime.date | None) -> datetime.date | None:
    """Return the full date of a dateline ("ISLAMABAD, June 30:"), its year from the report's date if it gives none."""
    if mention is None:
        return None
    if mention.year is not None:
        return datetime.date(mention.year, mention.month, mention.day)
    if published_on is None:
        return None
    resolved = dates.resolve(mention, published_on)
    return resolved.date


def _meeting_proposal(text, body, found_date, place, chair, operation_items, attendee_items, gazetteer, province) -> Proposed:
    resolved = found_date.resolved
    entry = body.entry
    values = {
        "body_key": entry.key,
        "body_name": entry.name,
        "body_record_id": entry.record_id,
        "body_kind": entry.attrs.get("body_kind", "other"),
        "body_as_written": body.match.quote,
        "date": resolved.date.isoformat() if resolved.date else None,
        "date_precision": resolved.precision,
        "weekday": resolved.weekday,
        "date_note": resolved.note,
        "date_as_written": found_date.mention.quote if found_date.mention else "",
        "place": place.name if place else "",
        "place_from": place.how if place else "",
        "chair_office_key": chair.office.key if chair and chair.office else None,
        "chair_office": attendee_extraction.qualify(chair.office, gazetteer, province).name if chair and chair.office else None,
        "chair_name": chair.name.text if chair and chair.name else None,
        "chair_as_written": text[chair.start : chair.end] if chair else "",
        "chair_from": chair.how if chair else "",
        "operation_keys": [item.key for item in operation_items],
        "attendee_keys": [item.entry.key for item in attendee_items],
        "attendee_person_names": [item.name.text for item in attendee_items if item.name],
    }
    if body.resolved_by:
        values["body_note"] = f"“{body.match.quote}” taken as the {entry.name} from {body.resolved_by}."
    # The quote is the passage naming the body, extended to the sentence giving the date if that comes first.
    quote_start, quote_end = body.sentence.start, body.sentence.end
    if found_date.sentence is not None and found_date.sentence.start < quote_start:
        quote_start = found_date.sentence.start
    if found_date.sentence is not None and found_date.sentence.end > quote_end and found_date.sentence.start - quote_end < 400:
        quote_end = found_date.sentence.end
    notes = [resolved.note]
    if entry.attrs.get("generic"):
        notes.append(f"The report names the body only as “{body.match.quote}”: choose which one.")
    elif entry.attrs.get("adhoc"):
        notes.append(f"The report calls it “{body.match.quote}” and names no standing body: name the meeting, or choose the body it was a sitting of.")
    return Proposed(MEETING, values, text[quote_start:quote_end], quote_start, quote_end, " ".join(n for n in notes if n), resolved.confident)


def _attendee_proposal(item) -> Proposed:
    entry = item.entry
    values = {
        "key": entry.key,
        "role": item.role,
        "office_title": entry.name if entry.kind not in (GROUP, PERSON) else None,
        "office_record_id": entry.record_id if entry.kind not in (GROUP, PERSON) else None,
        "group_label": item.mention if entry.kind == GROUP else "",
        "person_name": item.name.text if item.name else (item.person.name if item.person else None),
        "person_record_id": item.person.record_id if item.person else None,
        "as_written": item.mention,
        "is_new": bool(entry.attrs.get("new")),
    }
    note = ""
    if values["is_new"]:
        note = f"“{item.mention}” is not a known office or group: proposed in the report's own words; confirm it, or set the office or group it is."
    return Proposed(ATTENDEE, values, item.sentence.text, item.sentence.start, item.sentence.end, note)


def _name_proposal(kind: str, item) -> Proposed:
    values = {
        "key": item.key,
        "name": item.name,
        "record_id": item.entry.record_id if item.entry else None,
        "as_written": item.spellings[0],
        "spellings": item.spellings,
        "mentions": item.mentions,
        "is_new": item.entry is None,
    }
    if kind == OPERATION_KIND:
        values["operation_kind"] = item.kind
    note = ""
    if len(item.spellings) > 1:
        note = "The report spells it " + ", ".join(f"“{s}”" for s in item.spellings) + "."
    return Proposed(kind, values, item.sentence.text, item.sentence.start, item.sentence.end, note)


_CALLED_BANNED = re.compile(r"\b(?:banned|proscribed|outlawed|defunct)\b|" + urdu.BANNED, re.IGNORECASE)


def _organisation_proposal(item, sentence_list) -> Proposed:
    """Quote the sentence that calls the organisation banned, if one does: only a source can say so."""
    proposal = _name_proposal(ORGANISATION, item)
    for start, _end in item.extra.get("spans", []):
        sentence = sentence_at(sentence_list, start)
        if sentence is not None and _CALLED_BANNED.search(sentence.text):
            proposal.quote, proposal.start, proposal.end = sentence.text, sentence.start, sentence.end
            proposal.values["called_banned"] = True
            return proposal
    proposal.values["called_banned"] = False
    return proposal


def _decision_proposal(item, operation_items, index: int) -> Proposed:
    sentence = item.sentence
    operation_keys = [op.key for op in operation_items if op.extra.setdefault("index", SpanIndex(op.extra.get("spans", [(op.start, op.end)]))).overlaps(sentence.start, sentence.end)]
    values = {
        "action": item.action,
        "domain": item.domain,
        "domain_scores": item.domain_scores,
        "text": sentence.text,
        "cue": item.cue,
        "order": index,
        "operation_keys": operation_keys,
    }
    return Proposed(DECISION, values, sentence.text, sentence.start, sentence.end)


_PERIOD = re.compile(r"\b(?:over|during|in|for) the (?:past|last|previous) (?:\w+ )?(?:months?|years?|weeks?|days?|decade)\b|\bin the span of a decade\b", re.IGNORECASE)
_PERIOD_LEADS = {"since", "in", "during", "from", "of", "until", "till", "by"}


def _figure_period(text: str, sentence) -> str:
    """Return the period the sentence gives in its own words ("since January 2024", "In 2023"), or ""."""
    for mention in dates.find_dates(text, sentence.start, sentence.end):
        if mention.lead in _PERIOD_LEADS or mention.relative in ("last year", "this year", "last month", "this month"):
            return mention.quote
    match = _PERIOD.search(sentence.text)
    return match.group() if match else ""


def _figure_proposal(item, text: str, gazetteer: Gazetteer) -> Proposed:
    places = list(dict.fromkeys(m.entry.name for m in gazetteer.find(text, item.sentence.start, item.sentence.end, kinds={REGION})))
    values = {
        "places": places,
        "period_text": _figure_period(text, item.sentence),
        "value": item.value,
        "scale": item.scale,
        "full_value": item.full_value,
        "unit": item.unit,
        "measures": item.measures,
        "qualifier": item.qualifier,
        "figure_text": item.figure_text,
        "figure_start": item.start,
        "figure_end": item.end,
        "out_of": item.total,
    }
    return Proposed(FIGURE, values, item.sentence.text, item.sentence.start, item.sentence.end)

