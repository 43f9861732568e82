"""The Urdu interface in a browser: home, the meeting list, search, the seed meeting and an operation, right to left
in the Nastaliq font we serve, the curated facts in English inside it.

At 1,280 and 360 px: mirrored layout, the served font actually drawing the labels, axe-core clean, no sideways
scroll; screenshots in test-artifacts/ (urdu-home-desktop.png, urdu-meeting-phone.png, ...).
"""
import datetime
import io
import re

import pytest
from django.core.management import call_command

from meetings.models import Meeting
from operations.models import Operation

FONT = "Noto Nastaliq Urdu"

pytestmark = pytest.mark.usefixtures("curated_archive", "compiled_catalogues")


def served_font_draws(page, selector: str) -> bool:
    """Return True once our Urdu font is loaded and is the first family of the element's computed font."""
    return page.evaluate(
        """async ([selector, family]) => {
            await document.fonts.ready;
            const element = document.querySelector(selector);
            const first = getComputedStyle(element).fontFamily.split(',')[0].replaceAll('"', '').trim();
            const loaded = [...document.fonts].some(face => face.family.replaceAll('"', '') === family && face.status === 'loaded');
            return first === family && loaded && document.fonts.check(`20px "${family}"`, element.textContent);
        }""",
        [selector, FONT],
    )


def assert_right_to_left(page):
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ur", "rtl"]
    assert page.locator("main").evaluate("element => getComputedStyle(element).direction") == "rtl"


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px"


def assert_mirrored(page, start_selector: str, end_selector: str):
    """The element that starts a row in English (its left) sits to the right of the one that ends it."""
    start = page.locator(start_selector).first.bounding_box()
    end = page.locator(end_selector).first.bounding_box()
    assert start["x"] + start["width"] > end["x"] + end["width"], (start, end)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_urdu_home_page_reads_right_to_left(request, width):
    reader = request.getfixturevalue(width)
    page = reader.page
    reader.open("/ur/")
    assert reader.status == 200
    assert_right_to_left(page)
    assert page.locator("h1").inner_text() == "پاکستان کا انسدادِ دہشت گردی کا نیشنل ایکشن پلان، ریکارڈ پر"
    assert served_font_draws(page, "h1")
    # The search button follows the box, to its left; on a wide screen the site's name starts the header on the right.
    assert_mirrored(page, "#home-search", ".big-search button")
    if width == "desktop":
        assert_mirrored(page, ".site-name", ".language-switch")
    # A curated record keeps its language and direction inside the Urdu page.
    title = page.locator(".item-title bdi[lang=en]").first
    assert title.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert_no_horizontal_scroll(page)
    reader.check("urdu-home")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_urdu_meeting_list_filters_in_urdu(request, width):
    reader = request.getfixturevalue(width)
    page = reader.page
    reader.open("/ur/meetings/")
    assert_right_to_left(page)
    assert page.locator("#filters-title").inner_text() == "فلٹر"
    assert served_font_draws(page, "#filters-title")
    assert page.locator("time").first.inner_text().split()[1] in {
        "جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر",
    }
    if width == "desktop":
        # The filters' sidebar moves to the right of the results.
        assert_mirrored(page, ".sidebar", ".results")
    page.get_by_label("سال", exact=True).select_option("2024")
    page.get_by_role("button", name="فلٹر لگائیں").click()
    page.wait_for_url(re.compile(r"/ur/meetings/\?(.+&)?year=2024"))
    assert_right_to_left(page)
    assert "آپ کے فلٹرز سے مطابقت" in page.locator("#results-title").inner_text()
    assert_no_horizontal_scroll(page)
    reader.check("urdu-meeting-list")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_an_urdu_query_on_the_urdu_search_page(request, width):
    reader = request.getfixturevalue(width)
    page = reader.page
    reader.open("/ur/search/")
    page.locator("#id_q").fill("عزم استحکام")
    page.get_by_role("button", name="تلاش", exact=True).click()
    page.wait_for_url(re.compile(r"/ur/search/\?q="))
    assert_right_to_left(page)
    assert page.locator("#results-operations").get_by_role("link", name="Azm-e-Istehkam").is_visible()
    assert "کے نتائج" in page.get_by_role("status").inner_text()
    assert served_font_draws(page, ".result-count")
    # The typed Urdu query reads right to left in its box.
    assert page.locator("#id_q").evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert_no_horizontal_scroll(page)
    reader.check("urdu-search")


