"""Every spelling of every public name, so that a search for one spelling finds what the others find.

The names and aliases of public operations, people, bodies, offices and organisations (Urdu-script
aliases among them) and the synonym sets editors keep are indexed by the one name normaliser
(foundations.aliases): their normal form (case, accents, hyphens, quotes, Urdu letter variants) and,
for names long enough to tell apart, their transliteration skeleton (Azm-e-Istehkam, Azm-i-Istehkam,
Azme Istehkam and Azm-e-Istahkam share "azmsthkm"). `expand` gives each term of a parsed query that
spells a name every spelling of that name; `suggestions` offers the nearest names when nothing matched.

A single word stands for a person when it spells (by skeleton) a word of exactly one public person's
name and of no other name, alias or synonym in the archive: "Shahbaz" finds Shehbaz Sharif, while a
word many names share ("Khan", "Sharif" when two people bear it) or one an office, body or
operation uses ("General", "Minister", "Committee") stays the word typed. Skeletons of fewer than
WORD_SKELETON letters ("Asim": "asm") tell too little apart to be used.

The index is derived from the whole archive, so it is kept until the archive changes
(foundations.caching), and built again after any write.
"""
import difflib
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext

from foundations.aliases import is_arabic_script, name_skeleton, normalize_name, transliteration_skeleton
from foundations.caching import archive_cache_version, kept_until_archive_changes
from foundations.search_query import ParsedQuery, Term, with_alternatives
from meetings.models import Body, BodyAlias, Office, Person, PersonAlias
from operations.models import Operation, OperationAlias
from organisations.models import Organisation, OrganisationAlias
from sources.models import SourceDocument
from synonyms.models import SynonymSet

# Shorter skeletons are shared by unrelated words ("Khan" and "Kohen").
MIN_SKELETON = 5
# A single word's skeleton: "Shahbaz" and "Shehbaz" share "shbz".
WORD_SKELETON = 4
# The longest name, in words, looked for among a query's words.
MAX_NAME_WORDS = 8
SUGGESTIONS = 5
EXPANSIONS_KEPT = 1024


@dataclass(frozen=True)
class NameIndex:
    # Each entry's spellings, the preferred name first.
    entries: tuple[tuple[str, ...], ...]
    # Normal form -> the entries with a spelling of that form; skeleton -> likewise.
    by_form: dict[str, tuple[int, ...]]
    by_skeleton: dict[str, tuple[int, ...]]
    # Skeleton of a word of one person's name -> (the entry, the words of its spellings with that skeleton).
    by_word: dict[str, tuple[int, tuple[str, ...]]]

    def spellings_of(self, text: str) -> tuple[str, ...]:
        """Return every spelling of every name the text spells (nothing when it spells none)."""
        form = normalize_name(text)
        found = list(self.by_form.get(form, ()))
        skeleton = name_skeleton(text)
        if len(skeleton) >= MIN_SKELETON:
            found += self.by_skeleton.get(skeleton, ())
        return tuple(dict.fromkeys(spelling for entry in found for spelling in self.entries[entry]))

    def spellings_of_word(self, word: str) -> tuple[str, ...]:
        """Return the spellings of the one person a single word names (nothing when it names none, or several)."""
        found = self.by_word.get(transliteration_skeleton([word]))
        if found is None:
            return ()
        entry, words = found
        return tuple(dict.fromkeys((*words, *self.entries[entry])))

    def nearest(self, text: str, limit: int = SUGGESTIONS) -> list[str]:
        """Return the preferred names whose spellings (or one of their words) come nearest the text."""
        form = normalize_name(text)
        if not form:
            return []
        candidates: dict[str, set[int]] = {}
        for key, entries in self.by_form.items():
            candidates.setdefault(key, set()).update(entries)
            for word in key.split():
                if len(word) >= 4:
                    candidates.setdefault(word, set()).update(entries)
        names: list[str] = []
        for match in difflib.get_close_matches(form, list(candidates), n=limit * 3, cutoff=0.7):
            for entry in sorted(candidates[match]):
                names.append(self.entries[entry][0])
        return list(dict.fromkeys(names))[:limit]


def _public_names() -> list[tuple[bool, list[str]]]:
    """Return the spellings of each public named record and each synonym set, the preferred name
    first, and whether it is a person."""
    groups: dict[tuple[str, int], list[str]] = {}
    named = [
        (Operation, "name", (), OperationAlias, "operation_id"),
        (Person, "name", (), PersonAlias, "person_id"),
        (Body, "name", ("short_name",), BodyAlias, "body_id"),
        (Organisation, "name", (), OrganisationAlias, "organisation_id"),
        (Office, "title", (), None, ""),
    ]
    for model, name_field, other_fields, alias_model, owner_field in named:
        label = model._meta.label
        for pk, *names in model.objects.public().values_list("pk", name_field, *other_fields):
            groups[(label, pk)] = [name for name in names if name]
        if alias_model is not None:
            owner = owner_field.removesuffix("_id")
            public = Q(**{f"{owner}__in": model.objects.public().values("pk")})
            for pk, name in alias_model.objects.filter(public).values_list(owner_field, "name"):
                groups[(label, pk)].append(name)
    person = Person._meta.label
    sets = [(False, synonym_set.word_list) for synonym_set in SynonymSet.objects.all()]
    return [*((label == person, names) for (label, _), names in groups.items()), *sets]


