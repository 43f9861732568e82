"""An Urdu source, read in a browser: right to left, in the Nastaliq font we serve, at desktop and phone widths."""
import pytest

from foundations.publication import PublicationStatus
from sources.importing import source_ingest
from tests.sources.urdu_report import ENGLISH_QUOTE, URDU_QUOTE, URDU_REPORT

FONT = "Noto Nastaliq Urdu"


@pytest.fixture
def urdu_source(transactional_db, make_meeting, make_source, make_citation):
    result = source_ingest(text=URDU_REPORT, filename="jang-2024-06-23.txt", propose=False)
    source = result.source
    source.status = PublicationStatus.PUBLISHED
    source.save()
    meeting = make_meeting(title="Central Apex Committee meeting")
    make_citation(meeting, quote=URDU_QUOTE, source=source)
    english = make_source(text=f"ISLAMABAD: {ENGLISH_QUOTE}", title="Apex committee approves Azm-e-Istehkam", outlet="Dawn")
    make_citation(meeting, quote=ENGLISH_QUOTE, source=english)
    return source, meeting


def served_font_loaded(page) -> bool:
    """Return True once the page has loaded our Urdu font (fetched only because Urdu text is on the page)."""
    return page.evaluate(
        """async (family) => {
            await document.fonts.ready;
            const ours = [...document.fonts].filter(face => face.family.replaceAll('"', '') === family);
            return ours.some(face => face.status === 'loaded') && document.fonts.check(`20px "${family}"`, 'اجلاس');
        }""",
        FONT,
    )


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px"


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_an_urdu_source_page_reads_right_to_left_in_the_served_font(request, urdu_source, width):
    reader = request.getfixturevalue(width)
    source, _meeting = urdu_source
    assert source.language == "ur"
    reader.open(source.get_absolute_url())
    page = reader.page
    text = page.locator(".source-text")
    assert text.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert text.evaluate("element => getComputedStyle(element).fontFamily").startswith(f'"{FONT}"')
    assert text.inner_text().startswith("اسلام آباد:")
    assert "published:" not in text.inner_text()
    assert served_font_loaded(page)
    assert_no_horizontal_scroll(page)
    reader.check("urdu-source")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_a_fact_shows_its_urdu_quote_right_to_left_beside_the_english_one(request, urdu_source, width):
    reader = request.getfixturevalue(width)
    _source, meeting = urdu_source
    reader.open(meeting.get_absolute_url())
    page = reader.page
    urdu = page.locator('blockquote[lang="ur"]', has_text="ایپکس کمیٹی")
    english = page.locator('blockquote[lang="en"]', has_text="Shehbaz Sharif chaired")
    # The meeting page folds each fact's quotes under one line: open it to read them.
    for summary in page.locator("details.fact-sources > summary").all():
        summary.click()
    assert urdu.count() == 1 and english.count() == 1
    assert urdu.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert english.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert served_font_loaded(page)
    assert_no_horizontal_scroll(page)
    reader.check("urdu-quote-beside-english")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_urdu_interface_is_chosen_with_the_switch_kept_and_read_right_to_left(request, urdu_source, width, compiled_catalogues):
    reader = request.getfixturevalue(width)
    source, _meeting = urdu_source
    reader.open(source.get_absolute_url())
    page = reader.page
    page.locator('.language-switch button[value="ur"]').click()
    page.wait_for_load_state()
    assert page.url.endswith("/ur" + source.get_absolute_url())  # the switch keeps the page, at its Urdu address
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ur", "rtl"]
    nav = page.locator(".site-nav")
    assert nav.locator("a", has_text="ذرائع").count() == 1
    assert nav.evaluate("element => getComputedStyle(element).direction") == "rtl"
    # The source keeps its own language: its Urdu text right to left, in the font we serve.
    text = page.locator(".source-text")
    assert text.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert served_font_loaded(page)
    assert_no_horizontal_scroll(page)
    reader.check("urdu-interface")

    reader.open("/meetings/")  # remembered: the English address sends this reader to the Urdu page
    assert reader.page.url.endswith("/ur/meetings/")
    assert reader.page.evaluate("document.documentElement.lang") == "ur"
    reader.page.locator('.language-switch button[value="en-gb"]').click()
    reader.page.wait_for_load_state()
    assert not reader.page.url.endswith("/ur/meetings/")
    assert reader.page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
