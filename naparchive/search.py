"""One search box over meetings, decisions, operations, people and source texts.

On PostgreSQL: full-text search on the stored vector (GIN-indexed, see naparchive.search_index),
websearch syntax ("exact phrase", -exclude, or), ranked with SearchRank. Ranking reads each match's
whole vector, and a common word matches most of the archive (nearly every source names
Balochistan), so each kind ranks only its newest RANKED_MATCHES matches; the page says when there
were more. For the big kinds (decisions, sources) the database looks for them among the newest few
thousand records first, walking a date index, and only for a rarer word collects them from the GIN
index. Snippets are cut in Python around the words the stemmer matched: ts_headline re-parses each
whole text, which was most of a search's time.

On SQLite, which has no such search: every word must appear (case-insensitively), ranked by how
often the words occur, with snippets cut around the first match. Either way each kind of record
costs one query (on PostgreSQL two, or three when a big kind's newest records do not hold enough
matches; one more per search learns the query's lexemes), so the number of queries is bounded
whatever the size of the archive.
"""
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL
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
# On PostgreSQL, how many of each kind's newest matches are ranked (see the module docstring), and
# how many of its newest records are searched first for them (see _newest_matches_in_window).
RANKED_MATCHES = 100
SCAN_WINDOW = 3000
# On SQLite matches are ranked in Python; past this many, the rest are not looked at.
PORTABLE_CANDIDATES = 500
SNIPPET_CHARACTERS = 240


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
    # True when more records matched than were ranked: the hits are the best of the newest matches.
    more_matches: bool = False


@dataclass
class SearchResults:
    query: str
    groups: list[SearchGroup]

    @property
    def total(self) -> int:
        return sum(len(group.hits) for group in self.groups)

    @property
    def more_matches(self) -> bool:
        return any(group.more_matches for group in self.groups)


@dataclass
class _Kind:
    key: str
    label: str
    queryset: QuerySet
    snippet_field: str
    text_fields: list[str]
    alias_field: str | None = None
    # Newest first, over indexed columns: which matches are ranked when there are too many.
    newest_first: tuple = ("-pk",)
    # Stored search vectors are ranked in the database; loading them into Python (a source's is
    # kilobytes) would only cost time.
    not_loaded: tuple = ("search_vector",)
    # For the big kinds: look for the newest matches among the newest records first (see
    # _newest_matches_in_window). On a kind of a few tens of thousands of small records PostgreSQL
    # plans the plain query well, and the window would only add a scan when a word is rare.
    window_first: bool = False


def _kinds() -> list[_Kind]:
    published = PublicationStatus.PUBLISHED
    return [
        _Kind(
            "meetings",
            "Meetings",
            Meeting.objects.published().select_related("body"),
            "summary",
            ["title", "summary", "place", "date_note"],
            # The public meeting lists' order, which has its own index.
            newest_first=(F("date").desc(nulls_last=True), "title", "pk"),
        ),
        _Kind(
            "decisions",
            "Decisions",
            Decision.objects.published().filter(meeting__status=published).select_related("meeting"),
            "text",
            ["text", "note"],
            newest_first=(F("meeting__date").desc(nulls_last=True), "-pk"),
            not_loaded=("search_vector", "meeting__search_vector"),
            window_first=True,
        ),
        _Kind("operations", "Operations", Operation.objects.published(), "summary", ["name", "summary", "kind_note"], "aliases__name"),
        _Kind("people", "People", Person.objects.published(), "description", ["name", "description"], "aliases__name"),
        _Kind(
            "sources",
            "Sources",
            SourceDocument.objects.published(),
            "text",
            ["title", "text", "outlet", "author"],
            newest_first=(F("published_on").desc(nulls_last=True), "-pk"),
            window_first=True,
        ),
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


def _alias_matches(kind: _Kind, query: str) -> Q:
    """Match a record whose alias is the query, however spelled (Azm-e-Istahkam for Azm-e-Istehkam)."""
    if not kind.alias_field:
        return Q(pk__in=[])
    return Q(**{f"{kind.alias_field}__iexact": query.strip()}) | Q(**{f"{kind.alias_field}__icontains": query.strip()})


def _newest_matches_in_window(kind: _Kind, query: str) -> list[int] | None:
    """Return the ids of the kind's newest RANKED_MATCHES + 1 matches if its newest SCAN_WINDOW records hold them.

    If they do, no older record can be among the newest matches, and they were found by reading a
    few thousand rows in index order. Collecting a common word's matches from the GIN index instead
    reads every one of them, and the planner cannot tell which words are common when they come
    together ("anti-terrorism courts": it multiplies the words' frequencies). The window is a
    subquery in FROM because PostgreSQL neither flattens it nor pushes the match into it.
    """
    window = kind.queryset.order_by(*kind.newest_first).values("pk", "search_vector")[:SCAN_WINDOW]
    window_sql, params = window.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            # The inner SQL is Django's own for the window queryset; the query text goes in as a parameter.
            f"SELECT newest.pk FROM ({window_sql}) AS newest "  # nosec B608
            "WHERE newest.search_vector @@ websearch_to_tsquery(%s::regconfig, %s) LIMIT %s",
            [*params, SEARCH_CONFIG, query, RANKED_MATCHES + 1],
        )
        found = [row[0] for row in cursor.fetchall()]
    return found if len(found) > RANKED_MATCHES else None


