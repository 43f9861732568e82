"""A reader, in a real browser, goes from the conviction-rate chart to the sentence of the report that gives a number."""
import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.usefixtures("curated_archive")


@pytest.fixture(autouse=True)
def curated_figures(curated_archive):
    output = io.StringIO()
    call_command("load_curated_figures", stdout=output, stderr=output)
    call_command("load_curated_organisations", stdout=output, stderr=output)


def test_reader_goes_from_the_conviction_chart_to_the_sentence(desktop):
    page = desktop.page
    desktop.open("/")
    chart = page.locator("figure.chart", has_text="Conviction rate for terrorists, 2023, by place")
    assert chart.locator("svg title").text_content() == "Conviction rate for terrorists, 2023, by place"
    rows = chart.locator("table tbody tr")
    assert rows.count() == 5
    assert rows.first.locator("th").inner_text() == "Pakistan (national)"

    chart.locator("table").get_by_role("link", name="Punjab", exact=True).click()
    assert page.locator("h1").inner_text() == "Conviction rate for terrorists: 72 per cent"
    desktop.check("figure")

    page.get_by_role("link", name="Read this sentence in the full source").click()
    assert "/sources/" in page.url and ":~:text=" in page.url
    # The browser scrolls to the quoted sentence. Polled from here: wait_for_function evaluates its
    # string inside the page, which the site's CSP (no 'unsafe-eval') refuses when it has to poll.
    for _ in range(50):
        if page.evaluate("window.scrollY") > 0:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") > 0
    desktop.check("figure-source")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/figures/", "figure-list"),
        ("/figures/measures/conviction-rate-for-terrorists/", "measure"),
        ("/organisations/bla/", "organisation"),
        ("/bodies/", "body-list"),
        ("/operations/", "operation-list"),
    ],
)
def test_figure_body_and_organisation_pages_are_accessible_on_a_phone(phone, path, name):
    assert phone.open(path).status == 200
    overflow = phone.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
    phone.check(name)


def test_the_figures_filter_is_a_sidebar_like_the_other_lists(desktop, phone):
    page = desktop.page
    desktop.open("/figures/")
    form = page.locator("form.filters").bounding_box()
    results = page.locator("section.results").bounding_box()
    # Beside the results, not above them: the first figures are in view without scrolling.
    assert form["x"] + form["width"] <= results["x"]
    assert page.locator("section.results .item-list > li").first.bounding_box()["y"] < 900
    # "Year covered" looks like the other fields.
    year = page.get_by_label("Year covered")
    place = page.get_by_label("Place")
    for style in ("borderTopWidth", "borderTopStyle", "paddingTop", "fontSize"):
        assert year.evaluate(f"e => getComputedStyle(e).{style}") == place.evaluate(f"e => getComputedStyle(e).{style}"), style
    assert year.bounding_box()["width"] == place.bounding_box()["width"]
    desktop.check("figure-list")
    phone.open("/figures/")
    phone.check("figure-list")
