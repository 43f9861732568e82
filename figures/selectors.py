"""Read the archive for charts and figure pages: each chart is drawn from published data and cached by data stamp."""
from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Max, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext, gettext_lazy, ngettext

from figures.charts import (
    Bar,
    Cell,
    Chart,
    TableBuilder,
    TimeMark,
    bar_chart_svg,
    chart_cached,
    series_chart_svg,
    stacked_year_chart_svg,
    timeline_chart_svg,
)
from figures.models import Figure, Measure, Unit
from meetings.models import Body, Meeting
from foundations.publication import with_public_links
from operations.models import Operation, Region
from sources.models import SourceDocument


def data_stamp(*querysets: QuerySet) -> tuple:
    """Return, for each table, its latest updated_at and row count: together they change whenever a row does."""
    stamp = []
    for queryset in querysets:
        summary = queryset.order_by().aggregate(latest=Max("updated_at"), rows=Count("id"))
        stamp.append((queryset.model._meta.label, summary["latest"], summary["rows"]))
    return tuple(stamp)


def _regions_stamp() -> tuple:
    # Region has no updated_at; its rows are few, so their names themselves are the stamp.
    return tuple(Region.objects.order_by("id").values_list("id", "name", "kind"))


def _figures_stamp() -> tuple:
    return (*data_stamp(Figure.objects.all(), Measure.objects.all(), SourceDocument.objects.all()), _regions_stamp())


SOURCE_COLUMN = gettext_lazy("Source (links to the sentence)")


def _source_cell(figure: Figure, *, shared: bool = False) -> Cell:
    # When every row quotes one sentence, the note under the table names the source once.
    return Cell(gettext("Read the sentence") if shared else str(figure.source), figure.source_quote_url)


def _one_sentence(figures: list[Figure]) -> bool:
    return len(figures) > 1 and len({(figure.source_id, figure.quote) for figure in figures}) == 1


def _shared_quote_note(figures: list[Figure]) -> tuple[str, ...]:
    """Say once, under the table, the sentence that every number of the chart comes from, if they share one."""
    if _one_sentence(figures):
        return (
            gettext("Every number here comes from one sentence of “%(source)s”: “%(quote)s”")
            % {"source": figures[0].source, "quote": figures[0].quote},
        )
    return ()


# -- a measure compared across places ----------------------------------------------------------------------


def figure_comparison_group(*, figure: Figure) -> list[Figure]:
    """Return the public figures of the same measure and period, one place each: what this figure compares with."""
    candidates = (
        Figure.objects.public()
        .with_related()
        .filter(
            measure_id=figure.measure_id,
            period_start=figure.period_start,
            period_end=figure.period_end,
            period_start_precision=figure.period_start_precision,
            period_end_precision=figure.period_end_precision,
        )
        .annotate(place_count=Count("places"))
        .filter(place_count=1)
    )
    if figure.period_start is None and figure.period_end is None:
        # Undated figures compare only when the source words their period the same way.
        candidates = candidates.filter(period_text=figure.period_text, source_id=figure.source_id)
    return list(candidates)


def _comparison_chart(measure: Measure, group: list[Figure], period: str) -> Chart:
    def place_of(item: Figure) -> Region:
        return item.places.all()[0]

    def place_label(item: Figure) -> str:
        name = place_of(item).name
        return gettext("%(place)s (national)") % {"place": name} if item in national else name

    national = [item for item in group if place_of(item).kind == Region.Kind.COUNTRY]
    others = sorted((item for item in group if item not in national), key=lambda item: (-item.value, place_of(item).name))
    ordered = national + others
    chart_key = f"chart-compare-{measure.slug}-{ordered[0].period_start or 'undated'}"
    title = gettext("%(measure)s, %(period)s, by place") % {"measure": measure.name, "period": period}
    described = "; ".join(f"{place_label(item)}: {item.value_display}" for item in ordered)
    description = gettext("Horizontal bars comparing %(measure)s for %(period)s. %(values)s.") % {
        "measure": measure.name.lower(),
        "period": period,
        "values": described,
    }
    bars = [
        Bar(
            label=place_label(item),
            value=item.value,
            value_label=item.value_display,
            href=item.get_absolute_url(),
            reference=item in national,
        )
        for item in ordered
    ]
    table = TableBuilder((gettext("Place"), measure.name, gettext("Period"), str(SOURCE_COLUMN)))
    for item in ordered:
        table.add(
            Cell(place_label(item), item.get_absolute_url()),
            item.value_display,
            item.period_display,
            _source_cell(item, shared=_one_sentence(ordered)),
        )
    svg = bar_chart_svg(
        chart_key=chart_key,
        title=title,
        description=description,
        bars=bars,
        maximum=100 if measure.unit == Unit.PERCENT else None,
    )
    notes = _shared_quote_note(ordered) + tuple(f"{place_of(item).name}: {item.note}" for item in ordered if item.note)
    return Chart(chart_key, title, description, svg, table.columns, tuple(table.rows), notes)


