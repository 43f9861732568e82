"""Find date expressions in a report and resolve them against its publication date, keeping precision.

Own code rather than dateparser: the rules that matter here are editorial, not linguistic ("on
Saturday" is the most recent Saturday on or before the publication date, the publication day
itself included, as online reports are published the same day; a weekday with no publication date stays a weekday), and
the few English forms the outlets use are covered and tested below.
"""
import datetime
import re
from dataclasses import dataclass

from curation.extraction import urdu
from curation.extraction.text import SpanIndex
from sources.front_matter import parse_front_matter

DAY = "day"
MONTH = "month"
YEAR = "year"
UNKNOWN = "unknown"

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAYNUM2 = _DAYNUM.replace("?P<day>", "?P<day2>")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS = [
    # 2024-06-22
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<monthnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    # (Saturday,) 22 June(,) 2024 / 22nd of June / 22-23 June
    ("day_month", re.compile(rf"(?:\b{_WEEKDAY},?\s+)?\b{_DAYNUM}(?:\s*(?:-|–|and)\s*{_DAYNUM2})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")),
    # (Saturday,) June 22(,) 2024
    ("month_day", re.compile(rf"(?:\b{_WEEKDAY},?\s+)?\b{_MONTH}\s+{_DAYNUM}(?!\d)(?!\s*(?:,\s*)?(?:percent|per cent|%))(?:,?\s+{_YEAR})?\b")),
    # June 2024 / in June / last June
    ("month", re.compile(rf"\b(?:(?P<lead>in|during|since|from|until|till|by|of|early|late|mid|mid-|earlier in|later in|last|this|until|before|after)\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("relative", re.compile(r"\b(?P<relative>today|yesterday|earlier today|last week|last month|earlier this month|this month|earlier this week|this week|last year|this year)\b", re.IGNORECASE)),
    # on Saturday / last Tuesday / on Monday last
    ("weekday", re.compile(rf"\b(?:(?P<lead>on|last|this|next|late on|early on|on late)\s+)?{_WEEKDAY}(?P<trail>\s+(?:last|night|morning|evening|afternoon))?\b")),
    # in 2023
    ("year", re.compile(rf"\b(?P<lead>in|during|since|of|by|until|from)\s+{_YEAR}\b(?!-)")),
]
# Urdu dates ("ہفتے کے روز", "۲۳ جون ۲۰۲۴", "23 جون", "گزشتہ روز") are the same forms, read by the same rules;
# each Urdu pattern goes right after the English one of its form, so the more specific forms still win.
_URDU_PATTERNS = {id(pattern) for _form, pattern in urdu.DATE_PATTERNS}
_PATTERNS = [entry for form, pattern in _PATTERNS
             for entry in [(form, pattern)] + [(form, urdu_pattern) for urdu_form, urdu_pattern in urdu.DATE_PATTERNS if urdu_form == form]]


@dataclass(frozen=True)
class DateMention:
    """A date expression as written, with what it gives: any of year, month, day, weekday, or a relative word."""

    start: int
    end: int
    quote: str
    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relative: str | None = None
    lead: str = ""


@dataclass(frozen=True)
class ResolvedDate:
    """A date as precisely as the text establishes it: `date` is the first of the month or year for coarser precision."""

    date: datetime.date | None
    precision: str
    weekday: int | None = None
    note: str = ""
    confident: bool = True


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Return the date expressions in text[start:end], the most specific reading of each span."""
    end = len(text) if end is None else end
    mentions: list[DateMention] = []
    taken = SpanIndex([])
    # Text without a letter of Arabic script (English reports) is not searched for Urdu dates: measured 1 s a MB saved.
    urdu_script = urdu.has_arabic_script(text, start, end)
    for form, pattern in _PATTERNS:
        if not urdu_script and id(pattern) in _URDU_PATTERNS:
            continue
        # Spans taken by a more specific form win; a form's own matches never overlap one another.
        added = []
        for match in pattern.finditer(text, start, end):
            span = match.span()
            if taken.overlaps(*span):
                continue
            mention = _mention(form, match)
            if mention is None:
                continue
            mentions.append(mention)
            added.append(span)
        if added:
            taken = SpanIndex(taken.spans + added)
    return sorted(mentions, key=lambda mention: mention.start)


def _mention(form: str, match: re.Match) -> DateMention | None:
    groups = match.groupdict()
    # An Urdu pattern may give a group twice under another name (alternatives), and a lead after the date ("جون سے").
    for name in ("weekday", "year", "lead"):
        groups[name] = groups.get(name) or groups.get(f"{name}2")
    lead = (groups.get("lead") or groups.get("after") or "").strip()
    lead = urdu.date_lead(lead) or lead.casefold()
    quote = match.group()
    common = {"start": match.start(), "end": match.end(), "quote": quote, "form": form, "lead": lead}
    weekday = _weekday_number(groups["weekday"]) if groups.get("weekday") else None
    year = int(groups["year"]) if groups.get("year") else None
    if form == "iso":
        month, day = int(groups["monthnum"]), int(groups["day"])
        if not _valid(year, month, day):
            return None
        return DateMention(**common, year=year, month=month, day=day)
    if form in ("day_month", "month_day"):
        month = _month_number(groups["month"])
        # "22-23 June": the meeting ran over two days; the first is its date.
        day = int(groups["day"])
        if not _valid(year or 2000, month, day):
            return None
        return DateMention(**common, year=year, month=month, day=day, weekday=weekday)
    if form == "month":
        word = groups["month"]
        # "May" is also a verb, "March" a noun: a bare month needs a capital (Urdu has none) and a year or a leading word.
        if not (word[:1].isupper() or urdu.month_number(word)) or (year is None and not lead):
            return None
        return DateMention(**common, year=year, month=_month_number(word))
    if form == "relative":
        return DateMention(**common, relative=urdu.relative_meaning(groups["relative"]) or groups["relative"].casefold())
    if form == "weekday":
        if groups.get("trail") and groups["trail"].strip() == "last":
            common["lead"] = "last"
        return DateMention(**common, weekday=weekday)
    if form == "year":
        return DateMention(**common, year=year)
    return None


def _weekday_number(word: str) -> int:
    number = urdu.weekday_number(word)
    return number if number is not None else WEEKDAYS.index(word.casefold())


def _month_number(word: str) -> int:
    return urdu.month_number(word) or MONTHS[word.casefold().rstrip(".")]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def resolve(mention: DateMention, published_on: datetime.date | None, *, says_today: bool = False) -> ResolvedDate:
    """Resolve a mention against the publication date, never more precisely than the text allows."""
    if mention.day is not None and mention.month is not None:
        return _resolve_day_month(mention, published_on)
    if mention.weekday is not None:
        return _resolve_weekday(mention, published_on, says_today=says_today)
    if mention.relative is not None:
        return _resolve_relative(mention, published_on)
    if mention.month is not None:
        if mention.year is not None:
            return ResolvedDate(datetime.date(mention.year, mention.month, 1), MONTH, note=f"“{mention.quote}” gives the month only.")
        if published_on is None:
            return ResolvedDate(None, UNKNOWN, note=f"“{mention.quote}” gives a month without a year, and the report's date is not known.")
        year = published_on.year if mention.month <= published_on.month else published_on.year - 1
        return ResolvedDate(
            datetime.date(year, mention.month, 1),
            MONTH,
            note=f"“{mention.quote}” gives a month without a year: the last such month on or before the report's date, {published_on:%d %B %Y}.",
        )
    if mention.year is not None:
        return ResolvedDate(datetime.date(mention.year, 1, 1), YEAR, note=f"“{mention.quote}” gives the year only.")
    return ResolvedDate(None, UNKNOWN, note=f"“{mention.quote}” does not establish a date.")


def _resolve_day_month(mention: DateMention, published_on: datetime.date | None) -> ResolvedDate:
    if mention.year is not None:
        date = datetime.date(mention.year, mention.month, mention.day)
        note = f"The report gives the date: “{mention.quote}”."
    elif published_on is not None:
        date = datetime.date(published_on.year, mention.month, mention.day) if _valid(published_on.year, mention.month, mention.day) else None
        # "28 December" in a report of 2 January is last year's.
        if date is None or date > published_on:
            year = published_on.year - 1
            if not _valid(year, mention.month, mention.day):
                return ResolvedDate(None, UNKNOWN, note=f"“{mention.quote}” is not a date in the year before the report.")
            date = datetime.date(year, mention.month, mention.day)
        note = f"“{mention.quote}” without a year: the last such day on or before the report's date, {published_on:%d %B %Y}."
    else:
        return ResolvedDate(
            None,
            UNKNOWN,
            weekday=mention.weekday,
            note=f"“{mention.quote}” gives a day and month without a year, and the report's date is not known.",
        )
    if mention.weekday is not None and date.weekday() != mention.weekday:
        return ResolvedDate(
            date,
            DAY,
            note=f"{note} The report also says {WEEKDAYS[mention.weekday].title()}, but {date:%d %B %Y} was a {date:%A}: check.",
            confident=False,
        )
    return ResolvedDate(date, DAY, note=note)


def _resolve_weekday(mention: DateMention, published_on: datetime.date | None, *, says_today: bool) -> ResolvedDate:
    name = WEEKDAYS[mention.weekday].title()
    if published_on is None:
        return ResolvedDate(
            None,
            UNKNOWN,
            weekday=mention.weekday,
            note=f"The report says “{mention.quote}” but carries no date, so only the weekday is known.",
        )
    # Online reports are mostly published the day of the meeting and print ones the day after: the most
    # recent such weekday on or before the publication date, the publication day itself included.
    days_back = (published_on.weekday() - mention.weekday) % 7
    if mention.lead == "last" and days_back == 0:
        days_back = 7
    date = published_on - datetime.timedelta(days=days_back)
    note = f"“{mention.quote}” in a report dated {published_on:%A %d %B %Y}: the {name} on or before it, {date:%d %B %Y}."
    if days_back == 0 and not says_today:
        note += " That is the publication day itself (a same-day report)."
    return ResolvedDate(date, DAY, weekday=mention.weekday, note=note)


def _resolve_relative(mention: DateMention, published_on: datetime.date | None) -> ResolvedDate:
    if published_on is None:
        return ResolvedDate(None, UNKNOWN, note=f"The report says “{mention.quote}” but carries no date.")
    relative = mention.relative
    if relative in ("today", "earlier today"):
        return ResolvedDate(published_on, DAY, weekday=published_on.weekday(), note=f"“{mention.quote}” in a report dated {published_on:%d %B %Y}.")
    if relative == "yesterday":
        date = published_on - datetime.timedelta(days=1)
        return ResolvedDate(date, DAY, weekday=date.weekday(), note=f"“{mention.quote}” in a report dated {published_on:%d %B %Y}.")
    if relative in ("this month", "earlier this month"):
        return ResolvedDate(published_on.replace(day=1), MONTH, note=f"“{mention.quote}” in a report dated {published_on:%d %B %Y}.")
    if relative == "last month":
        last = published_on.replace(day=1) - datetime.timedelta(days=1)
        return ResolvedDate(last.replace(day=1), MONTH, note=f"“{mention.quote}” in a report dated {published_on:%d %B %Y}.")
    if relative == "last year":
        return ResolvedDate(datetime.date(published_on.year - 1, 1, 1), YEAR, note=f"“{mention.quote}” in a report dated {published_on:%d %B %Y}.")
    if relative == "this year":
        return ResolvedDate(datetime.date(published_on.year, 1, 1), YEAR, note=f"“{mention.quote}” in a report dated {published_on:%d %B %Y}.")
    return ResolvedDate(None, UNKNOWN, note=f"“{mention.quote}” does not give a day.")


_DATELINE_DATE = re.compile(rf"\s*[A-Z][A-Za-z .]+,\s*{_MONTH}\s+{_DAYNUM}(?:,?\s+{_YEAR})?\s*(?:\([A-Za-z]+\))?\s*[:\-–—]")


def publication_date_in_text(text: str) -> datetime.date | None:
    """Return the date a report carries in its first lines ("date 2024-06-23", "published: ..."), if any."""
    return parse_front_matter(text)[0].get("published_on")


def dateline_date(text: str, start: int = 0) -> DateMention | None:
    """Return the date of an agency dateline ("PESHAWAR, Jan 5 (APP):"), which is the report's own date."""
    match = _DATELINE_DATE.match(text, start)
    if match is None:
        return None
    month = MONTHS[match.group("month").casefold().rstrip(".")]
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else None
    if not _valid(year or 2000, month, day):
        return None
    return DateMention(match.start("month"), match.end("day"), text[match.start("month") : match.end("day")], "dateline", year=year, month=month, day=day)
