"""Score extraction against an answer key: precision and recall per field, names matched through the gazetteer.

The answer key (ANSWERS_JSON) is a list of objects, one per article file:

    {"file": "010_kp_apex_2015.txt", "meeting_date": "2015-01-02" or null, "meeting_body": "Khyber Pakhtunkhwa Apex Committee" or null,
     "chair": "Pervez Khattak" or null, "attendee_offices": [...], "operations": [...], "banned_organisations": [...]}

Names are written as the article writes them and compared by what they stand for, not by spelling:
each is looked up in the same gazetteer the extractor uses (built-in names plus the archive's records
and aliases), so "COAS", "army chief" and "Chief of Army Staff" are one office, "Zarb-e-Azab" is
Zarb-e-Azb, and "services chiefs" is the group "service chiefs". An unqualified provincial office
("the chief minister") is read as the office of the province whose apex committee met. A name the
gazetteer does not know is compared by its transliteration skeleton. Chairs are personal names and
match when one is contained in the other ("Shehbaz Sharif" in "Muhammad Shehbaz Sharif").
"""
import datetime
from dataclasses import dataclass, field

from curation.extraction.attendees import qualify
from curation.extraction.gazetteer import BODY, GROUP, OFFICE, OPERATION, ORGANISATION, Gazetteer
from curation.extraction.people import names_match
from curation.extraction.text import tokenize, transliteration_skeleton

FIELDS = ["meeting_date", "meeting_body", "chair", "attendee_offices", "operations", "banned_organisations"]
LIST_FIELDS = {"attendee_offices", "operations", "banned_organisations"}


class AnswerKeyError(ValueError):
    pass


def answers_validate(answers) -> list[dict]:
    """Return the answer key if it has the documented shape; raise AnswerKeyError naming each problem."""
    if not isinstance(answers, list):
        raise AnswerKeyError("The answer key must be a JSON list of objects, one per article.")
    problems = []
    seen = set()
    for index, answer in enumerate(answers):
        where = f"item {index}"
        if not isinstance(answer, dict):
            problems.append(f"{where}: not an object")
            continue
        name = answer.get("file")
        if not isinstance(name, str) or not name:
            problems.append(f"{where}: “file” must be a file name")
            continue
        where = f"{where} ({name})"
        if name in seen:
            problems.append(f"{where}: the file is listed twice")
        seen.add(name)
        date = answer.get("meeting_date")
        if date is not None:
            try:
                datetime.date.fromisoformat(date)
            except (TypeError, ValueError):
                problems.append(f"{where}: “meeting_date” must be YYYY-MM-DD or null")
        for key in ("meeting_body", "chair"):
            if answer.get(key) is not None and not isinstance(answer.get(key), str):
                problems.append(f"{where}: “{key}” must be a string or null")
        for key in LIST_FIELDS:
            value = answer.get(key, [])
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                problems.append(f"{where}: “{key}” must be a list of names")
    if problems:
        raise AnswerKeyError("; ".join(problems))
    return answers


@dataclass
class Prediction:
    meeting_date: str | None = None
    meeting_body: str | None = None
    chair: str | None = None
    attendee_offices: set[str] = field(default_factory=set)
    operations: set[str] = field(default_factory=set)
    banned_organisations: set[str] = field(default_factory=set)
    body_province: str | None = None


def prediction_from_proposals(proposals) -> Prediction:
    """Return what the stored proposals of one source say, in the answer key's terms (gazetteer keys)."""
    prediction = Prediction()
    for proposal in proposals:
        values = proposal.values
        if proposal.kind == "meeting":
            if values.get("date_precision") == "day" and values.get("date"):
                prediction.meeting_date = values["date"]
            prediction.meeting_body = values.get("body_key")
            prediction.chair = values.get("chair_name")
        elif proposal.kind == "attendee":
            prediction.attendee_offices.add(_unknown_key(values["as_written"]) if values.get("is_new") else values["key"])
        elif proposal.kind == "operation":
            prediction.operations.add(_unknown_key(values["name"]) if values.get("is_new") else values["key"])
        elif proposal.kind == "organisation":
            prediction.banned_organisations.add(_unknown_key(values["name"]) if values.get("is_new") else values["key"])
    return prediction


