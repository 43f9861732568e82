"""Reads for the public trail of a record: how many independent sources back each fact, its corrections and discrepancies."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Prefetch, Q
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from editorial.models import Correction, Discrepancy
from foundations.aliases import normalize_name, script_language
from foundations.languages import marked_with_language
from foundations.publication import public_condition
from sources.models import CITATION_TARGETS, Citation, SourceDocument

FactKey = tuple[str, int]  # ("meeting", 12), ("decision", 40)...


@dataclass(frozen=True)
class CitedSource:
    id: int
    title: str
    outlet: str
    origin: str


@dataclass(frozen=True)
class SourceGroup:
    """Sources that count as one independent source, and why they do."""

    sources: tuple[CitedSource, ...]
    reason: str  # empty for a source on its own


@dataclass(frozen=True)
class Corroboration:
    groups: tuple[SourceGroup, ...]

    @property
    def reports(self) -> int:
        return sum(len(group.sources) for group in self.groups)

    @property
    def independent(self) -> int:
        return len(self.groups)

    @property
    def summary(self) -> str:
        """Say it for readers: "2 reports, 1 independent source: both carry the PMO statement, 22 June 2024"."""
        if not self.groups:
            return gettext("No published source")
        text = gettext("%(reports)s, %(independent)s") % {
            "reports": ngettext("%(count)s report", "%(count)s reports", self.reports) % {"count": self.reports},
            "independent": ngettext("%(count)s independent source", "%(count)s independent sources", self.independent)
            % {"count": self.independent},
        }
        reasons = [group.reason for group in self.groups if group.reason]
        if not reasons:
            return text
        # The reasons carry an outlet's or statement's name as the source writes it, marked with its language.
        return format_html("{}: {}", text, format_html("; ".join("{}" for _ in reasons), *reasons))


NO_SOURCE = Corroboration(groups=())


def same_name_key(name: str) -> str:
    """Return what two namings of one outlet or statement share: their words, in any script, without case or punctuation.

    "PMO statement, 22 June 2024" and "PMO statement 22 June 2024" are one statement; an Urdu copy of it
    is marked by giving it the same origin as the English one (editors pick it from the admin's
    suggestions). Nothing is translated or guessed: different words are different statements.
    """
    return " ".join(re.findall(r"\w+", normalize_name(name)))


def _filled(phrase: str, **values) -> str:
    """Fill a translated phrase with values escaped (names already marked with their language are kept)."""
    return mark_safe(phrase % {key: conditional_escape(value) for key, value in values.items()})  # nosec B308 B703: the phrase is a catalogue entry of ours; every value escaped


def _marked_name(name: str) -> str:
    # An outlet or statement is named as the editor typed it, in its own script, whatever the source's
    # language (an Urdu copy carries the English statement's name): its script says which language it is.
    return marked_with_language(name, script_language(name))


def _group_reason(sources: list[CitedSource]) -> str:
    origins = {same_name_key(source.origin) for source in sources}
    outlets = {same_name_key(source.outlet) for source in sources}
    first = sources[0]
    if len(origins) == 1 and "" not in origins:
        phrase = gettext("both carry the %(origin)s") if len(sources) == 2 else gettext("all %(count)s carry the %(origin)s")
        return _filled(phrase, count=len(sources), origin=_marked_name(first.origin))
    if len(outlets) == 1 and "" not in outlets:
        phrase = gettext("both are from %(outlet)s") if len(sources) == 2 else gettext("all %(count)s are from %(outlet)s")
        return _filled(phrase, count=len(sources), outlet=_marked_name(first.outlet))
    if len(sources) == 2:
        return gettext("both share an outlet or carry the same statement")
    return gettext("all %(count)s share an outlet or carry the same statement") % {"count": len(sources)}


def sources_group_independent(*, sources: Iterable[CitedSource]) -> tuple[SourceGroup, ...]:
    """Group sources that are not independent: same outlet or same origin (statement), transitively.

    The language of a report plays no part: an Urdu and an English report are two independent sources
    unless they share an outlet or an origin.
    """
    # By id, so a group's reason names the same source's wording whatever order the database returned.
    sources = sorted({source.id: source for source in sources}.values(), key=lambda source: source.id)
    parent = {source.id: source.id for source in sources}

    def root(source_id: int) -> int:
        while parent[source_id] != source_id:
            parent[source_id] = parent[parent[source_id]]
            source_id = parent[source_id]
        return source_id

    first_with: dict[tuple[str, str], int] = {}
    for source in sources:
        for kind, value in (("outlet", source.outlet), ("origin", source.origin)):
            key = (kind, same_name_key(value))
            if not key[1]:
                continue
            if key in first_with:
                parent[root(source.id)] = root(first_with[key])
            else:
                first_with[key] = source.id
    members: dict[int, list[CitedSource]] = defaultdict(list)
    for source in sources:
        members[root(source.id)].append(source)
    groups = [
        SourceGroup(sources=tuple(group), reason=_group_reason(group) if len(group) > 1 else "")
        for group in members.values()
    ]
    return tuple(sorted(groups, key=lambda group: min(source.id for source in group.sources)))


def corroboration_for_facts(
    *,
    meetings: Iterable[int] = (),
    attendees: Iterable[int] = (),
    decisions: Iterable[int] = (),
    operations: Iterable[int] = (),
) -> dict[FactKey, Corroboration]:
    """
    Return how many published reports and independent sources back each fact, in one query.

    Keys are (kind, id), kind one of "meeting", "attendee", "decision", "operation"; a fact with
    no published source is absent (use `.get(key, NO_SOURCE)`).
    """
    wanted = {"meeting": list(meetings), "attendee": list(attendees), "decision": list(decisions), "operation": list(operations)}
    condition = Q()
    for kind, ids in wanted.items():
        if ids:
            condition |= Q(**{f"{kind}_id__in": ids})
    if not condition:
        return {}
    rows = (
        Citation.objects.filter(condition, public_condition(SourceDocument, "source__"))
        .values_list(*(f"{kind}_id" for kind in CITATION_TARGETS), "source_id", "source__title", "source__outlet", "source__origin")
        .order_by()
    )
    sources_by_fact: dict[FactKey, list[CitedSource]] = defaultdict(list)
    for row in rows:
        *targets, source_id, title, outlet, origin = row
        for kind, fact_id in zip(CITATION_TARGETS, targets):
            if fact_id is not None:
                sources_by_fact[(kind, fact_id)].append(CitedSource(source_id, title, outlet, origin))
    return {key: Corroboration(groups=sources_group_independent(sources=found)) for key, found in sources_by_fact.items()}


def corrections_for_records(*, records: Iterable[Model]) -> list[Correction]:
    """Return the corrections of all these records, newest first, in two queries at most."""
    by_model: dict[type[Model], list[int]] = defaultdict(list)
    for record in records:
        by_model[type(record)].append(record.pk)
    if not by_model:
        return []
    content_types = ContentType.objects.get_for_models(*by_model)  # cached after the first call
    condition = Q()
    for model, ids in by_model.items():
        condition |= Q(content_type=content_types[model], object_id__in=ids)
    return list(Correction.objects.filter(condition).select_related("content_type"))


def _public_discrepancies():
    citations = Citation.objects.filter(public_condition(SourceDocument, "source__")).select_related("source")
    return Discrepancy.objects.public().prefetch_related(Prefetch("citations", queryset=citations))


def discrepancies_for_meeting(*, meeting_id: int) -> list[Discrepancy]:
    """Return the published discrepancies about a meeting, its attendees and its decisions, with their quotes."""
    return list(
        _public_discrepancies()
        .filter(Q(meeting_id=meeting_id) | Q(attendee__meeting_id=meeting_id) | Q(decision__meeting_id=meeting_id))
        .select_related("attendee", "decision")
    )


def discrepancies_for_operation(*, operation_id: int) -> list[Discrepancy]:
    """Return the published discrepancies about an operation, with their quotes."""
    return list(_public_discrepancies().filter(operation_id=operation_id))
