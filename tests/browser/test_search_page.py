"""The search page as a reader meets it: suggestions when nothing matched, and a query in Urdu script."""
import re

import pytest

pytestmark = pytest.mark.usefixtures("curated_archive")


@pytest.mark.parametrize("reader_name", ["desktop", "phone"])
def test_suggestions_and_urdu_queries(request, reader_name):
    reader = request.getfixturevalue(reader_name)
    page = reader.page

    # A misspelling no record has: the nearest names are offered, and one click searches for them.
    reader.open("/search/?q=Istikhkam")
    suggestions = page.locator(".search-suggestions")
    assert "Did you mean" in suggestions.inner_text()
    reader.check("search-suggestions")
    suggestions.get_by_role("link", name="Azm-e-Istehkam").click()
    page.wait_for_url(re.compile(r"q=Azm-e-Istehkam"))
    assert page.locator("#results-operations").get_by_role("link", name="Azm-e-Istehkam").is_visible()

    # The campaign's name in Urdu script finds the records the English sources write about it.
    reader.open("/search/?q=عزم استحکام")
    assert page.locator("#results-operations").get_by_role("link", name="Azm-e-Istehkam").is_visible()
    assert page.locator("#results-sources mark").count() > 0
    reader.check("search-urdu")

    # Urdu that names no record: the page says the sources are in English.
    reader.open("/search/?q=دہشت گردی")
    assert "the sources are in English" in page.locator(".search-script-note").inner_text()
    reader.check("search-urdu-nothing")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
