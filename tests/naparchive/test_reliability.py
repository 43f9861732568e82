"""Health and readiness probes, the 503 page, structured logs, and surviving a database outage for real."""
import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import pytest
from django.db import OperationalError

from naparchive.database_outage import DatabaseOutageMiddleware, server_error
from naparchive.request_logging import JsonLineFormatter
from tests.conftest import REPO
from tests.naparchive.tcp_proxy import TcpProxy

POSTGRES = ("127.0.0.1", 5432)


@pytest.mark.django_db
def test_healthz_and_readyz_answer_ok_with_json(client):
    health = client.get("/healthz")
    ready = client.get("/readyz")
    assert health.status_code == 200 and health.json() == {"status": "ok"}
    assert ready.status_code == 200 and ready.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in ready["Cache-Control"]


def test_a_database_error_in_a_view_becomes_the_friendly_503_page(rf):
    def broken_view(request):
        raise OperationalError("connection refused")

    middleware = DatabaseOutageMiddleware(broken_view)
    request = rf.get("/meetings/")
    response = middleware.process_exception(request, OperationalError("connection refused"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "temporarily unavailable" in page
    assert "Traceback" not in page and "OperationalError" not in page


def test_a_database_error_in_an_api_view_is_the_api_json_503(rf):
    response = DatabaseOutageMiddleware(lambda request: None).process_exception(rf.get("/api/v1/meetings/"), OperationalError("refused"))
    assert response.status_code == 503 and response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": 503, "detail": "The archive's database is temporarily unavailable. Try again shortly."}
    assert response["Retry-After"] == "30" and response["Cache-Control"] == "no-store"


def test_an_outage_outside_any_view_is_json_for_the_api_and_a_page_elsewhere(rf):
    try:
        raise OperationalError("server closed the connection")
    except OperationalError:
        api, page = server_error(rf.get("/api/v1/meetings/")), server_error(rf.get("/meetings/"))
    assert api.status_code == page.status_code == 503
    assert json.loads(api.content)["status"] == 503
    assert "temporarily unavailable" in page.content.decode() and page["Content-Type"].startswith("text/html")


def test_other_errors_are_left_to_the_500_handler(rf):
    middleware = DatabaseOutageMiddleware(lambda request: None)
    assert middleware.process_exception(rf.get("/"), ValueError("bug")) is None


def test_log_records_are_one_line_of_json_each():
    formatter = JsonLineFormatter()
    record = logging.LogRecord("naparchive.request", logging.INFO, __file__, 1, "GET %s %s", ("/x", 200), None)
    record.status = 200
    record.path = "/x"
    try:
        raise OperationalError("server closed the connection\nunexpectedly")
    except OperationalError:
        error = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", (), sys.exc_info())
    line = formatter.format(record)
    assert "\n" not in line
    assert json.loads(line)["message"] == "GET /x 200" and json.loads(line)["status"] == 200
    error_line = formatter.format(error)
    assert "\n" not in error_line
    parsed = json.loads(error_line)
    assert parsed["level"] == "ERROR" and "OperationalError" in parsed["traceback"]


# --- A real outage: gunicorn with our configuration, PostgreSQL behind a proxy we cut and restore. ---

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


@pytest.fixture
def outage_database():
    """A scratch PostgreSQL database for the live server, dropped afterwards."""
    psycopg = pytest.importorskip("psycopg")
    name = f"ops_outage_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [name]
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.close()


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="the outage test runs in the PostgreSQL leg"
)
def test_pages_answer_503_while_postgresql_is_unreachable_and_recover_by_themselves(outage_database, tmp_path):
    proxy = TcpProxy(POSTGRES).start()
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "test-only-" + "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{proxy.port}/{outage_database}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PORT": str(port),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "2",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=REPO, env=env, check=True, capture_output=True)
    log_path = tmp_path / "server.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        pages = ["/", "/meetings/", "/sources/"]
        for page in pages:
            assert fetch(base + page)[0] == 200, page
        assert fetch(base + "/readyz")[0] == 200

        proxy.stop()
        for page in pages:
            status, body, headers = fetch(base + page)
            assert status == 503, page
            assert "temporarily unavailable" in body
            assert "Traceback" not in body and "OperationalError" not in body
            assert headers["Retry-After"] == "30"
            assert "Content-Security-Policy" in headers
        status, body, headers = fetch(base + "/api/v1/meetings/")
        assert status == 503 and headers["Content-Type"] == "application/json"
        assert json.loads(body) == {"status": 503, "detail": "The archive's database is temporarily unavailable. Try again shortly."}
        assert headers["Retry-After"] == "30"
        status, body, _ = fetch(base + "/readyz")
        assert status == 503 and json.loads(body)["database"] == "unreachable"
        assert fetch(base + "/healthz")[0] == 200, "the process itself is still up"

        proxy.start()  # the database is back, on the same address
        for page in [*pages, "/api/v1/meetings/"]:
            assert fetch(base + page)[0] == 200, page
        assert fetch(base + "/readyz")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
        proxy.stop()

    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    requests = [line for line in lines if line["logger"] == "naparchive.request"]
    assert {(line["path"], line["status"]) for line in requests} >= {("/", 200), ("/", 503), ("/readyz", 503)}
    errors = [line for line in lines if line["logger"] == "naparchive.database"]
    assert errors and all("OperationalError" in line["traceback"] for line in errors)
