import datetime
import re

import pytest
from django.urls import reverse

from meetings.models import Attendee, DatePrecision
from foundations.publication import PublicationStatus
from tests.archive_sample import CHAIR_QUOTE, GO_AHEAD_QUOTE, LAUNCH_QUOTE, add_attendee


def html_of(response) -> str:
    return response.content.decode()


def test_meeting_page_shows_date_body_place_and_chair(client, sample_archive):
    page = html_of(client.get(sample_archive.meeting.get_absolute_url()))
    assert "<h1>Central Apex Committee meeting approving Operation Azm-e-Istehkam</h1>" in page
    assert "22 June 2024" in page and "(exact day)" in page
    assert "Central Apex Committee on the National Action Plan" in page
    assert "Islamabad" in page
    assert re.search(r"Chaired by</dt><dd><a href=\"#attendee-%d\">Shehbaz Sharif</a>, Prime Minister" % sample_archive.chair.pk, page)


def test_every_fact_quotes_its_source_and_links_to_the_highlighted_passage(client, sample_archive):
    page = html_of(client.get(sample_archive.meeting.get_absolute_url()))
    assert LAUNCH_QUOTE.replace("’", "’") in page
    assert f'href="{sample_archive.report_000.get_absolute_url()}#citation-{sample_archive.launch_citation.pk}"' in page
    assert GO_AHEAD_QUOTE.replace("“", "“") in page
    # The chair's citation sits inside the chair's fact, anchored for links back from the source. Its
    # passage is the one quoted for the meeting above, so it is not quoted twice: a line links to it.
    chair_block = page.split(f'id="attendee-{sample_archive.chair.pk}"')[1].split("</li>")[0]
    assert f"#citation-{sample_archive.chair_citation.pk}" in chair_block
    assert page.count(f"<p>{CHAIR_QUOTE}</p>") == 1
    meeting_citation = sample_archive.meeting.citations.get(quote=CHAIR_QUOTE)
    assert f'<li class="citation" id="quote-{meeting_citation.pk}">' in page
    assert f'href="#quote-{meeting_citation.pk}">the passage quoted above</a>' in chair_block


def test_a_passage_is_quoted_once_naming_every_other_fact_it_supports(client, sample_archive):
    page = html_of(client.get(sample_archive.meeting.get_absolute_url()))
    meeting_citation = sample_archive.meeting.citations.get(quote=CHAIR_QUOTE)
    quoted = page.split(f'<li class="citation" id="quote-{meeting_citation.pk}">')[1].split("</li>")[0]
    assert f'also cited for <a href="#attendee-{sample_archive.chair.pk}">Shehbaz Sharif</a>' in quoted


def test_attendees_are_grouped_chair_officials_offices_groups(client, sample_archive, make_office, make_person):
    add_attendee(meeting=sample_archive.meeting, person=make_person(name="Asim Munir"), order=2)
    add_attendee(meeting=sample_archive.meeting, office=make_office(title="Interior Minister"), order=3)
    page = html_of(client.get(sample_archive.meeting.get_absolute_url()))
    headings = re.findall(r"<h3>(Chair|Named officials|Offices|Groups)</h3>", page)
    assert headings == ["Chair", "Named officials", "Offices", "Groups"]
    assert page.index("Asim Munir") < page.index("Interior Minister") < page.index("Chief ministers of all provinces and GB")


def test_decisions_are_grouped_by_domain_with_their_operations(client, sample_archive):
    page = html_of(client.get(sample_archive.meeting.get_absolute_url()))
    assert '<h3 id="domain-multi_domain">Several domains</h3>' in page
    assert '<h3 id="domain-politico_diplomatic">Politico-diplomatic</h3>' in page
    decision_block = page.split(f'id="decision-{sample_archive.launch_decision.pk}"')[1].split("</li>")[0]
    assert f'<a href="{sample_archive.operation.get_absolute_url()}">Azm-e-Istehkam</a>' in decision_block
    assert "launched at this meeting" in page


def test_unknown_date_is_shown_with_what_the_sources_do_say(client, sample_archive):
    page = html_of(client.get(sample_archive.undated_meeting.get_absolute_url()))
    assert "a Tuesday, date not established" in page
    assert "date not established; the reports say only that it was a Tuesday" in page
    assert "The communiqué is dated only “on Tuesday”." in page
    # No machine-readable date is invented, and no <time> without one (the HTML checker refuses it).
    assert "<span>a Tuesday, date not established</span>" in page
    assert "<time>" not in page and 'datetime=""' not in page


