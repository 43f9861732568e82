"""Who attended: offices, named officials and groups ("chief ministers of all provinces"), with their role."""
import re
from dataclasses import dataclass

from curation.extraction import urdu
from curation.extraction.gazetteer import GROUP, OFFICE, PERSON, REGION, Entry, Gazetteer
from curation.extraction.meetings import office_opening
from curation.extraction.people import Name, name_after, names_match
from curation.extraction.text import Sentence
from foundations.aliases import fold_accents

ATTENDANCE_CUE = re.compile(
    r"\b(attend\w*|particip\w*|present|presence|among those|also there|comprising|in attendance|joined|were invited|"
    r"specially invited|briefed|briefing|gave a presentation|apprised|told the (?:meeting|forum|committee|participants)|"
    r"at the meeting|during the meeting|in the meeting|addressing the (?:meeting|forum|participants)|chaired|presided|chairing)\b|"
    + urdu.ATTENDANCE_CUE,
    re.IGNORECASE,
)
_BRIEFER_CUE = re.compile(r"\b(briefed|gave a (?:detailed )?(?:briefing|presentation)|apprised|presented)\b|" + urdu.BRIEFER_CUE, re.IGNORECASE)
_INVITEE_CUE = re.compile(r"\b(specially invited|special invitation|invited)\b|" + urdu.INVITEE_CUE, re.IGNORECASE)
# "federal ministers of foreign affairs, defence, finance, interior and information"
_MINISTER_LIST = re.compile(
    r"\b(?:federal\s+)?ministers\s+(?:of|for)\s+(?P<list>(?:[A-Za-z]+(?:\s+(?:affairs|and\s+broadcasting|and\s+justice))?)(?:\s*,\s*(?:and\s+)?[A-Za-z]+(?:\s+(?:affairs|and\s+broadcasting|and\s+justice))?)*\s*,?\s+and\s+[A-Za-z]+(?:\s+(?:affairs|and\s+broadcasting|and\s+justice))?)",
    re.IGNORECASE,
)
_INTRODUCES_LIST = re.compile(r"\s*,?\s*(?:such as|including|namely|like|of|for|:)\s", re.IGNORECASE)
# An office or group the gazetteer lacks is recognised by its head word: "Commandant Frontier Constabulary",
# "senior civil and military officials", "representatives of the merged districts".
_GROUP_HEADS = {"officials", "officers", "representatives", "heads", "chiefs", "commanders", "commissioners", "members", "leaders",
                "secretaries", "ministers", "advisers", "advisors", "administrators", "delegates", "experts", "notables", "elders", "ulema"}
_OFFICE_HEADS = {"secretary", "minister", "commander", "commandant", "chief", "director", "adviser", "advisor", "coordinator", "dg", "ig",
                 "commissioner", "administrator", "officer", "head", "governor", "chairman", "chairperson", "inspector", "spokesperson",
                 "attorney", "advocate", "prosecutor", "surgeon", "judge", "mayor", "goc", "aig", "dig", "ssp", "sp", "cpo", "ccpo", "rpo"}
# Institutional words that continue an office's title after its head ("Secretary Home and Tribal Affairs"); a personal name does not.
_INSTITUTION_WORDS = {"home", "interior", "tribal", "affairs", "frontier", "constabulary", "corps", "police", "rangers", "levies", "department",
                      "bureau", "agency", "agencies", "force", "forces", "command", "division", "intelligence", "special", "branch", "counter",
                      "terrorism", "security", "prosecution", "finance", "law", "information", "health", "education", "excise", "revenue",
                      "planning", "development", "services", "administration", "state", "bank", "general", "operations", "staff",
                      "headquarters", "province", "provincial", "federal", "national", "and", "of", "the", "for", "on", "(home)", "home)",
                      "balochistan", "sindh", "punjab", "khyber", "pakhtunkhwa", "gilgit", "baltistan", "kashmir", "islamabad"}
_OFFICE_PREFIXES = {"additional", "deputy", "assistant", "joint", "senior", "special", "principal", "chief"}
_LIST_OPENER = re.compile(r"^.*?\b(?:attended by|attended by the|besides|including|present were|among those present were|comprising|"
                          r"joined by|and also|as well as|such as|participants included)\s+", re.IGNORECASE)
