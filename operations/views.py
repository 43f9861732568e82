from django.views.generic import DetailView, ListView

from operations.models import Operation


class OperationListView(ListView):
    def get_queryset(self):
        return Operation.objects.published()


class OperationDetailView(DetailView):
    def get_queryset(self):
        return Operation.objects.published()
