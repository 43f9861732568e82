from django.apps import AppConfig


class BodiesConfig(AppConfig):
    """Public pages and API for meetings.Body: the model stays in meetings, where meetings point to it."""

    name = "bodies"
    verbose_name = "Bodies (public pages)"
