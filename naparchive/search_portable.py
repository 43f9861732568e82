"""Search on databases without PostgreSQL's full-text search (SQLite, the embedded default), and
for the kinds without a stored vector on both (offices, bodies, organisations, figures).

The parsed query (foundations.search_query, its names expanded to every spelling) becomes ORM
conditions: each wanted term in one of the kind's text fields (case-insensitively), no excluded
term in any; the newest `ranked` matches are ranked in Python by how often the words occur, a
word in the title or name counting four times.

The small kinds (offices, bodies, organisations, figures: tens or hundreds of records) are read
whole, public() rows only, once after each change of the archive and kept (like the index of names,
naparchive.search_names), and matched here in Python with the parsed query's own meaning
(ParsedQuery.matches, which the property test holds both databases to): no query while the archive
does not change. The other kinds asked for (every other kind on SQLite) are answered by one query: a UNION ALL of each kind's public() matches,
each row the kind's name and the columns a hit needs as one JSON object (the kinds' columns differ
in number and type, a JSON object is one column on both databases). A kind a query each cost about
a millisecond of Django's query building and a round trip apiece, for tables of a few dozen rows.

The SQL is built by the ORM once per shape of query (the kinds, and how many clauses, terms and
spellings), with stand-ins for the spellings, and kept: building it per search took more time than
the database did (~25 ms against ~7 for the four small kinds at the benchmark's scale 0.2). A search
fills the stand-ins' parameters with its spellings, escaped as the ORM escapes them.
"""
import functools
import json
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, DecimalField, F, QuerySet, Value, Window
from django.db.models.functions import Cast, JSONObject, RowNumber

from figures.models import Figure, Measure
from meetings.models import Body, Decision, Meeting, Office, Person
from foundations.aliases import normalize_name
from foundations.search_query import Clause, ParsedQuery, Term, query_condition
from naparchive.search_names import kept_in_process
from naparchive.search_postgresql import RankedPage, partial_record
from operations.models import Operation
from organisations.models import Organisation
from sources.models import SourceDocument


@dataclass(frozen=True)
class Fields:
    queryset: QuerySet
    # The first is the title or name.
    text_fields: tuple[str, ...]
    newest: tuple
    # The record's own fields a hit shows (its title, address, detail line, snippet).
    columns: tuple[str, ...]
    # Related records a hit shows: attribute -> (model, its fields read).
    related: tuple[tuple[str, type, tuple[str, ...]], ...] = ()

    @property
    def paths(self) -> tuple[str, ...]:
        """Every column read, as ORM paths ("measure__name"): the record's, its related records', the texts ranked."""
        related = [f"{attribute}__{name}" for attribute, _, names in self.related for name in ("pk", *names)]
        return tuple(dict.fromkeys(("pk", *self.columns, *related, *self.text_fields)))


@functools.cache
def _fields() -> dict[str, Fields]:
    """Each kind's fields (built on first use: the querysets are only ever filtered, never evaluated)."""
    return {
        "meetings": Fields(
            Meeting.objects.public(),
            ("title", "summary", "place", "date_note"),
            (F("date").desc(nulls_last=True), "title", "pk"),
            ("slug", "date", "date_precision", "weekday"),
            (("body", Body, ("name",)),),
        ),
        "decisions": Fields(
            Decision.objects.public(),
            ("text", "note"),
            (F("meeting__date").desc(nulls_last=True), "-pk"),
            ("domain", "action"),
            (("meeting", Meeting, ("title", "slug", "date", "date_precision", "weekday")),),
        ),
        "operations": Fields(Operation.objects.public(), ("name", "summary", "kind_note"), ("-pk",), ("slug", "kind")),
        "people": Fields(Person.objects.public(), ("name", "description"), ("-pk",), ("slug",)),
        "offices": Fields(Office.objects.public(), ("title", "description"), ("title", "pk"), ("slug",)),
        "bodies": Fields(Body.objects.public(), ("name", "short_name", "description"), ("name", "pk"), ("slug",)),
        "organisations": Fields(Organisation.objects.public(), ("name", "description"), ("name", "pk"), ("slug", "kind")),
        "figures": Fields(
            Figure.objects.public(),
            ("measure__name", "quote", "period_text", "place_note", "given_by", "note"),
            (F("period_start").desc(nulls_last=True), "-pk"),
            ("slug", "value", "qualifier", "unit", "period_start", "period_start_precision", "period_end", "period_end_precision"),
            (("measure", Measure, ("name",)), ("source", SourceDocument, ("title", "outlet", "published_on", "language"))),
        ),
        "sources": Fields(
            SourceDocument.objects.public(),
            ("title", "text", "outlet", "author"),
            (F("published_on").desc(nulls_last=True), "-pk"),
            # The language, for the hit's `lang` (an Urdu source's title and snippet on an English page).
            ("slug", "published_on", "language"),
        ),
    }


