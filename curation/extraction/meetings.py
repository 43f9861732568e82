"""The meeting a report is about: which body met, when, where, and who chaired."""
import dataclasses
import datetime
import re
from dataclasses import dataclass

from curation.extraction import dates, urdu
from curation.extraction.gazetteer import BODY, OFFICE, PERSON, PLACE, REGION, Entry, Gazetteer, Match, builtin_entries
from curation.extraction.people import Name, name_after, name_before
from curation.extraction.text import Sentence, sentence_at
from foundations.aliases import fold_accents

# Words that say a sentence is about the sitting itself.
MEETING_CUE = re.compile(
    r"\b(meeting|met|meets|session|sitting|huddle|moot|chaired|chairing|chairs|presided|presiding|convened|"
    r"attended|participated|gave the go-ahead|communiqu[eé]|handout|press release|statement issued|forum|apex committee)\b|" + urdu.MEETING_CUE,
    re.IGNORECASE,
)
_OTHER_EVENT_LEADS = {"since", "from", "until", "till", "by", "before", "after"}
_OTHER_EVENT_RELATIVE = {"last week", "last month", "last year", "this year", "this week", "earlier this week"}
_BEFORE_BODY = re.compile(
    r"(?:meeting|session|sitting|huddle|moot|meet)\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$|"
    r"(?:chaired|chairing|presided over|presiding over|convened|summoned|attended|addressing|addressed)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}$|"
    + urdu.BEFORE_BODY,
    re.IGNORECASE,
)
_AFTER_BODY = re.compile(
    r"^['’]?s?\s*(?:\)\s*)?(?:meeting|session|met|meets|on\s+\w+\s+(?:approved|decided|met)|has approved|approved|decided|gave|"
    r",\s*(?:chaired|presided|which met|headed)|was chaired|was presided|held|chaired)|" + urdu.AFTER_BODY,
    re.IGNORECASE,
)
_PROVINCIAL_CUE = re.compile(r"\bprovincial\b|" + urdu.PROVINCIAL, re.IGNORECASE)
# "usually chaired by the prime minister": what a body does in general, not a sitting the report is about.
HABITUAL = re.compile(r"\b(?:usually|normally|generally|typically|regularly|routinely|is chaired|are chaired|is headed|are headed|"
                      r"oversees|overseen|was set up|were set up|was formed|were formed|was established|were established|consists of|comprises)\b|"
                      + urdu.HABITUAL, re.IGNORECASE)
UNDER_WAY = re.compile(r"\b(?:is|are)\s+(?:now\s+)?(?:chairing|presiding over|being held|participating|attending|meeting|under way|underway|in session)\b|"
                       + urdu.UNDER_WAY, re.IGNORECASE)
# A sitting still to come, or called off: the report cannot give its outcome.
PREVIEW = re.compile(r"\b(?:will|shall|is to|are to|is due to|are due to|is set to|are set to|is expected to|are expected to|to be held|"
                     r"is scheduled|are scheduled|was scheduled|scheduled for|tomorrow|next week|to meet|has called|have called|has summoned|"
                     r"has convened a meeting for|likely to)\b|" + urdu.PREVIEW, re.IGNORECASE)
POSTPONED = re.compile(r"\b(?:postponed|put off|deferred|called off|cancelled|canceled|rescheduled|adjourned sine die)\b|" + urdu.POSTPONED, re.IGNORECASE)
HELD = re.compile(r"\b(?:met|chaired|presided|was held|were held|was convened|convened|approved|decided|reviewed|resolved|directed|"
                  r"was attended|were told|was told|was briefed|were briefed|is chairing|is being held|are participating|agreed)\b|" + urdu.HELD,
                  re.IGNORECASE)
