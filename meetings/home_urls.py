from django.urls import path

from meetings import views

urlpatterns = [
    path("", views.MeetingListView.as_view(template_name="home.html"), name="home"),
]
