"""Public trail of a record: last updated, sources behind each fact, discrepancies, corrections.

`{% load editorial_trail %}{% meeting_trail meeting %}` or `{% operation_trail operation %}` renders
templates/includes/record_trail.html in a fixed number of queries, however many facts the record has.
"""
from django import template
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext

from editorial.selectors import (
    NO_SOURCE,
    corrections_for_records,
    corroboration_for_facts,
    discrepancies_for_meeting,
    discrepancies_for_operation,
)

register = template.Library()


def _published(records):
    return [record for record in records if record.is_published]


def sourcing_overview(facts) -> dict:
    """Count the facts by how many independent sources back them: the one line shown before the full list."""
    by_count: dict[int, int] = {}
    for *_label, corroboration in facts:
        by_count[corroboration.independent] = by_count.get(corroboration.independent, 0) + 1
    lines = []
    for count in sorted(by_count, reverse=True):
        facts_here = by_count[count]
        if count == 0:
            lines.append(gettext("%(facts)s without a published source") % {"facts": facts_here})
        else:
            lines.append(
                ngettext(
                    "%(facts)s backed by %(count)s independent source", "%(facts)s backed by %(count)s independent sources", count
                )
                % {"facts": facts_here, "count": count}
            )
    return {"facts": len(facts), "lines": lines}


def _fact(kind: str, text: str = "") -> tuple[str, str]:
    """A row of the sourcing table: the kind of fact in the page's language, and the fact as curated (kept short)."""
    if not text:
        return kind, ""
    return kind, Truncator(text).chars(120 - len(kind) - 2)


def discrepancy_quotes_mark_repeats(*, discrepancies, shown_citations) -> None:
    """Quote a passage once per page: a discrepancy's passage already quoted for a fact above links to it.

    `shown_citations` are the page's citations, the first showing of each passage carrying its
    `quote_anchor` (meetings.selectors.citations_mark_repeats); the template links to `quoted_at`.
    """
    anchors = {}
    for citation in shown_citations:
        anchor = getattr(citation, "quote_anchor", None)
        if anchor:
            anchors.setdefault((citation.source_id, citation.quote), anchor)
    for discrepancy in discrepancies:
        for citation in discrepancy.citations.all():
            if (citation.source_id, citation.quote) in anchors:
                citation.quoted_at = anchors[(citation.source_id, citation.quote)]


@register.inclusion_tag("includes/correction_notice.html")
def correction_notice(record, *parts):
    """Say under a record's title that it was corrected, and when, linking to the corrections (in one query)."""
    corrections = corrections_for_records(records=[record, *(part for group in parts for part in group)])
    latest = max((correction.made_at for correction in corrections), default=None)
    return {"latest": latest, "count": len(corrections)}


@register.inclusion_tag("includes/record_trail.html")
def meeting_trail(meeting):
    """Render the public trail of a meeting, its attendees and its decisions."""
    attendees = _published(meeting.attendees.all())
    decisions = _published(meeting.decisions.all())
    counts = corroboration_for_facts(
        meetings=[meeting.pk], attendees=[a.pk for a in attendees], decisions=[d.pk for d in decisions]
    )
    facts = [(*_fact(gettext("The meeting")), counts.get(("meeting", meeting.pk), NO_SOURCE))]
    facts += [(*_fact(gettext("Attendance"), str(attendee)), counts.get(("attendee", attendee.pk), NO_SOURCE)) for attendee in attendees]
    facts += [(*_fact(gettext("Decision"), decision.text), counts.get(("decision", decision.pk), NO_SOURCE)) for decision in decisions]
    discrepancies = discrepancies_for_meeting(meeting_id=meeting.pk)
    shown = [*meeting.citations.all()]
    for part in [*meeting.attendees.all(), *meeting.decisions.all()]:
        shown += part.citations.all()
    discrepancy_quotes_mark_repeats(discrepancies=discrepancies, shown_citations=shown)
    return {
        "last_updated": max([meeting.updated_at, *(part.updated_at for part in [*attendees, *decisions])]),
        "facts": facts,
        "sourcing": sourcing_overview(facts),
        "discrepancies": discrepancies,
        "corrections": corrections_for_records(records=[meeting, *attendees, *decisions]),
    }


@register.inclusion_tag("includes/record_trail.html")
def operation_trail(operation):
    """Render the public trail of an operation."""
    counts = corroboration_for_facts(operations=[operation.pk])
    return {
        "last_updated": operation.updated_at,
        "facts": (facts := [(*_fact(gettext("The operation")), counts.get(("operation", operation.pk), NO_SOURCE))]),
        "sourcing": sourcing_overview(facts),
        "discrepancies": discrepancies_for_operation(operation_id=operation.pk),
        "corrections": corrections_for_records(records=[operation]),
    }
