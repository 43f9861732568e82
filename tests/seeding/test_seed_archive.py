"""What the curated seed archive says: true to the five seed articles, every fact cited."""
import datetime

import pytest

from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, Weekday
from operations.models import Operation
from sources.models import Citation, SourceDocument

S000 = "000_ab17765b30e5a3e2.txt"
S001 = "001_84d199cf34c98c0a.txt"
S002 = "002_260138dbe8ca0405.txt"
S003 = "003_aa2dfc4a54fb6357.txt"
S004 = "004_e9d9dd724f1d3e7b.txt"

pytestmark = pytest.mark.usefixtures("curated_archive")


def cited_files(fact):
    return set(fact.citations.values_list("source__original_filename", flat=True))


def test_every_published_fact_has_a_citation():
    for model in (Meeting, Attendee, Decision, Operation):
        uncited = model.objects.published().filter(citations__isnull=True)
        assert list(uncited) == [], model.__name__


def test_every_quote_is_in_its_source_text():
    citations = Citation.objects.select_related("source")
    assert citations.count() > 100
    assert [c for c in citations if c.quote not in c.source.text] == []


def test_the_22_june_meeting_is_one_meeting_reported_twice():
    meetings = Meeting.objects.filter(date=datetime.date(2024, 6, 22))
    assert meetings.count() == 1
    meeting = meetings.get()
    assert meeting.date_precision == DatePrecision.DAY
    assert meeting.weekday == Weekday.SATURDAY
    assert meeting.place == "Islamabad"
    assert meeting.body.slug == "central-apex-committee-nap"
    assert cited_files(meeting) == {S000, S001}
    assert "on 22 June" in meeting.date_note and "on Saturday" in meeting.date_note


def test_the_22_june_meeting_is_chaired_by_shehbaz_sharif_as_prime_minister():
    meeting = Meeting.objects.get(date=datetime.date(2024, 6, 22))
    [chair] = meeting.chairs
    assert chair.person.name == "Shehbaz Sharif"
    assert chair.office.title == "Prime Minister"
    assert S000 in cited_files(chair)


def test_the_22_june_attendance_lists_offices_and_groups():
    meeting = Meeting.objects.get(date=datetime.date(2024, 6, 22))
    offices = set(meeting.attendees.exclude(office=None).values_list("office__title", flat=True))
    assert {"Deputy Prime Minister", "Defence Minister", "Interior Minister", "Finance Minister", "Law Minister", "Information Minister"} <= offices
    groups = set(meeting.attendees.exclude(group_label="").values_list("group_label", flat=True))
    assert {"chief ministers of all provinces and GB", "service chiefs", "chief secretaries of the provinces"} <= groups
    chief_ministers = meeting.attendees.get(group_label="chief ministers of all provinces and GB")
    assert cited_files(chief_ministers) == {S000, S001}


def test_both_versions_of_the_security_situation_are_cited_and_noted():
    international = Citation.objects.get(source__original_filename=S000, quote__contains="international security situation")
    internal = Citation.objects.get(source__original_filename=S001, quote__contains="internal security situation")
    assert international.decision is not None
    assert international.decision == internal.decision
    assert "international" in international.decision.note and "internal" in international.decision.note


def test_both_accounts_of_who_consented_are_cited_and_noted():
    approval = Decision.objects.get(meeting__date=datetime.date(2024, 6, 22), operations__slug="azm-e-istehkam", action=Decision.Action.APPROVED)
    quotes = {c.source.original_filename: [] for c in approval.citations.all()}
    for citation in approval.citations.all():
        quotes[citation.source.original_filename].append(citation.quote)
    assert any("Azad Jammu and Kashmir (AJK)" in quote for quote in quotes[S001])
    assert any("all provinces and Gilgit-Baltistan" in quote for quote in quotes[S000])
    assert "AJK" in approval.note


def test_the_balochistan_meeting_has_only_a_weekday():
    meeting = Meeting.objects.get(slug="federal-apex-committee-balochistan-operation")
    assert meeting.date is None
    assert meeting.date_precision == DatePrecision.UNKNOWN
    assert meeting.weekday == Weekday.TUESDAY
    assert meeting.date_display == "a Tuesday, date not established"
    assert cited_files(meeting) == {S002}
    [chair] = meeting.chairs
    assert chair.person.slug == "shehbaz-sharif"


