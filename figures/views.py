"""Public pages for figures and measures: lists with filters, details with charts and the sentences quoted."""
from django.views.generic import DetailView, ListView

from figures import selectors
from figures.filters import FigureFilter
from figures.models import Figure, Measure
from foundations.listing import FilteredListView
from foundations.slugs import FormerSlugRedirectMixin


class FigureListView(FilteredListView):
    filterset_class = FigureFilter
    template_name = "figures/figure_list.html"
    paginate_by = 50

    def get_base_queryset(self):
        return Figure.objects.public().with_related()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The API's exports take the same filter parameters as this page.
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["export_query"] = query.urlencode()
        return context


class FigureDetailView(FormerSlugRedirectMixin, DetailView):
    template_name = "figures/figure_detail.html"

    def get_queryset(self):
        return Figure.objects.public().with_related()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figure = self.object
        context["comparison_chart"] = selectors.chart_figure_comparison(figure=figure)
        context["series_chart"] = selectors.chart_measure_series(measure=figure.measure)
        context["quote_before"], context["quote_text"], context["quote_after"] = figure.quote_context
        return context


class MeasureListView(ListView):
    template_name = "figures/measure_list.html"

    def get_queryset(self):
        return Measure.objects.public().order_by("name")


class MeasureDetailView(FormerSlugRedirectMixin, DetailView):
    template_name = "figures/measure_detail.html"

    def get_queryset(self):
        return Measure.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = Figure.objects.public().with_related().filter(measure=self.object)
        context["comparison_charts"] = selectors.chart_measure_comparisons(measure=self.object)
        context["series_chart"] = selectors.chart_measure_series(measure=self.object)
        return context
