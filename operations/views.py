"""Public pages for operations."""
from django.views.generic import DetailView, ListView

from foundations.preview import DraftPreviewMixin
from foundations.slugs import FormerSlugRedirectMixin
from operations import selectors
from operations.models import Operation


class OperationListView(ListView):
    template_name = "operations/operation_list.html"
    paginate_by = 100

    def get_queryset(self):
        return selectors.operation_list_queryset()


class OperationDetailView(FormerSlugRedirectMixin, DraftPreviewMixin, DetailView):
    model = Operation
    template_name = "operations/operation_detail.html"

    def get_preview_queryset(self, *, preview):
        return selectors.operation_detail_queryset(preview=preview)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meetings_concerned"] = selectors.operation_meetings(operation=self.object, preview=self.preview_drafts)
        return context
