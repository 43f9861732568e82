from django.views.generic import DetailView, ListView

from meetings.models import Meeting


class MeetingListView(ListView):
    paginate_by = 25

    def get_queryset(self):
        return Meeting.objects.published().select_related("body")


class MeetingDetailView(DetailView):
    def get_queryset(self):
        return Meeting.objects.published().select_related("body")
