"""Who attended: offices, named officials and groups ("chief ministers of all provinces"), with their role."""
import re
from dataclasses import dataclass

from curation.extraction.gazetteer import GROUP, OFFICE, PERSON, REGION, Entry, Gazetteer
from curation.extraction.people import Name, name_after, names_match
from curation.extraction.text import Sentence

ATTENDANCE_CUE = re.compile(
    r"\b(attend\w*|particip\w*|present|presence|among those|also there|comprising|in attendance|joined|were invited|"
    r"specially invited|briefed|briefing|gave a presentation|apprised|told the (?:meeting|forum|committee|participants)|"
    r"at the meeting|during the meeting|in the meeting|addressing the (?:meeting|forum|participants)|chaired|presided|chairing)\b",
    re.IGNORECASE,
)
_BRIEFER_CUE = re.compile(r"\b(briefed|gave a (?:detailed )?(?:briefing|presentation)|apprised|presented)\b", re.IGNORECASE)
_INVITEE_CUE = re.compile(r"\b(specially invited|special invitation|invited)\b", re.IGNORECASE)
# "federal ministers of foreign affairs, defence, finance, interior and information"
_MINISTER_LIST = re.compile(
    r"\b(?:federal\s+)?ministers\s+(?:of|for)\s+(?P<list>(?:[A-Za-z]+(?:\s+(?:affairs|and\s+broadcasting|and\s+justice))?)(?:\s*,\s*(?:and\s+)?[A-Za-z]+(?:\s+(?:affairs|and\s+broadcasting|and\s+justice))?)*\s*,?\s+and\s+[A-Za-z]+(?:\s+(?:affairs|and\s+broadcasting|and\s+justice))?)",
    re.IGNORECASE,
)
_INTRODUCES_LIST = re.compile(r"\s*,?\s*(?:such as|including|namely|like|of|for|:)\s", re.IGNORECASE)
_NOT_AT_MEETING = re.compile(r"\b(?:last (?:month|week|year)|earlier|had (?:reviewed|decided|met)|previous meeting)\b", re.IGNORECASE)

CHAIR = "chair"
MEMBER = "member"
INVITEE = "invitee"
BRIEFER = "briefer"


@dataclass(frozen=True)
class AttendeeFound:
    entry: Entry
    mention: str
    start: int
    end: int
    name: Name | None
    sentence: Sentence
    role: str
    person: Entry | None = None


def find_attendees(
    text: str,
    sentence_list: list[Sentence],
    gazetteer: Gazetteer,
    body_start: int,
    chair=None,
    province: str | None = None,
) -> list[AttendeeFound]:
    """Return each office, group or person the report places at the meeting, the chair first."""
    found: dict[str, AttendeeFound] = {}
    if chair is not None and chair.office is not None:
        entry = qualify(chair.office, gazetteer, province)
        found[entry.key] = AttendeeFound(entry, text[chair.start : chair.end], chair.start, chair.end, chair.name, chair.sentence, CHAIR,
                                         _person(gazetteer, chair.name))
    for sentence in sentence_list:
        if sentence.end <= body_start or not ATTENDANCE_CUE.search(sentence.text) or _NOT_AT_MEETING.search(sentence.text):
            continue
        role = INVITEE if _INVITEE_CUE.search(sentence.text) else MEMBER
        for match in gazetteer.find(text, max(sentence.start, body_start), sentence.end, kinds={OFFICE, GROUP, PERSON}):
            listed = _provinces_listed(text, match, gazetteer, sentence.end)
            if listed:
                # "Chief Ministers of Punjab, Sindh, Khyber-Pakhtunkhwa and Balochistan": one office each.
                end = listed[-1][1]
                for listed_province, _end in listed:
                    office = gazetteer.get(f"office:{match.entry.attrs['per_province']}:{listed_province}")
                    if office is not None and office.key not in found:
                        found[office.key] = AttendeeFound(office, text[match.start : end], match.start, end, None, sentence, role)
                continue
            entry = qualify(match.entry, gazetteer, province)
            if entry.key in found:
                continue
            name = name_after(text, match.end) if match.entry.kind == OFFICE else None
            this_role = BRIEFER if _BRIEFER_CUE.search(text[match.end : match.end + 40]) else role
            person = _person(gazetteer, name) if name else (match.entry if match.entry.kind == PERSON else None)
            found[entry.key] = AttendeeFound(entry, match.quote, match.start, name.end if name else match.end, name, sentence, this_role, person)
        for listed in _MINISTER_LIST.finditer(text, sentence.start, sentence.end):
            for portfolio in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+(?!broadcasting|justice)", listed.group("list")):
                entry = gazetteer.lookup(f"Minister for {portfolio.strip()}")
                if entry is None or entry.kind != OFFICE or entry.key in found:
                    continue
                found[entry.key] = AttendeeFound(entry, listed.group(), listed.start(), listed.end(), None, sentence, role)
        # "federal ministers such as the Interior Minister, ..." or "ministers of interior and finance":
        # the ministers named replace the group that introduces them.
        group = found.get("group:federal-ministers")
        if group is not None and group.sentence == sentence and _INTRODUCES_LIST.match(text, group.end) and any(
            item.entry.key.startswith("office:minister-") and item.sentence == sentence for item in found.values()
        ):
            del found["group:federal-ministers"]
    return sorted(found.values(), key=lambda a: (a.role != CHAIR, a.start))


_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _provinces_listed(text: str, match, gazetteer: Gazetteer, limit: int) -> list[tuple[str, int]]:
    """Return the provinces a group names one by one after "of", with where each ends; [] if it does not."""
    if match.entry.kind != GROUP or not match.entry.attrs.get("per_province"):
        return []
    of = _OF.match(text, match.end)
    if of is None:
        return []
    listed = []
    position = of.end()
    while position < limit:
        regions = gazetteer.find(text, position, min(limit, position + 40), kinds={REGION})
        if not regions or regions[0].start != position:
            break
        region = regions[0]
        listed.append((region.entry.key.split(":", 1)[1], region.end))
        gap = _LIST_GAP.match(text, region.end)
        if gap is None:
            break
        position = gap.end()
    return listed if len(listed) >= 2 else []


def qualify(entry: Entry, gazetteer: Gazetteer, province: str | None) -> Entry:
    """Return the provincial office a bare "chief minister" means at a provincial apex committee."""
    if province and entry.attrs.get("qualify_by_province"):
        qualified = gazetteer.get(f"{entry.key}:{province}")
        if qualified is not None:
            return qualified
    return entry


def _person(gazetteer: Gazetteer, name: Name | None) -> Entry | None:
    if name is None:
        return None
    entry = gazetteer.lookup(name.text)
    if entry is not None and entry.kind == PERSON:
        return entry
    for candidate in gazetteer.of_kind(PERSON):
        if any(names_match(name.text, variant) for variant in candidate.variants):
            return candidate
    return None