_CITY_PROVINCE = {
    "peshawar": "khyber-pakhtunkhwa", "bannu": "khyber-pakhtunkhwa", "dera ismail khan": "khyber-pakhtunkhwa",
    "karachi": "sindh", "hyderabad": "sindh", "sukkur": "sindh",
    "quetta": "balochistan", "gwadar": "balochistan", "turbat": "balochistan",
    "lahore": "punjab", "multan": "punjab", "faisalabad": "punjab",
    "gilgit": "gilgit-baltistan", "muzaffarabad": "azad-jammu-and-kashmir",
}
_DATELINE = re.compile(r"\s*(?P<city>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2})\s*(?:,[^:\n–—]{0,40}?)?\s*(?:\([A-Za-z]+\))?\s*(?::|–|—|\s-\s)")
_CHAIR_BEFORE = re.compile(
    r"(?:chaired by|presided over by|presided by|under the chairmanship of|under the chair of|headed by|under the chairpersonship of|"
    r"led by|(?:meeting|met|meets|session|sitting|meeting held)\s+under)\s+(?:the\s+)?(?:(?:caretaker|acting|interim|then|provincial|federal)\s+)?$|"
    + urdu.CHAIR_BEFORE,
    re.IGNORECASE,
)
_CHAIR_AFTER = re.compile(
    r"^\s*(?:,\s*(?:who\s+(?:also\s+)?)?)?(?:on\s+\w+\s+|today\s+)?(?:chaired|chairs|presided over|presided|presides|was chairing|is chairing|while chairing|chairing|convened|summoned|in the chair)\b|"
    + urdu.CHAIR_AFTER,
    re.IGNORECASE,
)
# "He was chairing a meeting ...": the chair is the person the sentence before is about.
_PRONOUN_CHAIR = re.compile(r"^\s*(?:He|She)\s+(?:was\s+|is\s+|also\s+)?(?:chairing|chaired|presiding over|presided over|chairs)\b")
# "Prime Minister X chaired a meeting to review ...": a sitting the report names by no body.
_UNNAMED_MEETING = re.compile(
    r"\b(?:chaired|chairing|chairs|presided over|presiding over|convened|held)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?P<meeting>meeting|huddle|session)\b|"
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?P<meeting2>meeting|huddle|session)\b[^.]{0,120}?\bin the chair\b|"
    + urdu.UNNAMED_MEETING.replace("?P<meeting>", "?P<meeting3>"),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class BodyFound:
    entry: Entry
    match: Match
    sentence: Sentence
    resolved_by: str = ""


@dataclass(frozen=True)
class Chair:
    office: Entry | None
    name: Name | None
    start: int
    end: int
    sentence: Sentence
    how: str


@dataclass(frozen=True)
class DateFound:
    resolved: dates.ResolvedDate
    mention: dates.DateMention | None
    sentence: Sentence | None


@dataclass(frozen=True)
class PlaceFound:
    name: str
    start: int
    end: int
    sentence: Sentence | None
    how: str


def province_of_match(match: Match) -> str | None:
    if match.entry.kind == REGION:
        return match.entry.key.split(":", 1)[1]
    return match.entry.attrs.get("province")


