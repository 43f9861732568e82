"""
Server-rendered SVG charts: no script, no inline style, each with a text alternative and its data as a table.

A chart is drawn from plain rows (see figures/selectors.py for the queries) and cached under a key built from
the latest `updated_at` and the row counts of every table it draws from, so any edit, publication or deletion
changes the key: a cached chart can be dropped early, never served stale. Colours and type come from classes
styled in static/figures/charts.css, because the site's Content Security Policy refuses inline styles.
"""
from __future__ import annotations

import datetime
import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.utils.dateformat import format as date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# Bump when the drawing code changes, so charts cached by the previous code are not reused.
CHART_VERSION = 4
CHART_CACHE_SECONDS = 24 * 60 * 60
# Series colours are classes chart-series-0 ... chart-series-7 in the stylesheet.
SERIES_CLASSES = 8
_MISSING = object()


@dataclass(frozen=True)
class Cell:
    """One cell of a chart's data table; a cell with an href is a link."""

    text: str
    href: str = ""


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    svg: SafeString
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = ()

    @property
    def title_id(self) -> str:
        return f"{self.key}-title"

    @property
    def desc_id(self) -> str:
        return f"{self.key}-desc"


def chart_cached(*, name: str, stamp: Sequence[object], build: Callable[[], object]):
    """Return the chart cached under this name and data stamp, building and caching it on a miss.

    A chart's titles, headers and notes are in the interface language, so each language has its own copy.
    """
    digest = hashlib.sha256(repr((CHART_VERSION, name, get_language(), tuple(stamp))).encode()).hexdigest()[:32]
    key = f"chart:{digest}"
    chart = cache.get(key, _MISSING)
    if chart is _MISSING:
        # "No chart" (too little data) is cached too, under the same stamp.
        chart = build()
        cache.set(key, chart, CHART_CACHE_SECONDS)
    return chart


# -- drawing helpers ---------------------------------------------------------------------------------------


