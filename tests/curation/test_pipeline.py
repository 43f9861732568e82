"""The extraction pipeline field by field, on the seeds and on reports written in other outlets' styles."""
import datetime

from curation.extraction.pipeline import extract

KP_REPORT = """PESHAWAR: The Khyber Pakhtunkhwa Apex Committee on Monday decided to raise the strength of the Counter Terrorism Department by 1,500 personnel.
Chief Minister Ali Amin Gandapur chaired the meeting, which was attended by Corps Commander Peshawar Lt Gen Umar Ahmad Bukhari, the chief secretary and the inspector general of police.
Participants were briefed on the threat posed by Fitna al-Khawarij and the Hafiz Gul Bahadur group, and on Operation Azm-i-Istehkam.
The committee approved Rs2.5 billion for equipment. The conviction rate stood at 35 percent.
"""


def keys(proposals):
    return [p.values["key"] for p in proposals]


def test_every_quote_is_the_text_between_its_offsets(seed_text, gazetteer):
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_text(prefix)
        for proposal in extract(text, None, gazetteer).proposals:
            assert text[proposal.start : proposal.end] == proposal.quote


def test_seed_000_meeting(seed_text, gazetteer):
    meeting = extract(seed_text("000"), None, gazetteer).meeting.values
    assert meeting["body_key"] == "body:central-apex-committee"
    assert (meeting["date"], meeting["date_precision"]) == ("2024-06-22", "day")
    assert meeting["place"] == "Islamabad"
    assert (meeting["chair_office"], meeting["chair_name"]) == ("Prime Minister", "Muhammad Shehbaz Sharif")


def test_seed_001_keeps_the_weekday_when_the_report_has_no_date(seed_text, gazetteer):
    text = seed_text("001")
    meeting = extract(text, None, gazetteer).meeting.values
    assert (meeting["date"], meeting["date_precision"], meeting["weekday"]) == (None, "unknown", 5)
    assert meeting["place"] == "Islamabad" and meeting["place_from"] == "dateline"
    # With the publication date an editor fills in, "on Saturday" resolves.
    dated = extract(text, datetime.date(2024, 6, 23), gazetteer).meeting.values
    assert (dated["date"], dated["date_precision"]) == ("2024-06-22", "day")


def test_seed_001_operation_spellings_are_one_operation(seed_text, gazetteer):
    (operation,) = extract(seed_text("001"), None, gazetteer).operations
    assert operation.values["key"] == "operation:azm-e-istehkam"
    assert operation.values["spellings"] == ["Azm-e-Istehkam", "Azm-e-Istahkam"]


def test_seed_000_attendees_list_ministers_and_groups(seed_text, gazetteer):
    attendees = extract(seed_text("000"), None, gazetteer).attendees
    assert keys(attendees) == [
        "office:prime-minister",
        "office:deputy-prime-minister",
        "office:minister-foreign-affairs",
        "office:minister-defence",
        "office:minister-interior",
        "office:minister-finance",
        "office:minister-law",
        "office:minister-information",
        "group:chief-ministers",
        "group:service-chiefs",
        "group:chief-secretaries",
        # A group the gazetteer lacks, proposed in the report's own words (issue 14).
        "new-group:various senior civilian, military, and law enforcement officers",
    ]
    assert attendees[0].values["role"] == "chair"
    group = attendees[8].values
    assert group["group_label"] == "all provincial Chief Ministers, including Gilgit-Baltistan"
    assert group["office_title"] is None


def test_seed_003_coordinated_minister_list_and_chair_leading_the_report(seed_text, gazetteer):
    extraction = extract(seed_text("003"), None, gazetteer)
    assert extraction.meeting.values["chair_name"] == "Imran Khan"
    assert extraction.meeting.values["chair_from"] == "leads the report"
    found = keys(extraction.attendees)
    for office in ("office:minister-foreign-affairs", "office:minister-defence", "office:minister-finance",
                   "office:minister-interior", "office:minister-information", "office:dg-isi",
                   "office:prime-minister:azad-jammu-and-kashmir", "group:inspectors-general-of-police"):
        assert office in found
    assert "group:federal-ministers" not in found