def find_body(text: str, sentence_list: list[Sentence], gazetteer: Gazetteer, body_start: int, dateline_city: str | None) -> BodyFound | None:
    """Return the body whose meeting the report is about, resolving "the apex committee" from context."""
    candidates = []
    lead_sentences = [s for s in sentence_list if s.end > body_start][:3]
    lead_end = lead_sentences[-1].end if lead_sentences else body_start
    for match in gazetteer.find(text, body_start, kinds={BODY}):
        sentence = sentence_at(sentence_list, match.start)
        if sentence is None:
            continue
        before = text[max(sentence.start, match.start - 60) : match.start]
        after = text[match.end : match.end + 40]
        score = 0
        if _BEFORE_BODY.search(before):
            score += 4
        if _AFTER_BODY.search(after):
            score += 3
        if match.entry.attrs.get("meets") is False and score < 4:
            continue
        if HABITUAL.search(sentence.text) and not dates.find_dates(text, sentence.start, sentence.end):
            continue
        if sentence.start < lead_end:
            score += 2
        if MEETING_CUE.search(sentence.text):
            score += 1
        if score < 2:
            continue  # named in passing ("formed after an all-parties conference"), not the sitting reported
        candidates.append((score, -match.start, match, sentence))
    if not candidates:
        return _unnamed_meeting(text, sentence_list, gazetteer, body_start)
    _score, _position, match, sentence = max(candidates, key=lambda c: (c[0] - (1 if c[2].entry.attrs.get("adhoc") else 0), c[1]))
    entry = match.entry
    if entry.attrs.get("generic") or (entry.key == "body:central-apex-committee" and not _says_federal(match.quote)):
        resolved = _resolve_generic(text, sentence, sentence_list, gazetteer, body_start, entry, match, dateline_city)
        if resolved is not None:
            return BodyFound(resolved[0], match, sentence, resolved[1])
    return BodyFound(entry, match, sentence)


def _unnamed_meeting(text: str, sentence_list: list[Sentence], gazetteer: Gazetteer, body_start: int) -> BodyFound | None:
    """Return "a meeting" that an office chaired in the report's first sentences, as a high-level meeting for the editor to name."""
    entry = gazetteer.get("body:high-level-meeting")
    if entry is None:
        return None
    for sentence in [s for s in sentence_list if s.end > body_start][:4]:
        found = _UNNAMED_MEETING.search(sentence.text)
        if found is None or HABITUAL.search(sentence.text):
            continue
        group = next(name for name in ("meeting", "meeting2", "meeting3") if found.group(name))
        start, end = sentence.start + found.start(group), sentence.start + found.end(group)
        match = Match(entry, start, end, text[start:end])
        return BodyFound(entry, match, sentence, "a meeting the report names by no body")
    return None


def meeting_status(text: str, body: BodyFound, headlines: list[str]) -> str:
    """Return "held" if the report gives a sitting that took (or is taking) place, else "preview" or "postponed"."""
    sentence = body.sentence.text
    if HELD.search(sentence):
        return "held"
    if POSTPONED.search(sentence) or any(POSTPONED.search(line) for line in headlines):
        return "postponed"
    if PREVIEW.search(sentence) or any(PREVIEW.search(line) for line in headlines):
        return "preview"
    return "held"


def _says_federal(quote: str) -> bool:
    folded = fold_accents(quote)
    return any(word in folded for word in ("central", "federal", "national apex", "nap apex", "national action plan apex", *urdu.FEDERAL_WORDS))


