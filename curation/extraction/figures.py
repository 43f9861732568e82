"""Numbers a report quotes (counts, percentages, amounts) with the words saying what they count."""
import re
from dataclasses import dataclass

from curation.extraction import urdu
from curation.extraction.text import Sentence, SpanIndex

_SMALL_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozens": None,
}
_SCALE = {"thousand": 1_000, "million": 1_000_000, "mn": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
          "b": 1_000_000_000, "trillion": 1_000_000_000_000, "crore": 10_000_000, "lakh": 100_000, "k": 1_000}
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_FIGURE = re.compile(
    r"(?P<qualifier>\b(?:at least|more than|over|nearly|almost|about|around|some|up to|less than|only|just|approximately)\s+)?"
    r"(?P<currency>\bRs\.?\s?|\bPKR\s?|\$\s?|US\$\s?|\bUSD\s?)?"
    + _NUMBER
    + r"(?:\s?(?P<scale>thousand|million|billion|trillion|crore|lakh|mn|bn|m|b|k)\b)?"
    r"(?P<percent>\s?(?:%|percent\b|per cent\b|pc\b))?"
    r"(?:\s+(?P<out_of>out of|of)\s+(?P<total>\d{1,3}(?:,\d{3})+|\d+))?"
    r"(?P<what>(?:\s+(?!(?:have|has|had|were|was|are|is|in|on|at|since|during|with|from|by|and|for|to|who|which|that|the|of|percent|per)\b)[A-Za-z][\w’'-]*){0,4})",
)
_SPELLED = re.compile(
    r"\b(?P<qualifier>(?:at least|more than|over|nearly|some)\s+)?(?P<word>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"
    r"(?P<percent>\s+(?:percent|per cent)\b)?"
    r"(?P<what>(?:\s+(?!(?:have|has|had|were|was|are|is|in|on|at|of|and|to|times|years?|months?|days?|weeks?|hours?|provinces?|o|percent|per)\b)[a-z][\w’'-]*){0,3})",
    re.IGNORECASE,
)
_STOP_WHAT = {"have", "has", "had", "were", "was", "are", "is", "in", "on", "at", "since", "during", "with", "from", "by", "and",
              "for", "to", "who", "which", "that", "the", "of", "had", "been", "be", "being", "will", "would", "got", "led", "saw"}
_NOT_COUNTS = {"years", "year", "months", "month", "days", "day", "weeks", "week", "hours", "hour", "minutes", "am", "pm", "point",
               "points", "times", "provinces", "sessions"}


@dataclass(frozen=True)
class FigureFound:
    value: float
    unit: str
    measures: str
    qualifier: str
    figure_text: str
    start: int
    end: int
    sentence: Sentence
    total: float | None = None
    scale: str = ""

    @property
    def full_value(self) -> float:
        """Return the number with its scale applied: 2.5 billion is 2,500,000,000."""
        return self.value * _SCALE[self.scale] if self.scale else self.value


def _to_number(text: str) -> float:
    return float(text.replace(",", ""))