def _words_by_skeleton(names: list[str]) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for name in names:
        for word in name.split():
            words.setdefault(transliteration_skeleton([word]), []).append(word)
    return words


def _build_index() -> NameIndex:
    entries, by_form, by_skeleton = [], {}, {}
    # Word skeleton -> every entry with a word of that skeleton; and the words of persons' preferred names.
    word_entries: dict[str, set[int]] = {}
    person_words: dict[str, tuple[int, list[str]]] = {}
    for is_person, spellings in _public_names():
        entry = len(entries)
        entries.append(tuple(dict.fromkeys(spellings)))
        for spelling in spellings:
            by_form.setdefault(normalize_name(spelling), []).append(entry)
            skeleton = name_skeleton(spelling)
            if len(skeleton) >= MIN_SKELETON:
                by_skeleton.setdefault(skeleton, []).append(entry)
        words = _words_by_skeleton([normalize_name(spelling) for spelling in spellings])
        for skeleton in words:
            word_entries.setdefault(skeleton, set()).add(entry)
        if is_person:
            preferred = normalize_name(spellings[0]).split()
            for word in preferred:
                skeleton = transliteration_skeleton([word])
                if len(skeleton) >= WORD_SKELETON:
                    same = [spelling_word for spelling in spellings for spelling_word in spelling.split()
                            if transliteration_skeleton([spelling_word]) == skeleton]
                    person_words[skeleton] = (entry, same)
    by_word = {
        skeleton: (entry, tuple(dict.fromkeys(words)))
        for skeleton, (entry, words) in person_words.items()
        if word_entries[skeleton] == {entry}
    }
    freeze = lambda index: {key: tuple(dict.fromkeys(value)) for key, value in index.items()}  # noqa: E731
    return NameIndex(tuple(entries), freeze(by_form), freeze(by_skeleton), by_word)


# This process's copy of each value kept below and the cache version it was read under: while the
# version stays the same, reading it back from the shared cache (and unpickling thousands of names)
# is saved.
_kept: dict[str, tuple[int, object]] = {}


def kept_in_process(name: str, compute, version: int | None = None):
    """Return compute(), kept until the archive changes: in the shared cache, and a copy in this process.

    `version`: the archive's cache version if the caller has just read it (the several values a search
    needs are then of one version).
    """
    if not settings.ARCHIVE_CACHE_SHARED:
        return compute()
    version = version if version is not None else archive_cache_version()
    kept = _kept.get(name)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = kept_until_archive_changes(name, compute)
    _kept[name] = (version, value)
    return value


def name_index(version: int | None = None) -> NameIndex:
    """Return the index of public names, kept until the archive changes."""
    return kept_in_process("search-name-index", _build_index, version)


# Queries expanded through the index `_expanded_by` (this process's copy of it).
_expanded: dict[ParsedQuery, ParsedQuery] = {}
_expanded_by: NameIndex | None = None


def expand(parsed: ParsedQuery, index: NameIndex | None = None) -> ParsedQuery:
    """Give every term that spells a name all the spellings of that name.

    Plain words next to each other are tried together first, longest first, so "Shahbaz Sharif"
    is one name (found as the phrase in any of its spellings) rather than two words.
    """
    if not parsed:
        return parsed
    index = index or name_index()
    # The same few queries come again and again (links, the overview then a kind's pages): expanded once
    # per index, which is replaced when the archive changes.
    global _expanded_by
    if _expanded_by is not index or len(_expanded) >= EXPANSIONS_KEPT:
        _expanded.clear()
        _expanded_by = index
    if parsed not in _expanded:
        _expanded[parsed] = _expand(parsed, index)
    return _expanded[parsed]


def _expand(parsed: ParsedQuery, index: NameIndex) -> ParsedQuery:
    clauses = []
    for clause in parsed.clauses:
        terms, expanded, start = list(clause.terms), [], 0
        while start < len(terms):
            term = terms[start]
            if term.phrase or term.negated:
                spellings = index.spellings_of(term.text) or (() if term.phrase else index.spellings_of_word(term.text))
                expanded.append(with_alternatives(term, spellings))
                start += 1
                continue
            run_end = start
            while run_end < len(terms) and not (terms[run_end].phrase or terms[run_end].negated):
                run_end += 1
            for end in range(min(run_end, start + MAX_NAME_WORDS), start, -1):
                text = " ".join(word.text for word in terms[start:end])
                spellings = index.spellings_of(text)
                if spellings:
                    expanded.append(with_alternatives(Term(text, phrase=end - start > 1), spellings))
                    start = end
                    break
            else:
                # No name starts here: a single word may still stand for a person.
                expanded.append(with_alternatives(term, index.spellings_of_word(term.text)))
                start += 1
        clauses.append(type(clause)(tuple(expanded)))
    return ParsedQuery(tuple(clauses))


def suggestions(query: str, index: NameIndex | None = None) -> list[str]:
    """Return the archive's names nearest what was typed, for a search that found nothing."""
    index = index or name_index()
    return index.nearest(query)


def _sources_use_arabic_script() -> bool:
    # Read only when a search in that script finds nothing.
    return SourceDocument.objects.public().filter(text__regex=r"[\u0600-\u06ff]").exists()


def unused_script(query: str) -> str:
    """Return the name of the query's script when no public source is written in it, else ""."""
    if not is_arabic_script(query):
        return ""
    if kept_until_archive_changes("sources-use-arabic-script", _sources_use_arabic_script):
        return ""
    return gettext("Urdu (Arabic script)")
