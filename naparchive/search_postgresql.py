"""Full-text search on PostgreSQL: one statement per kind of record, its SQL written once per process, the
statements of a search's kinds sent in one round trip.

The query arrives parsed (foundations.search_query) and expanded to every spelling of the names it
contains (naparchive.search_names); `tsquery` compiles it. A kind's statement finds its newest
matches (at most `ranked` of them), ranks them with ts_rank on the
stored, GIN-indexed vector (see foundations.search_index), and returns one page of the best with the
number of matches and the query's lexemes (for the snippets). Composing the same thing through the ORM
took three or four queries a kind and more Python time than the database spent; sending the kinds'
statements one by one cost about a millisecond of CPU more a search than sending them together (Python
and PostgreSQL, at the benchmark's scale), which psycopg's client-side cursor does in the simple query
protocol, handing back one result set a statement.

Why only the newest matches are ranked: ranking reads each match's whole vector, and a common word
matches most of the archive (nearly every source names Balochistan). Which matches are the newest is
found two ways:

- small kinds (meetings, operations, people): one planned query, matches in date order;
- big kinds (decisions, sources): among the newest SCAN_WINDOW records first, walking a date index,
  and only when they hold too few matches (a rarer word) from the GIN index, collected as an ARRAY
  before being ordered. Collecting a common word's matches from the index reads every one of them,
  and given the match and the order together PostgreSQL may instead walk the date order through the
  whole table, when it guesses that words common alone are common together ("terrorism financing" in
  no decision: 110 ms instead of 2). The second way runs only when the first found too few: its
  condition is a one-time filter, so PostgreSQL never starts it otherwise.
"""
import functools
from dataclasses import dataclass

from django.db import connection
from django.db.models import Model

from meetings.models import Body, Decision, Meeting, Person
from foundations.publication import PublicationStatus
from foundations.search_index import SEARCH_CONFIG
from foundations.search_query import ParsedQuery
from operations.models import Operation
from sources.models import SourceDocument

# How many of a big kind's newest records are looked through for its newest matches first.
SCAN_WINDOW = 3000

# The statement is built once per shape of query (how many clauses, terms and spellings), not per query.
STATEMENTS_KEPT = 256


@dataclass(frozen=True)
class Table:
    """How one kind of record is searched: its table as `r`, what makes it public, which is newest."""

    model: type[Model]
    # Read into the record's fields of the same names (what a hit shows).
    columns: tuple[str, ...]
    # ORDER BY, newest first, over indexed columns.
    newest: str
    # The model's public() rule, in SQL over `r` and `joins`: tests/test_visibility_matrix.py checks it
    # selects exactly the records public() does, for every kind and state.
    published: str = "r.status = %(published)s"
    # Tables the published condition and the order need.
    joins: str = ""
    # A related record a hit shows: (attribute, model, its alias, its columns, its join from `r`). The page's
    # rows are public already: their select joins only this, which is less for PostgreSQL to plan.
    related: tuple[str, type[Model], str, tuple[str, ...], str] | None = None
    window_first: bool = False

    @property
    def table(self) -> str:
        return self.model._meta.db_table


TABLES = {
    "meetings": Table(
        Meeting,
        ("id", "title", "slug", "summary", "date", "date_precision", "weekday"),
        # The public meeting lists' order, which has its own index.
        newest="r.date DESC NULLS LAST, r.title, r.id",
        published="r.status = %(published)s AND b.status = %(published)s",
        joins="JOIN meetings_body b ON b.id = r.body_id",
        related=("body", Body, "b", ("id", "name"), "JOIN meetings_body b ON b.id = r.body_id"),
    ),
    "decisions": Table(
        Decision,
        ("id", "text", "domain"),
        newest="m.date DESC NULLS LAST, r.id DESC",
        published="r.status = %(published)s AND m.status = %(published)s AND mb.status = %(published)s",
        joins="JOIN meetings_meeting m ON m.id = r.meeting_id JOIN meetings_body mb ON mb.id = m.body_id",
        related=("meeting", Meeting, "m", ("id", "title", "slug", "date", "date_precision", "weekday"), "JOIN meetings_meeting m ON m.id = r.meeting_id"),
        window_first=True,
    ),
    "operations": Table(
        Operation,
        ("id", "name", "slug", "kind", "summary"),
        newest="r.id DESC",
    ),
    "people": Table(
        Person,
        ("id", "name", "slug", "description"),
        newest="r.id DESC",
    ),
    "sources": Table(
        SourceDocument,
        ("id", "title", "slug", "outlet", "published_on", "language", "text", "original_filename", "sha256"),
        newest="r.published_on DESC NULLS LAST, r.id DESC",
        window_first=True,
    ),
}


def tsquery(parsed: ParsedQuery) -> tuple[str, dict[str, str]]:
    """Return the parsed query as a tsquery expression and its parameters.

    Each spelling of a term is a phrase (phraseto_tsquery: a single word is a phrase of one); a
    term is any of its spellings (||), a clause all its wanted terms and none of its excluded ones
    (&&, !!), the query any of its clauses. The expression is constant, so the planner sees the words
    and their frequencies, and the texts are parameters, never part of the SQL.
    """
    params: dict[str, str] = {}

    def term_sql(term) -> str:
        spellings = []
        for spelling in term.spellings:
            name = f"t{len(params)}"
            params[name] = spelling
            spellings.append(f"phraseto_tsquery('{SEARCH_CONFIG}', %({name})s)")
        return "(" + " || ".join(spellings) + ")"

    clauses = []
    for clause in parsed.clauses:
        parts = [term_sql(term) for term in clause.wanted] + [f"!!{term_sql(term)}" for term in clause.excluded]
        clauses.append("(" + " && ".join(parts) + ")")
    return "(" + " || ".join(clauses) + ")", params


