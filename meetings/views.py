"""Public pages for meetings, decisions, people, offices and bodies."""
from django.db.models import Prefetch
from django.views.generic import DetailView, ListView, MonthArchiveView, YearArchiveView

from figures import selectors as figure_selectors
from figures.models import Figure
from meetings import selectors
from meetings.models import Body, Meeting, Office, Person
from meetings.public_filters import BodyFilter, DecisionFilter, MeetingFilter
from foundations.listing import FilteredListView
from foundations.preview import DraftPreviewMixin
from foundations.slugs import FormerSlugRedirectMixin


class MeetingListView(FilteredListView):
    filterset_class = MeetingFilter
    template_name = "meetings/meeting_list.html"

    def get_base_queryset(self):
        return selectors.meeting_list_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = selectors.meeting_years()
        return context


class MeetingArchiveMixin:
    date_field = "date"
    make_object_list = True
    allow_future = True
    month_format = "%m"
    context_object_name = "meetings"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = selectors.meeting_years()
        return context


class MeetingYearArchiveView(MeetingArchiveMixin, YearArchiveView):
    template_name = "meetings/meeting_archive_year.html"

    def get_queryset(self):
        return selectors.meeting_archive_queryset(month_known=False)

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        # Only months the sources establish: a year-only date is stored as 1 January.
        known_months = queryset.filter(date_precision__in=["day", "month"])
        return super().get_date_list(known_months, date_type, ordering) if known_months.exists() else []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_month = {}
        year_only = []
        for meeting in context["meetings"]:
            if meeting.date_precision == "year":
                year_only.append(meeting)
            else:
                by_month.setdefault(meeting.date.month, []).append(meeting)
        context["months"] = [(month, by_month.get(month.month, [])) for month in context["date_list"]]
        context["year_only_meetings"] = year_only
        return context


class MeetingMonthArchiveView(MeetingArchiveMixin, MonthArchiveView):
    template_name = "meetings/meeting_archive_month.html"

    def get_queryset(self):
        return selectors.meeting_archive_queryset(month_known=True)


class MeetingDetailView(FormerSlugRedirectMixin, DraftPreviewMixin, DetailView):
    model = Meeting
    template_name = "meetings/meeting_detail.html"

    def get_preview_queryset(self, *, preview):
        return selectors.meeting_detail_queryset(preview=preview)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = selectors.meeting_record(meeting=self.object)
        return context


class DecisionListView(FilteredListView):
    filterset_class = DecisionFilter
    template_name = "meetings/decision_list.html"
    paginate_by = 50

    def get_base_queryset(self):
        return selectors.decision_list_queryset()


class PersonListView(ListView):
    template_name = "meetings/person_list.html"
    paginate_by = 100

    def get_queryset(self):
        return selectors.person_list_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["offices"] = selectors.office_list_queryset()
        return context


class PersonDetailView(FormerSlugRedirectMixin, DraftPreviewMixin, DetailView):
    model = Person
    template_name = "meetings/person_detail.html"

    def get_preview_queryset(self, *, preview):
        return selectors.person_detail_queryset(preview=preview)


class OfficeDetailView(FormerSlugRedirectMixin, DraftPreviewMixin, DetailView):
    model = Office
    template_name = "meetings/office_detail.html"

    def get_preview_queryset(self, *, preview):
        return selectors.office_detail_queryset(preview=preview)


class BodyListView(FilteredListView):
    filterset_class = BodyFilter
    template_name = "meetings/body_list.html"
    paginate_by = 50

    def get_base_queryset(self):
        return selectors.body_public_queryset().prefetch_related("aliases")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meetings_chart"] = figure_selectors.chart_meetings_per_year()
        return context


class BodyDetailView(FormerSlugRedirectMixin, DetailView):
    template_name = "meetings/body_detail.html"
    context_object_name = "body"

    def get_queryset(self):
        return selectors.body_public_queryset().prefetch_related(
            "aliases",
            Prefetch("children", queryset=Body.objects.public().order_by("name"), to_attr="published_children"),
            Prefetch("meetings", queryset=Meeting.objects.public().order_by("-date", "title"), to_attr="published_meetings"),
            Prefetch("figures", queryset=Figure.objects.public().with_related(), to_attr="public_figures"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["parent"] = self.object.parent
        context["meetings_chart"] = figure_selectors.chart_meetings_per_year(body=self.object)
        return context
