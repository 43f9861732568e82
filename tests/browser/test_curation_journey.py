"""An editor turns a new report into published, cited facts in the workbench; a publisher publishes it.

The journey starts at "Add source" in the admin and ends on the public meeting page. The editor's
actions (clicks, a selection, fields typed or chosen) are counted: the issue's bar is 20 at most for a
report whose proposals are right, where the JSON screen took about 84. Signing in is not counted.
"""
import os
from pathlib import Path

import pytest
from django.conf import settings

from meetings.models import Meeting
from sources.models import SourceDocument
from tests.browser.conftest import ARTIFACTS, _reader

PASSWORD = "a long editor passphrase"
REPORT = (Path(settings.BASE_DIR) / "curation" / "evaluation" / "dev" / "107_kp_apex_2024.txt").read_text(encoding="utf-8")
ARTICLE = REPORT.split("---\n", 1)[1]
# Worded so that the extractor misses it: the editor cites it by selecting the sentence.
MISSED = "Those present were of one mind that no displacement of the population would take place."
ARTICLE = ARTICLE.replace("It agreed that no displacement of the population would take place.", MISSED)
DOCS = Path(settings.BASE_DIR) / "docs"
NARROW = {"width": 1024, "height": 800}


@pytest.fixture
def tab(browser, live_server):
    for reader in _reader(browser, live_server, NARROW, "1024"):
        reader.missing = []
        reader.page.on("response", lambda response: response.status == 404 and reader.missing.append(response.url))
        yield reader


def assert_no_errors(tab):
    """No script error, and nothing missing but the favicon the admin does not name (browsers ask for it)."""
    assert [url for url in tab.missing if not url.endswith("/favicon.ico")] == []
    assert [error for error in tab.console_errors if "status of 404" not in error] == []


def check(tab, name):
    tab.screenshot(name)
    tab.assert_accessible(name)
    assert_no_errors(tab)


@pytest.fixture
def accounts(transactional_db, django_user_model):
    from sources.editors import editors_group_sync, publishers_group_sync

    editor = django_user_model.objects.create_user("alice", password=PASSWORD, is_staff=True)
    editor.groups.add(editors_group_sync())
    publisher = django_user_model.objects.create_user("paula", password=PASSWORD, is_staff=True)
    publisher.groups.add(editors_group_sync(), publishers_group_sync())
    return editor, publisher


class Actions:
    """Counts what the editor does: each click, selection and field filled is one action."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def fill(self, locator, value):
        self.count += 1
        locator.fill(value)

    def choose(self, locator, value):
        self.count += 1
        locator.select_option(value)

    def select_text(self, sentence):
        """Select the sentence in the source's text, as a mouse drag does."""
        self.count += 1
        self.page.evaluate(
            """sentence => { const box = document.getElementById('source-text');
                 const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT); let node;
                 while ((node = walker.nextNode())) { const at = node.nodeValue.indexOf(sentence);
                   if (at >= 0) { const range = document.createRange(); range.setStart(node, at);
                     range.setEnd(node, at + sentence.length); const s = window.getSelection();
                     s.removeAllRanges(); s.addRange(range); return; } }
                 throw new Error('sentence not found'); }""",
            sentence,
        )


def sign_in(tab, username):
    tab.page.context.clear_cookies()
    tab.open("/admin/login/")
    tab.page.fill("#id_username", username)
    tab.page.fill("#id_password", PASSWORD)
    tab.page.click("input[type=submit]")
    tab.page.wait_for_url("**/admin/")


def fits(tab, name):
    width = tab.page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"{name} scrolls sideways: {width} px"


