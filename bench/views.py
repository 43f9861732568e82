"""Reference views for the benchmark, routed only by the benchmark's own URLs (bench/urls.py, bench/settings.py).

/bench/plain-meetings answers the API's first page of meetings (same filters, ordering, prefetches
and page size, so the same SQL) with the same JSON document, built by hand from plain dicts and
JsonResponse instead of DRF serializers: what the API list costs above the work it cannot avoid.
tests/restapi/test_bench_reference.py checks that the two documents are equal.
"""
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from rest_framework.utils.urls import remove_query_param, replace_query_param

from meetings.api import MeetingViewSet
from foundations.publication import PublicationStatus
from foundations.reversing import absolute_reverse, absolute_url


def _datetime(value) -> str:
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _summary(request, record, view_name: str, **fields):
    """The API's short form of a linked record: null for a draft, as anonymous clients see it."""
    if record is None or record.status != PublicationStatus.PUBLISHED:
        return None
    return {
        "id": record.pk,
        "slug": record.slug,
        "url": absolute_reverse(request, view_name, "slug", record.slug),
        **{name: getattr(record, name) for name in fields},
    }


def _meeting(request, meeting) -> dict:
    return {
        "id": meeting.pk,
        "slug": meeting.slug,
        "url": absolute_reverse(request, "api:meeting-detail", "slug", meeting.slug),
        "html_url": absolute_url(request, meeting.get_absolute_url()),
        "title": meeting.title,
        "body": _summary(request, meeting.body, "api:body-detail", name=True, short_name=True, kind=True),
        "date": meeting.date.isoformat() if meeting.date else None,
        "date_precision": meeting.date_precision,
        "date_display": meeting.date_display,
        "weekday": meeting.weekday,
        "date_note": meeting.date_note,
        "place": meeting.place,
        "summary": meeting.summary,
        "agenda": [item.topic for item in meeting.agenda_items.all()],
        "chairs": [
            {
                "person": _summary(request, chair.person, "api:person-detail", name=True),
                "office": _summary(request, chair.office, "api:office-detail", title=True),
                "group_label": chair.group_label,
            }
            for chair in meeting.chair_attendees
        ],
        "decision_count": meeting.decision_count,
        "status": meeting.status,
        "version": meeting.version,
        "created_at": _datetime(meeting.created_at),
        "updated_at": _datetime(meeting.updated_at),
    }


@require_safe
def plain_meetings(request):
    """Return the API meeting list's page as the API does, from the same queryset, without serializers."""
    view = MeetingViewSet(action_map={"get": "list"}, format_kwarg=None, args=(), kwargs={})
    view.request = view.initialize_request(request)
    queryset = view.filter_queryset(view.get_queryset())
    page = Paginator(queryset, view.paginator.get_page_size(view.request)).page(request.GET.get("page", 1))
    url = request.build_absolute_uri()
    previous = None
    if page.has_previous():
        number = page.previous_page_number()
        previous = remove_query_param(url, "page") if number == 1 else replace_query_param(url, "page", number)
    return JsonResponse({
        "count": page.paginator.count,
        "next": replace_query_param(url, "page", page.next_page_number()) if page.has_next() else None,
        "previous": previous,
        "results": [_meeting(request, meeting) for meeting in page],
    })
