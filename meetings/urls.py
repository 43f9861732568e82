"""Public addresses of the meetings app. Included at the site root: /meetings/, /decisions/, /people/, /offices/, /bodies/."""
from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:year>/", views.MeetingYearArchiveView.as_view(), name="meeting-year"),
    path("meetings/<int:year>/<int:month>/", views.MeetingMonthArchiveView.as_view(), name="meeting-month"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("decisions/", views.DecisionListView.as_view(), name="decision-list"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("offices/<slug:slug>/", views.OfficeDetailView.as_view(), name="office-detail"),
    path("bodies/", views.BodyListView.as_view(), name="body-list"),
    path("bodies/<slug:slug>/", views.BodyDetailView.as_view(), name="body-detail"),
]
