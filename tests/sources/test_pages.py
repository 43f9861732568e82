import re

from django.urls import reverse

from tests.archive_sample import CHAIR_QUOTE, DIPLOMACY_QUOTE, LAUNCH_QUOTE


def html_of(response) -> str:
    return response.content.decode()


def test_source_page_marks_each_cited_passage_and_links_back_to_the_fact(client, sample_archive):
    page = html_of(client.get(sample_archive.report_000.get_absolute_url()))
    mark = re.search(rf'<mark class="cited" id="citation-{sample_archive.launch_citation.pk}">(.*?)</mark>', page)
    assert mark is not None
    assert mark.group(1) == LAUNCH_QUOTE.replace("‘", "‘")
    fact_url = f"{sample_archive.meeting.get_absolute_url()}#decision-{sample_archive.launch_decision.pk}"
    after_mark = page[mark.end():]
    assert after_mark.startswith(f'<a class="passage-ref" href="{fact_url}"')
    assert DIPLOMACY_QUOTE in page


def test_one_passage_cited_for_two_facts_gets_both_anchors_and_both_links(client, sample_archive):
    # The same sentence supports the meeting itself and its chair.
    page = html_of(client.get(sample_archive.report_000.get_absolute_url()))
    meeting_citation = sample_archive.meeting.citations.get()
    ids = {f"citation-{sample_archive.chair_citation.pk}", f"citation-{meeting_citation.pk}"}
    assert all(f'id="{anchor}"' in page for anchor in ids)
    assert page.count("<mark") >= 1
    assert f'href="{sample_archive.meeting.get_absolute_url()}#attendee-{sample_archive.chair.pk}"' in page
    assert f'href="{sample_archive.meeting.get_absolute_url()}#meeting-facts"' in page
    # The passage is marked once, not twice over.
    text = re.search(r'<div class="source-text"[^>]*>(.*?)</div>', page, re.S).group(1)
    assert text.count(CHAIR_QUOTE) == 1


def test_overlapping_passages_are_both_marked(client, sample_archive, make_citation):
    inner = "chaired by Prime Minister Muhammad Shehbaz Sharif"
    citation = make_citation(sample_archive.diplomacy_decision, quote=inner, source=sample_archive.report_000)
    page = html_of(client.get(sample_archive.report_000.get_absolute_url()))
    assert f'<span class="passage-anchor" id="citation-{citation.pk}"></span>' in page or f'<mark class="cited" id="citation-{citation.pk}">' in page
    text = re.search(r'<div class="source-text"[^>]*>(.*?)</div>', page, re.S).group(1)
    plain = re.sub(r"<a class=\"passage-ref\".*?</a>", "", text)
    plain = re.sub(r"<[^>]+>", "", plain)
    assert plain == sample_archive.report_000.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;")


def test_source_text_is_escaped(client, make_source, make_meeting, make_citation):
    source = make_source(text="Officials said <script>alert(1)</script> & more; the committee met.")
    make_citation(make_meeting(), quote="the committee met", source=source)
    page = html_of(client.get(source.get_absolute_url()))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more;" in page


def test_citations_of_draft_facts_are_not_revealed(client, sample_archive):
    page = html_of(client.get(sample_archive.report_000.get_absolute_url()))
    assert f"decision-{sample_archive.draft_decision.pk}" not in page
    assert "A decision nobody has checked yet." not in page


def test_draft_source_is_404_for_the_public_and_previewable_by_staff(client, staff_client, sample_archive):
    url = sample_archive.draft_source.get_absolute_url()
    assert client.get(url).status_code == 404
    response = staff_client.get(url)
    assert response.status_code == 200
    assert "<strong>Draft</strong>" in html_of(response)


def test_source_list_shows_published_sources_only(client, sample_archive):
    page = html_of(client.get(reverse("sources:source-list")))
    assert str(sample_archive.report_000) in page
    assert "not an operation, but a vision" not in page
    # Five passages of report 000 are cited, one of them for a draft decision, which is not counted.
    assert "4 cited passages" in page


FRONT_MATTERED = (
    "---\ntitle: Apex committee meets\nurl: https://example.org/apex\n---\n"
    "The apex committee met in Islamabad. It approved the plan.\n"
)


def test_full_text_shows_the_article_without_its_front_matter(client, make_source, make_meeting, make_citation):
    source = make_source(text=FRONT_MATTERED, title="Apex committee meets", url="https://example.org/apex")
    citation = make_citation(make_meeting(), quote="It approved the plan.", source=source)
    page = html_of(client.get(source.get_absolute_url()))
    text = re.search(r'<div class="source-text"[^>]*>(.*?)</div>', page, re.S).group(1)
    assert text.startswith("The apex committee met in Islamabad.")
    assert "title:" not in text and "url:" not in text and "---" not in text
    # The passage is still found and marked where it is in the text shown.
    assert f'<mark class="cited" id="citation-{citation.pk}">It approved the plan.</mark>' in text
    assert "title:" not in re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    # The stored text is the file as received.
    source.refresh_from_db()
    assert source.text == FRONT_MATTERED


def test_an_untitled_source_is_named_by_what_is_known_not_by_its_file(make_source):
    import datetime

    source = make_source(title="", outlet="Dawn", published_on=datetime.date(2024, 6, 23), original_filename="007_0123456789abcdef.txt")
    assert str(source) == "Untitled source (Dawn, 23 June 2024)"
    assert str(make_source(title="", original_filename="008_0123456789abcdef.txt")) == "Untitled source (publisher and date not stated)"
