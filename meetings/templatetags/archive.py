"""Template helpers of the public site: canonical addresses, list links, navigation, dates."""
from django import template
from django.urls import reverse
from django.utils.html import format_html

from foundations.vague_dates import DatePrecision, vague_date_iso

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """Return the page's permanent address: its path, plus the page number of a list past page 1."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """Return the current query string with some parameters changed ('' or None removes one)."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else {}
    for name, value in changes.items():
        if value in (None, ""):
            params.pop(name, None)
        else:
            params[name] = value
    encoded = params.urlencode() if params else ""
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def nav_link(context, url_name: str, label: str):
    """Render a main-navigation link, marked as the current section when the page is inside it."""
    url = reverse(url_name)
    request = context.get("request")
    current = request is not None and (request.path == url or (url != "/" and request.path.startswith(url)))
    if current:
        return format_html('<a href="{}" aria-current="page">{}</a>', url, label)
    return format_html('<a href="{}">{}</a>', url, label)


@register.filter
def precision_phrase(meeting) -> str:
    """Say how precisely the sources establish a meeting's date, in words a reader understands."""
    if meeting.date_precision == DatePrecision.DAY:
        return "exact day"
    if meeting.date_precision == DatePrecision.MONTH:
        return "month and year only; the day is not established"
    if meeting.date_precision == DatePrecision.YEAR:
        return "year only; the month and day are not established"
    if meeting.weekday is not None:
        return f"date not established; the reports say only that it was a {meeting.get_weekday_display()}"
    return "date not established by the sources"


@register.filter
def iso_date(meeting) -> str:
    """Return the machine-readable date of a <time> element, only as precise as the sources are."""
    return vague_date_iso(meeting.date, meeting.date_precision) or ""