def number_label(value: Decimal | float | int) -> str:
    return format(Decimal(str(value)).normalize(), ",f")


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Return round tick values from 0 to at least `maximum` (0, 20, 40 ... rather than 0, 17, 34 ...)."""
    if maximum <= 0:
        return [0, 1]
    rough = maximum / count
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    ticks = [0.0]
    while ticks[-1] < maximum:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _open_svg(
    chart_key: str, title: str, description: str, width: int, height: int, extra_class: str = "", interactive: bool = False
) -> list[str]:
    # A chart without links is a single image. One whose marks are links keeps the SVG's own role (a
    # graphics document whose links are reachable): HTML does not allow role="group" on <svg>.
    role = "" if interactive else ' role="img"'
    return [
        f'<svg class="chart-svg {extra_class}" width="{width}" height="{height}" viewBox="0 0 {width} {height}"{role} '
        f'aria-labelledby="{chart_key}-title {chart_key}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_key}-title">{escape(title)}</title>',
        f'<desc id="{chart_key}-desc">{escape(description)}</desc>',
    ]


def _text(x: float, y: float, text: str, css_class: str, anchor: str = "start") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" class="{css_class}" text-anchor="{anchor}">{escape(text)}</text>'


def _link(href: str, inner: str, label: str) -> str:
    return f'<a href="{escape(href)}" aria-label="{escape(label)}">{inner}</a>' if href else inner


# -- bar chart comparing places --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    value_label: str
    href: str = ""
    reference: bool = False  # the national figure the others are read against


def bar_chart_svg(*, chart_key: str, title: str, description: str, bars: Sequence[Bar], maximum: float | None = None) -> SafeString:
    """Return horizontal bars, one per place, longest scale `maximum` (100 for percentages)."""
    label_width, bar_area, row_height, top, bottom = 190, 440, 34, 10, 36
    width = label_width + bar_area + 90
    height = top + row_height * len(bars) + bottom
    top_value = maximum if maximum is not None else max((float(bar.value) for bar in bars), default=1)
    ticks = nice_ticks(top_value)
    scale = bar_area / ticks[-1]
    parts = _open_svg(chart_key, title, description, width, height, "chart-svg--bars", any(bar.href for bar in bars))
    axis_y = top + row_height * len(bars)
    for tick in ticks:
        x = label_width + tick * scale
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis_y}" class="chart-grid"/>')
        parts.append(_text(x, axis_y + 18, number_label(tick), "chart-tick", "middle"))
    for index, bar in enumerate(bars):
        y = top + index * row_height
        bar_class = "chart-bar chart-bar--reference" if bar.reference else "chart-bar"
        bar_width = max(float(bar.value) * scale, 1.5)
        shape = (
            f'<rect x="{label_width}" y="{y + 6}" width="{bar_width:.1f}" height="{row_height - 12}" class="{bar_class}"/>'
            + _text(label_width + bar_width + 6, y + row_height / 2 + 5, bar.value_label, "chart-value")
        )
        parts.append(_text(label_width - 8, y + row_height / 2 + 5, bar.label, "chart-label", "end"))
        parts.append(_link(bar.href, shape, f"{bar.label}: {bar.value_label}"))
    parts.append(f'<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{axis_y}" class="chart-axis"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # nosec B308 B703 - every piece of text above is escaped


# -- stacked bars per year -------------------------------------------------------------------------------


def stacked_year_chart_svg(
    *, chart_key: str, title: str, description: str, years: Sequence[int], series: Sequence[tuple[str, dict[int, int]]]
) -> SafeString:
    """Return one stacked bar per year, one coloured segment per series (a body), with a legend."""
    left, right, top, plot_height = 40, 20, 14, 220
    column = 56 if len(years) <= 12 else 36
    legend_rows = len(series)
    width = max(left + right + column * len(years), 420)
    height = top + plot_height + 30 + 22 * legend_rows + 10
    totals = {year: sum(counts.get(year, 0) for _, counts in series) for year in years}
    ticks = nice_ticks(max(totals.values(), default=1), 4)
    ticks = [tick for tick in ticks if tick == int(tick)] or [0, 1]
    scale = plot_height / ticks[-1]
    base = top + plot_height
    parts = _open_svg(chart_key, title, description, width, height, "chart-svg--stacked")
    for tick in ticks:
        y = base - tick * scale
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" class="chart-grid"/>')
        parts.append(_text(left - 6, y + 4, number_label(tick), "chart-tick", "end"))
    for position, year in enumerate(years):
        x = left + position * column + column * 0.2
        bar_width = column * 0.6
        y = base
        for index, (_, counts) in enumerate(series):
            count = counts.get(year, 0)
            if not count:
                continue
            segment = count * scale
            y -= segment
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{segment:.1f}" '
                f'class="chart-segment chart-series-{index % SERIES_CLASSES}"/>'
            )
        if totals[year]:
            parts.append(_text(x + bar_width / 2, y - 4, str(totals[year]), "chart-value", "middle"))
        parts.append(_text(x + bar_width / 2, base + 16, str(year), "chart-tick", "middle"))
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" class="chart-axis"/>')
    for index, (name, _) in enumerate(series):
        y = base + 34 + index * 22
        parts.append(f'<rect x="{left}" y="{y - 11}" width="14" height="14" class="chart-segment chart-series-{index % SERIES_CLASSES}"/>')
        parts.append(_text(left + 20, y + 1, name, "chart-legend"))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # nosec B308 B703 - every piece of text above is escaped


# -- points and spans on a time axis ---------------------------------------------------------------------


@dataclass(frozen=True)
class TimeMark:
    """Something placed in time: a period from start to end (a figure) or a single day (an operation's launch)."""

    label: str
    start: datetime.date
    end: datetime.date | None
    value: float | None = None
    value_label: str = ""
    series: int = 0
    href: str = ""


def _time_axis(first: datetime.date, last: datetime.date) -> tuple[datetime.date, datetime.date, list[datetime.date]]:
    """Return the padded axis bounds and yearly (or, under two years, half-yearly) ticks."""
    start = datetime.date(first.year, 1, 1)
    end = datetime.date(last.year + 1, 1, 1)
    ticks = [datetime.date(year, 1, 1) for year in range(start.year, end.year + 1)]
    if len(ticks) <= 3:
        ticks = sorted({*ticks, *(datetime.date(year, 7, 1) for year in range(start.year, end.year))})
    return start, end, ticks


def _date_label(date: datetime.date) -> str:
    return str(date.year) if (date.month, date.day) == (1, 1) else date_format(date, "M Y")


def series_chart_svg(
    *, chart_key: str, title: str, description: str, marks: Sequence[TimeMark], series_names: Sequence[str], maximum: float | None = None
) -> SafeString:
    """Return figures over time: each period as a span at its value, joined per series, with a legend."""
    left, right, top, plot_height = 64, 24, 16, 220
    width = 720
    height = top + plot_height + 34 + 22 * len(series_names) + 10
    first = min(mark.start for mark in marks)
    last = max(mark.end or mark.start for mark in marks)
    axis_start, axis_end, time_ticks = _time_axis(first, last)
    span_days = (axis_end - axis_start).days
    plot_width = width - left - right

    def x_of(date: datetime.date) -> float:
        return left + plot_width * (date - axis_start).days / span_days

    ticks = nice_ticks(maximum if maximum is not None else max(mark.value or 0 for mark in marks), 4)
    scale = plot_height / ticks[-1]
    base = top + plot_height
    parts = _open_svg(chart_key, title, description, width, height, "chart-svg--series", any(mark.href for mark in marks))
    for tick in ticks:
        y = base - tick * scale
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" class="chart-grid"/>')
        parts.append(_text(left - 6, y + 4, number_label(tick), "chart-tick", "end"))
    for tick in time_ticks:
        parts.append(_text(x_of(tick), base + 16, _date_label(tick), "chart-tick", "middle"))
    for index in range(len(series_names)):
        points = sorted(
            ((x_of(mark.start) + x_of(mark.end or mark.start)) / 2, base - (mark.value or 0) * scale)
            for mark in marks
            if mark.series == index
        )
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline points="{path}" class="chart-line chart-series-{index % SERIES_CLASSES}"/>')
    for mark in marks:
        y = base - (mark.value or 0) * scale
        x1, x2 = x_of(mark.start), x_of(mark.end or mark.start)
        series_class = f"chart-series-{mark.series % SERIES_CLASSES}"
        shape = f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" class="chart-span {series_class}"/>' if x2 > x1 else ""
        shape += f'<circle cx="{(x1 + x2) / 2:.1f}" cy="{y:.1f}" r="5" class="chart-point {series_class}"/>'
        shape += _text((x1 + x2) / 2, y - 9, mark.value_label, "chart-value", "middle")
        parts.append(_link(mark.href, shape, f"{mark.label}: {mark.value_label}"))
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" class="chart-axis"/>')
    for index, name in enumerate(series_names):
        y = base + 38 + index * 22
        parts.append(f'<rect x="{left}" y="{y - 11}" width="14" height="14" class="chart-segment chart-series-{index % SERIES_CLASSES}"/>')
        parts.append(_text(left + 20, y + 1, name, "chart-legend"))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # nosec B308 B703 - every piece of text above is escaped


def timeline_chart_svg(*, chart_key: str, title: str, description: str, marks: Sequence[TimeMark]) -> SafeString:
    """Return one row per mark on a shared time axis: a dot at its date, its label beside it."""
    left, right, top, row_height = 20, 20, 10, 30
    width = 720
    height = top + row_height * len(marks) + 34
    axis_start, axis_end, time_ticks = _time_axis(min(m.start for m in marks), max(m.end or m.start for m in marks))
    plot_width = width - left - right
    span_days = (axis_end - axis_start).days

    def x_of(date: datetime.date) -> float:
        return left + plot_width * (date - axis_start).days / span_days

    base = top + row_height * len(marks)
    parts = _open_svg(chart_key, title, description, width, height, "chart-svg--timeline", any(mark.href for mark in marks))
    for tick in time_ticks:
        x = x_of(tick)
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{base}" class="chart-grid"/>')
        parts.append(_text(x, base + 18, _date_label(tick), "chart-tick", "middle"))
    for index, mark in enumerate(marks):
        y = top + index * row_height + row_height / 2
        x = x_of(mark.start)
        anchor = "end" if x > left + plot_width * 0.6 else "start"
        label_x = x - 10 if anchor == "end" else x + 10
        shape = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" class="chart-point chart-series-{mark.series % SERIES_CLASSES}"/>'
        shape += _text(label_x, y + 4, mark.label, "chart-label", anchor)
        parts.append(_link(mark.href, shape, mark.label))
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" class="chart-axis"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # nosec B308 B703 - every piece of text above is escaped


@dataclass
class TableBuilder:
    """Collect a chart's data table row by row."""

    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)

    def add(self, *cells: Cell | str) -> None:
        self.rows.append(tuple(cell if isinstance(cell, Cell) else Cell(cell) for cell in cells))
