"""URLs built from cached templates are exactly the ones reverse() gives."""
import pytest
from django.urls import reverse, set_script_prefix

from foundations.reversing import absolute_reverse, absolute_url, cached_reverse


@pytest.mark.parametrize(
    ("view_name", "kwarg", "value"),
    [
        ("api:meeting-detail", "slug", "2024-06-22-central-apex-committee"),
        ("api:decision-detail", "pk", 42),
        ("meetings:meeting-detail", "slug", "a_b-C-9"),
        ("sources:source-detail", "slug", "7301946285"),
    ],
)
def test_the_same_url_as_reverse(view_name, kwarg, value):
    assert cached_reverse(view_name, kwarg, value) == reverse(view_name, kwargs={kwarg: value})


def test_a_value_outside_the_plain_characters_goes_through_reverse_and_its_checks():
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        cached_reverse("api:decision-detail", "pk", "../admin")


def test_the_script_prefix_of_a_site_under_a_path_is_kept():
    set_script_prefix("/archive/")
    try:
        assert cached_reverse("meetings:meeting-detail", "slug", "x") == "/archive/meetings/x/"
    finally:
        set_script_prefix("/")
    assert cached_reverse("meetings:meeting-detail", "slug", "x") == "/meetings/x/"


def test_absolute_urls_carry_the_requests_origin(rf, settings):
    settings.ALLOWED_HOSTS = ["archive.example.org"]
    request = rf.get("/api/v1/meetings/", HTTP_HOST="archive.example.org", secure=True)
    assert absolute_url(request, "/api/v1/meetings/x/") == request.build_absolute_uri("/api/v1/meetings/x/")
    assert absolute_url(request, "/y/") == "https://archive.example.org/y/"


def test_absolute_reverse_is_the_absolute_uri_of_reverse(rf, settings):
    settings.ALLOWED_HOSTS = ["archive.example.org"]
    request = rf.get("/api/v1/meetings/", HTTP_HOST="archive.example.org")
    for view_name, kwarg, value in [("meetings:meeting-detail", "slug", "apex-review"), ("api:decision-detail", "pk", 7)]:
        expected = request.build_absolute_uri(reverse(view_name, kwargs={kwarg: value}))
        assert absolute_reverse(request, view_name, kwarg, value) == expected