def _model_field(model, path: str):
    """Return the model field an ORM path ("measure__name") ends at."""
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.pk if name == "pk" else model._meta.get_field(name)


def _json_value(model, path: str):
    # A decimal as text: a JSON number would come back as a float (51.2 as 51.200000000000003).
    if isinstance(_model_field(model, path), DecimalField):
        return Cast(path, CharField())
    return F(path)


def _matches_rows(kind: str, parsed: ParsedQuery, ranked: int) -> QuerySet:
    """Return the kind's newest `ranked` matches as rows (kind, JSON object of the hit's columns)."""
    fields = _fields()[kind]
    model = fields.queryset.model
    matches = query_condition(parsed, fields.queryset, fields.text_fields)
    # The order and the limit in a subquery: SQLite allows neither on a branch of a UNION itself.
    newest = fields.queryset.filter(matches).order_by(*fields.newest).values("pk")[:ranked]
    row = JSONObject(**{path: _json_value(model, path) for path in fields.paths})
    return fields.queryset.filter(pk__in=newest).order_by().values_list(Value(kind, output_field=CharField()), row)


def _record(fields: Fields, row: dict):
    """Build the hit's record, and the related records it shows, from its row."""
    model = fields.queryset.model
    own = dict.fromkeys(["pk", *fields.columns, *(name for name in fields.text_fields if "__" not in name)])
    values = {_model_field(model, name).attname: _model_field(model, name).to_python(row[name]) for name in own}
    record = partial_record(model, values)
    for attribute, related_model, names in fields.related:
        related = {
            _model_field(related_model, name).attname: _model_field(related_model, name).to_python(row[f"{attribute}__{name}"])
            for name in ("pk", *names)
        }
        setattr(record, attribute, partial_record(related_model, related))
    return record


# Stands for the n-th spelling of a query while its SQL is built: letters only, so the ORM's escaping
# of LIKE patterns leaves it as it is, and a number no other stand-in's is a prefix of.
_STAND_IN = re.compile(r"zqx(\d+)xqz")
STATEMENTS_KEPT = 256


def _spellings(parsed: ParsedQuery) -> list[str]:
    """Every spelling of every term, in the order the stand-ins are numbered."""
    return [spelling for clause in parsed.clauses for term in clause.terms for spelling in term.spellings]


def _shape(parsed: ParsedQuery) -> tuple:
    return tuple(tuple((term.negated, len(term.spellings)) for term in clause.terms) for clause in parsed.clauses)


@functools.lru_cache(maxsize=STATEMENTS_KEPT)
def _statement(kinds: tuple[str, ...], shape: tuple, ranked: int, vendor: str) -> tuple[str, tuple]:
    """Return the SQL and parameters of the kinds' UNION for a shape of query, spellings as stand-ins."""
    number = iter(range(10_000))
    clauses = []
    for terms in shape:
        stand_ins = []
        for negated, spellings in terms:
            names = [f"zqx{next(number)}xqz" for _ in range(spellings)]
            stand_ins.append(Term(names[0], negated=negated, alternatives=tuple(names[1:])))
        clauses.append(Clause(tuple(stand_ins)))
    parsed = ParsedQuery(tuple(clauses))
    branches = [_matches_rows(kind, parsed, ranked) for kind in kinds]
    return branches[0].union(*branches[1:], all=True).query.sql_with_params()


