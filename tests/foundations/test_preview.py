"""Preview of drafts on pages: one rule with the API, the model's view permission (not is_staff)."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from rest_framework.authtoken.models import Token

from foundations.publication import PublicationStatus


def logged_in(*codenames, is_staff=True) -> Client:
    """Return a browser logged in (pages) and sending an API token (the API), for a user with these permissions."""
    user = get_user_model().objects.create_user(f"user-{len(codenames)}-{is_staff}", password="a long enough password", is_staff=is_staff)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "codenames,sees",
    [((), False), (("view_person",), False), (("view_meeting",), True)],
    ids=["staff without permission", "another model's permission", "the meeting view permission"],
)
def test_the_view_permission_decides_who_previews_a_draft_page_and_its_api_record(make_meeting, codenames, sees):
    make_meeting(slug="draft-meeting", status=PublicationStatus.DRAFT)
    client = logged_in(*codenames)
    assert client.get("/meetings/draft-meeting/").status_code == (200 if sees else 404)
    assert client.get("/api/v1/meetings/draft-meeting/").status_code == (200 if sees else 404)


def test_a_user_with_the_permission_but_not_staff_previews_too(make_meeting):
    make_meeting(slug="draft-meeting", status=PublicationStatus.DRAFT)
    assert logged_in("view_meeting", is_staff=False).get("/meetings/draft-meeting/").status_code == 200
