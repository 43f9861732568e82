from django.contrib import admin
from django.urls import include, path

from naparchive import views

admin.site.site_header = "NAP Archive editorial"
admin.site.site_title = "NAP Archive editorial"
admin.site.index_title = "Curate the archive"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # The REST API: /api/v1/, its OpenAPI schema at /api/schema/ and documentation at /api/docs/.
    path("api/", include("naparchive.api_urls")),
    path("meetings/", include("meetings.urls")),
    path("operations/", include("operations.urls")),
    path("sources/", include("sources.urls")),
    path("", include("meetings.home_urls")),
]

# A database outage outside any view (e.g. saving the session) still gets the friendly 503 page.
handler500 = "naparchive.database_outage.server_error"