def chart_figure_comparison(*, figure: Figure) -> Chart | None:
    """Return the bar chart comparing this figure with the same measure elsewhere in the same period, if any."""
    if len(figure.places.all()) != 1:
        return None

    def build() -> Chart | None:
        group = figure_comparison_group(figure=figure)
        if len(group) < 2:
            return None
        return _comparison_chart(figure.measure, group, figure.period_display)

    stamp = (_figures_stamp(), "compare", figure.measure_id, figure.period_start, figure.period_end, figure.period_text, figure.source_id)
    return chart_cached(name="figure-comparison", stamp=stamp, build=build)


def chart_measure_comparisons(*, measure: Measure) -> list[Chart]:
    """Return one comparison chart per period for which the measure has figures for two places or more."""

    def build() -> list[Chart]:
        groups: dict[tuple, list[Figure]] = defaultdict(list)
        figures = Figure.objects.public().with_related().filter(measure=measure).annotate(place_count=Count("places")).filter(place_count=1)
        for figure in figures:
            key = (figure.period_start, figure.period_start_precision, figure.period_end, figure.period_end_precision)
            if figure.period_start is None and figure.period_end is None:
                key += (figure.period_text, figure.source_id)
            groups[key].append(figure)
        return [_comparison_chart(measure, group, group[0].period_display) for group in groups.values() if len(group) >= 2]

    return chart_cached(name="measure-comparisons", stamp=(_figures_stamp(), measure.pk), build=build)


def chart_conviction_rates() -> Chart | None:
    """Return the conviction-rate comparison for the latest period the sources give, for the home page."""
    measure = Measure.objects.filter(slug="conviction-rate-for-terrorists").first()
    if measure is None:
        return None
    charts = chart_measure_comparisons(measure=measure)
    return charts[-1] if charts else None


# -- a measure over time ------------------------------------------------------------------------------------


def chart_measure_series(*, measure: Measure) -> Chart | None:
    """Return the measure's dated figures over time, one line per place, or None with fewer than two periods."""

    def build() -> Chart | None:
        figures = list(Figure.objects.public().with_related().filter(measure=measure, period_start__isnull=False))
        periods = {(figure.period_start, figure.period_end) for figure in figures}
        if len(periods) < 2:
            return None
        series_names = sorted({figure.places_display for figure in figures})
        marks = [
            TimeMark(
                label=figure.places_display,
                start=figure.period_start,
                end=figure.period_end,
                value=float(figure.value),
                value_label=figure.value_display,
                series=series_names.index(figure.places_display),
                href=figure.get_absolute_url(),
            )
            for figure in figures
        ]
        chart_key = f"chart-series-{measure.slug}"
        title = gettext("%(measure)s over time") % {"measure": measure.name}
        described = "; ".join(f"{figure.places_display}, {figure.period_display}: {figure.value_display}" for figure in figures)
        description = gettext("Each figure is drawn across the period it covers, at its value. %(values)s.") % {"values": described}
        svg = series_chart_svg(
            chart_key=chart_key,
            title=title,
            description=description,
            marks=marks,
            series_names=series_names,
            maximum=100 if measure.unit == Unit.PERCENT else None,
        )
        table = TableBuilder((gettext("Period"), gettext("Place"), measure.name, str(SOURCE_COLUMN)))
        for figure in figures:
            table.add(
                Cell(figure.period_display, figure.get_absolute_url()),
                figure.places_display,
                figure.value_display,
                _source_cell(figure, shared=_one_sentence(figures)),
            )
        return Chart(chart_key, title, description, svg, table.columns, tuple(table.rows), _shared_quote_note(figures))

    return chart_cached(name="measure-series", stamp=(_figures_stamp(), measure.pk), build=build)


# -- meetings per year, by body -----------------------------------------------------------------------------


