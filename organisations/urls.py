from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="organisation-list"),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
]
