"""The search syntax is parsed once and means the same on every database.

The property test generates a small archive and queries over it, and checks that search returns
exactly the records the parsed query's plain-Python meaning (`ParsedQuery.matches`) selects. The
suite runs on SQLite and on PostgreSQL (CI runs both), so both databases are held to that one meaning.
"""
import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foundations.search_query import Term, parse_query
from naparchive import search_names
from naparchive.search import archive_search
from operations.models import Operation
from sources.models import SourceDocument, sha256_of_text


def test_words_phrases_exclusions_and_or():
    parsed = parse_query('apex "writ of the state" -Karachi -"military courts" OR NACTA')
    first, second = parsed.clauses
    assert first.terms == (
        Term("apex"),
        Term("writ of the state", phrase=True),
        Term("Karachi", negated=True),
        Term("military courts", negated=True, phrase=True),
    )
    assert second.terms == (Term("NACTA"),)


@pytest.mark.parametrize(
    ("query", "clauses"),
    [
        ("", 0),
        ("-Karachi", 0),  # only exclusions: nothing to find
        ("- -- \" '", 0),
        ('"unclosed phrase', 1),
        ("a OR OR b", 2),
        ("a or b", 2),
        ("“curly quotes”", 1),
    ],
)
def test_odd_queries_parse_without_error(query, clauses):
    assert len(parse_query(query).clauses) == clauses


def test_a_hyphen_inside_a_word_is_not_an_exclusion():
    assert parse_query("Azm-e-Istehkam").clauses[0].terms == (Term("Azm-e-Istehkam"),)


def test_the_number_of_terms_is_bounded():
    assert len(parse_query(" ".join(f"word{n}" for n in range(100))).terms) == 16


# Words PostgreSQL's English stemmer keeps as they are, none inside another: matching a word, its
# stem or a substring is then the same, so both databases can be held to one exact answer.
WORDS = ["kestrel", "falcon", "heron", "osprey", "plover", "condor"]
word = st.sampled_from(WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.capitalize()]))
text = st.lists(st.sampled_from(WORDS), min_size=0, max_size=6).map(" ".join)
term = st.tuples(st.booleans(), st.lists(word, min_size=1, max_size=2)).map(
    lambda t: ("-" if t[0] else "") + (f'"{" ".join(t[1])}"' if len(t[1]) > 1 else t[1][0])
)
query = st.lists(st.lists(term, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=3).map(" OR ".join)
archive = st.fixed_dictionaries(
    {
        "sources": st.lists(text, min_size=1, max_size=8),
        "operations": st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2, unique=True).map(" ".join), max_size=3, unique=True),
    }
)


def _create(archive: dict) -> dict[str, dict[str, list[str]]]:
    """Store the generated archive; return, by kind, each record's URL and the texts search reads."""
    records = {"sources": {}, "operations": {}}
    for n, body in enumerate(archive["sources"]):
        # The text starts with a word no query uses, so no phrase spans the title and the text.
        source = SourceDocument.objects.create(
            title=f"Report {n}", text=f"Notes. {body}", sha256=sha256_of_text(f"{n} {body}"), slug=f"generated-{n}", status="published"
        )
        records["sources"][source.get_absolute_url()] = [source.title, source.text]
    for n, name in enumerate(archive["operations"]):
        operation = Operation.objects.create(name=name, slug=f"generated-{n}", summary="Summary only.", status="published")
        records["operations"][operation.get_absolute_url()] = [operation.name, operation.summary]
    return records


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(archive=archive, queries=st.lists(query, min_size=1, max_size=4))
def test_search_returns_what_the_parsed_query_means(db, archive, queries):
    with transaction.atomic():
        records = _create(archive)
        for typed in queries:
            meaning = search_names.expand(parse_query(typed))
            for kind, texts in records.items():
                expected = {url for url, fields in texts.items() if meaning.matches(fields)}
                got = {hit.url for hit in archive_search(query=typed, kind=kind).groups[0].hits}
                assert got == expected, (typed, kind)
        transaction.set_rollback(True)
