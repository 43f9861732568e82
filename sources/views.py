"""Public pages for sources: the evidence, with every cited passage highlighted."""
from django.views.generic import DetailView, ListView

from foundations.preview import DraftPreviewMixin
from foundations.slugs import FormerSlugRedirectMixin
from sources import selectors
from sources.models import SourceDocument


class SourceListView(ListView):
    template_name = "sources/sourcedocument_list.html"
    paginate_by = 50

    def get_queryset(self):
        return selectors.source_list_queryset()


class SourceDetailView(FormerSlugRedirectMixin, DraftPreviewMixin, DetailView):
    model = SourceDocument
    template_name = "sources/sourcedocument_detail.html"

    def get_preview_queryset(self, *, preview):
        return selectors.source_detail_queryset(preview=preview)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["highlighted"] = selectors.source_highlighted(source=self.object)
        return context
