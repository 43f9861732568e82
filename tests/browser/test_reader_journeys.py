"""A reader who knows nothing of the NAP, in a real browser, on a desktop and on a phone."""
import re

import pytest

from meetings.models import Meeting
from operations.models import Operation

pytestmark = pytest.mark.usefixtures("curated_archive")

LAUNCH_SENTENCE = "The Prime Minister sanctioned a revitalized and renewed national counter-terrorism campaign"


def test_reader_finds_the_meeting_that_launched_azm_e_istehkam(desktop):
    page = desktop.page
    desktop.open("/")
    desktop.check("home")

    page.get_by_role("link", name="Azm-e-Istehkam", exact=True).first.click()
    assert page.locator("h1").inner_text() == "Azm-e-Istehkam"
    desktop.check("operation")

    page.locator(".lede").get_by_role("link").click()
    meeting = Operation.objects.get(name="Azm-e-Istehkam").launch_meeting
    assert page.url.endswith(meeting.get_absolute_url())
    desktop.check("meeting")
    attendees = page.locator("#attendees")
    assert "Shehbaz Sharif" in attendees.locator("h3:text('Chair') + ul").inner_text()
    decisions = page.locator("#decisions")
    assert "Azm-e-Istehkam" in decisions.inner_text()
    launch_fact = decisions.locator("li.fact", has_text="Operation Azm-e-Istehkam").first
    # A decision's passages open from the line naming the reports they are quoted from.
    launch_fact.locator("details.fact-sources > summary").click()
    assert LAUNCH_SENTENCE in launch_fact.locator("blockquote").first.inner_text()

    # From the quotation to the same words, highlighted in the full report.
    launch_fact.locator("blockquote", has_text=LAUNCH_SENTENCE).locator("xpath=following-sibling::p[1]/a").click()
    assert re.search(r"/sources/[^/]+/#citation-\d+$", page.url)
    # The anchor is the <mark> itself, or an empty anchor inside it when passages share a start.
    marked = page.locator("mark:target, mark:has(> .passage-anchor:target)")
    assert marked.count() == 1
    assert LAUNCH_SENTENCE in marked.inner_text()
    assert marked.is_visible()
    assert marked.evaluate("element => getComputedStyle(element).backgroundColor") == "rgb(255, 216, 77)"
    desktop.check("source")

    # And back from the highlighted passage to the facts it supports: the numbers right after it.
    refs = marked.evaluate(
        """mark => { const hrefs = []; let next = mark.nextElementSibling;
           while (next && next.classList.contains('passage-ref')) { hrefs.push(next.getAttribute('href')); next = next.nextElementSibling; }
           return hrefs; }"""
    )
    to_decision = [href for href in refs if href.startswith(meeting.get_absolute_url() + "#decision-")]
    assert to_decision, refs
    page.locator(f".passage-ref[href='{to_decision[0]}']").first.click()
    assert page.url.endswith(to_decision[0])
    assert "Operation Azm-e-Istehkam" in page.locator(":target").inner_text()
    assert any(LAUNCH_SENTENCE in text for text in page.locator(":target blockquote").all_text_contents())


def test_reader_searches_and_filters(desktop):
    page = desktop.page
    desktop.open("/")
    page.get_by_label("Search meetings, decisions, operations, people, organisations, figures and sources").fill("Azm-e-Istahkam")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.locator("#results-operations").get_by_role("link", name="Azm-e-Istehkam").is_visible()
    assert page.locator("mark").count() > 0
    desktop.check("search")

    # The overview shows each kind's best few; a link leads to all of one kind.
    page.get_by_label("Search meetings, decisions, operations, people, organisations, figures and sources").fill("terrorism")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=terrorism$"))
    assert page.locator("#results-decisions li.item").count() == 5
    page.locator("#results-decisions").get_by_role("link", name=re.compile(r"^All \d+ decisions")).click()
    page.wait_for_url(re.compile(r"kind=decisions"))
    shown = page.locator("li.item").count()
    assert shown > 5
    assert f"{shown} decisions match “terrorism”" in page.get_by_role("status").inner_text()
    desktop.check("search-one-kind")

    desktop.open("/meetings/")
    desktop.check("meeting-list")
    page.get_by_label("Operation").select_option(label="Azm-e-Istehkam")
    page.get_by_label("Decision domain").select_option(label="Military / kinetic")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"operation=azm-e-istehkam"))
    results = page.locator(".results")
    shown = results.locator("li.item").count()
    assert f"{shown} meeting{'s' if shown != 1 else ''} matching your filters" in results.locator("h2").inner_text()
    assert 1 <= shown < Meeting.objects.published().count()
    assert results.get_by_role("link", name="Central Apex Committee meeting approving Operation Azm-e-Istehkam").is_visible()
    page.get_by_role("link", name="Clear filters").click()
    assert f"{Meeting.objects.published().count()} meetings" in page.locator(".results h2").inner_text()

    desktop.open("/decisions/?domain=legal")
    desktop.check("decision-list")
    for path, name in [
        ("/timeline/", "timeline"),
        ("/people/", "people"),
        ("/people/shehbaz-sharif/", "person"),
        ("/operations/", "operation-list"),
        ("/sources/", "source-list"),
        ("/meetings/2024/", "meeting-year"),
        ("/no-such-page/", "not-found"),
    ]:
        desktop.open(path)
        desktop.check(name)


PHONE_PAGES = [
    ("/", "home"),
    ("/meetings/", "meeting-list"),
    ("/meetings/2024-06-22-central-apex-committee/", "meeting"),
    ("/operations/azm-e-istehkam/", "operation"),
    ("/search/?q=Azm-e-Istehkam", "search"),
    ("/people/shehbaz-sharif/", "person"),
]


def test_pages_fit_a_360px_phone_and_work_by_keyboard(phone):
    page = phone.page
    for path, name in PHONE_PAGES:
        assert phone.open(path).status == 200
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
        phone.check(name)

    source = page.evaluate("document.querySelector('#sources a') && document.querySelector('#sources a').getAttribute('href')")
    phone.open("/meetings/2024-06-22-central-apex-committee/")
    # The first Tab reaches the skip link, which is then visible; Enter moves to the main content.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    phone.screenshot("skip-link")
    del source


def test_meeting_page_prints_cleanly(desktop):
    page = desktop.page
    desktop.open("/meetings/2024-06-22-central-apex-committee/")
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator(".on-this-page").is_hidden()
    assert page.locator("#decisions blockquote").first.is_visible()
    desktop.screenshot("meeting-print")
    page.pdf(path="test-artifacts/meeting-print.pdf", format="A4")
