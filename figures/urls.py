from django.urls import path

from figures import views

app_name = "figures"

urlpatterns = [
    path("", views.FigureListView.as_view(), name="figure-list"),
    path("measures/", views.MeasureListView.as_view(), name="measure-list"),
    path("measures/<slug:slug>/", views.MeasureDetailView.as_view(), name="measure-detail"),
    path("<slug:slug>/", views.FigureDetailView.as_view(), name="figure-detail"),
]
