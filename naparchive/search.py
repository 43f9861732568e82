"""One search box over every public kind of record: meetings, decisions, operations, people, offices,
bodies, organisations, figures and source texts.

The query is parsed once (foundations.search_query) and its names given every recorded spelling
(naparchive.search_names), whatever the database.

The overview shows each kind's best OVERVIEW_HITS hits and links to that kind's own pages of results
(HITS_PER_PAGE a page). On PostgreSQL: full-text search on the stored vector for the kinds that have
one, ranked with ts_rank, one statement a kind, all sent in one round trip
(naparchive.search_postgresql). On SQLite, and for the small kinds on both: every wanted term must
appear and no excluded one, ranked by how often the words occur; the small kinds are kept in memory
between changes of the archive and matched in Python, the others (on SQLite) answered by one query
(naparchive.search_portable). Either way a kind ranks only its newest RANKED_MATCHES matches (ranking
reads each match's text, and a common word matches most of the archive); the page says so when
there may be more. Snippets are cut in Python around the words matched: on PostgreSQL the words the
stemmer reduced to the query's lexemes (ts_headline re-parses each whole text, which was most of a
search's time), on SQLite the words as typed. The number of queries does not depend on the size of
the archive or the words: one on either database (with a shared cache).
"""
import functools
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_lazy as _, ngettext_lazy

from foundations.aliases import normalize_name, script_language
from foundations.languages import marked_with_language
from foundations.caching import archive_cache_version
from foundations.search_query import ParsedQuery, parse_query
from foundations.vague_dates import day_month_year
from naparchive import search_names, search_portable, search_postgresql

