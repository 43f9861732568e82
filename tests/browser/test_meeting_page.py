"""The seed meeting's page, read in a browser: each quote once, a compact sourcing summary, corrections in sight."""
import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from editorial.services import record_correct
from meetings.models import Meeting

pytestmark = pytest.mark.usefixtures("curated_archive")

MINISTERS_QUOTE = "The meeting was attended by important federal cabinet ministers"
# Measured with this test: 10,598 px at 1,280 px before the page was rewritten for readers (Debian Chromium),
# about 22,900 px at 375 px.
HEIGHT_BEFORE = 10_598
# The heading levels the page may hold, in order, none skipped.
HEADINGS_IN_ORDER = """() => {
  const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map(h => +h.tagName[1]);
  return levels.every((level, i) => i === 0 ? level === 1 : level <= levels[i - 1] + 1);
}"""


@pytest.fixture
def seed_discrepancies(curated_archive):
    """The discrepancies a fresh install loads too (`make setup`): two of them concern the seed meeting."""
    call_command("load_curated_discrepancies", stdout=io.StringIO())


def seed_meeting() -> Meeting:
    return Meeting.objects.get(date=datetime.date(2024, 6, 22))


def assert_every_fact_is_visible_text(page, meeting: Meeting):
    """Every attendee, decision, the date, the chair, the operations: on the page, not folded away in a closed <details>."""
    for attendee in meeting.attendees.all():
        text = page.locator(f"#attendee-{attendee.pk} > .fact-text")
        assert text.is_visible(), attendee
        for part in (attendee.person, attendee.office):
            if part is not None:
                assert str(part) in text.inner_text()
        if attendee.group_label:
            assert attendee.group_label[:1].upper() + attendee.group_label[1:] in text.inner_text()
    for decision in meeting.decisions.all():
        text = page.locator(f"#decision-{decision.pk} > .fact-text")
        assert text.is_visible(), decision
        assert decision.text in text.inner_text()
    facts = page.locator("#meeting-facts .facts")
    assert facts.is_visible()
    assert "22 June 2024" in facts.inner_text() and "Islamabad" in facts.inner_text() and "Shehbaz Sharif" in facts.inner_text()
    operations = page.locator("#operations")
    assert operations.is_visible() and "Azm-e-Istehkam" in operations.inner_text()
    for title in page.locator(".discrepancy h4").all():
        assert title.is_visible()


@pytest.mark.usefixtures("seed_discrepancies")
def test_the_seed_meeting_page_is_a_third_of_its_former_length_hiding_no_fact(desktop, phone):
    meeting = seed_meeting()
    heights = {}
    for reader in (desktop, phone):
        reader.open(meeting.get_absolute_url())
        page = reader.page
        heights[reader.label] = page.evaluate("document.body.scrollHeight")
        assert_every_fact_is_visible_text(page, meeting)
        assert page.evaluate(HEADINGS_IN_ORDER)
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        reader.check("meeting-compact")
    print(f"\nseed meeting page: {heights['desktop']} px at 1,280 px, {heights['phone']} px at 360 px")
    # When written: 3,562 px at 1,280 (34% of 10,598; 5,786 with the same discrepancies before) and 8,565 px at
    # 360 (37% of 22,900; 13,593 before). The bounds keep it from growing back.
    assert heights["desktop"] <= 3_600, heights
    assert heights["phone"] <= 8_700, heights


def test_a_quote_supporting_several_attendees_is_shown_once_with_them_all(desktop):
    meeting = seed_meeting()
    desktop.open(meeting.get_absolute_url())
    page = desktop.page
    quotes = page.locator("#attendees blockquote", has_text=MINISTERS_QUOTE)
    assert quotes.count() == 1
    group = page.locator("#attendees .fact-group", has=page.locator("blockquote", has_text=MINISTERS_QUOTE))
    for office in ("Deputy Prime Minister", "Defence Minister", "Interior Minister", "Finance Minister", "Law Minister", "Information Minister"):
        assert office in group.inner_text()


@pytest.mark.usefixtures("seed_discrepancies")  # which also records the PMO statement both reports carry
def test_how_well_sourced_opens_on_demand_on_a_table_of_every_fact(desktop):
    meeting = seed_meeting()
    desktop.open(meeting.get_absolute_url())
    details = desktop.page.locator(".record-trail details.corroboration-details")
    assert details.count() == 1
    assert not details.evaluate("element => element.open")
    rows = details.locator("table.corroboration tbody tr")
    assert rows.count() == 1 + meeting.attendees.count() + meeting.decisions.count()
    assert not rows.first.is_visible()
    details.locator("summary").click()
    assert rows.first.is_visible()
    assert "2 reports, 1 independent source: both carry the PMO statement" in rows.first.inner_text()


@pytest.mark.usefixtures("seed_discrepancies")
def test_a_discrepancys_passages_already_quoted_above_link_to_them(desktop):
    desktop.open(seed_meeting().get_absolute_url())
    page = desktop.page
    discrepancy = page.locator("#discrepancy-security-situation-international-or-internal")
    assert discrepancy.locator("h4").is_visible()
    discrepancy.locator("details.fact-sources > summary").click()
    # The two readings are the assessment decision's own passages: quoted there, linked to here.
    assert discrepancy.locator("blockquote").count() == 0
    links = discrepancy.locator(".citation-repeat a[href^='#quote-']")
    assert links.count() == 2
    links.first.click()
    assert page.locator(":target blockquote").is_visible()


def test_a_corrected_meeting_says_so_under_its_title(desktop):
    meeting = seed_meeting()
    desktop.open(meeting.get_absolute_url())
    assert desktop.page.locator(".correction-notice").count() == 0
    correction = record_correct(record=meeting.decisions.first(), user=None, note="The domain follows the PMO's statement.")
    desktop.open(meeting.get_absolute_url())
    notice = desktop.page.locator("header .correction-notice")
    # The day in the archive's time zone (Asia/Karachi), as the page gives it: after 19:00 UTC it is already tomorrow.
    assert f"Corrected on {timezone.localtime(correction.made_at):%-d %B %Y}" in notice.inner_text()
    notice.get_by_role("link").click()
    assert desktop.page.locator(f"#correction-{correction.pk}").is_visible()
    desktop.check("meeting-corrected")
