"""Personal names as reports write them after an office: "Prime Minister Shehbaz Sharif", "COAS Munir"."""
import re
from dataclasses import dataclass

from curation.extraction import urdu
from curation.extraction.dates import MONTHS, WEEKDAYS
from curation.extraction.text import tokenize
from foundations.aliases import fold_accents, is_arabic_script

# Ranks and honorifics come between an office and a name, and are not part of the name.
_RANKS = re.compile(
    r"(?:(?:Field\s+Marshal|General|Gen\.?|Lieutenant\s+General|Lt\.?\s*Gen\.?|Lt\.?\s*General|Major\s+General|Maj\.?\s*Gen\.?|"
    r"Air\s+Chief\s+Marshal|Admiral|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Barrister|Senator|Justice|Retired|\(retd\)|retd\.?)\s+)+"
)
# Capitalised words that follow an office without being a name.
_NOT_NAMES = {
    "on", "in", "at", "the", "and", "of", "for", "said", "says", "has", "had", "was", "is", "who", "while", "during", "also",
    "today", "yesterday", "chaired", "presided", "directed", "approved", "house", "office", "secretariat", "pakistan", "federal",
    "provincial", "national", "apex", "committee", "meeting", "however", "it", "he", "she", "they", "this", "that", "a", "an",
    "operation", "vision", "gave", "emphasised", "emphasized", "stressed", "noted", "reiterated", "urged", "expressed", "briefed",
    "according", "with", "after", "before", "under", "over", "to", "by", "from", "as", "his", "her", "their", "secretary", "minister",
    "chief", "general", "police", "inspector", "army", "staff", "division", "ministry", "corps", "rangers", "isi", "nacta", "ispr",
    *WEEKDAYS, *MONTHS,
}
# Lower-case joiners inside names: Anwaar-ul-Haq, Zia-ud-Din, bin, al.
_JOINERS = {"ul", "ud", "ur", "us", "un", "bin", "al", "e", "i", "uz"}
_COMMON_SINGLE = {"khan", "muhammad", "mohammad", "syed", "ali", "shah", "malik", "mian", "sardar", "mir", "chaudhry", "ch"}


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int


def name_after(text: str, position: int, limit: int = 5) -> Name | None:
    """Return the personal name that starts at `position` (after spaces and a rank), if there is one."""
    rest = text[position : position + 120]
    stripped = len(rest) - len(rest.lstrip(" \t"))
    if stripped == 0 and rest[:1] not in (" ", "\t"):
        # A name is separated from the office by a space; "Prime Minister's" is not followed by a name.
        return None
    cursor = position + stripped
    if is_arabic_script(text[cursor : cursor + 1]):
        return _urdu_name_after(text, cursor, limit)
    rank = _RANKS.match(text, cursor)
    if rank:
        cursor = rank.end()
    tokens = tokenize(text, cursor, min(len(text), cursor + 100))
    words = []
    for token in tokens:
        gap = text[(words[-1].end if words else cursor) : token.start]
        if words and gap not in (" ", "-", "‐", "‑"):
            break
        if not words and gap.strip():
            break
        if token.text[:1].isupper() and fold_accents(token.text) not in _NOT_NAMES and not token.text.isupper():
            words.append(token)
        elif words and fold_accents(token.text) in _JOINERS and gap in ("-", "‐", "‑"):
            words.append(token)
        else:
            break
        if len(words) >= limit:
            break
    while words and fold_accents(words[-1].text) in _JOINERS:
        words.pop()
    if not words:
        return None
    return Name(text[words[0].start : words[-1].end], words[0].start, words[-1].end)


def _urdu_name_after(text: str, cursor: int, limit: int) -> Name | None:
    """Return the Urdu name at `cursor`: Urdu has no capitals, so a name runs until a function word, an office or a mark."""
    rank = urdu.RANKS.match(text, cursor)
    if rank:
        cursor = rank.end()
    words = []
    for token in tokenize(text, cursor, min(len(text), cursor + 100)):
        gap = text[(words[-1].end if words else cursor) : token.start]
        if (words and gap != " ") or (not words and gap.strip()) or not is_arabic_script(token.text) or token.key in urdu.NAME_STOPS:
            break
        words.append(token)
        if len(words) >= min(limit, 4):
            break
    if not words:
        return None
    return Name(text[words[0].start : words[-1].end], words[0].start, words[-1].end)


def name_tokens(name: str) -> list[str]:
    return [token.key for token in tokenize(name) if token.key not in _JOINERS]


def names_match(one: str, other: str) -> bool:
    """Return True if two writings of a name are the same person's: "Shehbaz Sharif" and "Muhammad Shehbaz Sharif".

    The shorter must be wholly contained in the longer; a lone common word (Khan, Muhammad) is not enough.
    """
    a, b = name_tokens(one), name_tokens(other)
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) == 1 and shorter[0] in _COMMON_SINGLE:
        return False
    return all(token in longer for token in shorter)


_NAME_BEFORE = re.compile(
    r"(?:^|[\s(])(?P<name>(?:[A-Z][\w’'-]+\s){0,3}[A-Z][\w’'-]+),\s*(?:the\s+)?$"
)


def name_before(text: str, position: int, floor: int = 0) -> Name | None:
    """Return the name an office follows in apposition: "General Raheel Sharif, Chief of Army Staff"."""
    window_start = max(floor, position - 80)
    window = text[window_start:position]
    match = _NAME_BEFORE.search(window)
    if match is None:
        return None
    start = window_start + match.start("name")
    rank = _RANKS.match(text, start)
    if rank and rank.end() < window_start + match.end("name"):
        start = rank.end()
    words = text[start : window_start + match.end("name")]
    if not words or fold_accents(words.split()[0]) in _NOT_NAMES:
        return None
    return Name(words, start, start + len(words))