def test_the_switch_keeps_the_page_and_the_choice_sends_english_addresses_to_urdu(desktop):
    page = desktop.page
    desktop.open("/meetings/?year=2024")
    page.locator('.language-switch button[value="ur"]').click()
    page.wait_for_url(re.compile(r"/ur/meetings/\?year=2024$"))
    assert_right_to_left(page)
    desktop.open("/timeline/")  # remembered: the English address sends this reader to the Urdu page
    assert page.url.endswith("/ur/timeline/")
    page.locator('.language-switch button[value="en-gb"]').click()
    page.wait_for_url(re.compile(r"//[^/]+/timeline/$"))
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]


# The language each text node of <main> is read in: its closest lang attribute. Returns the nodes with a Latin
# word of three letters or more (acronyms such as PMO or CSV aside) that are read as Urdu: English left
# unmarked, which a screen reader would read with the Urdu voice.
ENGLISH_READ_AS_URDU = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const holder = node.parentElement.closest('[lang]');
    if (holder.lang.split('-')[0] === 'ur' && /\\b[A-Za-z]*[a-z]{3,}\\b/.test(node.textContent)) found.push(node.textContent.trim());
  }
  return found;
}"""


def language_of(locator) -> str:
    return locator.evaluate("element => element.closest('[lang]').lang")


@pytest.fixture
def seed_discrepancies(curated_archive):
    """The discrepancies a fresh install loads too: two concern the seed meeting (the trail's Urdu labels)."""
    call_command("load_curated_discrepancies", stdout=io.StringIO())


@pytest.mark.usefixtures("seed_discrepancies")
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_seed_meeting_page_in_urdu_labels_in_urdu_facts_in_english(request, width):
    reader = request.getfixturevalue(width)
    page = reader.page
    meeting = Meeting.objects.get(date=datetime.date(2024, 6, 22))
    reader.open("/ur" + meeting.get_absolute_url())
    assert reader.status == 200
    assert_right_to_left(page)
    assert page.locator("#facts-title").inner_text() == "اجلاس"
    assert page.locator("#attendees-title").inner_text() == "کس نے شرکت کی"
    assert page.locator("#decisions-title").inner_text() == "کیا فیصلہ ہوا"
    assert page.locator("#record-trail-heading").inner_text() == "ذرائع، اختلافات اور تصحیحات"
    assert served_font_draws(page, "#decisions-title")
    # The facts as curated, each inside an element that says it is English and reads left to right.
    title = page.locator("h1 bdi")
    assert title.inner_text() == meeting.title and language_of(title) == "en"
    assert title.evaluate("element => getComputedStyle(element).direction") == "ltr"
    for decision in meeting.decisions.all():
        text = page.locator(f"#decision-{decision.pk} > .fact-text bdi")
        assert text.inner_text() == decision.text and language_of(text) == "en"
    for attendee in meeting.attendees.all():
        if attendee.person is not None:
            name = page.locator(f"#attendee-{attendee.pk} .fact-text a", has_text=str(attendee.person)).first
            assert language_of(name.locator("bdi")) == "en"
    assert language_of(page.locator("#meeting-facts .summary p").first) == "en"
    # The sourcing table: the kind of fact in Urdu, the fact in English.
    page.locator(".corroboration-details summary").click()
    assert page.locator(".corroboration th[scope=row]").first.inner_text() == "اجلاس"
    assert page.locator(".corroboration th[scope=row]", has_text="شرکت:").count() >= 1
    # Nothing English is read as Urdu: every English word on the page is a marked fact (or a quote, in its source's language).
    assert page.evaluate(ENGLISH_READ_AS_URDU) == []
    assert_no_horizontal_scroll(page)
    reader.check("urdu-meeting")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_an_operation_page_in_urdu_labels_in_urdu_facts_in_english(request, width):
    reader = request.getfixturevalue(width)
    page = reader.page
    operation = Operation.objects.get(name="Azm-e-Istehkam")
    reader.open("/ur" + operation.get_absolute_url())
    assert reader.status == 200
    assert_right_to_left(page)
    name = page.locator("h1 bdi")
    assert name.inner_text() == "Azm-e-Istehkam" and language_of(name) == "en"
    assert page.locator("#record-trail-heading").inner_text() == "ذرائع، اختلافات اور تصحیحات"
    assert served_font_draws(page, "#record-trail-heading")
    assert language_of(page.locator(".summary p").first) == "en"
    assert page.evaluate(ENGLISH_READ_AS_URDU) == []
    assert_no_horizontal_scroll(page)
    reader.check("urdu-operation")
