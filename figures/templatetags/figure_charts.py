"""Charts other apps' templates can place: `{% load figure_charts %}{% meetings_per_year_chart as chart %}`.

Each tag returns a Chart (or None when there is too little data); render it with
`{% include "figures/includes/chart.html" with chart=chart %}` and link static/figures/charts.css.
"""
from django import template

from figures import selectors

register = template.Library()


@register.simple_tag
def meetings_per_year_chart():
    return selectors.chart_meetings_per_year()


@register.simple_tag
def conviction_rate_chart():
    return selectors.chart_conviction_rates()


@register.simple_tag
def operations_timeline_chart():
    return selectors.chart_operations_timeline()