def find_figures(text: str, sentence_list: list[Sentence], body_start: int, skip_spans: list[tuple[int, int]]) -> list[FigureFound]:
    """Return the figures quoted in the report; dates, years and numbers inside names are skipped."""
    skip = SpanIndex(skip_spans)
    found = []
    for sentence in sentence_list:
        if sentence.end <= body_start:
            continue
        for match in _FIGURE.finditer(text, sentence.start, sentence.end):
            start, end = match.start("number"), match.end("number")
            if skip.holds(start):
                continue
            lead = match.start("currency") if match.group("currency") else start
            before = text[max(sentence.start, lead - 1) : lead]
            after = text[end : end + 1]
            # Part of a word or a name (Khyber-4, 2023-2028), or a year standing alone.
            if before.isalpha() or before == "-" or after == "-" or (after.isalpha() and not match.group("scale") and not match.group("percent")):
                continue
            number_text = match.group("number")
            value = _to_number(number_text)
            what = _clean_what(match.group("what") or "")
            is_percent = bool(match.group("percent"))
            currency = (match.group("currency") or "").strip()
            if not is_percent and not currency and re.fullmatch(r"(?:19|20)\d\d", number_text) and not what:
                continue
            if not is_percent and not currency and re.fullmatch(r"(?:19|20)\d\d", number_text):
                continue
            if not is_percent and not currency and (not what or what.split()[0].casefold() in _NOT_COUNTS):
                continue
            scale = (match.group("scale") or "").casefold()
            unit = "percent" if is_percent else ("rupees" if currency.casefold().startswith(("rs", "pkr")) else "dollars" if currency else "count")
            if is_percent and not what:
                what = _measure_before(text[sentence.start : match.start()])
            total = _to_number(match.group("total")) if match.group("total") else None
            qualifier = (match.group("qualifier") or "").strip()
            figure_start = match.start("qualifier") if qualifier else (match.start("currency") if currency else start)
            figure_end = match.end("what") if match.group("what") and what else match.end()
            found.append(FigureFound(value, unit, what, qualifier, text[figure_start:figure_end].strip(), figure_start, figure_end, sentence, total, scale))
        if urdu.is_urdu(sentence.text):
            found += _urdu_figures(text, sentence, skip)
            continue
        for match in _SPELLED.finditer(text, sentence.start, sentence.end):
            if skip.holds(match.start("word")):
                continue
            what = _clean_what(match.group("what"))
            is_percent = bool(match.group("percent"))
            if is_percent and not what:
                what = _measure_before(text[sentence.start : match.start()])
            if not what or (not is_percent and what.split()[0].casefold() in _NOT_COUNTS):
                continue
            value = _SMALL_NUMBERS[match.group("word").casefold()]
            qualifier = (match.group("qualifier") or "").strip()
            unit = "percent" if is_percent else "count"
            found.append(FigureFound(float(value), unit, what, qualifier, match.group().strip(), match.start(), match.end(), sentence))
    return found


def _urdu_figures(text: str, sentence: Sentence, skip: SpanIndex) -> list[FigureFound]:
    """Return the figures of an Urdu sentence: "45 ڈاکو", "230 سے زائد ...", "50 ارب روپے", "۳۰ فیصد"."""
    found = []
    for match in urdu.FIGURE.finditer(text, sentence.start, sentence.end):
        start = match.start("number")
        if skip.holds(start):
            continue
        number_text = match.group("number")
        what = (match.group("what") or "").strip()
        is_percent, currency = bool(match.group("percent")), bool(match.group("currency"))
        end = match.end()
        if is_percent or currency:
            # "30 فیصد کمی ہوئی": the word after says what changed; the verb after it does not.
            first_word = re.match(r"\s*\S*", match.group("what") or "")
            what, end = first_word.group().strip(), match.start("what") + first_word.end()
        if not is_percent and not currency and (not what or re.fullmatch(r"(?:19|20|۱۹|۲۰)\d\d", number_text)):
            continue
        scale = urdu.FIGURE_SCALES.get(match.group("scale") or "", "")
        unit = "percent" if is_percent else "rupees" if currency else "count"
        if is_percent and not what:
            what = _measure_before(text[sentence.start : match.start()])
        qualifier = (match.group("qualifier") or "").strip()
        found.append(FigureFound(_to_number(number_text), unit, what, qualifier, text[start:end].strip(), start, end, sentence, None, scale))
    return found


def _clean_what(what: str) -> str:
    words = what.split()
    while words and words[-1].casefold().strip("’'") in _STOP_WHAT:
        words.pop()
    return " ".join(words).strip(" ,.;:")


def _measure_before(clause: str) -> str:
    """For "the conviction rate stood at 44 percent", return "conviction rate"."""
    clause = re.split(r"[,;:]", clause)[-1]
    clause = re.sub(r"\b(?:stood at|was|were|is|are|at|of|rose to|fell to|reached|to|by|with|only|just|leading in|followed by)\s*$", "", clause.strip(), flags=re.IGNORECASE)
    words = clause.split()
    return " ".join(words[-6:]).strip()
