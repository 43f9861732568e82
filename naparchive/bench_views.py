"""Reference views for the benchmark (bench/), routed only when BENCH_VIEWS_ENABLED is on.

/bench/plain-meetings answers the API's first page of meetings (same filters, ordering, prefetches
and page size, so the same SQL) built with plain dicts and JsonResponse instead of DRF serializers:
what the API list costs above the database work it cannot avoid.
"""
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from meetings.api import MeetingViewSet


@require_GET
def plain_meetings(request):
    """Return the API meeting list's first page as plain JSON, from the same queryset."""
    view = MeetingViewSet(action_map={"get": "list"}, format_kwarg=None, args=(), kwargs={})
    view.request = view.initialize_request(request)
    queryset = view.filter_queryset(view.get_queryset())
    page = Paginator(queryset, view.paginator.page_size).page(request.GET.get("page", 1))
    results = []
    for meeting in page:
        row = {name: value(meeting) for name, value in MeetingViewSet.export_columns}
        row["decision_count"] = meeting.decision_count
        row["chairs"] = [str(attendee) for attendee in meeting.chair_attendees]
        row["agenda"] = [item.topic for item in meeting.agenda_items.all()]
        results.append(row)
    return JsonResponse({"count": page.paginator.count, "results": results}, json_dumps_params={"default": str})
