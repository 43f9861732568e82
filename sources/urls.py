from django.urls import path, register_converter

from foundations.slugs import UnicodeSlugConverter
from sources import views

register_converter(UnicodeSlugConverter, "unicode_slug")

app_name = "sources"

urlpatterns = [
    path("", views.SourceListView.as_view(), name="source-list"),
    path("<unicode_slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
]
