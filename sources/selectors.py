"""Read sources for public pages, and place each cited passage in the source's text."""
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from foundations.publication import public_condition
from sources.front_matter import front_matter_end
from sources.models import Citation, SourceDocument


def citations_with_targets(*, preview: bool) -> QuerySet:
    """Return citations with the fact each supports loaded; the public sees only public citations (Citation's rule)."""
    citations = Citation.objects.select_related(
        "meeting",
        "attendee__meeting",
        "attendee__person",
        "attendee__office",
        "decision__meeting",
        "operation",
    ).order_by("id")
    return citations if preview else citations.public()


def source_list_queryset() -> QuerySet:
    return (
        SourceDocument.objects.public()
        .annotate(citation_count=Count("citations", filter=public_condition(Citation, "citations__"), distinct=True))
        .defer("text", "search_vector")
        # Aggregation drops Meta.ordering, so say it again.
        .order_by(F("published_on").desc(nulls_last=True), "original_filename", "id")
    )


def source_detail_queryset(*, preview: bool) -> QuerySet:
    sources = SourceDocument.objects.all() if preview else SourceDocument.objects.public()
    return sources.prefetch_related(Prefetch("citations", queryset=citations_with_targets(preview=preview)))


@dataclass
class CitedFact:
    kind: str
    label: str
    url: str
    meeting: object = None


def citation_fact(*, citation: Citation) -> CitedFact:
    """Describe the fact a citation supports and where it is shown on the site."""
    if citation.meeting_id:
        meeting = citation.meeting
        return CitedFact(
            pgettext("kind of cited fact", "Meeting"),
            f"{meeting.title}, {meeting.date_display}",
            f"{meeting.get_absolute_url()}#meeting-facts",
            meeting,
        )
    if citation.attendee_id:
        attendee = citation.attendee
        meeting = attendee.meeting
        return CitedFact(
            pgettext("kind of cited fact", "Attendance"),
            gettext("%(attendee)s at %(meeting)s") % {"attendee": attendee, "meeting": meeting.title},
            f"{meeting.get_absolute_url()}#attendee-{attendee.pk}",
            meeting,
        )
    if citation.decision_id:
        decision = citation.decision
        meeting = decision.meeting
        return CitedFact(
            pgettext("kind of cited fact", "Decision"),
            f"{decision.get_action_display()}: {decision.text}",
            f"{meeting.get_absolute_url()}#decision-{decision.pk}",
            meeting,
        )
    operation = citation.operation
    return CitedFact(pgettext("kind of cited fact", "Operation"), operation.name, f"{operation.get_absolute_url()}#operation-facts")


@dataclass
class CitedPassage:
    number: int
    citation: Citation
    fact: CitedFact
    found: bool


@dataclass
class HighlightedSource:
    html: SafeString
    passages: list[CitedPassage]
    article: str = ""
    has_front_matter: bool = False


def source_highlighted(*, source: SourceDocument) -> HighlightedSource:
    """Return the source's text, escaped, with each cited passage in a <mark> that links to its fact.

    Passages may overlap or repeat (one sentence can support several facts), so the text is cut at
    every passage boundary and each piece is marked if any passage covers it. Each citation's anchor
    (id="citation-<pk>") sits where its passage begins: on the <mark> itself, or, when several passages
    begin at the same character, on empty spans at the start of that <mark>. A numbered link after each passage
    leads to the fact it supports.
    Runs no query when the citations were prefetched with source_detail_queryset(). The text is the
    article after any front matter block (the stored text keeps it, unaltered).
    """
    # Readers get the article, not the file's metadata header: that is shown as the source's details.
    # Offsets below are within the article, so a passage is placed where it is in the text shown.
    header_end = front_matter_end(source.text)
    text = source.text[header_end:]
    passages, starts, ends = [], {}, {}
    for citation in source.citations.all():
        position = text.find(citation.quote) if citation.quote else -1
        found = position >= 0
        passage = CitedPassage(0, citation, citation_fact(citation=citation), found)
        passages.append(passage)
        if found:
            starts.setdefault(position, []).append(passage)
            ends.setdefault(position + len(citation.quote), []).append(passage)
    # Number passages in reading order, so the notes read like footnotes.
    passages.sort(key=lambda p: (not p.found, text.find(p.citation.quote) if p.found else 0, p.citation.pk))
    for number, passage in enumerate(passages, start=1):
        passage.number = number

    boundaries = sorted({0, len(text), *starts, *ends})
    pieces, open_count = [], 0
    for begin, end in zip(boundaries, boundaries[1:] + [None]):
        for passage in sorted(ends.get(begin, []), key=lambda p: p.number):
            open_count -= 1
            supports = gettext("Passage %(number)s supports: %(kind)s, %(fact)s") % {
                "number": passage.number,
                "kind": passage.fact.kind,
                "fact": passage.fact.label[:120],
            }
            pieces.append(
                f'<a class="passage-ref" href="{escape(passage.fact.url)}" aria-label="{escape(supports)}">'
                f"<sup>{passage.number}</sup></a>"
            )
        anchors = sorted(starts.get(begin, []), key=lambda p: p.number)
        open_count += len(anchors)
        if end is None:
            break
        chunk = escape(text[begin:end])
        if open_count > 0:
            mark_id = f' id="citation-{anchors[0].citation.pk}"' if anchors else ""
            extra = "".join(f'<span class="passage-anchor" id="citation-{p.citation.pk}"></span>' for p in anchors[1:])
            pieces.append(f'<mark class="cited"{mark_id}>{extra}{chunk}</mark>')
        else:
            pieces.append(chunk)
    # Safe: the source text and every label went through escape(); the tags are our own.
    return HighlightedSource(mark_safe("".join(pieces)), passages, text, header_end > 0)  # nosec B308 B703


def source_origins_recorded(*, limit: int = 500) -> list[str]:
    """Return the origins (official statements) sources already carry, alphabetically: for editors to pick from."""
    origins = SourceDocument.objects.exclude(origin="").order_by("origin").values_list("origin", flat=True).distinct()
    return list(origins[:limit])
