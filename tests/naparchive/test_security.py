"""Security headers, cookies, admin lockout and upload limits, as a browser or an attacker meets them."""
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

ADMIN_LOGIN = "/admin/login/"
PASSWORD = "a-long-and-unusual-passphrase"


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_security_headers(response):
    directives = csp_directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz", ADMIN_LOGIN, "/no-such-page/"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert_security_headers(response)


def test_static_files_served_by_whitenoise_carry_the_security_headers(client, settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = client.get("/static/admin/css/base.css")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)
    assert_security_headers(response)


@pytest.mark.django_db
def test_admin_pages_get_a_script_nonce_only_when_they_use_one(client):
    response = client.get(ADMIN_LOGIN)
    script_sources = csp_directives(response)["script-src"]
    assert "'self'" in script_sources
    assert all(source == "'self'" or source.startswith("'nonce-") for source in script_sources)


def test_production_settings_pass_the_deployment_checks(run_in_production):
    output = run_in_production(
        "from django.core.management import call_command\ncall_command('check', deploy=True, fail_level='WARNING')\nprint('clean')"
    )
    assert output.strip().endswith("clean")


def test_production_responses_send_hsts_for_a_year_and_redirect_plain_http(run_in_production):
    output = run_in_production(
        """
from django.test import Client
client = Client(HTTP_HOST="archive.example.org")
secure = client.get("/healthz", secure=True)
plain = client.get("/healthz")
print(json.dumps({"hsts": secure.get("Strict-Transport-Security"), "plain": plain.status_code,
                  "location": plain.get("Location")}))
"""
    )
    seen = json.loads(output)
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert seen["plain"] == 301
    assert seen["location"] == "https://archive.example.org/healthz"


def test_production_cookies_are_host_prefixed_secure_httponly_and_samesite(run_in_production):
    output = run_in_production(
        """
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
# The admin's templates need hashed static names; collectstatic is a deployment step, not this test's.
settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
get_user_model().objects.create_user("editor", password="a-long-and-unusual-passphrase", is_staff=True)
client = Client(HTTP_HOST="archive.example.org", enforce_csrf_checks=True)
form = client.get("/admin/login/", secure=True)
csrf = form.cookies["__Host-csrftoken"]
token = form.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
login = client.post("/admin/login/?next=/admin/", {"username": "editor", "password": "a-long-and-unusual-passphrase",
                    "csrfmiddlewaretoken": token}, secure=True, HTTP_REFERER="https://archive.example.org/admin/login/")
session = login.cookies["__Host-sessionid"]
def describe(cookie):
    return {"secure": bool(cookie["secure"]), "httponly": bool(cookie["httponly"]), "samesite": cookie["samesite"],
            "path": cookie["path"], "domain": cookie["domain"], "max-age": cookie["max-age"]}
print(json.dumps({"status": login.status_code, "csrf": describe(csrf), "session": describe(session)}))
""",
        migrate=True,
    )
    seen = json.loads(output)
    assert seen["status"] == 302, "the editor should be logged in"
    for name in ("csrf", "session"):
        cookie = seen[name]
        assert cookie["secure"] and cookie["httponly"]
        assert cookie["path"] == "/" and cookie["domain"] == ""  # what the __Host- prefix demands
    assert seen["csrf"]["samesite"] == "Strict"
    assert seen["session"]["samesite"] == "Lax"
    assert seen["session"]["max-age"] == "", "the session ends when the browser closes"


def test_migrations_create_no_account(django_user_model, db):
    assert not django_user_model.objects.exists()


def fail_login(client, username, address, times):
    for _ in range(times):
        response = client.post(ADMIN_LOGIN, {"username": username, "password": "wrong"}, REMOTE_ADDR=address)
        assert response.status_code in (200, 429)
    return response


def log_in(client, username, address):
    return client.post(ADMIN_LOGIN + "?next=/admin/", {"username": username, "password": PASSWORD}, REMOTE_ADDR=address)


def test_five_failures_do_not_lock_the_editor_out(client, superuser):
    response = fail_login(client, "editor", "203.0.113.5", 5)
    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()
    assert log_in(client, "editor", "203.0.113.5").status_code == 302


def test_the_sixth_failure_locks_that_username_and_address_out(client, superuser):
    response = fail_login(client, "editor", "203.0.113.5", 6)
    assert response.status_code == 429
    # Even the right password is refused now, and the admin is not entered.
    locked = log_in(client, "editor", "203.0.113.5")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_the_lockout_is_for_one_username_from_one_address(client, superuser, django_user_model):
    django_user_model.objects.create_user(username="other", password=PASSWORD, is_staff=True)
    fail_login(client, "editor", "203.0.113.5", 6)
    assert log_in(client, "editor", "198.51.100.7").status_code == 302
    client.logout()
    assert log_in(client, "other", "203.0.113.5").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, superuser):
    from axes.models import AccessAttempt
    from django.conf import settings
    from django.utils import timezone

    fail_login(client, "editor", "203.0.113.5", 6)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timezone.timedelta(seconds=1))
    assert log_in(client, "editor", "203.0.113.5").status_code == 302


def test_weak_passwords_are_refused(superuser):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("short1", "qwerty123456", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak, user=superuser)


def test_a_logged_in_session_expires_after_an_idle_hour(client, superuser):
    assert log_in(client, "editor", "203.0.113.5").status_code == 302
    assert client.session.get_expiry_age() <= 60 * 60
    assert client.session.get_expire_at_browser_close()


@pytest.mark.django_db
def test_an_oversized_upload_is_refused_before_any_view_reads_it(client, settings):
    settings.MAX_UPLOAD_FILE_SIZE = 10_000
    big = SimpleUploadedFile("article.txt", b"x" * 20_000, content_type="text/plain")
    response = client.post(ADMIN_LOGIN, {"username": "editor", "password": "x", "file": big})
    assert response.status_code == 400


@pytest.mark.django_db
def test_an_upload_within_the_limit_goes_through(client, settings):
    settings.MAX_UPLOAD_FILE_SIZE = 10_000
    small = SimpleUploadedFile("article.txt", b"x" * 5_000, content_type="text/plain")
    response = client.post(ADMIN_LOGIN, {"username": "editor", "password": "x", "file": small})
    assert response.status_code == 200