def _resolve_generic(text, sentence, sentence_list, gazetteer, body_start, entry, match, dateline_city) -> tuple[Entry, str] | None:
    """Return which apex committee "the apex committee" is, and why; None when the report does not say."""

    family = entry.attrs.get("family", "apex-committee")

    def provincial_body(province):
        return gazetteer.get(f"body:{family}:{province}")

    # 1. A province named right by it: "the apex committee in Khyber Pakhtunkhwa".
    for near in gazetteer.find(text, max(sentence.start, match.start - 40), min(sentence.end, match.end + 40), kinds={REGION}):
        if provincial_body(province_of_match(near)) is not None:
            return provincial_body(province_of_match(near)), f"the province named with it ({near.quote})"
    # 2. A province's chief minister or governor in the same sentence.
    for office in gazetteer.find(text, sentence.start, sentence.end, kinds={OFFICE}):
        province = office.entry.attrs.get("province")
        if province and office.entry.attrs.get("base") in ("chief-minister", "governor") and provincial_body(province) is not None:
            return provincial_body(province), f"the {office.quote} in the same sentence"
    provincial = bool(_PROVINCIAL_CUE.search(sentence.text)) or entry.attrs.get("level") == "provincial"
    dateline_province = _CITY_PROVINCE.get(fold_accents(dateline_city or ""))
    # 3. The head of government leading the report (front matter excluded).
    report_sentences = [s for s in sentence_list if s.end > body_start][:3]
    lead_end = report_sentences[-1].end if report_sentences else body_start
    for office in gazetteer.find(text, body_start, lead_end, kinds={OFFICE}):
        province = office.entry.attrs.get("province")
        if province and office.entry.attrs.get("base") == "chief-minister" and provincial_body(province) is not None:
            return provincial_body(province), f"the chief minister leading the report ({office.quote})"
        if office.entry.key == "office:prime-minister" and not provincial and family == "apex-committee":
            return gazetteer.get("body:central-apex-committee"), f"the prime minister leading the report ({office.quote})"
        if office.entry.key == "office:chief-minister" and dateline_province:
            return provincial_body(dateline_province), f"a chief minister and the dateline {dateline_city}"
    # 4. "The provincial apex committee" under a provincial capital's dateline.
    if provincial and dateline_province and provincial_body(dateline_province) is not None:
        return provincial_body(dateline_province), f"the dateline {dateline_city}"
    # 5. Where it met ("at the Chief Minister's Secretariat in Quetta") or the province's offices in the
    # report's first sentences ("Chief Minister ... chaired"), with the dateline: a provincial committee.
    lead_sentences = [s for s in sentence_list if s.end > body_start][:4]
    lead_offices = [o for s in lead_sentences for o in gazetteer.find(text, s.start, s.end, kinds={OFFICE})]
    has_provincial_head = any(o.entry.attrs.get("base") in ("chief-minister", "governor") for o in lead_offices)
    if not any(o.entry.key == "office:prime-minister" for o in lead_offices) or has_provincial_head:
        for place in gazetteer.find(text, sentence.start, sentence.end, kinds={PLACE, REGION}):
            province = province_of_match(place) or _CITY_PROVINCE.get(fold_accents(place.entry.name))
            if province and provincial_body(province) is not None and (provincial or has_provincial_head or place.entry.kind == REGION):
                return provincial_body(province), f"where it met ({place.quote})"
        for office in lead_offices:
            province = office.entry.attrs.get("province")
            if province and provincial_body(province) is not None:
                return provincial_body(province), f"the {office.quote} in the report's first sentences"
        if (provincial or has_provincial_head) and dateline_province and provincial_body(dateline_province) is not None:
            return provincial_body(dateline_province), f"a provincial head of government and the dateline {dateline_city}"
    return None


def find_dateline(text: str, body_start: int, gazetteer: Gazetteer) -> PlaceFound | None:
    urdu_match = urdu.DATELINE.match(text, body_start)
    if urdu_match is not None:
        entry = gazetteer.lookup(urdu_match.group("city"))
        if entry is not None and entry.kind == PLACE:
            return PlaceFound(entry.name, urdu_match.start("city"), urdu_match.end("city"), None, "dateline")
    match = _DATELINE.match(text, body_start)
    if match is None:
        return None
    city = match.group("city")
    known = [entry for entry in gazetteer.of_kind(PLACE) if not entry.attrs.get("venue") and fold_accents(entry.name) == fold_accents(city)]
    if not known and not (city.isupper() and len(city) >= 4):
        return None
    name = known[0].name if known else city.title()
    return PlaceFound(name, match.start("city"), match.end("city"), None, "dateline")


