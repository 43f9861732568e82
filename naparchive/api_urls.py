"""Where the API lives: /api/v1/ (the resources), /api/schema/ (OpenAPI 3) and /api/docs/ (Swagger UI, ReDoc)."""
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.routers import DefaultRouter

from figures.api import FigureViewSet, MeasureViewSet
from meetings.api import AttendeeViewSet, BodyViewSet, DecisionViewSet, MeetingViewSet, OfficeViewSet, PersonViewSet
from naparchive.api_changes import ChangesView
from naparchive.api_corrections import CorrectionListView
from naparchive.api_withdrawn import WithdrawnView
from naparchive.popolo import PopoloView
from operations.api import OperationViewSet
from restapi.errors import error_response
from organisations.api import OrganisationViewSet
from sources.api import CitationViewSet, SourceViewSet


class ArchiveRouter(DefaultRouter):
    # The trailing slash is optional, so /api/v1/meetings and /api/v1/meetings/ are the same resource.
    include_format_suffixes = False

    def __init__(self):
        super().__init__()
        self.trailing_slash = "/?"


router = ArchiveRouter()
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("attendees", AttendeeViewSet, basename="attendee")
router.register("decisions", DecisionViewSet, basename="decision")
router.register("operations", OperationViewSet, basename="operation")
router.register("people", PersonViewSet, basename="person")
router.register("offices", OfficeViewSet, basename="office")
router.register("bodies", BodyViewSet, basename="body")
router.register("sources", SourceViewSet, basename="source")
router.register("citations", CitationViewSet, basename="citation")
router.register("figures", FigureViewSet, basename="figure")
router.register("measures", MeasureViewSet, basename="measure")
router.register("organisations", OrganisationViewSet, basename="organisation")


@csrf_exempt  # An unknown address answers 404 to every method, never the CSRF page.
def api_not_found(request, *args, **kwargs):
    """Answer an unknown API address with a JSON 404, as every other API error is answered."""
    return error_response(404, "No such API address. The schema at /api/schema/ lists them all.")


v1 = [
    path("changes/", ChangesView.as_view(), name="changes"),
    path("corrections/", CorrectionListView.as_view(), name="corrections"),
    path("withdrawn/", WithdrawnView.as_view(), name="withdrawn"),
    path("popolo/", PopoloView.as_view(), name="popolo"),
    *router.urls,
]

urlpatterns = [
    path("v1/", include((v1, "api"), namespace="api")),
    # The schema alone comes as YAML or JSON, as the client's Accept asks (the resources answer JSON only).
    path("schema/", SpectacularAPIView.as_view(content_negotiation_class=DefaultContentNegotiation), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("docs/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    # The two addresses people type without their slash: sent on, for every method, with the query.
    path("v1", csrf_exempt(RedirectView.as_view(url="/api/v1/", permanent=True, query_string=True))),
    path("schema", csrf_exempt(RedirectView.as_view(url="/api/schema/", permanent=True, query_string=True))),
    re_path(r"^", api_not_found),
]