_LIST_CLOSER = re.compile(r"\s+(?:(?:also\s+)?attended|(?:were|was|are|is)\s+(?:also\s+)?(?:present|participating|in attendance|among)|"
                          r"participated|are participating|were participating|joined|attended the|in the meeting|at the meeting|who\b|which\b|"
                          r"while\b|on\s+[A-Z]\w+day)\b.*$", re.IGNORECASE)
_FRAGMENT_LEAD = re.compile(r"^(?:(?:and|the|also|other|besides|as well as|including|of|with|along with|while)\s+)+", re.IGNORECASE)
_NOT_AT_MEETING = re.compile(r"\b(?:last (?:month|week|year)|earlier|had (?:reviewed|decided|met)|previous meeting)\b|" + urdu.NOT_AT_MEETING,
                             re.IGNORECASE)

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
        claimed: list[tuple[int, int]] = []  # spans of the sentence read as known offices, groups and their holders' names
        for match in gazetteer.find(text, max(sentence.start, body_start), sentence.end, kinds={OFFICE, GROUP, PERSON}):
            if any(s <= match.start < e for s, e in claimed):
                continue  # the holder's name after an office ("Prime Minister Shehbaz Sharif"), already read with it
            widened = _widened_office(text, match, sentence) if match.entry.kind == OFFICE else None
            if widened is not None:
                # "Additional IG CTD": a different office from the IG whose name it contains.
                name = name_after(text, widened[1])
                claimed.append((widened[0], name.end if name else widened[1]))
                entry = Entry("new-office:" + " ".join(widened[2].casefold().split()), OFFICE, widened[2], (widened[2],), attrs={"new": True})
                if entry.key not in found:
                    found[entry.key] = AttendeeFound(entry, widened[2], widened[0], widened[1], name, sentence, role)
                continue
            listed = _provinces_listed(text, match, gazetteer, sentence.end)
            if listed:
                # "Chief Ministers of Punjab, Sindh, Khyber-Pakhtunkhwa and Balochistan": one office each.
                end = listed[-1][1]
                claimed.append((match.start, end))
                for listed_province, _end in listed:
                    office = gazetteer.get(f"office:{match.entry.attrs['per_province']}:{listed_province}")
                    if office is not None and office.key not in found:
                        found[office.key] = AttendeeFound(office, text[match.start : end], match.start, end, None, sentence, role)
                continue
            if match.entry.kind == PERSON and (opening := office_opening(match.quote)) is not None:
                # An alias such as "Prime Minister Imran": the office it opens with attends, with the person.
                more = name_after(text, match.end)
                end = more.end if more else match.end
                person_name = Name(text[match.start + opening[1] : end].strip(), match.start + opening[1] + 1, end)
                claimed.append((match.start, end))
                office = qualify(opening[0], gazetteer, province)
                if office.key not in found:
                    found[office.key] = AttendeeFound(office, text[match.start : end], match.start, end, person_name, sentence, role, match.entry)
                continue
            entry = qualify(match.entry, gazetteer, province)
            name = name_after(text, match.end) if match.entry.kind == OFFICE else None
            claimed.append((match.start, name.end if name else match.end))
            if entry.key in found:
                continue
            this_role = BRIEFER if _BRIEFER_CUE.search(text[match.end : match.end + 40]) else role
            person = _person(gazetteer, name) if name else (match.entry if match.entry.kind == PERSON else None)
            found[entry.key] = AttendeeFound(entry, match.quote, match.start, name.end if name else match.end, name, sentence, this_role, person)
        for listed in _MINISTER_LIST.finditer(text, sentence.start, sentence.end):
            for portfolio in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+(?!broadcasting|justice)", listed.group("list")):
                entry = gazetteer.lookup(f"Minister for {portfolio.strip()}")
                if entry is None or entry.kind != OFFICE or entry.key in found:
                    continue
                found[entry.key] = AttendeeFound(entry, listed.group(), listed.start(), listed.end(), None, sentence, role)
        for item in _unknown_attendees(text, sentence, claimed, body_start, role):
            if item.entry.key not in found:
                found[item.entry.key] = item
        # "federal ministers such as the Interior Minister, ..." or "ministers of interior and finance":
        # the ministers named replace the group that introduces them.
        group = found.get("group:federal-ministers")
        if group is not None and group.sentence == sentence and _INTRODUCES_LIST.match(text, group.end) and any(
            item.entry.key.startswith("office:minister-") and item.sentence == sentence for item in found.values()
        ):
            del found["group:federal-ministers"]
    return sorted(found.values(), key=lambda a: (a.role != CHAIR, a.start))