def test_the_imran_khan_meeting_has_only_a_weekday_and_no_invented_chair():
    meeting = Meeting.objects.get(slug="apex-committee-revised-nap-imran-khan")
    assert meeting.date is None
    assert meeting.weekday == Weekday.THURSDAY
    assert meeting.chairs == []  # 003 does not say who chaired
    assert meeting.attendees.filter(person__name="Imran Khan", office__title="Prime Minister").exists()
    assert meeting.attendees.count() == 15


def test_the_analysis_piece_gives_no_meeting():
    assert not Meeting.objects.filter(citations__source__original_filename=S004).exists()


def test_the_azm_e_istehkam_spellings_are_one_operation():
    azm = Operation.objects.get(slug="azm-e-istehkam")
    for spelling in ["Azm-e-Istehkam", "AZM-E-ISTEHKAM", "Azm-e-Istahkam", "Vision Azm-e-Istehkam", "Operation Azm-e-Istehkam"]:
        assert list(Operation.objects.named(spelling)) == [azm], spelling
    assert azm.kind == Operation.Kind.NATIONAL_CAMPAIGN
    assert "Operation" in azm.kind_note and "vision" in azm.kind_note
    assert azm.launch_meeting.date == datetime.date(2024, 6, 22)
    assert cited_files(azm) == {S000, S001, S002, S004}


def test_the_balochistan_operation_is_unnamed_and_placed_under_the_vision_with_the_passage_cited():
    operation = Operation.objects.get(slug="balochistan-military-operation")
    assert operation.kind == Operation.Kind.MILITARY_OPERATION
    assert "no name" in operation.summary
    assert operation.parent.slug == "azm-e-istehkam"
    assert operation.citations.filter(quote__contains="under the framework of ‘Vision Azm-e-Istehkam’").exists()
    assert operation.launch_meeting.slug == "federal-apex-committee-balochistan-operation"
    assert list(operation.regions.values_list("name", flat=True)) == ["Balochistan"]


def test_the_security_policy_is_a_policy_cited_from_the_analysis():
    policy = Operation.objects.get(name="National Internal Security Policy 2023-2028")
    assert policy.kind == Operation.Kind.POLICY
    assert cited_files(policy) == {S004}


def test_decisions_name_the_bodies_they_concern():
    district = Decision.objects.get(bodies__slug="district-coordination-committees")
    assert set(district.bodies.values_list("slug", flat=True)) == {"district-coordination-committees", "provincial-apex-committees"}
    assert Decision.objects.filter(bodies__short_name="NACTA", action=Decision.Action.AGREED).exists()
    assert Body.objects.get(slug="central-apex-committee-nap").aliases.filter(name="apex committee on the NAP").exists()


def test_people_are_one_record_whatever_the_sources_call_them():
    shehbaz = Attendee.objects.filter(person__slug="shehbaz-sharif")
    assert shehbaz.count() == 2
    aliases = set(shehbaz.first().person.aliases.values_list("name", flat=True))
    assert {"Muhammad Shehbaz Sharif", "PM Shehbaz"} <= aliases
    munir = Attendee.objects.get(person__slug="asim-munir")
    assert munir.office.title == "Chief of Army Staff"
    assert {"General Syed Asim Munir", "COAS Munir"} <= set(munir.person.aliases.values_list("name", flat=True))


def test_sources_carry_only_the_metadata_their_texts_establish():
    sources = {source.original_filename: source for source in SourceDocument.objects.all()}
    assert sources[S000].published_on == datetime.date(2024, 6, 23)
    assert [name for name, source in sources.items() if source.published_on] == [S000]
    assert sources[S004].title == "Azm-e-Istehkam not an operation, but a vision to assert state authority"
    assert sources[S004].author == "Adeel Warraich"
    assert sources[S004].kind == SourceDocument.Kind.ANALYSIS
    for name in (S000, S001, S002, S003):
        assert sources[name].title.startswith("[") and sources[name].title.endswith("]"), name
        assert sources[name].author == ""
    assert all(source.outlet == "" for source in sources.values())