def find_date(
    text: str,
    sentence_list: list[Sentence],
    body: BodyFound | None,
    published_on: datetime.date | None,
    body_start: int,
    limit_sentences: int = 6,
    dateline: dates.DateMention | None = None,
    dateline_date: datetime.date | None = None,
) -> DateFound:
    """Return the meeting's date from the first sentences that speak of the meeting.

    An agency dateline ("KARACHI, Feb 21 (APP):") is the day the copy was filed: relative words are
    resolved against it rather than the publication date, and its own weekday counts ("on Thursday"
    in copy filed on a Thursday is that day), as agencies file the day of the event. The dateline's
    date is not itself the meeting's date.
    """
    reference = dateline_date or published_on
    relevant = [s for s in sentence_list if s.end > body_start][:limit_sentences]
    if body is not None and body.sentence not in relevant:
        relevant.append(body.sentence)
    meeting_sentences = [s for s in relevant if MEETING_CUE.search(s.text) or (body is not None and s == body.sentence)]
    ordered = meeting_sentences + [s for s in relevant if s not in meeting_sentences][:2]
    fallback = None
    for sentence in ordered:
        for mention in dates.find_dates(text, max(sentence.start, body_start), sentence.end):
            if mention.lead in _OTHER_EVENT_LEADS or mention.relative in _OTHER_EVENT_RELATIVE:
                continue
            if mention.form == "year":
                continue
            if dateline is not None and mention.start < dateline.end and dateline.start < mention.end:
                continue
            before = text[max(sentence.start, mention.start - 20) : mention.start].casefold()
            says_today = "today" in before or urdu.TODAY in before or mention.relative in ("today", "earlier today")
            resolved = dates.resolve(mention, reference, says_today=says_today or dateline_date is not None)
            if dateline_date is not None and resolved.note:
                resolved = dataclasses.replace(resolved, note=resolved.note.replace("a report dated", "copy filed (dateline)"))
            if mention.day is not None or mention.weekday is not None or mention.relative in ("today", "yesterday", "earlier today"):
                return DateFound(resolved, mention, sentence)
            if fallback is None and mention.month is not None and mention.lead not in ("last",):
                fallback = DateFound(resolved, mention, sentence)
    if fallback is not None:
        return fallback
    # "The prime minister is chairing a conference": a report written while the sitting is under way is dated that day.
    if body is not None and reference is not None and UNDER_WAY.search(body.sentence.text):
        note = f"The report speaks of the sitting as under way (“{UNDER_WAY.search(body.sentence.text).group()}”): the day the report was {'filed' if dateline_date else 'published'}, {reference:%d %B %Y}."
        return DateFound(dates.ResolvedDate(reference, dates.DAY, weekday=reference.weekday(), note=note), None, body.sentence)
    return DateFound(dates.ResolvedDate(None, dates.UNKNOWN, note="The report does not say when the meeting took place."), None, None)


def find_place(text: str, sentence_list: list[Sentence], gazetteer: Gazetteer, body: BodyFound | None, body_start: int, dateline: PlaceFound | None) -> PlaceFound | None:
    relevant = [s for s in sentence_list if s.end > body_start][:6]
    if body is not None and body.sentence not in relevant:
        relevant.insert(0, body.sentence)
    for sentence in relevant:
        if not MEETING_CUE.search(sentence.text):
            continue
        for match in gazetteer.find(text, sentence.start, sentence.end, kinds={PLACE}):
            before = text[max(sentence.start, match.start - 12) : match.start].casefold()
            # Urdu puts "میں" (in, at) after the place: "وزیراعلیٰ ہاؤس پشاور میں".
            after_urdu = urdu.PLACE_AFTER.match(text, match.end, sentence.end)
            if match.entry.attrs.get("venue") and (re.search(r"\b(at|in)\s+(the\s+)?$", before) or after_urdu):
                return PlaceFound(match.entry.name, match.start, match.end, sentence, "venue")
            if not match.entry.attrs.get("venue") and (re.search(r"\b(in|at)\s+$", before) or after_urdu):
                return PlaceFound(match.entry.name, match.start, match.end, sentence, "in the text")
    return dateline