def _newest_matches_by_index(kind: _Kind, search_query: SearchQuery) -> list[int]:
    """Return the ids of the kind's newest RANKED_MATCHES + 1 matches, collected from the GIN index.

    Used for a big kind when a word is rarer than the window can tell (its newest records hold few
    matches), so its matches are few. They are collected first, as an ARRAY(...) the database computes
    once, and only then ordered: given the match and the order together, PostgreSQL may instead walk
    the date order testing every record, when it guesses that words common alone are common together
    ("terrorism financing" in no decision: 110 ms instead of 1 ms).
    """
    matches = kind.queryset.model.objects.filter(search_vector=search_query).values("pk")
    matches_sql, params = matches.query.sql_with_params()
    newest = (
        kind.queryset
        # The inner SQL is Django's own for the matches queryset, its values passed as parameters.
        .filter(pk__in=RawSQL(f"SELECT unnest(ARRAY({matches_sql}))", params))  # nosec B611
        .order_by(*kind.newest_first)
        .values_list("pk", flat=True)[: RANKED_MATCHES + 1]
    )
    return list(dict.fromkeys(newest))


def _search_postgresql(kind: _Kind, query: str, pattern: re.Pattern | None) -> tuple[list[SearchHit], bool]:
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    if kind.window_first:
        newest = _newest_matches_in_window(kind, query) or _newest_matches_by_index(kind, search_query)
    else:
        matches = Q(search_vector=search_query) | _alias_matches(kind, query)
        newest = list(dict.fromkeys(
            kind.queryset.filter(matches).order_by(*kind.newest_first).values_list("pk", flat=True)[: RANKED_MATCHES + 1]
        ))
    records = (
        kind.queryset.filter(pk__in=newest[:RANKED_MATCHES])
        .defer(*kind.not_loaded)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-rank", "pk")[:RESULTS_PER_KIND]
    )
    hits = []
    for record in records:
        title, url, detail = _title(kind.key, record)
        snippet = _snippet(str(getattr(record, kind.snippet_field) or ""), pattern)
        hits.append(SearchHit(title, url, snippet, float(record.rank or 0), detail))
    # One more than are ranked was asked for, to learn whether there were more.
    return hits, len(newest) > RANKED_MATCHES


def _literal_pattern(terms: list[str]) -> re.Pattern | None:
    """Match any of the terms as typed, ignoring case (longest first, so a phrase beats its words)."""
    if not terms:
        return None
    return re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)


def _lexeme_pattern(query: str) -> re.Pattern | None:
    """Match the words of a text that PostgreSQL's stemmer reduces to the query's wanted lexemes.

    A stem is the start of the words it comes from ("court" for courts), except that the stemmer
    turns a final y into i ("polici" for policy, policies), so a final i also accepts y.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [SEARCH_CONFIG, query])
        tsquery = cursor.fetchone()[0] or ""
    stems = [stem.replace("''", "'") for negated, stem in re.findall(r"(!?)\s*'((?:[^']|'')+)'", tsquery) if not negated]
    if not stems:
        return None
    alternatives = [re.escape(stem[:-1]) + "[iy]" if stem.endswith("i") else re.escape(stem) for stem in stems]
    return re.compile(r"\b(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + r")\w*", re.IGNORECASE)


def _snippet(text: str, pattern: re.Pattern | None) -> SafeString:
    """Cut the text around the first match of the pattern and mark every match in the cut."""
    first = pattern.search(text) if pattern else None
    if first is None:
        return escape(text[:SNIPPET_CHARACTERS] + ("…" if len(text) > SNIPPET_CHARACTERS else ""))
    start = max(0, first.start() - SNIPPET_CHARACTERS // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    excerpt = text[start : start + SNIPPET_CHARACTERS]
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


def _search_portable(kind: _Kind, query: str, pattern: re.Pattern | None) -> tuple[list[SearchHit], bool]:
    terms = search_terms(query)
    if not terms:
        return [], False
    matches = Q()
    for term in terms:
        any_field = Q()
        for name in kind.text_fields:
            any_field |= Q(**{f"{name}__icontains": term})
        matches &= any_field
    matches |= _alias_matches(kind, query)
    records = list(kind.queryset.filter(pk__in=kind.queryset.filter(matches).values("pk")).defer(*kind.not_loaded)[:PORTABLE_CANDIDATES])
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
        hits.append(SearchHit(title, url, _snippet(snippet_text, pattern), float(rank), detail))
    hits.sort(key=lambda hit: (-hit.rank, hit.title))
    return hits[:RESULTS_PER_KIND], len(records) >= PORTABLE_CANDIDATES


def archive_search(*, query: str) -> SearchResults:
    """Search every kind of published record for the query; return ranked hits grouped by kind."""
    query = query.strip()
    postgresql = connection.vendor == "postgresql"
    search = _search_postgresql if postgresql else _search_portable
    # What a snippet marks: the stemmer's words on PostgreSQL, the words as typed on SQLite.
    if not query:
        pattern = None
    else:
        pattern = _lexeme_pattern(query) if postgresql else _literal_pattern(search_terms(query))
    groups = []
    for kind in _kinds():
        hits, more = search(kind, query, pattern) if query else ([], False)
        groups.append(SearchGroup(kind.key, kind.label, hits, more))
    return SearchResults(query=query, groups=groups)
