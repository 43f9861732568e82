"""The search syntax, parsed once whatever the database: words, "quoted phrases", -exclusions and OR.

`parse_query` turns what a reader typed into a `ParsedQuery`: clauses joined by OR, each clause terms
that must all match (a word or a phrase) or must not (after a minus). Search expands each term into
the other spellings of the same name (naparchive.search_names), and each database compiles the same
parsed query: PostgreSQL into a tsquery, SQLite (and the API on either) into ORM conditions. So the
minus sign, phrases and OR mean one thing everywhere, and `ParsedQuery.matches` states that meaning
in plain Python (the tests compare both databases against it).

A clause with nothing to find (only exclusions, "-Karachi") is dropped: it would match most of the
archive, which is not a search result.
"""
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.db.models import Q, QuerySet

from foundations.aliases import normalize_name

# Bounds the statement a query compiles to, whatever is pasted into the box.
MAX_TERMS = 16
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_OR = {"or", "|"}


@dataclass(frozen=True)
class Term:
    """A word or phrase of the query, with every spelling it stands for (what was typed first)."""

    text: str
    negated: bool = False
    phrase: bool = False
    # Filled by expansion: the other spellings of the name the text is one spelling of.
    alternatives: tuple[str, ...] = ()

    @cached_property
    def spellings(self) -> tuple[str, ...]:
        # Both databases match regardless of case: spellings differing only in case are one.
        spellings = {}
        for spelling in (self.text, *self.alternatives):
            spellings.setdefault(spelling.casefold(), spelling)
        return tuple(spellings.values())

    @cached_property
    def folded_spellings(self) -> tuple[str, ...]:
        return tuple(spelling.casefold() for spelling in self.spellings)

    def matches(self, folded_texts: Iterable[str]) -> bool:
        """Return True if any spelling occurs in any of the texts (casefolded), ignoring case (as SQL's icontains)."""
        return any(spelling in text for spelling in self.folded_spellings for text in folded_texts)


@dataclass(frozen=True)
class Clause:
    terms: tuple[Term, ...]

    @cached_property
    def wanted(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if not term.negated)

    @cached_property
    def excluded(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.negated)

    def matches(self, texts: list[str]) -> bool:
        return all(term.matches(texts) for term in self.wanted) and not any(term.matches(texts) for term in self.excluded)


@dataclass(frozen=True)
class ParsedQuery:
    """Clauses joined by OR; empty when the query has nothing to find."""

    clauses: tuple[Clause, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def wanted_spellings(self) -> list[str]:
        """Every spelling of every wanted term, once each (what a snippet marks)."""
        spellings = (spelling for clause in self.clauses for term in clause.wanted for spelling in term.spellings)
        return list(dict.fromkeys(spellings))

    @property
    def terms(self) -> list[Term]:
        return [term for clause in self.clauses for term in clause.terms]

    def matches(self, texts: Iterable[str]) -> bool:
        """Return True if a record with these texts matches: the reference meaning of the syntax."""
        return self.matches_casefolded([text.casefold() for text in texts])

    def matches_casefolded(self, folded_texts: list[str]) -> bool:
        """`matches` for texts already casefolded (records kept to be matched many times fold once)."""
        return any(clause.matches(folded_texts) for clause in self.clauses)

    def map_terms(self, change) -> "ParsedQuery":
        """Return the query with every term replaced by change(term)."""
        return ParsedQuery(tuple(Clause(tuple(change(term) for term in clause.terms)) for clause in self.clauses))


def parse_query(query: str) -> ParsedQuery:
    """Parse a reader's query: words, "quoted phrases", -word and -"phrase" exclusions, OR between alternatives."""
    clauses: list[list[Term]] = [[]]
    count = 0
    for minus, phrase, word in _TOKEN.findall(query.translate(_QUOTES)):
        if word and word.casefold() in _OR:
            clauses.append([])
            continue
        if word:
            negated = word.startswith("-") and len(word) > 1
            text, is_phrase = word.lstrip("-+") if negated else word.lstrip("+"), False
        else:
            negated, text, is_phrase = bool(minus), " ".join(phrase.split()), True
        # Nothing a name or word is made of (a lone hyphen or quote): nothing to look for.
        if not normalize_name(text) or count >= MAX_TERMS:
            continue
        # A quoted single word is just that word.
        term = Term(text, negated=negated, phrase=is_phrase and " " in text)
        if term not in clauses[-1]:
            clauses[-1].append(term)
            count += 1
    kept = [Clause(tuple(terms)) for terms in clauses if any(not term.negated for term in terms)]
    return ParsedQuery(tuple(dict.fromkeys(kept)))


def with_alternatives(term: Term, alternatives: Iterable[str]) -> Term:
    """Return the term standing also for these other spellings."""
    return replace(term, alternatives=tuple(dict.fromkeys((*term.alternatives, *alternatives))))


def query_condition(parsed: ParsedQuery, queryset: QuerySet, fields: Iterable[str], related_fields: Iterable[str] = ()) -> Q:
    """Return the ORM condition selecting the records of the queryset's model that match the query.

    A term matches when one of its spellings occurs (icontains) in one of `fields`, or in one of
    `related_fields` across a to-many relation; those are matched in a subquery, so no row repeats
    and an exclusion excludes a record if any of its related rows matches.
    """
    fields, related_fields = list(fields), list(related_fields)
    model = queryset.model

    def term_condition(term: Term) -> Q:
        condition = Q()
        for spelling in term.spellings:
            for name in fields:
                condition |= Q(**{f"{name}__icontains": spelling})
            for name in related_fields:
                condition |= Q(pk__in=model._default_manager.filter(**{f"{name}__icontains": spelling}).values("pk"))
        return condition

    matches = Q(pk__in=[])
    for clause in parsed.clauses:
        condition = Q()
        for term in clause.wanted:
            condition &= term_condition(term)
        for term in clause.excluded:
            condition &= ~term_condition(term)
        matches |= condition
    return matches