def _widened_office(text: str, match, sentence: Sentence) -> tuple[int, int, str] | None:
    """Return the span and words of a longer office around a known one ("Additional IG CTD"), or None."""
    start, end = match.start, match.end
    before = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(sentence.start, start - 20) : start])
    if before and before.group(1).casefold() in _OFFICE_PREFIXES - {"chief"}:
        start -= len(before.group()) 
    after = re.match(r"(?:\s+(?:[A-Z]{2,6}\b(?![a-z])|(?:State|Bank|Department|Bureau|Authority|Agency|Division|Secretariat)\b))+",
                     text[end : min(sentence.end, end + 40)])
    if after:
        end += after.end()
    if (start, end) == (match.start, match.end):
        return None
    return start, end, text[start:end]


def _unknown_attendees(text: str, sentence: Sentence, claimed: list[tuple[int, int]], body_start: int, role: str) -> list[AttendeeFound]:
    """Return the offices and groups of an attendance list that the gazetteer does not know, in the text's own words."""
    if sentence.start < body_start:
        return []
    results = []
    spans = sorted(claimed)
    pieces, cursor = [], sentence.start
    for start, end in spans:
        if start > cursor:
            pieces.append((cursor, start))
        cursor = max(cursor, end)
    pieces.append((cursor, sentence.end))
    if urdu.is_urdu(sentence.text):
        return [item for piece_start, piece_end in pieces for item in _unknown_urdu_attendees(text, piece_start, piece_end, sentence, role)]
    for piece_start, piece_end in pieces:
        # "senior civilian, military, and law enforcement officers": the qualifiers listed before a group belong to it.
        qualifiers_from = None
        for fragment_start, fragment_end in _split_list(text, piece_start, piece_end):
            found = _unknown_from_fragment(text, fragment_start, fragment_end)
            if found is None:
                lead_start = fragment_start + len(text[fragment_start:fragment_end]) - len(text[fragment_start:fragment_end].lstrip())
                lead = _FRAGMENT_LEAD.match(text[lead_start:fragment_end])
                lead_start += lead.end() if lead else 0
                words_here = text[lead_start:fragment_end].split()
                if (words_here and len(words_here) <= 3 and words_here[0][:1].islower() and not _heads_in(words_here)
                        and not _LIST_CLOSER.search(" " + text[lead_start:fragment_end]) and not _LIST_OPENER.match(text[lead_start:fragment_end])):
                    qualifiers_from = qualifiers_from if qualifiers_from is not None else lead_start
                else:
                    qualifiers_from = None
                continue
            start, end, words, is_group = found
            if is_group and qualifiers_from is not None:
                while text[qualifiers_from].isspace():
                    qualifiers_from += 1
                start, words = qualifiers_from, text[qualifiers_from:end]
            qualifiers_from = None
            key = ("new-group:" if is_group else "new-office:") + " ".join(words.casefold().split())
            entry = Entry(key, GROUP if is_group else OFFICE, words, (words,), attrs={"new": True})
            results.append(AttendeeFound(entry, words, start, end, None, sentence, role))
    return results




def _unknown_urdu_attendees(text: str, start: int, end: int, sentence: Sentence, role: str) -> list[AttendeeFound]:
    """Return the groups and offices of an Urdu list the gazetteer lacks: a group's head word ends it ("اعلیٰ سول و عسکری
    حکام"), an office's title runs from its opening words to its head ("سینئر صوبائی وزیر") and the holder's name follows."""
    results = []
    position = start
    for separator in [*urdu.LIST_SEPARATORS.finditer(text, start, end), None]:
        item_end = separator.start() if separator else end
        found = _urdu_item(text, position, item_end)
        position = separator.end() if separator else end
        if found is None:
            continue
        item_start, words, is_group = found
        key = ("new-group:" if is_group else "new-office:") + " ".join(words.split())
        entry = Entry(key, GROUP if is_group else OFFICE, words, (words,), attrs={"new": True})
        results.append(AttendeeFound(entry, words, item_start, item_start + len(words), None, sentence, role))
    return results