KINDS = {
    "meetings": _("Meetings"),
    "decisions": _("Decisions"),
    "operations": _("Operations"),
    "people": _("People"),
    "offices": _("Offices"),
    "bodies": _("Bodies"),
    "organisations": _("Organisations"),
    "figures": _("Figures"),
    "sources": _("Sources"),
}
# How many records of each kind, for "1 decision", "3 decisions", "100+ decisions": the plural form is chosen
# by `number`, the figure shown is `count`.
COUNTED = {
    "meetings": ngettext_lazy("%(count)s meeting", "%(count)s meetings", "number"),
    "decisions": ngettext_lazy("%(count)s decision", "%(count)s decisions", "number"),
    "operations": ngettext_lazy("%(count)s operation", "%(count)s operations", "number"),
    "people": ngettext_lazy("%(count)s person", "%(count)s people", "number"),
    "offices": ngettext_lazy("%(count)s office", "%(count)s offices", "number"),
    "bodies": ngettext_lazy("%(count)s body", "%(count)s bodies", "number"),
    "organisations": ngettext_lazy("%(count)s organisation", "%(count)s organisations", "number"),
    "figures": ngettext_lazy("%(count)s figure", "%(count)s figures", "number"),
    "sources": ngettext_lazy("%(count)s source", "%(count)s sources", "number"),
}
# The field a hit's snippet is cut from.
SNIPPET_FIELDS = {
    "meetings": "summary",
    "decisions": "text",
    "operations": "summary",
    "people": "description",
    "offices": "description",
    "bodies": "description",
    "organisations": "description",
    "figures": "quote",
    "sources": "text",
}
OVERVIEW_HITS = 5
HITS_PER_PAGE = 20
RANKED_MATCHES = 100
# Past it no kind has hits: only its newest RANKED_MATCHES matches are ranked.
LAST_PAGE = -(-RANKED_MATCHES // HITS_PER_PAGE)
SNIPPET_CHARACTERS = 240


@dataclass
class SearchHit:
    title: str
    url: str
    snippet: SafeString
    rank: float
    detail: str = ""
    # The languages the title and the snippet are written in: a source's own (an Urdu report), else the
    # language the archive's records are curated in. The page marks them where they differ from its own.
    title_language: str = "en"
    snippet_language: str = "en"
    # The title and the snippet as the page shows them: marked with their language where it is not the page's.
    title_shown: str = ""
    snippet_shown: str = ""


@dataclass
class SearchGroup:
    key: str
    label: str
    hits: list[SearchHit] = field(default_factory=list)
    # How many matched, counted up to RANKED_MATCHES.
    matched: int = 0

    @property
    def matched_phrase(self) -> str:
        """"3 decisions", "1 decision", or "100+ decisions" when as many matched as are ranked."""
        count = f"{self.matched}+" if self.more_matches else str(self.matched)
        return COUNTED[self.key] % {"number": self.matched, "count": count}

    @property
    def matched_phrase_in_words(self) -> str:
        """"3 decisions", "1 decision", or "100 or more decisions" when as many matched as are ranked."""
        count = gettext("%(count)s or more") % {"count": self.matched} if self.more_matches else str(self.matched)
        return COUNTED[self.key] % {"number": self.matched, "count": count}

    @property
    def more_matches(self) -> bool:
        """True when as many matched as are ranked: older records may match too."""
        return self.matched >= RANKED_MATCHES

    @property
    def more_hits(self) -> bool:
        """True when more of the ranked matches exist than these hits."""
        return self.matched > len(self.hits)


@dataclass
class SearchResults:
    query: str
    groups: list[SearchGroup]
    # The kind whose results alone are shown (a page of them), or "" for the overview of every kind.
    kind: str = ""
    # When nothing matched: the archive's nearest names, and the query's script if no source uses it.
    suggestions: list[str] = field(default_factory=list)
    unused_script: str = ""

    @property
    def total(self) -> int:
        return sum(group.matched for group in self.groups)

    @property
    def matched_groups(self) -> list[SearchGroup]:
        return [group for group in self.groups if group.matched]

    @property
    def suggestions_with_language(self) -> list[tuple[str, str]]:
        """Return each suggested name with the language of its script (an Urdu-script alias is `ur`), for `lang`."""
        return [(name, script_language(name)) for name in self.suggestions]


def search_terms(query: str) -> list[str]:
    """Return the wanted words and phrases of a query as typed (not the excluded ones, not OR)."""
    return list(dict.fromkeys(term.text for term in parse_query(query).terms if not term.negated))


def _detail(*parts: tuple[str, str | None]) -> SafeString:
    """Join a hit's detail line from (text, language) parts: a record's words (language "en", or a source's)
    are marked with their language where the page is in another; the interface's labels (language None) are not."""
    shown = [conditional_escape(text if language is None else marked_with_language(text, language)) for text, language in parts if text]
    return mark_safe(" · ".join(shown))  # nosec B308 B703: every part escaped, or built by format_html


@functools.cache
def _choice_labels(model, field_name: str) -> dict:
    """Return a choice field's {value: label}, built once a process.

    The model's get_FOO_display() rebuilds it for every call, hashing each lazily translated label:
    most of a hit's cost. The labels stay lazy and are translated when shown.
    """
    return dict(model._meta.get_field(field_name).flatchoices)


def _choice_label(record, field_name: str) -> str:
    value = getattr(record, field_name)
    return str(_choice_labels(type(record), field_name).get(value, value))


def _title(kind: str, record) -> tuple[str, str, str]:
    """Return (title, url, detail line) of a hit."""
    if kind == "decisions":
        meeting = record.meeting
        return (
            f"{record.text[:120]}{'…' if len(record.text) > 120 else ''}",
            f"{meeting.get_absolute_url()}#decision-{record.pk}",
            _detail((meeting.title, "en"), (meeting.date_display, None), (_choice_label(record, "domain"), None)),
        )
    if kind == "meetings":
        return record.title, record.get_absolute_url(), _detail((str(record.body), "en"), (record.date_display, None))
    if kind == "operations":
        return record.name, record.get_absolute_url(), _choice_label(record, "kind")
    if kind == "people":
        return record.name, reverse("meetings:person-detail", kwargs={"slug": record.slug}), ""
    if kind == "offices":
        return record.title, reverse("meetings:office-detail", kwargs={"slug": record.slug}), ""
    if kind == "bodies":
        return record.name, reverse("meetings:body-detail", kwargs={"slug": record.slug}), _detail((record.short_name, "en"))
    if kind == "organisations":
        return record.name, record.get_absolute_url(), _choice_label(record, "kind")
    if kind == "figures":
        source = str(record.source)
        return str(record), record.get_absolute_url(), _detail((source, script_language(source)))
    published = record.published_on and day_month_year(record.published_on)
    return str(record), record.get_absolute_url(), _detail((record.outlet, script_language(record.outlet)), (published, None))


def _literal_pattern(terms: list[str]) -> re.Pattern | None:
    """Match any of the spellings, ignoring case (longest first, so a phrase beats its words)."""
    if not terms:
        return None
    return re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)