def screenshot(tab, name):
    """Refresh the README's screenshots in docs/ when asked (SAVE_DOCS_SCREENSHOTS=1), not on every run."""
    if os.environ.get("SAVE_DOCS_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        tab.page.screenshot(path=str(DOCS / f"{name}.png"))


def publish_from_queue(tab, meeting):
    sign_in(tab, "paula")
    tab.open("/admin/")
    tab.page.get_by_role("link", name="Review queue").first.click()
    item = tab.page.locator(".wb-review-item", has_text=str(meeting))
    assert "Prepared by alice" in item.inner_text()
    fits(tab, "review queue")
    check(tab, "review-queue")
    screenshot(tab, "review-queue")
    item.get_by_role("button", name="Publish").click()
    assert "Published" in tab.page.locator(".messagelist").inner_text()


def test_a_new_report_becomes_published_cited_facts_in_twenty_actions_or_fewer(tab, accounts, client):
    page = tab.page
    sign_in(tab, "alice")
    act = Actions(page)

    act.click(page.get_by_role("link", name="Add a source"))
    act.fill(page.locator("#id_title"), "KP apex committee backs Azm-i-Istehkam")
    act.fill(page.locator("#id_outlet"), "The Express Tribune")
    act.fill(page.locator("#id_published_on"), "2024-07-02")
    act.fill(page.locator("#id_text"), ARTICLE)
    act.click(page.locator("input[name=_save]"))
    source = SourceDocument.objects.get()
    page.wait_for_url(f"**/workbench/{source.pk}/")
    fits(tab, "workbench")
    check(tab, "workbench")
    screenshot(tab, "workbench")

    # Correct a proposal with the widgets: the report says where the meeting was.
    meeting_card = page.locator(".wb-card.wb-kind-meeting")
    act.fill(meeting_card.locator("input[name$='-place']"), "CM House, Peshawar")
    act.click(meeting_card.get_by_role("button", name="Accept"))
    act.click(page.get_by_role("button", name="Accept the"))

    # Cite the decision the extractor missed by selecting its sentence.
    act.select_text(MISSED)
    act.click(page.get_by_role("button", name="New decision from this passage"))
    card = page.locator(".wb-card.wb-state-pending", has_text=MISSED)
    act.choose(card.locator("select[name$='-domain']"), "governance")
    act.click(card.get_by_role("button", name="Accept"))
    act.click(page.get_by_role("button", name="Submit for review"))
    assert "Submitted for review" in page.locator(".messagelist").inner_text()
    assert_no_errors(tab)

    print(f"\nEditor's actions from Add source to Submit for review: {act.count}")
    (ARTIFACTS / "editor-actions.txt").write_text(f"{act.count}\n")
    assert act.count <= 20

    meeting = Meeting.objects.get()
    assert meeting.place == "CM House, Peshawar"
    publish_from_queue(tab, meeting)

    page.context.clear_cookies()
    tab.open(meeting.get_absolute_url())
    assert tab.status == 200
    attendees = page.locator("#attendees").inner_text()
    assert "Ali Amin Gandapur" in attendees
    decisions = page.locator("#decisions")
    missed = decisions.locator("li.fact", has_text=MISSED).first
    missed.locator("details.fact-sources > summary").click()  # a fact's quotes open from one line
    assert MISSED in missed.locator("blockquote").first.inner_text()
    assert "Counter Terrorism Department" in decisions.inner_text()


def test_another_report_of_a_published_meeting_corroborates_it_through_the_review_queue(tab, accounts):
    from curation.models import Proposal
    from curation.services import proposal_accept
    from curation.workbench import review_publish, source_submit_for_review
    from meetings.models import Decision
    from sources.importing import source_ingest

    editor, publisher = accounts
    first = source_ingest(text=REPORT, filename="tribune.txt", user=editor).source
    for proposal in sorted(first.proposals.pending().filter(kind__in=["meeting", "attendee", "decision"]), key=lambda p: p.kind != "meeting"):
        proposal_accept(proposal=proposal, user=editor)
    meeting = Meeting.objects.get()
    source_submit_for_review(source=first, user=editor)
    meeting.refresh_from_db()
    review_publish(meeting=meeting, user=publisher)
    decision = Decision.objects.get(meeting=meeting, text__contains="Counter Terrorism Department")

    # The editor adds an agency's reprint of the report.
    page = tab.page
    sign_in(tab, "alice")
    tab.open("/admin/sources/sourcedocument/add/")
    page.fill("#id_title", "KP apex committee endorses Azm-i-Istehkam (APP)")
    page.fill("#id_published_on", "2024-07-02")
    page.fill("#id_text", REPORT.replace("PESHAWAR:", "PESHAWAR (APP):"))
    page.click("input[name=_save]")
    page.wait_for_url("**/workbench/*/")
    assert "Another report of" in page.locator(".wb-known").inner_text()
    fits(tab, "workbench, another report")
    check(tab, "workbench-another-report")

    # Its meeting and its decision corroborate what the archive has: no second meeting, no second decision.
    page.locator(".wb-card.wb-kind-meeting").get_by_role("button", name="Accept").click()
    assert "Sent to the publishers" in page.locator(".messagelist").inner_text()
    card = page.locator(".wb-card.wb-state-pending.wb-kind-decision", has=page.locator("h4", has_text="Counter Terrorism Department"))
    card.locator("select[name$='-existing_decision']").select_option(str(decision.pk))
    card.get_by_role("button", name="Accept").click()
    assert "Sent to the publishers" in page.locator(".messagelist").inner_text()

    # The publisher adds them from the review queue.
    sign_in(tab, "paula")
    tab.open("/admin/curation/proposal/review/")
    item = page.locator(".wb-review-item", has_text="Other reports of")
    assert "alice" in item.inner_text()
    check(tab, "review-queue-corroboration")
    item.get_by_role("button", name="Publish").click()
    assert "Added 2 passages" in page.locator(".messagelist").inner_text()

    second = SourceDocument.objects.exclude(pk=first.pk).get()
    assert Meeting.objects.count() == 1
    assert meeting.citations.filter(source=second).exists() and decision.citations.filter(source=second).exists()
    assert Proposal.objects.filter(source=second, state="accepted").count() == 2
    page.context.clear_cookies()
    tab.open(meeting.get_absolute_url())
    for summary in page.locator("#decisions details.fact-sources > summary").all():
        summary.click()  # a decision's quotes, each naming its report, open from one line
    assert "KP apex committee endorses Azm-i-Istehkam (APP)" in page.locator("#decisions").inner_text()


def test_cite_the_selection_makes_the_selected_passage_a_facts_quote(tab, accounts):
    from curation.models import Proposal
    from sources.importing import source_ingest

    editor, _publisher = accounts
    source = source_ingest(text=REPORT, filename="tribune.txt", user=editor).source
    sentence = "The committee decided to raise the strength of the Counter Terrorism Department by 1,500 personnel"
    decision = Proposal.objects.get(source=source, kind="decision", quote__contains="Counter Terrorism Department")
    page = tab.page
    sign_in(tab, "alice")
    tab.open(f"/admin/curation/proposal/workbench/{source.pk}/")
    page.locator(".wb-card.wb-kind-meeting").get_by_role("button", name="Accept").click()

    Actions(page).select_text(sentence)
    card = page.locator(f"#proposal-{decision.pk}")
    card.get_by_role("button", name="Cite the selection").click()
    assert "(selected: accept to cite it)" in card.locator(".wb-quote").inner_text()
    card.get_by_role("button", name="Accept").click()
    assert_no_errors(tab)

    decision.refresh_from_db()
    assert decision.state == "accepted" and decision.quote == sentence
    assert source.text[decision.start : decision.end] == sentence
    assert decision.citation.quote == sentence
