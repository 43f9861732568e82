"""Site-wide public pages: home, search, timeline, robots.txt."""
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from meetings import selectors as meeting_selectors
from naparchive.search_forms import SearchForm
from naparchive import search as search_module
from naparchive.search import archive_search
from operations import selectors as operation_selectors

HOME_LATEST_MEETINGS = 6
# The most recently launched; the operations page lists them all.
HOME_OPERATIONS = 10


@require_safe
def home(request):
    """Say what the archive is, show the latest meetings and the operations, and offer search."""
    context = {
        "latest_meetings": meeting_selectors.meeting_list_queryset()[:HOME_LATEST_MEETINGS],
        "operations": operation_selectors.latest_launched_operations(HOME_OPERATIONS),
        "overview": meeting_selectors.archive_overview(),
        "search_form": SearchForm(),
    }
    return render(request, "home.html", context)


@require_safe
def search(request):
    """Search every kind of record, or page through one kind's results.

    A bad parameter (a query that is too long, an unknown kind, a page that is not a number) is
    refused with 400 and a message; a page past the last is 404, saying how many pages there are.
    """
    form = SearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "search/search.html", {"search_form": form, "results": None}, status=400)
    query = form.cleaned_data["q"] if form.is_bound else ""
    kind = form.cleaned_data["kind"] if form.is_bound else ""
    page = (form.cleaned_data["page"] if form.is_bound else None) or 1
    past_the_end = kind and page > search_module.LAST_PAGE
    # Past the last rankable page nothing can be there: the first page says how many pages there are.
    results = archive_search(query=query, kind=kind, page=1 if past_the_end else page) if query else None
    if results and kind and page > 1 and not results.groups[0].hits and not past_the_end:
        results = archive_search(query=query, kind=kind, page=1)
        past_the_end = True
    context = {"search_form": form, "results": results, "query": query}
    if results and kind:
        # The shared pagination links, over the kind's ranked matches (the search fetched only this page).
        paginator = Paginator(range(results.groups[0].matched), search_module.HITS_PER_PAGE)
        try:
            if past_the_end:
                raise EmptyPage
            page_obj = paginator.page(page)
        except EmptyPage:
            # Like the lists: a 404 that says what is there, not a bare "not found".
            results.groups[0].hits = []
            params = request.GET.copy()
            params["page"] = paginator.num_pages
            context["page_out_of_range"] = {"asked": page, "pages": paginator.num_pages, "last_url": f"?{params.urlencode()}"}
            return render(request, "search/search.html", context, status=404)
        context.update(paginator=paginator, page_obj=page_obj, is_paginated=paginator.num_pages > 1)
    return render(request, "search/search.html", context)


@require_safe
def timeline(request):
    """Show every meeting and the operations it launched, year by year, on one page."""
    meetings = list(meeting_selectors.timeline_meetings())
    context = {
        "dated_meetings": [meeting for meeting in meetings if meeting.date is not None],
        "undated_meetings": [meeting for meeting in meetings if meeting.date is None],
        "unlaunched_operations": operation_selectors.operations_by_launch().filter(launch_meeting__isnull=True),
    }
    return render(request, "timeline.html", context)


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