def test_public_never_sees_drafts(client, sample_archive):
    assert client.get(sample_archive.draft_meeting.get_absolute_url()).status_code == 404
    page = html_of(client.get(sample_archive.meeting.get_absolute_url()))
    assert "A decision nobody has checked yet." not in page
    assert "an attendee still in draft" not in page
    assert "Draft" not in page


def test_staff_preview_a_draft_meeting_with_a_banner(staff_client, sample_archive):
    response = staff_client.get(sample_archive.draft_meeting.get_absolute_url())
    assert response.status_code == 200
    assert "<strong>Draft</strong> — this record is not published." in html_of(response)
    assert "private" in response["Cache-Control"]
    page = html_of(staff_client.get(sample_archive.meeting.get_absolute_url()))
    assert "A decision nobody has checked yet." in page
    assert '<span class="badge badge-draft">Draft</span>' in page


def test_citation_from_a_draft_source_is_hidden_from_the_public(client, sample_archive, make_citation):
    make_citation(sample_archive.diplomacy_decision, quote="Failure to implement the previously announced policy", source=sample_archive.draft_source)
    page = html_of(client.get(sample_archive.meeting.get_absolute_url()))
    assert "Failure to implement the previously announced policy" not in page
    assert sample_archive.draft_source.get_absolute_url() not in page


def test_unknown_meeting_is_404(client, db):
    assert client.get("/meetings/no-such-meeting/").status_code == 404


class TestMeetingList:
    def test_lists_published_meetings_newest_first_with_undated_last(self, client, sample_archive, make_meeting):
        make_meeting(body=sample_archive.body, title="Older meeting", date=datetime.date(2021, 3, 1))
        page = html_of(client.get(reverse("meetings:meeting-list")))
        assert page.index("Operation Azm-e-Istehkam</a>") < page.index("Older meeting") < page.index("military operation in Balochistan")
        assert "Unreviewed draft meeting" not in page
        assert "3 meetings" in page

    @pytest.mark.parametrize(
        "query, expected",
        [
            ("year=2024", {"Central Apex Committee meeting approving"}),
            ("body=central-apex-committee", {"Central Apex Committee meeting approving", "military operation in Balochistan"}),
            ("chair=shehbaz-sharif", {"Central Apex Committee meeting approving"}),
            ("operation=azm-e-istehkam", {"Central Apex Committee meeting approving"}),
            ("operation=balochistan-operation", {"military operation in Balochistan"}),
            ("domain=military", {"military operation in Balochistan"}),
            ("domain=politico_diplomatic&year=2024", {"Central Apex Committee meeting approving"}),
        ],
    )
    def test_filters(self, client, sample_archive, query, expected):
        response = client.get(f"{reverse('meetings:meeting-list')}?{query}")
        assert response.status_code == 200
        page = html_of(response)
        shown = {title for title in ("Central Apex Committee meeting approving", "military operation in Balochistan") if title in page}
        assert shown == expected

    def test_empty_filters_from_the_form_are_dropped_from_the_address(self, client, db):
        response = client.get(reverse("meetings:meeting-list") + "?year=&body=&chair=&operation=azm-e-istehkam&domain=&sort=oldest")
        assert response.status_code == 302
        assert response["Location"] == "/meetings/?operation=azm-e-istehkam&sort=oldest"

    def test_sort_oldest_first(self, client, sample_archive, make_meeting):
        make_meeting(body=sample_archive.body, title="Older meeting", date=datetime.date(2021, 3, 1))
        page = html_of(client.get(reverse("meetings:meeting-list") + "?sort=oldest"))
        assert page.index("Older meeting") < page.index("Operation Azm-e-Istehkam</a>")

    @pytest.mark.parametrize("query", ["year=abc", "year=19999", "body=no-such-body", "domain=weather", "page=two", "sort=random"])
    def test_bad_parameters_are_a_400_with_a_message(self, client, sample_archive, query):
        response = client.get(f"{reverse('meetings:meeting-list')}?{query}")
        assert response.status_code == 400
        assert "This list could not be filtered" in html_of(response)

    def test_pagination_keeps_the_filters(self, client, make_body, make_meeting):
        body = make_body(slug="busy-committee")
        for day in range(1, 31):
            make_meeting(body=body, title=f"Sitting {day:02d}", date=datetime.date(2023, 5, day))
        first = html_of(client.get(reverse("meetings:meeting-list") + "?body=busy-committee"))
        assert "Page 1 of 2" in first
        assert 'href="?body=busy-committee&amp;page=2"' in first
        second = html_of(client.get(reverse("meetings:meeting-list") + "?body=busy-committee&page=2"))
        assert "Sitting 01" in second and "Sitting 30" not in second
        assert client.get(reverse("meetings:meeting-list") + "?page=9").status_code == 404