def find_chair(text: str, sentence_list: list[Sentence], gazetteer: Gazetteer, body: BodyFound | None, body_start: int, dateline: PlaceFound | None) -> Chair | None:
    """Return who chaired: "chaired by X", "X presided over", or the body's usual chair leading the report."""
    people = gazetteer.find(text, body_start, kinds={OFFICE, PERSON})
    for match in people:
        sentence = sentence_at(sentence_list, match.start)
        if sentence is None:
            continue
        before = text[max(sentence.start, match.start - 50) : match.start]
        if _CHAIR_BEFORE.search(before):
            return _chair_from(text, match, sentence, "chaired by")
        chair = _chair_from(text, match, sentence, "presided")
        if _CHAIR_AFTER.match(text[chair.end : chair.end + 120]):
            return chair
    # "Prime Minister X has directed ... He was chairing a meeting ...".
    lead = [s for s in sentence_list if s.end > body_start][:4]
    for previous, sentence in zip(lead, lead[1:]):
        if _PRONOUN_CHAIR.match(sentence.text):
            first = gazetteer.find(text, previous.start, previous.end, kinds={OFFICE, PERSON})
            if first and not text[previous.start : first[0].start].strip(" :–—-\n\"“").replace("The", "").strip():
                return _chair_from(text, first[0], previous, "the person a pronoun refers to")
    # A name with no office after "chaired by".
    for sentence in sentence_list:
        found = re.search(r"(?:chaired by|presided over by|under the chairmanship of)\s+", sentence.text, re.IGNORECASE)
        if found:
            name = name_after(text, sentence.start + found.end() - 1)
            if name is not None:
                return Chair(None, name, name.start, name.end, sentence, "chaired by")
    # The body's usual chair as the subject of the report's first sentence: "Prime Minister X on Thursday emphasised ... in a meeting".
    if body is None:
        return None
    usual = body.entry.attrs.get("chair_office")
    lead = [s for s in sentence_list if s.end > body_start][:2]
    for sentence in lead:
        start = sentence.start
        if dateline is not None and dateline.start >= sentence.start and dateline.end <= sentence.end:
            start = dateline.end + 1
        first = gazetteer.find(text, start, sentence.end, kinds={OFFICE, PERSON})
        if not first:
            continue
        match = first[0]
        if text[start : match.start].strip(" :–—-\n\"“") not in ("", "The", "the"):
            continue
        office_key = match.entry.key
        if usual and (office_key == usual or office_key == usual.rsplit(":", 1)[0] or usual.startswith(office_key + ":")):
            if MEETING_CUE.search(sentence.text) or (len(lead) > 1 and MEETING_CUE.search(lead[1].text)):
                return _chair_from(text, match, sentence, "leads the report")
    return None


def office_opening(quote: str) -> tuple[Entry, int] | None:
    """Return the built-in office a person's writing opens with ("Prime Minister Imran"), and where it ends."""
    found = _BUILTIN.find(quote, kinds={OFFICE})
    if found and found[0].start == 0 and found[0].end < len(quote):
        return found[0].entry, found[0].end
    return None


_BUILTIN = Gazetteer(builtin_entries())


def _chair_from(text: str, match: Match, sentence: Sentence, how: str) -> Chair:
    if match.entry.kind == PERSON:
        # A person's record may carry a longer or shorter writing than the text's ("Prime Minister Imran"):
        # the name runs on over the capitalised words that follow, and an office it opens with is the office.
        more = name_after(text, match.end)
        end = more.end if more is not None else match.end
        office = office_opening(match.quote)
        name_start = match.start + (office[1] if office else 0)
        name_start += len(text[name_start:end]) - len(text[name_start:end].lstrip())
        return Chair(office[0] if office else None, Name(text[name_start:end], name_start, end), match.start, end, sentence, how)
    name = name_after(text, match.end) if match.entry.kind == OFFICE else Name(match.quote, match.start, match.end)
    if name is None and match.entry.kind == OFFICE:
        # "General Raheel Sharif, Chief of Army Staff, chaired ..."
        name = name_before(text, match.start, sentence.start)
    office = match.entry if match.entry.kind == OFFICE else None
    start = min(match.start, name.start) if name is not None else match.start
    end = max(match.end, name.end) if name is not None else match.end
    return Chair(office, name, start, end, sentence, how)
