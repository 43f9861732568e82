"""Public pages for bodies: the committees and institutions that meet or act, with their meetings."""
from django.db.models import Count, Prefetch
from django.views.generic import DetailView

from bodies.filters import BodyFilter
from figures import selectors
from figures.models import Figure
from meetings.models import Body, Meeting
from foundations.listing import FilteredListView
from foundations.publication import public_condition, with_public_links


def body_public_queryset():
    """Return public bodies, each with its parent (None unless public) and how many public meetings it held."""
    return (
        with_public_links(Body.objects.public(), "parent")
        .annotate(meeting_count=Count("meetings", filter=public_condition(Meeting, "meetings__"), distinct=True))
        .order_by("name")
    )


class BodyListView(FilteredListView):
    filterset_class = BodyFilter
    template_name = "bodies/body_list.html"
    paginate_by = 50

    def get_base_queryset(self):
        return body_public_queryset().prefetch_related("aliases")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meetings_chart"] = selectors.chart_meetings_per_year()
        return context


class BodyDetailView(DetailView):
    template_name = "bodies/body_detail.html"
    context_object_name = "body"

    def get_queryset(self):
        return body_public_queryset().prefetch_related(
            "aliases",
            Prefetch("children", queryset=Body.objects.public().order_by("name"), to_attr="published_children"),
            Prefetch("meetings", queryset=Meeting.objects.public().order_by("-date", "title"), to_attr="published_meetings"),
            Prefetch("figures", queryset=Figure.objects.public().with_related(), to_attr="public_figures"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["parent"] = self.object.parent
        context["meetings_chart"] = selectors.chart_meetings_per_year(body=self.object)
        return context
