"""Search on databases without PostgreSQL's full-text search (SQLite, the embedded default).

The parsed query (foundations.search_query, its names expanded to every spelling) becomes ORM
conditions: each wanted term in one of the kind's text fields (case-insensitively), no excluded
term in any; the newest `ranked` matches are ranked in Python by how often the words occur, a
word in the title or name counting four times. One query a kind.
"""
import functools
from operator import attrgetter
from dataclasses import dataclass

from django.db.models import F, QuerySet

from figures.models import Figure
from meetings.models import Body, Decision, Meeting, Office, Person
from foundations.aliases import normalize_name
from foundations.search_query import ParsedQuery, query_condition
from naparchive.search_postgresql import RankedPage
from operations.models import Operation
from organisations.models import Organisation
from sources.models import SourceDocument


@dataclass(frozen=True)
class Fields:
    queryset: QuerySet
    # The first is the title or name.
    text_fields: tuple[str, ...]
    newest: tuple


@functools.cache
def _fields() -> dict[str, Fields]:
    """Each kind's fields (built on first use: the querysets are only ever filtered, never evaluated)."""
    return {
        "meetings": Fields(
            Meeting.objects.public().select_related("body"),
            ("title", "summary", "place", "date_note"),
            (F("date").desc(nulls_last=True), "title", "pk"),
        ),
        "decisions": Fields(
            Decision.objects.public().select_related("meeting"),
            ("text", "note"),
            (F("meeting__date").desc(nulls_last=True), "-pk"),
        ),
        "operations": Fields(Operation.objects.public(), ("name", "summary", "kind_note"), ("-pk",)),
        "people": Fields(Person.objects.public(), ("name", "description"), ("-pk",)),
        "offices": Fields(Office.objects.public(), ("title", "description"), ("title", "pk")),
        "bodies": Fields(Body.objects.public(), ("name", "short_name", "description"), ("name", "pk")),
        "organisations": Fields(Organisation.objects.public(), ("name", "description"), ("name", "pk")),
        "figures": Fields(
            Figure.objects.public().select_related("measure", "source"),
            ("measure__name", "quote", "period_text", "place_note", "given_by", "note"),
            (F("period_start").desc(nulls_last=True), "-pk"),
        ),
        "sources": Fields(
            SourceDocument.objects.public(),
            ("title", "text", "outlet", "author"),
            (F("published_on").desc(nulls_last=True), "-pk"),
        ),
    }


def ranked_page(kind: str, parsed: ParsedQuery, *, ranked: int, limit: int, offset: int) -> RankedPage:
    """Return the kind's best matches from `offset`, among its newest `ranked` matches."""
    if not parsed:
        return RankedPage([], 0, "")
    fields = _fields()[kind]
    matches = query_condition(parsed, fields.queryset, fields.text_fields)
    newest = fields.queryset.filter(matches).order_by(*fields.newest).values("pk")[:ranked]
    records = list(fields.queryset.filter(pk__in=newest))
    spellings = [spelling.lower() for spelling in parsed.wanted_spellings]
    wanted = {normalize_name(spelling) for spelling in spellings}
    for record in records:
        texts = [str(attrgetter(name.replace("__", "."))(record) or "") for name in fields.text_fields]
        record.rank = sum(
            (4 if index == 0 else 1) * text.lower().count(spelling)
            for index, text in enumerate(texts)
            for spelling in spellings
        )
        if normalize_name(texts[0]) in wanted:
            record.rank += 100
    records.sort(key=lambda record: (-record.rank, str(record)))
    return RankedPage(records[offset : offset + limit], len(records), "")
