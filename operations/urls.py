from django.urls import path

from operations import views

app_name = "operations"

urlpatterns = [
    path("", views.OperationListView.as_view(), name="operation-list"),
    path("<slug:slug>/", views.OperationDetailView.as_view(), name="operation-detail"),
]
