from django.urls import path

from bodies import views

app_name = "bodies"

urlpatterns = [
    path("", views.BodyListView.as_view(), name="body-list"),
    path("<slug:slug>/", views.BodyDetailView.as_view(), name="body-detail"),
]