def test_seed_002_banned_organisations_and_decisions(seed_text, gazetteer):
    extraction = extract(seed_text("002"), None, gazetteer)
    assert keys(extraction.organisations) == [
        "organisation:majeed-brigade", "organisation:bla", "organisation:blf", "organisation:bras",
    ]
    decisions = {d.values["action"]: d for d in extraction.decisions}
    assert decisions["approved"].quote.startswith("The federal apex committee of the National Action Plan has approved")
    assert decisions["approved"].values["domain"] == "military"
    assert decisions["decided"].quote.startswith("It was decided to establish district coordination committees")
    assert decisions["decided"].values["domain"] == "governance"
    assert decisions["directed"].quote.startswith("PM Shehbaz directed all stakeholders")


def test_decisions_of_another_meeting_are_not_proposed(seed_text, gazetteer):
    quotes = [d.quote for d in extract(seed_text("003"), None, gazetteer).decisions]
    assert not any(quote.startswith("Last month") for quote in quotes)
    assert any("National Crisis Information Management Cell" in quote for quote in quotes)


def test_provincial_report(gazetteer):
    extraction = extract(KP_REPORT, datetime.date(2024, 7, 2), gazetteer)
    meeting = extraction.meeting.values
    assert meeting["body_key"] == "body:apex-committee:khyber-pakhtunkhwa"
    assert (meeting["date"], meeting["weekday"]) == ("2024-07-01", 0)
    assert meeting["chair_name"] == "Ali Amin Gandapur"
    # A bare "chief secretary" at a provincial apex committee is that province's.
    assert keys(extraction.attendees) == [
        "office:chief-minister:khyber-pakhtunkhwa",
        "office:corps-commander:peshawar",
        "office:chief-secretary:khyber-pakhtunkhwa",
        "office:inspector-general-of-police:khyber-pakhtunkhwa",
    ]
    assert extraction.attendees[1].values["person_name"] == "Umar Ahmad Bukhari"
    assert keys(extraction.organisations) == ["organisation:ttp", "organisation:hafiz-gul-bahadur-group"]
    assert keys(extraction.operations) == ["operation:azm-e-istehkam"]


def test_the_apex_committee_is_resolved_from_context(gazetteer):
    text = "QUETTA: Chief Minister Sarfraz Bugti on Saturday presided over a meeting of the provincial apex committee."
    assert extract(text, None, gazetteer).meeting.values["body_key"] == "body:apex-committee:balochistan"
    text = "ISLAMABAD: Prime Minister Nawaz Sharif on Thursday presided over the apex committee meeting."
    assert extract(text, None, gazetteer).meeting.values["body_key"] == "body:central-apex-committee"


def test_a_province_elsewhere_in_the_sentence_does_not_make_the_committee_provincial(gazetteer):
    text = ("ISLAMABAD: Prime Minister Shehbaz Sharif on Tuesday chaired a meeting of the apex committee on the NAP, "
            "which approved a comprehensive military operation against terrorist organisations operating in Balochistan.")
    assert extract(text, None, gazetteer).meeting.values["body_key"] == "body:central-apex-committee"
    text = "PESHAWAR: The apex committee on the NAP in Khyber Pakhtunkhwa met on Monday."
    assert extract(text, None, gazetteer).meeting.values["body_key"] == "body:apex-committee:khyber-pakhtunkhwa"


def test_national_internal_security_committee(gazetteer):
    text = "ISLAMABAD: The National Internal Security Committee (NISC) met on Wednesday under the chairmanship of Interior Minister Ahsan Iqbal."
    meeting = extract(text, datetime.date(2018, 5, 10), gazetteer).meeting.values
    assert meeting["body_key"] == "body:national-internal-security-committee"
    assert (meeting["date"], meeting["chair_name"]) == ("2018-05-09", "Ahsan Iqbal")


def test_figures_with_what_they_count(seed_text, gazetteer):
    figures = {f.values["figure_text"]: f.values for f in extract(seed_text("004"), None, gazetteer).figures}
    assert figures["1,063 terrorism incidents"]["value"] == 1063
    assert figures["22,714 intelligence-based operations"]["unit"] == "count"
    assert figures["at least 1,346 suspects"]["qualifier"] == "at least"
    assert figures["44 percent"]["unit"] == "percent"
    assert "conviction rate" in figures["44 percent"]["measures"]
    assert figures["just 16,300 out of 32,000 madrassas got registered"]["out_of"] == 32000
    # Years and the policy's span are not figures.
    assert not any(value["value"] in (2023, 2024, 2028, 2014) for value in figures.values())


