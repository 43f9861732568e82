"""Fixtures shared by every test: small `make_*` helpers that build valid, saved records."""
import datetime
import itertools
import os
from pathlib import Path
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from foundations.publication import PublicationStatus
from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, Office, Person
from operations.models import Operation
from sources.editors import editors_group_sync, publishers_group_sync
from sources.models import Citation, SourceDocument, sha256_of_text
from tests.archive_sample import build_sample_archive

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _archive_caches_off(settings):
    """Keep answers and archive-wide values out of the cache unless a test of the caches turns them on.

    A test's writes happen in a transaction that is rolled back, never committed, so the cache version
    never moves: with REDIS_URL set in the developer's shell, a shared cache would otherwise go on
    serving what the test's first request stored.
    """
    settings.ARCHIVE_CACHE_SHARED = False
    settings.RESPONSE_CACHE_ENABLED = False


@pytest.fixture
def make_source(db):
    def make(text=None, **fields):
        n = next(_counter)
        text = text if text is not None else f"Report number {n}. The apex committee met and decided things."
        fields.setdefault("slug", f"source-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return SourceDocument.objects.create(text=text, sha256=sha256_of_text(text), **fields)

    return make


@pytest.fixture
def make_body(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("name", f"Apex Committee {n}")
        fields.setdefault("slug", f"apex-committee-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Body.objects.create(**fields)

    return make


@pytest.fixture
def make_meeting(db, make_body):
    def make(**fields):
        n = next(_counter)
        if "body" not in fields:
            fields["body"] = make_body()
        fields.setdefault("title", f"Meeting {n}")
        fields.setdefault("slug", f"meeting-{n}")
        fields.setdefault("date", datetime.date(2024, 6, 22))
        fields.setdefault("date_precision", DatePrecision.DAY)
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Meeting.objects.create(**fields)

    return make


@pytest.fixture
def make_person(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("name", f"Person {n}")
        fields.setdefault("slug", f"person-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Person.objects.create(**fields)

    return make


@pytest.fixture
def make_office(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("title", f"Office {n}")
        fields.setdefault("slug", f"office-{n}")
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Office.objects.create(**fields)

    return make


@pytest.fixture
def make_attendee(db, make_meeting):
    def make(**fields):
        if "meeting" not in fields:
            fields["meeting"] = make_meeting()
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        if not any(fields.get(key) for key in ("person", "office", "group_label")):
            fields["group_label"] = "service chiefs"
        return Attendee.objects.create(**fields)

    return make


@pytest.fixture
def make_decision(db, make_meeting):
    def make(**fields):
        if "meeting" not in fields:
            fields["meeting"] = make_meeting()
        fields.setdefault("text", "Decided to establish a coordination cell.")
        fields.setdefault("domain", Decision.Domain.GOVERNANCE)
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Decision.objects.create(**fields)

    return make


@pytest.fixture
def make_operation(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("name", f"Operation {n}")
        fields.setdefault("slug", f"operation-{n}")
        fields.setdefault("kind", Operation.Kind.MILITARY_OPERATION)
        fields.setdefault("status", PublicationStatus.PUBLISHED)
        return Operation.objects.create(**fields)

    return make


@pytest.fixture
def make_citation(db, make_source):
    def make(target, quote=None, source=None, **fields):
        source = source or make_source()
        quote = quote if quote is not None else source.text[:30]
        field = target._meta.model_name
        citation = Citation(source=source, quote=quote, **{field: target}, **fields)
        citation.full_clean()
        citation.save()
        return citation

    return make


# --- People: one meaning per name --------------------------------------------------------------------
# editor: in the Editors group (admin access, no publish permission); publisher: an editor who may publish;
# superuser: an administrator; staff_client: a signed-in viewer of every record, drafts included.


def _user(username: str, *, publisher: bool):
    user = get_user_model().objects.create_user(username, password="a long editor passphrase", is_staff=True)
    user.groups.add(editors_group_sync())
    if publisher:
        user.groups.add(publishers_group_sync())
    return user


@pytest.fixture
def editor(db):
    return _user("alice", publisher=False)


@pytest.fixture
def publisher(db):
    return _user("paula", publisher=True)


@pytest.fixture
def second_publisher(db):
    return _user("omar", publisher=True)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return signed_in(editor)


@pytest.fixture
def publisher_client(publisher):
    return signed_in(publisher)


@pytest.fixture
def editor_api_client(editor):
    """An API client sending the editor's token."""
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return api


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_user(
        username="editor", password="a-long-and-unusual-passphrase", is_staff=True, is_superuser=True
    )


# --- The sample archive of the public pages, counting queries, production runs -------------------------


@pytest.fixture
def sample_archive(make_source, make_body, make_meeting, make_person, make_office, make_operation, make_citation):
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
        # SQLite asks once per connection whether it has JSON functions (three statements): asked here, so
        # that a test run alone counts what a page queries, not that one-time check (search's JSON rows).
        connection.features.supports_json_field
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(context.captured_queries)

    return count


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def run_in_production(tmp_path):
    """Run a Python snippet under production settings (DEBUG off) on a scratch SQLite database; return stdout."""

    def run(code: str, *, migrate: bool = False, **extra_env) -> str:
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "test-only-" + "k" * 60,
            "ALLOWED_HOSTS": "archive.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "naparchive.settings",
            "LOG_LEVEL": "ERROR",
            **extra_env,
        }
        env.pop("REDIS_URL", None)
        if migrate:
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True, capture_output=True
            )
        prelude = "import django, json\ndjango.setup()\n"
        result = subprocess.run(
            [sys.executable, "-c", prelude + code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    return run


@pytest.fixture
def compiled_catalogues():
    """Fail with what to do when the interface translations are not compiled (or older than their .po)."""
    from django.conf import settings

    for po in Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            pytest.fail(f"{mo} is missing or older than its .po: run `make install` (it compiles the translations).")


@pytest.fixture
def get_in_urdu(client, compiled_catalogues):
    """Return get(path): the page as a reader who chose the Urdu interface receives it (the test client's response).

    The reader's choice goes as the language cookie, the page is asked for at its Urdu address
    (translate_url: the same path while the language is not part of the address), and Urdu is active
    around the request too, for pages whose own content is rendered before the request activates it.
    """
    from django.conf import settings
    from django.urls import translate_url
    from django.utils import translation

    def get(path: str, **extra):
        urdu_path = translate_url(path, "ur")
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ur"
        with translation.override("ur"):
            return client.get(urdu_path, follow=True, **extra)

    return get
