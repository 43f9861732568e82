"""A fact cited from an Urdu and an English report: both quotes on the meeting page, counted as readers are told."""
import pytest
from django.urls import reverse

from editorial.selectors import corroboration_for_facts
from tests.sources.urdu_report import URDU_REPORT, URDU_TITLE

# The army chief's attendance, as the Urdu report and an English report of the same meeting give it.
URDU_ATTENDANCE = "آرمی چیف جنرل سید عاصم منیر اور دیگر اعلیٰ سول و عسکری حکام نے شرکت کی"
ENGLISH_ATTENDANCE = "Chief of Army Staff General Syed Asim Munir attended the meeting."
STATEMENT = "PMO statement, 22 June 2024"


@pytest.fixture
def army_chief_cited_twice(make_meeting, make_person, make_attendee, make_source, make_citation):
    """Return a meeting, its attendee and the two reports citing the attendance (no origin yet: independent)."""
    meeting = make_meeting(title="Central Apex Committee meeting")
    attendee = make_attendee(meeting=meeting, person=make_person(name="Asim Munir"))
    urdu = make_source(text=URDU_REPORT, title=URDU_TITLE, outlet="روزنامہ جنگ", language="ur")
    english = make_source(text=f"ISLAMABAD: {ENGLISH_ATTENDANCE}", title="Apex committee meets", outlet="Dawn")
    make_citation(attendee, quote=URDU_ATTENDANCE, source=urdu)
    make_citation(attendee, quote=ENGLISH_ATTENDANCE, source=english)
    return meeting, attendee, urdu, english


def attendee_block(page: str, attendee) -> str:
    return page.split(f'id="attendee-{attendee.pk}"')[1].split("</section>")[0]


def test_an_attendee_cited_in_urdu_and_english_shows_both_quotes_each_in_its_language(client, army_chief_cited_twice):
    meeting, attendee, _urdu, _english = army_chief_cited_twice
    block = attendee_block(client.get(meeting.get_absolute_url()).content.decode(), attendee)
    assert f'<blockquote lang="ur" dir="rtl"><p>{URDU_ATTENDANCE}</p></blockquote>' in block
    assert f'<blockquote lang="en" dir="ltr"><p>{ENGLISH_ATTENDANCE}</p></blockquote>' in block


def test_urdu_and_english_reports_are_two_independent_sources_on_the_page(client, army_chief_cited_twice):
    meeting, attendee, _urdu, _english = army_chief_cited_twice
    page = client.get(meeting.get_absolute_url()).content.decode()
    counts = corroboration_for_facts(attendees=[attendee.pk])[("attendee", attendee.pk)]
    assert (counts.reports, counts.independent) == (2, 2)
    assert '<th scope="row" class="fact-label">Attendance: Asim Munir</th><td class="corroboration-summary">2 reports, 2 independent sources</td>' in page


def test_an_urdu_and_an_english_copy_of_one_statement_count_once_however_the_origin_is_punctuated(client, army_chief_cited_twice):
    meeting, attendee, urdu, english = army_chief_cited_twice
    urdu.origin = STATEMENT
    urdu.save()
    english.origin = "PMO statement 22 June 2024"  # typed without the comma: the same words, the same statement
    english.save()
    page = client.get(meeting.get_absolute_url()).content.decode()
    counts = corroboration_for_facts(attendees=[attendee.pk])[("attendee", attendee.pk)]
    assert (counts.reports, counts.independent) == (2, 1)
    assert (
        '<th scope="row" class="fact-label">Attendance: Asim Munir</th><td class="corroboration-summary">'
        f"2 reports, 1 independent source: both carry the {STATEMENT}</td>"
    ) in page


def test_the_source_form_offers_the_origins_already_recorded(publisher_client, army_chief_cited_twice):
    _meeting, _attendee, urdu, english = army_chief_cited_twice
    english.origin = STATEMENT
    english.save()
    form = publisher_client.get(reverse("admin:sources_sourcedocument_change", args=[urdu.pk])).content.decode()
    assert 'list="recorded-origins"' in form
    assert f'<datalist id="recorded-origins"><option value="{STATEMENT}"></option></datalist>' in form
