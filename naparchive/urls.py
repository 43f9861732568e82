from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from naparchive import public_views, views
from naparchive.feeds import LatestMeetingsFeed, LatestSourcesFeed
from naparchive.sitemaps import SITEMAPS

admin.site.site_header = "NAP Archive editorial"
admin.site.site_title = "NAP Archive editorial"
admin.site.index_title = "Curate the archive"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("figures/", include("figures.urls")),
    path("organisations/", include("organisations.urls")),
    # The REST API: /api/v1/, its OpenAPI schema at /api/schema/ and documentation at /api/docs/.
    path("api/", include("naparchive.api_urls")),
    # The public site: meetings.urls holds /meetings/, /decisions/, /people/, /offices/ and /bodies/.
    path("", public_views.home, name="home"),
    path("search/", public_views.search, name="search"),
    path("timeline/", public_views.timeline, name="timeline"),
    # The language switch. Without a CSRF token, so pages keep no per-visitor token and stay cacheable: a
    # forged request could only change the interface language, and `next` must stay on this site.
    path("language/", csrf_exempt(set_language), name="set_language"),
    path("", include("meetings.urls")),
    path("operations/", include("operations.urls")),
    path("sources/", include("sources.urls")),
    path("feeds/meetings/", LatestMeetingsFeed(), name="feed-meetings"),
    path("feeds/sources/", LatestSourcesFeed(), name="feed-sources"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", public_views.robots_txt, name="robots-txt"),
]

# A database outage outside any view (e.g. saving the session) still gets the friendly 503 page;
# under /api/ (naparchive.database_outage.API_PATH_PREFIX) every error is the API's JSON error.
handler400 = "naparchive.database_outage.bad_request"
handler403 = "naparchive.database_outage.permission_denied"
handler500 = "naparchive.database_outage.server_error"