class TestDateArchives:
    def test_year_page_lists_meetings_by_month_and_year_only_dates_apart(self, client, make_body, make_meeting):
        body = make_body()
        make_meeting(body=body, title="June sitting", date=datetime.date(2019, 6, 4))
        make_meeting(body=body, title="Sometime sitting", date=datetime.date(2019, 1, 1), date_precision=DatePrecision.YEAR)
        page = html_of(client.get(reverse("meetings:meeting-year", args=[2019])))
        assert "June 2019" in page and "June sitting" in page
        assert "Sometime in 2019 (month not established)" in page
        assert "January 2019" not in page

    def test_month_page_does_not_invent_a_month(self, client, make_body, make_meeting):
        body = make_body()
        make_meeting(body=body, title="January sitting", date=datetime.date(2019, 1, 15))
        make_meeting(body=body, title="Sometime sitting", date=datetime.date(2019, 1, 1), date_precision=DatePrecision.YEAR)
        page = html_of(client.get(reverse("meetings:meeting-month", args=[2019, 1])))
        assert "January sitting" in page and "Sometime sitting" not in page

    def test_year_without_meetings_is_404(self, client, db):
        assert client.get(reverse("meetings:meeting-year", args=[1990])).status_code == 404


class TestDecisionList:
    def test_lists_published_decisions_linking_to_their_meeting(self, client, sample_archive):
        page = html_of(client.get(reverse("meetings:decision-list")))
        assert f'href="{sample_archive.meeting.get_absolute_url()}#decision-{sample_archive.launch_decision.pk}"' in page
        assert "A decision nobody has checked yet." not in page
        assert "3 decisions" in page

    @pytest.mark.parametrize(
        "query, count",
        [("domain=military", 1), ("operation=azm-e-istehkam", 1), ("year=2024", 2), ("domain=legal", 0)],
    )
    def test_filters(self, client, sample_archive, query, count):
        page = html_of(client.get(f"{reverse('meetings:decision-list')}?{query}"))
        assert f"{count} decision{'s' if count != 1 else ''}" in page

    def test_bad_operation_is_400(self, client, sample_archive):
        assert client.get(reverse("meetings:decision-list") + "?operation=nope").status_code == 400


class TestPeopleAndOffices:
    def test_people_list_counts_meetings(self, client, sample_archive):
        page = html_of(client.get(reverse("meetings:person-list")))
        assert "Shehbaz Sharif" in page and "1 meeting, 2024" in page
        assert "Prime Minister" in page

    def test_person_page_lists_attendances_with_office(self, client, sample_archive, make_meeting):
        later = make_meeting(body=sample_archive.body, title="A later sitting", date=datetime.date(2024, 11, 19))
        add_attendee(meeting=later, person=sample_archive.prime_minister, office=sample_archive.pm_office, role=Attendee.Role.CHAIR)
        page = html_of(client.get(reverse("meetings:person-detail", args=["shehbaz-sharif"])))
        assert page.index("Central Apex Committee meeting approving") < page.index("A later sitting")
        assert "Prime Minister</a>" in page

    def test_office_page_lists_holders_over_time(self, client, sample_archive):
        page = html_of(client.get(reverse("meetings:office-detail", args=["prime-minister"])))
        assert "Shehbaz Sharif</a>" in page and "22 June 2024" in page

    def test_draft_person_is_404_for_the_public(self, client, make_person):
        make_person(slug="hidden-person", status=PublicationStatus.DRAFT)
        assert client.get(reverse("meetings:person-detail", args=["hidden-person"])).status_code == 404
