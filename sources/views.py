from django.views.generic import DetailView, ListView

from sources.models import SourceDocument


class SourceListView(ListView):
    paginate_by = 25

    def get_queryset(self):
        return SourceDocument.objects.published()


class SourceDetailView(DetailView):
    def get_queryset(self):
        return SourceDocument.objects.published()
