"""Template helpers of the public site: canonical and other-language addresses, list links, navigation, dates,
and curated text marked with its language."""
from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from foundations.languages import CURATED_LANGUAGE, language_attributes, marked_with_language, twin_address
from foundations.reversing import cached_reverse_plain
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
def language_alternates(context) -> list[tuple[str, str]]:
    """Return (hreflang, address) of this page in every interface language, then ("x-default", the English one).

    Each address is the canonical one's twin, so every language's page names the same set. A page that
    exists in one language only (an address outside the public pages, a 404) gets none.
    """
    canonical = canonical_url(context)
    current = get_language() or settings.LANGUAGE_CODE
    addresses = {code: canonical if code == current else twin_address(canonical, code) for code, _name in settings.LANGUAGES}
    if not canonical or None in addresses.values():
        return []
    return [*((code.split("-")[0], address) for code, address in addresses.items()), ("x-default", addresses[settings.LANGUAGE_CODE])]


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
    url = cached_reverse_plain(url_name)
    request = context.get("request")
    current = request is not None and (request.path == url or (url != "/" and request.path.startswith(url)))
    if current:
        return format_html('<a href="{}" aria-current="page">{}</a>', url, label)
    return format_html('<a href="{}">{}</a>', url, label)


@register.filter
def precision_phrase(meeting) -> str:
    """Say how precisely the sources establish a meeting's date, in words a reader understands."""
    if meeting.date_precision == DatePrecision.DAY:
        return gettext("exact day")
    if meeting.date_precision == DatePrecision.MONTH:
        return gettext("month and year only; the day is not established")
    if meeting.date_precision == DatePrecision.YEAR:
        return gettext("year only; the month and day are not established")
    if meeting.weekday is not None:
        return gettext("date not established; the reports say only that it was a %(weekday)s") % {
            "weekday": meeting.get_weekday_display()
        }
    return gettext("date not established by the sources")


@register.filter
def curated(value, language: str = CURATED_LANGUAGE):
    """Mark curated text (a title, a name, a summary) with its language on a page in another (`<bdi lang dir>`).

    `{{ meeting.title|curated }}` for the archive's records (curated in English), `{{ source|curated:source.language }}`
    for a source's own words. Text only, never an attribute value (foundations.languages.marked_with_language).
    """
    return marked_with_language(value, language)


@register.simple_tag
def curated_block(language: str = CURATED_LANGUAGE) -> str:
    """`<div class="summary"{% curated_block %}>`: the element holding curated paragraphs gets their language
    on a page in another (`lang dir`), nothing on a page in theirs (foundations.languages.language_attributes)."""
    return language_attributes(language)


@register.filter
def iso_date(meeting) -> str:
    """Return the machine-readable date of a <time> element, only as precise as the sources are."""
    return vague_date_iso(meeting.date, meeting.date_precision) or ""