def _candidates(table: Table, query: str) -> str:
    """Return the CTEs that leave the kind's newest `ranked` matches (id, vector) in `candidates`."""
    # Bandit (nosec B608 below): the SQL is assembled from the constants of TABLES and the query's
    # shape, never from input; the query's texts are parameters.
    public = f"FROM {table.table} r {table.joins} WHERE {table.published}"
    matches = f"r.search_vector @@ {query}"
    if not table.window_first:
        return f"candidates AS MATERIALIZED (SELECT r.id, r.search_vector {public} AND {matches} ORDER BY {table.newest} LIMIT %(ranked)s)"  # nosec B608
    # PostgreSQL neither flattens the window nor pushes the match into it: it reads the window's rows in index order.
    return f"""
        in_window AS MATERIALIZED (
            SELECT newest.id, newest.search_vector
            FROM (SELECT r.id, r.search_vector {public} ORDER BY {table.newest} LIMIT %(window)s) AS newest
            WHERE newest.search_vector @@ {query} LIMIT %(ranked)s
        ),
        candidates AS MATERIALIZED (
            SELECT id, search_vector FROM in_window WHERE (SELECT count(*) FROM in_window) = %(ranked)s
            UNION ALL
            (SELECT r.id, r.search_vector {public}
                AND (SELECT count(*) FROM in_window) < %(ranked)s
                AND r.id = ANY(ARRAY(SELECT id FROM {table.table} WHERE search_vector @@ {query}))
             ORDER BY {table.newest} LIMIT %(ranked)s)
        )"""  # nosec B608


@functools.lru_cache(maxsize=STATEMENTS_KEPT)
def statement(kind: str, query: str) -> str:
    """Return the SQL that ranks one page of the kind's newest matches for a tsquery expression."""
    table = TABLES[kind]
    columns = [f"r.{name}" for name in table.columns]
    related_join = ""
    if table.related:
        _, _, alias, related_columns, related_join = table.related
        columns += [f"{alias}.{name}" for name in related_columns]
    # The SQL is assembled from the constants above, never from input: the query text is a parameter.
    return f"""
        WITH {_candidates(table, query)},
        page AS (
            SELECT id, ts_rank(search_vector, {query}) AS rank FROM candidates
            ORDER BY rank DESC, id LIMIT %(limit)s OFFSET %(offset)s
        )
        SELECT {", ".join(columns)}, page.rank, (SELECT count(*) FROM candidates) AS matched, {query}::text AS lexemes
        FROM page JOIN {table.table} r ON r.id = page.id {related_join}
        ORDER BY page.rank DESC, r.id
    """  # nosec B608


@dataclass
class RankedPage:
    # Records of the kind's model, each with its `rank`, best first.
    records: list
    # How many matched, counted up to `ranked` (0 when the page is past the last).
    matched: int
    # The query's lexemes as PostgreSQL's tsquery text (empty when nothing was returned).
    lexemes: str


@functools.cache
def _field_order(model: type[Model], names: tuple[str, ...]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields if field.attname in names]


def partial_record(model: type[Model], values: dict) -> Model:
    """Build a record from some of its fields (attname -> value), the others deferred (read if used), as the
    ORM does (from_db): Model(**fields) would compute the default of every field not read."""
    names = _field_order(model, tuple(values))
    return model.from_db(connection.alias, names, [values[name] for name in names])


def ranked_pages(kinds: list[str], parsed: ParsedQuery, *, ranked: int, limit: int, offset: int) -> dict[str, RankedPage]:
    """Return each kind's best matches from `offset`, among its newest `ranked` matches.

    The kinds' statements go to PostgreSQL together, in one round trip (the simple query protocol runs
    several statements sent as one; psycopg returns one result set each).
    """
    if not parsed or not kinds:
        return {kind: RankedPage([], 0, "") for kind in kinds}
    query, texts = tsquery(parsed)
    params = {
        **texts,
        "published": PublicationStatus.PUBLISHED,
        "ranked": ranked,
        "window": SCAN_WINDOW,
        "limit": limit,
        "offset": offset,
    }
    pages = {}
    with connection.cursor() as cursor:
        cursor.execute(";\n".join(statement(kind, query) for kind in kinds), params)
        for number, kind in enumerate(kinds):
            if number:
                cursor.nextset()
            pages[kind] = _page(TABLES[kind], cursor.fetchall())
    return pages


def _page(table: Table, rows: list[tuple]) -> RankedPage:
    if not rows:
        return RankedPage([], 0, "")
    records = []
    width = len(table.columns)
    for row in rows:
        record = partial_record(table.model, dict(zip(table.columns, row[:width])))
        if table.related:
            attribute, model, _, related_columns, _ = table.related
            setattr(record, attribute, partial_record(model, dict(zip(related_columns, row[width:]))))
        record.rank = row[-3]
        records.append(record)
    return RankedPage(records, rows[0][-2], rows[0][-1])
