"""Fixtures for the public pages: a sample archive, a staff client, and a query-count comparison."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.public.archive_sample import build_sample_archive


@pytest.fixture
def archive(make_source, make_body, make_meeting, make_person, make_office, make_operation, make_citation):
    return build_sample_archive(make_source, make_body, make_meeting, make_person, make_office, make_operation, make_citation)


@pytest.fixture
def staff_client(db):
    """A second browser, logged in as an editor who may view every record (drafts included); `client` stays anonymous."""
    user = get_user_model().objects.create_user("editor", password="a long enough password", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    staff = Client()
    staff.force_login(user)
    return staff


@pytest.fixture
def count_queries(client):
    """Return a function that GETs a URL and returns how many queries it ran (asserting status 200).

    The process-wide content-type cache is emptied first, so that the count does not depend on which
    tests ran before (a page that looks up corrections by content type queries it once per process).
    """

    def count(url: str) -> int:
        ContentType.objects.clear_cache()
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(context.captured_queries)

    return count
