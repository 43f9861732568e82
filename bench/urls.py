"""The benchmark's URLs: the product's, plus the reference view the benchmark compares the API with."""
from django.urls import path

from bench import views
from naparchive.urls import handler500, urlpatterns as product_urlpatterns  # noqa: F401 (handler500 is read from here)

urlpatterns = [
    path("bench/plain-meetings", views.plain_meetings, name="bench-plain-meetings"),
    *product_urlpatterns,
]
