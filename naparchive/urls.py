from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from naparchive import languages, public_views, views
from naparchive.feeds import LatestMeetingsFeed, LatestSourcesFeed
from naparchive.sitemaps import SITEMAPS

admin.site.site_header = "NAP Archive editorial"
admin.site.site_title = "NAP Archive editorial"
admin.site.index_title = "Curate the archive"

# Interfaces others rely on stay where they are, in English whatever the reader chose: the health checks,
# the editors' admin, the API and its schema, the sitemap, robots.txt and the language switch itself.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # The REST API: /api/v1/, its OpenAPI schema at /api/schema/ and documentation at /api/docs/.
    path("api/", include("naparchive.api_urls")),
    # The language switch (Django's set_language, resolving `next` in its own language).
    path("language/", languages.set_language, name="set_language"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", public_views.robots_txt, name="robots-txt"),
]

# The public site, in every interface language: English at the addresses it always had, Urdu under /ur/
# (naparchive/languages.py activates the address's language for the whole request).
urlpatterns += i18n_patterns(
    path("figures/", include("figures.urls")),
    path("organisations/", include("organisations.urls")),
    # meetings.urls holds /meetings/, /decisions/, /people/, /offices/ and /bodies/.
    path("", public_views.home, name="home"),
    path("search/", public_views.search, name="search"),
    path("timeline/", public_views.timeline, name="timeline"),
    path("", include("meetings.urls")),
    path("operations/", include("operations.urls")),
    path("sources/", include("sources.urls")),
    path("feeds/meetings/", LatestMeetingsFeed(), name="feed-meetings"),
    path("feeds/sources/", LatestSourcesFeed(), name="feed-sources"),
    prefix_default_language=False,
)

# A database outage outside any view (e.g. saving the session) still gets the friendly 503 page;
# under /api/ (naparchive.database_outage.API_PATH_PREFIX) every error is the API's JSON error.
handler400 = "naparchive.database_outage.bad_request"
handler403 = "naparchive.database_outage.permission_denied"
handler500 = "naparchive.database_outage.server_error"
