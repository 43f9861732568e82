"""What a web page carries around a report: headline, standfirst, byline, photo captions, "Related:" lines.

These lines are read only as what they are: none of them is the article's own sentence about the
meeting, so none gives the meeting's date, body, chair or citation. A caption says what a photo shows
("... chairs the meeting in Quetta on Wednesday. — APP"), a byline when the page was published, a
standfirst what the story is about; the article proper starts at its lead, the first line that opens
with an agency dateline ("KARACHI:", "ISLAMABAD, Jan 2 (APP):") or, on a page without one, the first
line written as prose.
"""
import bisect
import re
from dataclasses import dataclass, field

from curation.extraction import urdu
from curation.extraction.dates import _MONTH as _NAMED_MONTH

_MONTH = _NAMED_MONTH.replace("?P<month>", "?:")

# The lines a page is split into are at most this many characters apart from the lead search's end:
# the lead is looked for among the first lines only, so a long text costs nothing more.
_LEAD_SEARCH_LINES = 10
_LEAD_MIN_WORDS = 20

DATELINE_LINE = re.compile(
    rf"^\s*[A-Z][A-Z .'-]{{2,}}(?:,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)?\s*(?:\([A-Za-z]+\))?\s*(?::|\s[-–—]\s)"
)
# "— APP", "- Online", "PHOTO: EXPRESS", "— Photo courtesy KP government", "(Photo: PID)" closing a line.
_CAPTION_END = re.compile(r"(?:\s[—–-]\s*(?:Photo\b[^\n]{0,60}|[A-Z][\w .'/&-]{0,40})|\bPHOTO:\s*[\w .'/&-]{1,40}|\(Photo[^)\n]{0,60}\))\s*$")
_BYLINE = re.compile(
    rf"^\s*(?:By\s+|Our\s+|From\s+)?(?:[A-Z][\w.'-]*\s+){{0,4}}(?:[|/]\s*)?(?:Published|Updated|Posted)\b|"
    rf"^\s*(?:By\s+)?(?:our|Our|OUR|staff|Staff|STAFF|Bureau|BUREAU)\s+(?:[\w-]+\s*){{0,3}}$|"
    rf"^\s*(?:[A-Z][\w.'-]*\s+){{0,5}}(?:\s*[|/]\s*)?\s*(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})\b[^.]{{0,60}}$|"
    rf"^\s*(?:[A-Z][a-z]+,\s*)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})\s*$|"
    rf"^\s*(?:Staff|Bureau)\s+(?:Report|Reporter|Correspondent)\b.{{0,60}}$",
)
_RELATED = re.compile(
    r"^\s*(?:Related|Read more|Read also|Also read|READ|MORE|Recommended|See also|Published in|Follow\b|Share\b|Contents|References|"
    r"Advertisement|Comments?\b)\b", re.IGNORECASE
)
_AGENCY_CODES = re.compile(r"^\s*[A-Z]{2,6}(?:/[A-Z]{2,6})+\s*$")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Return True if text[start:end] opens with an agency dateline, English ("KARACHI:") or Urdu ("کراچی (اسٹاف رپورٹر)")."""
    return bool(DATELINE_LINE.match(text, start, end) or urdu.DATELINE.match(text, start, end))


@dataclass(frozen=True)
class Layout:
    """Where the report proper starts, and the spans of the lines that are page furniture."""

    lead_start: int
    furniture: tuple[tuple[int, int], ...]
    headline_spans: tuple[tuple[int, int], ...]
    _starts: list[int] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self):
        self._starts.extend(start for start, _end in self.furniture)

    def is_furniture(self, start: int, end: int) -> bool:
        """Return True if text[start:end] lies within one furniture line (a binary search: many lines stay cheap)."""
        index = bisect.bisect_right(self._starts, start) - 1
        return index >= 0 and self.furniture[index][0] <= start and end <= self.furniture[index][1]

    def headlines(self, text: str) -> list[str]:
        return [text[start:end] for start, end in self.headline_spans]


def _lines(text: str, start: int):
    position = start
    length = len(text)
    while position < length:
        end = text.find("\n", position)
        if end == -1:
            end = length
        yield position, end
        position = end + 1


def line_kind(line: str) -> str:
    """Return what a line is on the page: "caption", "byline", "related", or "" for an ordinary line."""
    stripped = line.strip()
    if not stripped:
        return ""
    in_urdu = urdu.has_arabic_script(stripped)  # an English line skips the Urdu patterns (0.3 s a MB)
    if _RELATED.match(stripped) or _AGENCY_CODES.match(stripped) or (in_urdu and urdu.RELATED.match(stripped)):
        return "related"
    if (_BYLINE.match(stripped) or (in_urdu and urdu.BYLINE.match(stripped))) and len(stripped) < 160:
        return "byline"
    if (len(stripped) < 300 and (_CAPTION_END.search(stripped) or (in_urdu and urdu.CAPTION_END.search(stripped)))
            and not is_dateline(stripped, 0, len(stripped))):
        return "caption"
    return ""


def page_layout(text: str, start: int) -> Layout:
    """Return where the lead begins after `start` and which lines are furniture (bylines, captions, related links).

    Only line-by-line scans: linear in the text's length.
    """
    first_lines = []
    for index, (line_start, line_end) in enumerate(_lines(text, start)):
        if index >= _LEAD_SEARCH_LINES:
            break
        first_lines.append((line_start, line_end))
    non_empty = [(s, e) for s, e in first_lines if text[s:e].strip()]
    lead = None
    for s, e in non_empty:
        if is_dateline(text, s, e):
            lead = s
            break
    if lead is None:
        for s, e in non_empty:
            line = text[s:e]
            if line_kind(line):
                continue
            if len(line.split()) >= _LEAD_MIN_WORDS or line.rstrip().endswith((".", "”", '"', "۔")) and len(line.split()) >= 8:
                lead = s
                break
    if lead is None:
        lead = non_empty[0][0] if non_empty else start
    headlines = tuple((s, e) for s, e in non_empty if s < lead and not line_kind(text[s:e]))
    furniture = list(headlines)
    furniture += [(s, e) for s, e in non_empty if s < lead and line_kind(text[s:e])]
    for s, e in _lines(text, lead):
        if s != lead and line_kind(text[s:e]):
            furniture.append((s, e))
    return Layout(lead_start=lead, furniture=tuple(sorted(furniture)), headline_spans=headlines)
