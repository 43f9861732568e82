"""Browser tests: Debian's Chromium driven by Playwright against the live test server, with axe-core.

Chromium and axe-core are requirements, not options: without them these tests fail, they never skip.
CI installs both (.ci/run); on a laptop: `apt-get install chromium` and `npm ci`.
"""
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
# What axe checks: WCAG 2.0-2.2 A and AA plus its best practices; serious or critical ones fail.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def async_orm_calls_allowed():
    """Let fixtures use the ORM while Playwright's loop runs in this thread, for this module only.

    Playwright's sync API keeps an asyncio loop in the test thread, so Django takes the fixtures'
    and the database teardown's ordinary synchronous queries for calls from async code. The
    variable is removed again afterwards: it must not reach other tests or the processes they start.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def browser(async_orm_calls_allowed):
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `apt-get install chromium` (Debian).")
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed at {AXE}: run `npm ci` at the project root.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Reader:
    """One browser tab, with the checks every page gets: no console error, no CSP violation, axe."""

    def __init__(self, page, base_url: str, label: str):
        self.page = page
        self.base_url = base_url
        self.label = label
        self.console_errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def open(self, path: str):
        self.console_errors.clear()
        response = self.page.goto(self.base_url + path)
        self.status = response.status
        return response

    def screenshot(self, name: str):
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}-{self.label}.png"), full_page=True)

    def assert_accessible(self, name: str):
        """Run axe-core on the page; fail on any serious or critical violation, saving the report."""
        results = self.page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        bad = [violation for violation in results["violations"] if violation["impact"] in ("serious", "critical")]
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"axe-{name}-{self.label}.json").write_text(json.dumps(results["violations"], indent=2))
        summary = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            + ", ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in bad
        ]
        assert not summary, f"axe found on {name}:\n" + "\n".join(summary)

    def assert_no_console_errors(self):
        errors = self.console_errors
        if self.status == 404:
            # Chromium logs the page's own 404 status as a failed resource; that one is expected.
            errors = [error for error in errors if "status of 404" not in error]
        assert not errors, errors

    def check(self, name: str):
        """Screenshot the page, run axe on it and check the console: what every page type gets."""
        self.screenshot(name)
        self.assert_accessible(name)
        self.assert_no_console_errors()


def _reader(browser, live_server, viewport, label):
    context = browser.new_context(viewport=viewport)
    # An init script is injected by the browser itself, so the site's CSP does not block axe.
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Reader(page, live_server.url, label)
    context.close()


@pytest.fixture
def desktop(browser, live_server):
    yield from _reader(browser, live_server, DESKTOP, "desktop")


@pytest.fixture
def phone(browser, live_server):
    yield from _reader(browser, live_server, PHONE, "phone")


@pytest.fixture
def curated_archive(transactional_db):
    """The archive a fresh install has: the five seed articles and the curated records citing them."""
    output = io.StringIO()
    call_command("import_sources", str(Path(settings.BASE_DIR) / "seeds"), stdout=output, stderr=output)
    call_command("load_curated_archive", stdout=output, stderr=output)