def _urdu_item(text: str, start: int, end: int) -> tuple[int, str, bool] | None:
    fragment = text[start:end]
    opener = urdu.LIST_OPENER.match(fragment)
    if opener:
        start += opener.end()
        fragment = text[start:end]
    closer = urdu.LIST_CLOSER.search(fragment)
    if closer:
        fragment = fragment[: closer.start()]
    fragment = fragment.rstrip(" ۔.\n")
    start += len(fragment) - len(fragment.lstrip())
    fragment = fragment.strip()
    words = fragment.split()
    if len(words) < 2 or len(words) > 8 or any(ch.isdigit() for ch in fragment):
        return None
    folded = [fold_accents(word) for word in words]
    if folded[-1] in urdu.GROUP_HEADS:
        return start, fragment, True
    heads = [i for i, word in enumerate(folded) if word in urdu.OFFICE_HEADS]
    if not heads or folded[0] not in urdu.OFFICE_OPENERS:
        return None
    cut = heads[-1] + 1
    while cut < len(words) and folded[cut] in urdu.OFFICE_CONTINUES:
        cut += 1
    if cut < 2:
        return None  # a bare "وزیر" says too little to propose
    return start, " ".join(words[:cut]), False


def _split_list(text: str, start: int, end: int):
    """Yield the items of text[start:end] as spans: split at commas and semicolons, and at an "and" after a group
    ("regional police officers and elected representatives"), not inside one ("civil and military officials")."""
    position = start
    for match in re.finditer(r"[,;:]", text[start:end]):
        yield from _split_after_groups(text, position, start + match.start())
        position = start + match.end()
    yield from _split_after_groups(text, position, end)


_AND = re.compile(r"\s+and\s+")


def _heads_in(words: list[str]) -> bool:
    return any(word.casefold().strip("(),.") in _GROUP_HEADS | _OFFICE_HEADS for word in words)


def _split_after_groups(text: str, start: int, end: int):
    """Split at an "and" that closes one office or group and opens another: "tribal elders of Kech and senior officers"."""
    position = start
    for match in _AND.finditer(text, start, end):
        left = text[position : match.start()].split()
        right = text[match.end() : end].split()[:4]
        if _heads_in(left) and _heads_in(right):
            yield position, match.start()
            position = match.end()
    yield position, end


def _unknown_from_fragment(text: str, start: int, end: int) -> tuple[int, int, str, bool] | None:
    while start < end and text[start].isspace():
        start += 1
    fragment = text[start:end]
    opener = _LIST_OPENER.match(fragment)
    if opener:
        start += opener.end()
        fragment = text[start:end]
    closer = _LIST_CLOSER.search(fragment)
    if closer:
        end = start + closer.start()
        fragment = text[start:end]
    lead = _FRAGMENT_LEAD.match(fragment)
    if lead:
        start += lead.end()
    fragment = text[start:end].rstrip(" .)\n\"”")
    if fragment.count("(") > fragment.count(")"):
        fragment += ")" if text[start + len(fragment) : start + len(fragment) + 1] == ")" else ""
    words = fragment.split()
    if not words or len(words) > 9 or any(ch.isdigit() for ch in fragment) or "meeting" in fragment.casefold():
        return None
    folded = [w.casefold().strip("(),") for w in words]
    group_at = [i for i, w in enumerate(folded) if w in _GROUP_HEADS]
    if group_at and (fragment[:1].islower() or folded[0] in _GROUP_HEADS | {"senior", "elected", "other", "all", "relevant"}):
        if len(words) < 2:
            return None  # a bare "officials" says too little to propose
        return start, start + len(fragment), fragment, True
    office_at = [i for i, w in enumerate(folded) if w in _OFFICE_HEADS]
    if not office_at or not words[0][:1].isupper() and folded[0] not in _OFFICE_HEADS:
        return None
    # The title runs to its last head word and the institutional words after it; what follows is the holder's name.
    last = office_at[-1]
    cut = last + 1
    while cut < len(words) and (folded[cut] in _INSTITUTION_WORDS or (words[cut].isupper() and len(words[cut]) <= 6)
                                or words[cut].startswith("(")):
        cut += 1
    while cut > last + 1 and folded[cut - 1] in ("and", "of", "the", "for", "on"):
        cut -= 1
    title = " ".join(words[:cut])
    if len(words[:cut]) < 2 and folded[0] not in ("goc",):
        return None  # a bare "Secretary" or "Minister" says too little to propose
    return start, start + len(title), title, False


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

