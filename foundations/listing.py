"""Filtered, paginated public lists that answer a bad query parameter with 400 and a message."""
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.views.generic import ListView

BAD_REQUEST = 400


class FilteredListView(ListView):
    """A ListView filtered by a django-filter FilterSet built from the query string.

    An invalid filter value (an unknown body, a year with no meetings, a non-numeric page) renders the
    page with status 400 and says what was wrong, rather than a server error or a silently empty list.
    """

    filterset_class = None
    paginate_by = 25

    def get_base_queryset(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        if any(value == "" for value in request.GET.values()):
            # The filter form sends every field, most of them empty: keep addresses short and shareable.
            return redirect(self.address_without_empty_parameters(request))
        self.filterset = self.filterset_class(request.GET or None, queryset=self.get_base_queryset(), request=request)
        self.query_errors = []
        if self.filterset.is_bound and not self.filterset.is_valid():
            for name, messages in self.filterset.errors.items():
                label = self.filterset.form.fields[name].label if name in self.filterset.form.fields else name
                self.query_errors += [gettext("%(label)s: %(message)s") % {"label": label, "message": message} for message in messages]
        page = request.GET.get(self.page_kwarg, "")
        if page and page != "last" and not page.isdigit():
            self.query_errors.append(gettext("Page: give a page number, such as 2."))
        if self.query_errors:
            self.object_list = self.filterset.queryset.none()
            context = self.get_context_data()
            return self.render_to_response(context, status=BAD_REQUEST)
        return super().get(request, *args, **kwargs)

    @staticmethod
    def address_without_empty_parameters(request) -> str:
        params = request.GET.copy()
        for name in list(params):
            kept = [value for value in params.getlist(name) if value != ""]
            if kept:
                params.setlist(name, kept)
            else:
                del params[name]
        return f"{request.path}?{params.urlencode()}" if params else request.path

    def get_queryset(self):
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        if self.query_errors:
            # The page number may be the bad parameter: show the (empty) first page with the message.
            paginator = self.get_paginator(queryset, page_size)
            page = paginator.page(1)
            return paginator, page, page.object_list, False
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            # Past the last page: say so truthfully (the list exists; that page of it does not), with a 404.
            paginator = self.get_paginator(queryset, page_size)
            params = self.request.GET.copy()
            params[self.page_kwarg] = paginator.num_pages
            self.page_out_of_range = {
                "asked": self.request.GET.get(self.page_kwarg, ""),
                "pages": paginator.num_pages,
                "last_url": f"{self.request.path}?{params.urlencode()}",
            }
            page = paginator.page(1)
            return paginator, page, [], False

    def render_to_response(self, context, **response_kwargs):
        if getattr(self, "page_out_of_range", None):
            response_kwargs.setdefault("status", 404)
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filterset.form
        context["query_errors"] = self.query_errors
        context["page_out_of_range"] = getattr(self, "page_out_of_range", None)
        context["filters_active"] = any(
            value not in (None, "") for name, value in self.request.GET.items() if name not in (self.page_kwarg, "sort")
        )
        return context