def _rows(kinds: list[str], parsed: ParsedQuery, ranked: int) -> list[tuple[str, dict]]:
    sql, stand_in_params = _statement(tuple(kinds), _shape(parsed), ranked, connection.vendor)
    spellings = [connection.ops.prep_for_like_query(spelling) for spelling in _spellings(parsed)]
    params = [
        _STAND_IN.sub(lambda match: spellings[int(match.group(1))], param) if isinstance(param, str) else param
        for param in stand_in_params
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(kind, json.loads(row) if isinstance(row, str) else row) for kind, row in cursor.fetchall()]


# Read whole and matched in Python: kinds of a few hundred records at most.
KEPT_KINDS = ("offices", "bodies", "organisations", "figures")


def _public_rows(kind: str) -> QuerySet:
    """Return every public record of the kind as rows (kind, position newest first, JSON object of its columns)."""
    fields = _fields()[kind]
    model = fields.queryset.model
    row = JSONObject(**{path: _json_value(model, path) for path in fields.paths})
    position = Window(RowNumber(), order_by=list(fields.newest))
    return fields.queryset.order_by().values_list(Value(kind, output_field=CharField()), position, row)


def _read_kept_kinds() -> dict[str, tuple[tuple[dict, tuple[str, ...]], ...]]:
    """Return each kept kind's public records, newest first, each with its texts casefolded as matched: one query."""
    branches = [_public_rows(kind) for kind in KEPT_KINDS]
    rows: dict[str, list] = {kind: [] for kind in KEPT_KINDS}
    for kind, position, row in branches[0].union(*branches[1:], all=True):
        row = json.loads(row) if isinstance(row, str) else row
        rows[kind].append((position, row))
    kept = {}
    for kind, found in rows.items():
        text_fields = _fields()[kind].text_fields
        kept[kind] = tuple(
            (row, tuple(str(row[name] or "").casefold() for name in text_fields)) for _, row in sorted(found, key=lambda item: item[0])
        )
    return kept


def kept_kinds(version: int | None = None) -> dict[str, tuple[tuple[dict, tuple[str, ...]], ...]]:
    return kept_in_process("search-kept-kinds-casefolded", _read_kept_kinds, version)


def ranked_pages(kinds: list[str], parsed: ParsedQuery, *, ranked: int, limit: int, offset: int, version: int | None = None) -> dict[str, RankedPage]:
    """Return each kind's best matches from `offset`, among its newest `ranked` matches.

    The kept kinds from the kept rows; the others in one query for them all.
    """
    if not parsed or not kinds:
        return {kind: RankedPage([], 0, "") for kind in kinds}
    rows: dict[str, list[dict]] = {kind: [] for kind in kinds}
    queried = [kind for kind in kinds if kind not in KEPT_KINDS]
    if queried:
        for kind, row in _rows(queried, parsed, ranked):
            rows[kind].append(row)
    if len(queried) < len(kinds):
        kept = kept_kinds(version)
        for kind in kinds:
            if kind in KEPT_KINDS:
                rows[kind] = [row for row, folded in kept[kind] if parsed.matches_casefolded(folded)][:ranked]
    spellings = [spelling.lower() for spelling in parsed.wanted_spellings]
    wanted = {normalize_name(spelling) for spelling in spellings}
    pages = {}
    for kind in kinds:
        fields = _fields()[kind]
        scored = []
        for row in rows[kind]:
            texts = [str(row[name] or "") for name in fields.text_fields]
            rank = sum(
                (4 if index == 0 else 1) * text.lower().count(spelling)
                for index, text in enumerate(texts)
                for spelling in spellings
            )
            if normalize_name(texts[0]) in wanted:
                rank += 100
            scored.append((rank, row))
        records = []
        for rank, row in scored:
            record = _record(fields, row)
            record.rank = rank
            records.append(record)
        records.sort(key=lambda record: (-record.rank, str(record)))
        pages[kind] = RankedPage(records[offset : offset + limit], len(records), "")
    return pages
