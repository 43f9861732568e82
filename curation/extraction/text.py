"""Words, sentences and the two normal forms names are compared in, all with offsets into the text."""
import bisect
import re
from dataclasses import dataclass

# The skeleton lives with the one name normaliser, which search shares; imported here for extraction.
from curation.extraction.urdu import SENTENCE_ENDS, WORD_MARKS
from foundations.aliases import fold_accents, transliteration_skeleton  # noqa: F401

# Urdu's combining marks and zero-width joiners stay inside the word they belong to ("وزیراعلیٰ").
_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{WORD_MARKS}])*")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return fold_accents(self.text)

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split text[start:end] into words; hyphens, quotes and apostrophes separate words."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


# A full stop ends a sentence unless it closes an abbreviation the reports use.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "brig", "no", "st", "jan", "feb", "mar", "apr",
                  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "govt", "dept", "rs", "u.s", "i.e", "e.g", "vs"}
_SENTENCE_END = re.compile(rf"[.!?{SENTENCE_ENDS}](?:[\"”’')\]]*)(?=\s)|\n\s*\n|\n")


def sentences(text: str) -> list[Sentence]:
    """Split the text into sentences and headline/paragraph lines, keeping offsets."""
    result = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith("."):
            before = text[start : match.start()].rsplit(None, 1)
            last_word = before[-1].casefold().strip("(\"'“‘") if before else ""
            if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
                continue
        _append_sentence(text, start, end, result)
        start = end
    _append_sentence(text, start, len(text), result)
    return result


def _append_sentence(text: str, start: int, end: int, result: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        result.append(Sentence(text[start:end], start, end))


_starts_of: tuple[list[Sentence] | None, list[int]] = (None, [])


def sentence_at(sentence_list: list[Sentence], offset: int) -> Sentence | None:
    """Return the sentence holding `offset`: a binary search over the list's starts, kept for the last list asked about."""
    global _starts_of
    if _starts_of[0] is not sentence_list or len(_starts_of[1]) != len(sentence_list):
        _starts_of = (sentence_list, [sentence.start for sentence in sentence_list])
    index = bisect.bisect_right(_starts_of[1], offset) - 1
    if index >= 0 and sentence_list[index].start <= offset < sentence_list[index].end:
        return sentence_list[index]
    return None


class SpanIndex:
    """Spans of the text (which may overlap), answering "does any of them overlap [start, end)?" in logarithmic time."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.spans = ordered
        self._starts = [start for start, _end in ordered]
        self._reach = []  # the furthest end among the spans up to each one
        furthest = -1
        for _start, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._reach[index] > start

    def holds(self, offset: int) -> bool:
        return self.overlaps(offset, offset + 1)