def _lexeme_pattern(tsquery: str) -> re.Pattern | None:
    """Match the words of a text that PostgreSQL's stemmer reduces to the wanted lexemes of a tsquery.

    A stem is the start of the words it comes from ("court" for courts), except that the stemmer
    turns a final y into i ("polici" for policy, policies), so a final i also accepts y.
    """
    stems = [stem.replace("''", "'") for negated, stem in re.findall(r"(!?)\s*'((?:[^']|'')+)'", tsquery) if not negated]
    if not stems:
        return None
    alternatives = [_stem_alternative(stem) for stem in stems]
    return re.compile(r"\b(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + r")", re.IGNORECASE)


def _stem_alternative(stem: str) -> str:
    """Match the words a stem comes from; a stem of one or two letters only as a whole word.

    As a word's start, the "e" of Azm-e-Istehkam would mark every word beginning with e.
    """
    if len(stem) <= 2:
        return re.escape(stem) + r"\b"
    return (re.escape(stem[:-1]) + "[iy]" if stem.endswith("i") else re.escape(stem)) + r"\w*"


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


def archive_search(*, query: str, kind: str = "", page: int = 1) -> SearchResults:
    """Search published records: the best hits of every kind, or one page of one kind's hits."""
    query = query.strip()
    postgresql = connection.vendor == "postgresql"
    # Parsed once, its names given every spelling, then compiled for the database in use.
    # The archive's cache version, read once for the values kept until it changes (names, small kinds).
    version = archive_cache_version() if query and settings.ARCHIVE_CACHE_SHARED else None
    parsed = search_names.expand(parse_query(query), search_names.name_index(version)) if query else ParsedQuery()
    if kind:
        keys, limit, offset = [kind], HITS_PER_PAGE, (page - 1) * HITS_PER_PAGE
    else:
        # Each kind's count of matches says whether it has more than these to show on its own pages.
        keys, limit, offset = list(KINDS), OVERVIEW_HITS, 0
    # The kinds PostgreSQL searches on a stored vector: one statement each, sent together. The others (all of them
    # on SQLite): one query for them all.
    vector_keys = [key for key in keys if postgresql and key in search_postgresql.TABLES] if parsed else []
    portable = search_portable.ranked_pages(
        [key for key in keys if key not in vector_keys] if parsed else [],
        parsed, ranked=RANKED_MATCHES, limit=limit, offset=offset, version=version,
    )
    vector = search_postgresql.ranked_pages(vector_keys, parsed, ranked=RANKED_MATCHES, limit=limit, offset=offset)
    literal = _literal_pattern(parsed.wanted_spellings) if parsed else None
    groups = []
    for key in keys:
        if not parsed:
            groups.append(SearchGroup(key, str(KINDS[key])))
            continue
        if key in vector_keys:
            ranked = vector[key]
            # What a snippet marks: the words PostgreSQL's stemmer matched.
            pattern = _lexeme_pattern(ranked.lexemes)
        else:
            ranked, pattern = portable[key], literal
        hits = [_hit(key, record, pattern) for record in ranked.records]
        groups.append(SearchGroup(key, str(KINDS[key]), hits, ranked.matched))
    results = SearchResults(query=query, groups=groups, kind=kind)
    if query and not results.total:
        results.suggestions = [name for name in search_names.suggestions(query) if normalize_name(name) != normalize_name(query)]
        results.unused_script = search_names.unused_script(query)
    return results


def _hit(kind: str, record, pattern: re.Pattern | None) -> SearchHit:
    title, url, detail = _title(kind, record)
    snippet = _snippet(str(getattr(record, SNIPPET_FIELDS[kind]) or ""), pattern)
    hit = SearchHit(title, url, snippet, float(record.rank or 0), detail)
    if kind == "sources":
        hit.title_language = hit.snippet_language = record.language or "en"
    elif kind == "figures":
        # A figure's snippet is its quote: its source's words.
        hit.snippet_language = record.source.language or "en"
    hit.title_shown = marked_with_language(hit.title, hit.title_language)
    hit.snippet_shown = marked_with_language(hit.snippet, hit.snippet_language)
    return hit
