"""The response cache: anonymous answers come from the cache until the archive changes, never stale."""
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Meeting
from naparchive import settings as project_settings
from foundations.caching import archive_cache_version
from foundations.publication import PublicationStatus


@pytest.fixture
def response_cache(settings):
    settings.RESPONSE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def meeting(make_meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_meeting(title="Apex committee reviews the National Action Plan", slug="apex-review")


def test_a_second_anonymous_visit_is_answered_from_the_cache_without_a_query(
    client, response_cache, meeting, django_assert_num_queries
):
    first = client.get("/meetings/apex-review/")
    assert first.status_code == 200 and first["X-Archive-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/meetings/apex-review/")
    assert second["X-Archive-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second  # outer middleware still add their headers


def test_a_save_makes_the_next_visit_fresh(client, response_cache, meeting, django_capture_on_commit_callbacks):
    client.get("/meetings/apex-review/")
    with django_capture_on_commit_callbacks(execute=True):
        meeting.title = "Apex committee approves Azm-e-Istehkam"
        meeting.save()
    response = client.get("/meetings/apex-review/")
    assert response["X-Archive-Cache"] == "miss"
    assert "Apex committee approves Azm-e-Istehkam" in response.content.decode()


def test_a_bulk_update_such_as_the_admin_unpublish_action_makes_the_next_visit_fresh(
    client, response_cache, meeting, django_capture_on_commit_callbacks
):
    assert client.get("/meetings/apex-review/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.filter(pk=meeting.pk).update(status=PublicationStatus.DRAFT)
    assert client.get("/meetings/apex-review/").status_code == 404


def test_a_write_outside_the_archive_does_not_empty_the_cache(
    client, response_cache, meeting, django_user_model, django_capture_on_commit_callbacks
):
    before = archive_cache_version()
    with django_capture_on_commit_callbacks(execute=True):
        django_user_model.objects.create_user("reader", password="a-long-and-unusual-passphrase")
    assert archive_cache_version() == before
    with django_capture_on_commit_callbacks(execute=True):
        with connection.cursor() as cursor:  # raw SQL is seen too
            cursor.execute("UPDATE meetings_meeting SET place = %s WHERE id = %s", ["Islamabad", meeting.pk])
    assert archive_cache_version() > before


def test_a_rolled_back_write_does_not_count(response_cache, meeting, django_capture_on_commit_callbacks):
    from django.db import transaction

    before = archive_cache_version()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            Meeting.objects.filter(pk=meeting.pk).update(place="Lahore")
            raise RuntimeError("editor cancelled")
    assert archive_cache_version() == before


def test_editors_with_a_session_are_never_served_from_the_cache(client, response_cache, meeting, django_user_model):
    client.get("/meetings/apex-review/")
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True, is_superuser=True)
    client.force_login(editor)
    response = client.get("/meetings/apex-review/")
    assert "X-Archive-Cache" not in response


def test_the_api_is_cached_and_still_throttled(client, response_cache, meeting, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": "100/min"}}
    from rest_framework.settings import api_settings

    api_settings.reload()
    try:
        statuses = [client.get("/api/v1/meetings/") for _ in range(4)]
        assert [response.status_code for response in statuses] == [200, 200, 200, 429]
        assert [response.get("X-Archive-Cache") for response in statuses[:3]] == ["miss", "hit", "hit"]
        assert "Retry-After" in statuses[3]
    finally:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}
        api_settings.reload()


def test_a_cached_api_answer_still_honours_if_none_match(client, response_cache, meeting):
    first = client.get("/api/v1/meetings/")
    assert first.status_code == 200
    client.get("/api/v1/meetings/")
    conditional = client.get("/api/v1/meetings/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert conditional.status_code == 304


def test_without_redis_the_cache_is_off_by_default(client, meeting, settings):
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        pytest.skip("REDIS_URL is set")
    # As the settings module works it out (tests turn the cache off for themselves, see tests/conftest.py).
    assert not project_settings.RESPONSE_CACHE_ENABLED and not project_settings.ARCHIVE_CACHE_SHARED
    assert "X-Archive-Cache" not in client.get("/meetings/apex-review/")


def test_with_a_shared_cache_the_apis_last_modified_is_worked_out_once_per_change(
    client, settings, meeting, django_capture_on_commit_callbacks
):
    settings.ARCHIVE_CACHE_SHARED = True
    cache.clear()

    def get():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/meetings/")
        return response, sum("MAX(" in query["sql"] for query in queries.captured_queries)

    first, maximum_queries = get()
    assert maximum_queries == 1
    second, maximum_queries = get()
    assert maximum_queries == 0 and second["Last-Modified"] == first["Last-Modified"]
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.filter(pk=meeting.pk).update(updated_at=meeting.updated_at.replace(year=2030))
    after, maximum_queries = get()
    assert maximum_queries == 1 and " 2030 " in after["Last-Modified"]
    cache.clear()


def test_with_a_shared_cache_the_home_pages_counts_follow_every_committed_write(
    settings, make_meeting, django_capture_on_commit_callbacks
):
    from meetings.selectors import archive_overview

    settings.ARCHIVE_CACHE_SHARED = True
    cache.clear()
    before = archive_overview()["meeting_count"]
    with CaptureQueriesContext(connection) as queries:
        assert archive_overview()["meeting_count"] == before
    assert len(queries) == 0
    with django_capture_on_commit_callbacks(execute=True):
        make_meeting(title="Apex committee meets again", slug="apex-again")
    assert archive_overview()["meeting_count"] == before + 1
    cache.clear()


def test_a_search_missing_the_cache_reads_the_version_once_and_is_stored_under_it(client, response_cache, settings, meeting, monkeypatch):
    """The response cache reads the version with the answer; the search's kept names and small kinds use that read."""
    from foundations import caching

    settings.ARCHIVE_CACHE_SHARED = True
    client.get("/search/?q=warm")
    reads = []
    get = cache.get
    # The local-memory cache's get_many reads each key through get.
    monkeypatch.setattr(cache, "get", lambda key, *args, **kwargs: reads.append(key) or get(key, *args, **kwargs))
    response = client.get("/search/?q=Apex+committee")
    assert response["X-Archive-Cache"] == "miss" and "Apex committee reviews the National Action Plan" in response.content.decode()
    assert reads.count(caching.VERSION_KEY) == 1
    # Outside a request answered through the response cache, the version is read afresh.
    assert archive_cache_version() == get(caching.VERSION_KEY)
    assert client.get("/search/?q=Apex+committee")["X-Archive-Cache"] == "hit"


@pytest.fixture
def redis_response_cache(settings):
    """The production set-up: the Redis backend on the machine's server, shared by every process."""
    import uuid

    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "foundations.redis_cache.SharedClientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        },
    }
    settings.ARCHIVE_CACHE_SHARED = True
    settings.RESPONSE_CACHE_ENABLED = True
    yield settings.CACHES["default"]
    cache.clear()


def test_with_redis_a_write_in_this_process_or_another_makes_the_next_visit_fresh(
    client, redis_response_cache, meeting, django_capture_on_commit_callbacks
):
    from foundations.caching import VERSION_KEY
    from foundations.redis_cache import SharedClientRedisCache

    assert client.get("/meetings/apex-review/")["X-Archive-Cache"] == "miss"
    assert client.get("/meetings/apex-review/")["X-Archive-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.title = "Apex committee approves Azm-e-Istehkam"
        meeting.save()
    response = client.get("/meetings/apex-review/")
    assert response["X-Archive-Cache"] == "miss" and "Apex committee approves Azm-e-Istehkam" in response.content.decode()
    assert client.get("/meetings/apex-review/")["X-Archive-Cache"] == "hit"
    # Another worker's write: it bumps the version through its own client.
    other_worker = SharedClientRedisCache(redis_response_cache["LOCATION"], {"KEY_PREFIX": redis_response_cache["KEY_PREFIX"]})
    other_worker.incr(VERSION_KEY)
    # Its invalidation reaches this process just after Redis's reply to it (microseconds).
    deadline = time.monotonic() + 1
    while (state := client.get("/meetings/apex-review/")["X-Archive-Cache"]) == "hit" and time.monotonic() < deadline:
        pass
    assert state == "miss"