def chart_meetings_per_year(*, body: Body | None = None) -> Chart | None:
    """Return published meetings per year, stacked by body (or for one body); undated meetings are counted in a note."""

    def build() -> Chart | None:
        meetings = Meeting.objects.public()
        if body is not None:
            meetings = meetings.filter(body=body)
        rows = (
            meetings.filter(date__isnull=False)
            .annotate(year=ExtractYear("date"))
            .values("year", "body__name", "body__slug")
            .annotate(meetings=Count("id"))
            .order_by("body__name", "year")
        )
        counts: dict[str, dict[int, int]] = defaultdict(dict)
        for row in rows:
            counts[row["body__name"]][row["year"]] = row["meetings"]
        undated = meetings.filter(date__isnull=True).count()
        if not counts:
            return None
        first = min(min(by_year) for by_year in counts.values())
        last = max(max(by_year) for by_year in counts.values())
        years = list(range(first, last + 1))
        series = sorted(counts.items())
        chart_key = f"chart-meetings-{body.slug}" if body is not None else "chart-meetings-per-year"
        if body is not None:
            title = gettext("Meetings of the %(body)s per year") % {"body": body.name}
        else:
            title = gettext("Meetings per year, by body")
        described = "; ".join(
            f"{year}: " + ", ".join(f"{name} {by_year[year]}" for name, by_year in series if by_year.get(year))
            for year in years
            if any(by_year.get(year) for _, by_year in series)
        )
        description = gettext("Stacked bars, one per year, one colour per body. %(values)s.") % {"values": described}
        svg = stacked_year_chart_svg(chart_key=chart_key, title=title, description=description, years=years, series=series)
        table = TableBuilder((gettext("Year"), *(name for name, _counts in series), gettext("All bodies")))
        for year in years:
            table.add(str(year), *(str(by_year.get(year, 0)) for _, by_year in series), str(sum(by_year.get(year, 0) for _, by_year in series)))
        notes = (
            (
                ngettext(
                    "%(count)s published meeting with no established date is not drawn.",
                    "%(count)s published meetings with no established date are not drawn.",
                    undated,
                )
                % {"count": undated},
            )
            if undated
            else ()
        )
        return Chart(chart_key, title, description, svg, table.columns, tuple(table.rows), notes)

    stamp = data_stamp(Meeting.objects.all(), Body.objects.all())
    return chart_cached(name="meetings-per-year", stamp=(stamp, body.pk if body is not None else None), build=build)


# -- operations on the timeline -----------------------------------------------------------------------------


def chart_operations_timeline() -> Chart | None:
    """Return published operations placed at the date of the meeting that launched them."""

    def build() -> Chart | None:
        operations = list(
            # The launch meeting is loaded only while public (None otherwise).
            with_public_links(Operation.objects.public(), "launch_meeting").order_by("name")
        )
        dated = sorted(
            (
                operation
                for operation in operations
                if operation.launch_meeting is not None and operation.launch_meeting.date is not None
            ),
            key=lambda operation: (operation.launch_meeting.date, operation.name),
        )
        undated = [operation for operation in operations if operation not in dated]
        if not dated:
            return None
        marks = [
            TimeMark(
                label=f"{operation.name} ({operation.launch_meeting.date_display})",
                start=operation.launch_meeting.date,
                end=None,
                series=index,
                href=operation.get_absolute_url(),
            )
            for index, operation in enumerate(dated)
        ]
        chart_key = "chart-operations-timeline"
        title = gettext("Operations on the timeline, by launch date")
        described = "; ".join(
            gettext("%(operation)s: launched %(date)s") % {"operation": operation.name, "date": operation.launch_meeting.date_display}
            for operation in dated
        )
        description = gettext(
            "One row per operation, a dot at the date of the meeting that launched or approved it. %(values)s."
        ) % {"values": described}
        svg = timeline_chart_svg(chart_key=chart_key, title=title, description=description, marks=marks)
        table = TableBuilder((gettext("Operation"), gettext("Kind"), gettext("Launched or approved"), gettext("At the meeting")))
        for operation in dated:
            meeting = operation.launch_meeting
            table.add(
                Cell(operation.name, operation.get_absolute_url()),
                str(operation.get_kind_display()),
                meeting.date_display,
                Cell(meeting.title, meeting.get_absolute_url()),
            )
        for operation in undated:
            meeting = operation.launch_meeting
            table.add(
                Cell(operation.name, operation.get_absolute_url()),
                str(operation.get_kind_display()),
                meeting.date_display if meeting is not None else gettext("not established"),
                Cell(meeting.title, meeting.get_absolute_url()) if meeting is not None else gettext("no launch meeting recorded"),
            )
        notes = (
            (
                ngettext(
                    "%(count)s operation without an established launch date is listed but not drawn.",
                    "%(count)s operations without an established launch date are listed but not drawn.",
                    len(undated),
                )
                % {"count": len(undated)},
            )
            if undated
            else ()
        )
        return Chart(chart_key, title, description, svg, table.columns, tuple(table.rows), notes)

    return chart_cached(name="operations-timeline", stamp=data_stamp(Operation.objects.all(), Meeting.objects.all(), Body.objects.all()), build=build)
