"""Named operations, campaigns and visions, and the organisations (banned outfits) a report names."""
import re
from dataclasses import dataclass, field

from curation.extraction import urdu
from curation.extraction.gazetteer import OPERATION, ORGANISATION, Entry, Gazetteer
from curation.extraction.text import Sentence, SpanIndex, sentence_at
from foundations.aliases import fold_accents

# "Operation Sabre", "operation ‘Ghazab-lil-Haq’": a capitalised name after the word, for operations not yet known.
_NAMED_OPERATION = re.compile(
    r"\b[Oo]peration\s+[‘'\"“]?(?P<name>[A-Z][a-zA-Z]+(?:(?:-[a-zA-Z]+)+|(?:\s+(?:[A-Z][a-zA-Z]+|[IVX]+\b|\d\b))){0,3})[’'\"”]?"
)
_NOT_OPERATION_NAMES = {"in", "against", "the", "is", "was", "would", "will", "has", "had", "and", "of", "on", "to", "for", "by"}


@dataclass
class NameFound:
    key: str
    name: str
    spellings: list[str]
    start: int
    end: int
    sentence: Sentence
    entry: Entry | None
    mentions: int = 1
    kind: str = "military_operation"
    extra: dict = field(default_factory=dict)


def find_operations(text: str, sentence_list: list[Sentence], gazetteer: Gazetteer, body_start: int) -> list[NameFound]:
    """Return each operation named, once, with every spelling the report uses."""
    found = _collect(text, sentence_list, gazetteer, body_start, OPERATION)
    known_spans = [(f.start, f.end) for f in found.values()]
    for item in found.values():
        known_spans += item.extra.get("spans", [])
    known = SpanIndex(known_spans)
    for match in _NAMED_OPERATION.finditer(text, body_start):
        name = match.group("name").rstrip("’'\"”")
        start, end = match.start("name"), match.start("name") + len(name)
        if known.overlaps(start, end):
            continue
        first_word = fold_accents(name.split()[0].split("-")[0])
        if first_word in _NOT_OPERATION_NAMES or gazetteer.lookup(name) is not None:
            continue
        key = f"new-operation:{fold_accents(name)}"
        sentence = sentence_at(sentence_list, start)
        if sentence is None:
            continue
        if key in found:
            found[key].mentions += 1
            if name not in found[key].spellings:
                found[key].spellings.append(name)
            continue
        found[key] = NameFound(key, name, [name], start, end, sentence, None)
    return sorted(found.values(), key=lambda item: item.start)


# "the banned Sindhudesh Revolutionary Army": an outfit the gazetteer lacks, named after the word that bans it.
_NAMED_OUTFIT = re.compile(
    r"\b(?:banned|proscribed|outlawed|defunct)\s+(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|al|ul|e|i)){1,4})"
)
_OUTFIT_WORDS = {"army", "front", "lashkar", "jaish", "tehreek", "tehrik", "sipah", "brigade", "movement", "organisation", "organization",
                 "party", "jamaat", "group", "force", "mujahideen", "fauj", "sangat", "sangar", "council", "tanzeem", "league"}


def find_organisations(text: str, sentence_list: list[Sentence], gazetteer: Gazetteer, body_start: int) -> list[NameFound]:
    found = _collect(text, sentence_list, gazetteer, body_start, ORGANISATION)
    known = SpanIndex([span for item in found.values() for span in item.extra.get("spans", [])])
    named = [*_NAMED_OUTFIT.finditer(text, body_start), *urdu.NAMED_OUTFIT.finditer(text, body_start)]
    for match in sorted(named, key=lambda m: m.start()):
        name = match.group("name")
        start, end = match.start("name"), match.end("name")
        if known.overlaps(start, end) or gazetteer.find(text, start, end):
            continue
        words = [fold_accents(word) for word in re.split(r"[\s-]+", name)]
        if not any(word in _OUTFIT_WORDS or word in urdu.OUTFIT_WORDS for word in words) or words[0] in urdu.GENERIC_OUTFITS:
            continue
        sentence = sentence_at(sentence_list, start)
        if sentence is None:
            continue
        key = f"new-organisation:{fold_accents(name)}"
        if key in found:
            found[key].mentions += 1
            found[key].extra["spans"].append((start, end))
            continue
        found[key] = NameFound(key, name, [name], start, end, sentence, None, extra={"spans": [(start, end)]})
    return sorted(found.values(), key=lambda item: item.start)


def _collect(text, sentence_list, gazetteer, body_start, kind) -> dict[str, NameFound]:
    found: dict[str, NameFound] = {}
    for match in gazetteer.find(text, body_start, kinds={kind}):
        sentence = sentence_at(sentence_list, match.start)
        if sentence is None:
            continue
        item = found.get(match.entry.key)
        if item is None:
            found[match.entry.key] = NameFound(
                match.entry.key, match.entry.name, [match.quote], match.start, match.end, sentence, match.entry,
                kind=match.entry.attrs.get("operation_kind", "military_operation"), extra={"spans": [(match.start, match.end)]},
            )
        else:
            item.mentions += 1
            item.extra["spans"].append((match.start, match.end))
            if match.quote not in item.spellings:
                item.spellings.append(match.quote)
    return found
