"""The admin and the API documentation work in a real browser under our Content-Security-Policy."""
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `apt-get install chromium` (Debian).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop in this thread; the ORM calls the fixtures make are
    # synchronous all the same. Allowed for this module only: it must not reach other tests' subprocesses.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text
        and page.csp_violations.append(f"{message.text} (from {message.location.get('url')})"),
    )
    yield page
    context.close()


def test_the_admin_logs_in_and_edits_under_the_csp(page, live_server, django_user_model, make_meeting):
    django_user_model.objects.create_superuser("chief", password=PASSWORD)
    meeting = make_meeting(title="Apex committee reviews the plan")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    for path in (
        "/admin/",
        "/admin/meetings/meeting/",
        f"/admin/meetings/meeting/{meeting.pk}/change/",
        "/admin/meetings/meeting/add/",
        "/admin/sources/sourcedocument/add/",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert "Content-Security-Policy" in response.headers or "content-security-policy" in response.headers
    # The admin's own scripts ran: the inline "Add another" rows and the date shortcuts are there.
    page.goto(live_server.url + "/admin/meetings/meeting/add/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".add-row a, .datetimeshortcuts").count() > 0
    assert page.csp_violations == []


def test_the_swagger_ui_renders_under_the_csp_with_no_violation(page, live_server, db):
    page.goto(live_server.url + "/api/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30000)
    assert page.locator(".swagger-ui .opblock").count() > 5
    assert page.csp_violations == []


def test_redoc_renders_under_the_csp(page, live_server, db):
    # ReDoc's bundle still tries three things the policy refuses, none needed to read the docs: an empty
    # <style> without the nonce, a search worker from a blob: URL, and its logo from Redocly's CDN.
    page.goto(live_server.url + "/api/docs/redoc/")
    page.wait_for_selector("#redoc-container h1", timeout=30000)
    assert "NAP Archive API" in page.inner_text("#redoc-container h1")
    assert page.locator("#redoc-container .menu-content li").count() > 5
    # Its styles were applied: the nonce reached the <style> elements ReDoc generates.
    assert "Montserrat" in page.eval_on_selector("#redoc-container h1", "h => getComputedStyle(h).fontFamily")
    assert all("redoc.standalone.js" in text or "cdn.redoc.ly" in text for text in page.csp_violations), page.csp_violations