def _unknown_key(name: str) -> str:
    return "text:" + transliteration_skeleton([token.text for token in tokenize(name)])


def name_key(gazetteer: Gazetteer, name: str, kinds: set[str], province: str | None = None) -> str:
    """Return the key a name in an answer stands for: the gazetteer entry it names, else its skeleton."""
    entry = gazetteer.lookup(name)
    if entry is None or entry.kind not in kinds:
        matches = gazetteer.find(name, kinds=kinds)
        entry = matches[0].entry if matches and _only_qualifiers_outside(name, matches[0]) else None
    if entry is None:
        return _unknown_key(name)
    if entry.kind == OFFICE:
        entry = qualify(entry, gazetteer, province)
    return entry.key


_QUALIFIERS = {"the", "caretaker", "acting", "interim", "then", "provincial", "federal", "north", "south", "east", "west", "former"}


def _only_qualifiers_outside(name: str, match) -> bool:
    """Return True if the words of `name` outside a known name only qualify it ("caretaker Chief Minister",
    "IG Frontier Corps (North)"), so "Additional IG CTD" or "Governor State Bank" stay offices of their own."""
    outside = tokenize(name[: match.start] + " " + name[match.end :])
    return all(token.key in _QUALIFIERS for token in outside)


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float | None:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else None


@dataclass
class ArticleScore:
    file: str
    misses: list[str] = field(default_factory=list)


def score_article(answer: dict, prediction: Prediction, gazetteer: Gazetteer, tallies: dict[str, Tally]) -> ArticleScore:
    """Add one article's comparison to the tallies; return what it got wrong, for the verbose report."""
    result = ArticleScore(answer["file"])
    gold_body = name_key(gazetteer, answer["meeting_body"], {BODY}) if answer.get("meeting_body") else None
    body_entry = gazetteer.get(gold_body) if gold_body else None
    province = body_entry.attrs.get("province") if body_entry else None

    _single(tallies["meeting_date"], answer.get("meeting_date"), prediction.meeting_date, lambda a, b: a == b, "meeting_date", result)
    _single(tallies["meeting_body"], gold_body, prediction.meeting_body, lambda a, b: a == b, "meeting_body", result)
    _single(tallies["chair"], answer.get("chair"), prediction.chair, names_match, "chair", result)
    gold_offices = {name_key(gazetteer, name, {OFFICE, GROUP}, province) for name in answer.get("attendee_offices", [])}
    _many(tallies["attendee_offices"], gold_offices, prediction.attendee_offices, "attendee_offices", result)
    gold_operations = {name_key(gazetteer, name, {OPERATION}) for name in answer.get("operations", [])}
    _many(tallies["operations"], gold_operations, prediction.operations, "operations", result)
    gold_organisations = {name_key(gazetteer, name, {ORGANISATION}) for name in answer.get("banned_organisations", [])}
    _many(tallies["banned_organisations"], gold_organisations, prediction.banned_organisations, "banned_organisations", result)
    return result


def _single(tally: Tally, gold, predicted, same, name: str, result: ArticleScore) -> None:
    if gold is not None and predicted is not None and same(gold, predicted):
        tally.true_positives += 1
        return
    if predicted is not None:
        tally.false_positives += 1
    if gold is not None:
        tally.false_negatives += 1
    if gold is not None or predicted is not None:
        result.misses.append(f"{name}: expected {gold!r}, proposed {predicted!r}")


def _many(tally: Tally, gold: set[str], predicted: set[str], name: str, result: ArticleScore) -> None:
    tally.true_positives += len(gold & predicted)
    tally.false_positives += len(predicted - gold)
    tally.false_negatives += len(gold - predicted)
    if gold != predicted:
        parts = []
        if predicted - gold:
            parts.append("extra " + ", ".join(sorted(predicted - gold)))
        if gold - predicted:
            parts.append("missed " + ", ".join(sorted(gold - predicted)))
        result.misses.append(f"{name}: " + "; ".join(parts))


def format_ratio(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.1%}"