def test_amounts_in_rupees(gazetteer):
    figures = extract(KP_REPORT, None, gazetteer).figures
    amount = next(f.values for f in figures if f.values["unit"] == "rupees")
    assert (amount["value"], amount["scale"], amount["full_value"]) == (2.5, "billion", 2_500_000_000)
    assert next(f.values for f in figures if f.values["unit"] == "percent")["value"] == 35


def test_a_report_that_is_not_about_a_meeting_proposes_no_meeting(seed_text, gazetteer):
    extraction = extract(seed_text("004"), None, gazetteer)
    assert extraction.meeting is None
    assert extraction.decisions == []
    assert keys(extraction.operations) == ["operation:azm-e-istehkam"]


def test_an_agency_dateline_is_the_day_the_copy_was_filed(gazetteer):
    # APP files the day of the event: "on Thursday" in copy datelined Thursday 16 October is that day,
    # even though the page is dated the 17th.
    text = "LAHORE, Oct 16 (APP): The Punjab Apex Committee, chaired by Chief Minister Maryam Nawaz Sharif on Thursday, decided to act."
    meeting = extract(text, datetime.date(2025, 10, 17), gazetteer).meeting.values
    assert (meeting["date"], meeting["weekday"]) == ("2025-10-16", 3)
    # The dateline's own date is not the meeting's: "on Thursday" in copy of Friday 30 June is the 29th.
    text = "Islamabad, June 30: Prime Minister Muhammad Shehbaz Sharif chaired a meeting of the Apex Committee of the National Action Plan on Thursday."
    assert extract(text, datetime.date(2023, 6, 30), gazetteer).meeting.values["date"] == "2023-06-29"
    # Without a year anywhere, the dateline cannot date the meeting.
    text = "QUETTA, Aug 7 (APP): Chief Minister Abdul Malik Baloch on Thursday presided over a meeting of the provincial apex committee."
    assert extract(text, None, gazetteer).meeting.values["date"] is None


def test_chair_in_apposition_and_with_a_qualifier(gazetteer):
    text = "RAWALPINDI, April 12: General Raheel Sharif, Chief of Army Staff, chaired the Corps Commanders' Conference at the General Headquarters today."
    meeting = extract(text, datetime.date(2016, 4, 13), gazetteer).meeting.values
    assert (meeting["body_key"], meeting["chair_name"], meeting["date"]) == ("body:corps-commanders-conference", "Raheel Sharif", "2016-04-12")
    text = "QUETTA: The meeting of the Balochistan Apex Committee was presided over by caretaker Chief Minister Ali Mardan Domki."
    assert extract(text, None, gazetteer).meeting.values["chair_name"] == "Ali Mardan Domki"


def test_offices_listed_province_by_province(gazetteer):
    text = ("ISLAMABAD: The Board of Governors of NACTA met on Wednesday with Prime Minister Imran Khan in the chair. "
            "Chief Ministers of Punjab, Sindh, Khyber-Pakhtunkhwa and Balochistan attended.")
    attendees = keys(extract(text, None, gazetteer).attendees)
    assert attendees == ["office:prime-minister", "office:chief-minister:punjab", "office:chief-minister:sindh",
                         "office:chief-minister:khyber-pakhtunkhwa", "office:chief-minister:balochistan"]


def test_unqualified_provincial_security_offices_take_the_province_of_the_committee(gazetteer):
    text = ("KARACHI: The Sindh Apex Committee on Thursday decided to extend the Rangers' powers. "
            "The meeting was attended by the DG Rangers Maj Gen Bilal Akbar and the IGP.")
    attendees = extract(text, None, gazetteer).attendees
    assert keys(attendees) == ["office:dg-rangers:sindh", "office:inspector-general-of-police:sindh"]
    assert attendees[0].values["person_name"] == "Bilal Akbar"
