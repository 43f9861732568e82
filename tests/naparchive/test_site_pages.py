import re

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.urls import reverse

from meetings.models import Meeting
from sources.models import SourceDocument


def html_of(response) -> str:
    return response.content.decode()


def test_home_explains_the_archive_and_leads_to_the_launch_meeting(client, sample_archive):
    page = html_of(client.get(reverse("home")))
    assert "<h1" in page and "National Action Plan" in page
    assert f'href="{sample_archive.meeting.get_absolute_url()}"' in page
    assert f'href="{sample_archive.operation.get_absolute_url()}">Azm-e-Istehkam</a>' in page
    assert 'action="/search/"' in page
    assert "Unreviewed draft meeting" not in page


def test_home_shows_the_archive_at_a_glance(client, sample_archive):
    page = html_of(client.get(reverse("home")))
    glance = page.split('id="glance-title"')[1].split("</section>")[0]
    figures = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", glance))
    assert figures == {"Meetings": "2", "Decisions": "3", "Operations": "3", "Sources": "2", "Years covered": "2024"}
    assert "the date of 1 meeting is not established" in glance


def test_timeline_lists_meetings_by_year_with_launches(client, sample_archive):
    page = html_of(client.get(reverse("timeline")))
    assert '<h2 id="year-2024-title">2024</h2>' in page
    assert f'Launched: <a href="{sample_archive.operation.get_absolute_url()}">Azm-e-Istehkam</a>' in page
    undated = page.split('id="undated-title"')[1]
    assert sample_archive.undated_meeting.title in undated


def test_meeting_feed_is_atom_with_published_meetings(client, sample_archive):
    response = client.get(reverse("feed-meetings"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = html_of(response)
    assert "<title>Central Apex Committee meeting approving Operation Azm-e-Istehkam (22 June 2024)</title>" in feed
    assert "Unreviewed draft meeting" not in feed


def test_source_feed_lists_published_sources(client, sample_archive):
    feed = html_of(client.get(reverse("feed-sources")))
    assert sample_archive.report_000.get_absolute_url() in feed
    assert sample_archive.draft_source.get_absolute_url() not in feed


def test_feeds_never_fail_on_control_characters_already_stored(client, sample_archive):
    # Rows written before text was checked, or loaded around the checks: the feeds stay up for everyone.
    Meeting.objects.filter(pk=sample_archive.meeting.pk).update(title="Apex\x1b[1m meeting\b", summary="A\x0bsummary")
    SourceDocument.objects.filter(pk=sample_archive.report_000.pk).update(title="Report\x1b", author="Staff\x0c", text="Text\x08 kept\r\n")
    for name in ("feed-meetings", "feed-sources"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        feed = html_of(response)
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", feed)
    assert "<title>Apex[1m meeting (22 June 2024)</title>" in html_of(client.get(reverse("feed-meetings")))


def test_sitemap_lists_published_pages_only(client, sample_archive):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = html_of(response)
    for record in (sample_archive.meeting, sample_archive.operation, sample_archive.report_000):
        assert f"http://testserver{record.get_absolute_url()}</loc>" in xml
    assert sample_archive.draft_meeting.get_absolute_url() not in xml
    assert sample_archive.draft_source.get_absolute_url() not in xml
    assert "http://testserver/people/shehbaz-sharif/</loc>" in xml


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in html_of(response)
    assert "Disallow: /admin/" in html_of(response)


def test_404_page_helps_the_reader_on(client, db):
    response = client.get("/meetings/no-such-meeting/")
    assert response.status_code == 404
    page = html_of(response)
    assert "Page not found" in page and 'action="/search/"' in page and 'href="/meetings/"' in page


def test_pages_have_canonical_links_titles_and_descriptions(client, sample_archive):
    page = html_of(client.get(sample_archive.meeting.get_absolute_url() + "?utm_source=x"))
    assert f'<link rel="canonical" href="http://testserver{sample_archive.meeting.get_absolute_url()}">' in page
    assert "<title>Central Apex Committee meeting approving Operation Azm-e-Istehkam, 22 June 2024 · NAP Archive</title>" in page
    assert '<meta name="description" content="The committee approved Operation Azm-e-Istehkam.">' in page
    assert '<meta property="og:type" content="article">' in page


PAGE_URLS = [
    "/",
    "/meetings/",
    "/meetings/2024/",
    "/meetings/2024/6/",
    "/meetings/2024-06-22-central-apex-committee/",
    "/meetings/federal-apex-committee-balochistan/",
    "/decisions/",
    "/people/",
    "/people/shehbaz-sharif/",
    "/offices/prime-minister/",
    "/operations/",
    "/operations/azm-e-istehkam/",
    "/sources/",
    "/sources/central-apex-committee-2024-06-22-report/",
    "/timeline/",
    "/search/?q=Azm-e-Istehkam",
    "/no-such-page/",
]


@pytest.mark.parametrize("url", PAGE_URLS)
def test_pages_need_no_inline_script_or_style_and_nothing_from_outside(client, sample_archive, url):
    page = html_of(client.get(url))
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"<script(?![^>]*\ssrc=)", page)
    assert not re.search(r'(?:src|href)="(?:https?:)?//(?!testserver)', page.replace(sample_archive.report_000.url or "\0", ""))
    assert 'class="skip-link" href="#main"' in page and '<main id="main"' in page
    assert page.count("<h1") == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="The stored vector is filled on PostgreSQL only.")
def test_postgresql_keeps_the_stored_vector_current_and_indexed(sample_archive):
    Meeting.objects.filter(pk=sample_archive.meeting.pk).update(summary="Reviewed the madrassa registration drive.")
    assert Meeting.objects.filter(search_vector=SearchQuery("madrassa", config="english")).get() == sample_archive.meeting
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'meetings_meeting_search_vector_gin'")
        assert "USING gin (search_vector)" in cursor.fetchone()[0]


def test_500_page_renders_without_a_request_context(rf, db):
    from django.views.defaults import server_error

    response = server_error(rf.get("/meetings/"))
    assert response.status_code == 500
    page = html_of(response)
    assert "Something went wrong on our side" in page and 'href="/"' in page


def test_meeting_page_links_a_print_stylesheet(client, sample_archive):
    page = html_of(client.get(sample_archive.meeting.get_absolute_url()))
    assert re.search(r'<link rel="stylesheet" href="/static/css/print[^"]*\.css" media="print">', page)
