"""One search box over meetings, decisions, operations, people and source texts.

On PostgreSQL: full-text search on the stored vector (GIN-indexed, see naparchive.search_index),
websearch syntax ("exact phrase", -exclude, or), ranked with SearchRank, snippets from
SearchHeadline. On SQLite, which has no such search: every word must appear (case-insensitively),
ranked by how often the words occur, with snippets cut around the first match. Either way each
kind of record costs one query, so a search runs a fixed number of queries.
"""
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings.models import Decision, Meeting, Person
from naparchive.aliases import normalize_name
from naparchive.publication import PublicationStatus
from naparchive.search_index import SEARCH_CONFIG
from operations.models import Operation
from sources.models import SourceDocument

RESULTS_PER_KIND = 20
# On SQLite matches are ranked in Python; past this many, the rest are not looked at.
PORTABLE_CANDIDATES = 500
SNIPPET_CHARACTERS = 240
# Sentinels that never occur in archive text mark the matches in a headline, so the text
# around them can be escaped before the <mark> tags go in.
_START, _STOP = "\u0002", "\u0003"


@dataclass
class SearchHit:
    title: str
    url: str
    snippet: SafeString
    rank: float
    detail: str = ""


@dataclass
class SearchGroup:
    key: str
    label: str
    hits: list[SearchHit] = field(default_factory=list)


@dataclass
class SearchResults:
    query: str
    groups: list[SearchGroup]

    @property
    def total(self) -> int:
        return sum(len(group.hits) for group in self.groups)


@dataclass
class _Kind:
    key: str
    label: str
    queryset: QuerySet
    snippet_field: str
    text_fields: list[str]
    alias_field: str | None = None


def _kinds() -> list[_Kind]:
    published = PublicationStatus.PUBLISHED
    return [
        _Kind("meetings", "Meetings", Meeting.objects.published().select_related("body"), "summary", ["title", "summary", "place", "date_note"]),
        _Kind(
            "decisions",
            "Decisions",
            Decision.objects.published().filter(meeting__status=published).select_related("meeting"),
            "text",
            ["text", "note"],
        ),
        _Kind("operations", "Operations", Operation.objects.published(), "summary", ["name", "summary", "kind_note"], "aliases__name"),
        _Kind("people", "People", Person.objects.published(), "description", ["name", "description"], "aliases__name"),
        _Kind("sources", "Sources", SourceDocument.objects.published(), "text", ["title", "text", "outlet", "author"]),
    ]


def search_terms(query: str) -> list[str]:
    """Split a query into words and "quoted phrases", dropping websearch operators."""
    terms = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query):
        term = (phrase or word).strip().lstrip("-+").strip()
        if term and term.lower() != "or":
            terms.append(term)
    return terms


def _title(kind: str, record) -> tuple[str, str, str]:
    """Return (title, url, detail line) of a hit."""
    if kind == "decisions":
        meeting = record.meeting
        return (
            f"{record.text[:120]}{'…' if len(record.text) > 120 else ''}",
            f"{meeting.get_absolute_url()}#decision-{record.pk}",
            f"{meeting.title} · {meeting.date_display} · {record.get_domain_display()}",
        )
    if kind == "meetings":
        return record.title, record.get_absolute_url(), f"{record.body} · {record.date_display}"
    if kind == "operations":
        return record.name, record.get_absolute_url(), record.get_kind_display()
    if kind == "people":
        return record.name, reverse("meetings:person-detail", kwargs={"slug": record.slug}), ""
    details = " · ".join(part for part in (record.outlet, record.published_on and record.published_on.strftime("%-d %B %Y")) if part)
    return str(record), record.get_absolute_url(), details


def _marked(text: str) -> SafeString:
    """Escape a headline whose matches are between sentinels, then turn those into <mark>."""
    html = escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>")
    # Safe: the text was escaped; the only tags are the <mark> pairs put in for the sentinels.
    return mark_safe(html)  # nosec B308 B703


def _alias_matches(kind: _Kind, query: str) -> Q:
    """Match a record whose alias is the query, however spelled (Azm-e-Istahkam for Azm-e-Istehkam)."""
    if not kind.alias_field:
        return Q(pk__in=[])
    return Q(**{f"{kind.alias_field}__iexact": query.strip()}) | Q(**{f"{kind.alias_field}__icontains": query.strip()})


def _search_postgresql(kind: _Kind, query: str) -> list[SearchHit]:
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    matches = Q(search_vector=search_query) | _alias_matches(kind, query)
    records = (
        kind.queryset.filter(pk__in=kind.queryset.filter(matches).values("pk"))
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            headline=SearchHeadline(
                kind.snippet_field,
                search_query,
                config=SEARCH_CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=40,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "pk")[:RESULTS_PER_KIND]
    )
    hits = []
    for record in records:
        title, url, detail = _title(kind.key, record)
        hits.append(SearchHit(title, url, _marked(record.headline or ""), float(record.rank or 0), detail))
    return hits


def _snippet(text: str, terms: list[str]) -> SafeString:
    """Cut the text around the first match of any term and mark every match in the cut."""
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms]
    positions = [position for position in positions if position >= 0]
    if not positions:
        return escape(text[:SNIPPET_CHARACTERS] + ("…" if len(text) > SNIPPET_CHARACTERS else ""))
    start = max(0, min(positions) - SNIPPET_CHARACTERS // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    excerpt = text[start : start + SNIPPET_CHARACTERS]
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    html, last = [], 0
    for match in pattern.finditer(excerpt):
        html.append(escape(excerpt[last : match.start()]))
        html.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    html.append(escape(excerpt[last:]))
    prefix = "…" if start else ""
    suffix = "…" if start + SNIPPET_CHARACTERS < len(text) else ""
    # Safe: every piece of the excerpt went through escape(); only our <mark> tags are added.
    return mark_safe(prefix + "".join(html) + suffix)  # nosec B308 B703


def _search_portable(kind: _Kind, query: str) -> list[SearchHit]:
    terms = search_terms(query)
    if not terms:
        return []
    matches = Q()
    for term in terms:
        any_field = Q()
        for name in kind.text_fields:
            any_field |= Q(**{f"{name}__icontains": term})
        matches &= any_field
    matches |= _alias_matches(kind, query)
    records = list(kind.queryset.filter(pk__in=kind.queryset.filter(matches).values("pk"))[:PORTABLE_CANDIDATES])
    hits = []
    wanted = normalize_name(query)
    for record in records:
        texts = [str(getattr(record, name) or "") for name in kind.text_fields]
        # Words in the title or name count four times as much as words in the body.
        rank = sum(
            (4 if index == 0 else 1) * text.lower().count(term.lower())
            for index, text in enumerate(texts)
            for term in terms
        )
        if normalize_name(texts[0]) == wanted:
            rank += 100
        title, url, detail = _title(kind.key, record)
        snippet_text = str(getattr(record, kind.snippet_field) or "") or texts[0]
        hits.append(SearchHit(title, url, _snippet(snippet_text, terms), float(rank), detail))
    hits.sort(key=lambda hit: (-hit.rank, hit.title))
    return hits[:RESULTS_PER_KIND]


def archive_search(*, query: str) -> SearchResults:
    """Search every kind of published record for the query; return ranked hits grouped by kind."""
    query = query.strip()
    search = _search_postgresql if connection.vendor == "postgresql" else _search_portable
    groups = []
    for kind in _kinds():
        groups.append(SearchGroup(kind.key, kind.label, search(kind, query) if query else []))
    return SearchResults(query=query, groups=groups)
