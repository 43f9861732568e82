"""Urdu reports read by the same extraction as English ones: dates, the meeting, and accepting it with Urdu quotes."""
import datetime
import io

import pytest
from django.core.management import call_command

from curation.extraction import dates
from curation.extraction.pipeline import extract
from curation.services import proposal_accept
from foundations.aliases import is_arabic_script
from meetings.models import Attendee, Body
from operations.models import Operation
from sources.models import Citation, SourceDocument
from tests.sources.urdu_report import URDU_REPORT


def resolve_first(text, published_on):
    mention = dates.find_dates(text)[0]
    return mention, dates.resolve(mention, published_on)


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        # The report: "on Saturday" in a Sunday paper is the day before.
        ("مرکزی ایپکس کمیٹی کا اجلاس ہفتے کے روز ہوا۔", datetime.date(2024, 6, 23), datetime.date(2024, 6, 22)),
        ("اجلاس ہفتہ کو ہوا۔", datetime.date(2024, 6, 23), datetime.date(2024, 6, 22)),
        # A same-day online report, and one across a month boundary (Tuesday 2 July: Monday 1 July, Friday 28 June).
        ("اجلاس جمعرات کو منعقد ہوا۔", datetime.date(2024, 7, 25), datetime.date(2024, 7, 25)),
        ("اجلاس پیر کے روز ہوا۔", datetime.date(2024, 7, 2), datetime.date(2024, 7, 1)),
        ("اجلاس بروز جمعہ ہوا۔", datetime.date(2024, 7, 2), datetime.date(2024, 6, 28)),
        # Arabic letter forms (heh) read as the Urdu ones.
        ("اجلاس جمعه کو ہوا۔", datetime.date(2024, 7, 2), datetime.date(2024, 6, 28)),
        # "گزشتہ روز" (the day before), the print papers' word.
        ("اجلاس گزشتہ روز ہوا۔", datetime.date(2023, 6, 8), datetime.date(2023, 6, 7)),
    ],
)
def test_an_urdu_weekday_is_the_last_such_day_on_or_before_the_report(text, published_on, expected):
    mention, resolved = resolve_first(text, published_on)
    assert mention.quote in text
    assert (resolved.date, resolved.precision) == (expected, dates.DAY)


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        ("اجلاس ۲۳ جون ۲۰۲۴ کو ہوا۔", None, datetime.date(2024, 6, 23)),
        ("اجلاس 23 جون 2024ء کو ہوا۔", None, datetime.date(2024, 6, 23)),
        # Without a year: the last such day on or before the report, so a December date in a January report is last year's.
        ("اجلاس 23 جون کو ہوا۔", datetime.date(2024, 6, 25), datetime.date(2024, 6, 23)),
        ("اجلاس ۲۸ دسمبر کو ہوا۔", datetime.date(2025, 1, 2), datetime.date(2024, 12, 28)),
        # A weekday written with the date is checked, not used.
        ("اجلاس بدھ ۱۱ ستمبر ۲۰۱۹ کو ہوا۔", None, datetime.date(2019, 9, 11)),
    ],
)
def test_an_urdu_date_in_urdu_or_latin_digits_gives_the_day(text, published_on, expected):
    mention, resolved = resolve_first(text, published_on)
    assert (resolved.date, resolved.precision, resolved.confident) == (expected, dates.DAY, True)
    assert text[mention.start : mention.end] == mention.quote


def test_urdu_months_without_a_day_give_the_month_and_other_words_are_not_dates():
    _mention, resolved = resolve_first("جون 2024 میں اجلاس ہوا۔", datetime.date(2024, 8, 1))
    assert (resolved.date, resolved.precision) == (datetime.date(2024, 6, 1), dates.MONTH)
    # "گزشتہ ہفتے" is last week, not a Saturday; "ہفتہ" without "کو" or "کے روز" is a week.
    assert [m.relative for m in dates.find_dates("گزشتہ ہفتے کے دوران ایک ہفتہ گزرا۔")] == ["last week"]
    # A wrong weekday beside the date is flagged for the editor.
    _mention, resolved = resolve_first("اجلاس جمعہ ۲۳ جون ۲۰۲۴ کو ہوا۔", None)
    assert resolved.date == datetime.date(2024, 6, 23) and not resolved.confident


def test_an_urdu_preview_proposes_no_meeting_and_a_postponed_one_neither(gazetteer):
    preview = "اسلام آباد: وزیراعظم شہباز شریف کل پشاور میں ایپکس کمیٹی کے اجلاس کی صدارت کریں گے۔\n"
    postponed = "کراچی (اسٹاف رپورٹر) آج ہونے والا سندھ ایپکس کمیٹی کا اجلاس ملتوی کر دیا گیا ہے۔\n"
    assert extract(preview, datetime.date(2023, 2, 2), gazetteer).meeting is None
    assert extract(postponed, datetime.date(2025, 2, 20), gazetteer).meeting is None
    # The same sitting, held: a meeting, dated the day of this same-day report.
    held = "اسلام آباد: وزیراعظم شہباز شریف کی زیر صدارت آج پشاور میں ایپکس کمیٹی کا اجلاس ہوا۔\n"
    meeting = extract(held, datetime.date(2023, 2, 3), gazetteer).meeting.values
    assert (meeting["body_key"], meeting["date"], meeting["place"]) == ("body:central-apex-committee", "2023-02-03", "Peshawar")


def test_an_urdu_report_imports_as_urdu_and_an_editor_accepts_its_meeting_with_urdu_quotes(
    tmp_path, admin_user, make_body, make_person, make_operation
):
    body = make_body(name="Central Apex Committee on the National Action Plan", slug="central-apex-committee",
                     kind=Body.Kind.FEDERAL_APEX_COMMITTEE)
    shehbaz = make_person(name="Shehbaz Sharif", slug="shehbaz-sharif")
    shehbaz.aliases.create(name="شہباز شریف")
    azm = make_operation(name="Azm-e-Istehkam", slug="azm-e-istehkam", kind=Operation.Kind.VISION)
    path = tmp_path / "jang.txt"
    path.write_text(URDU_REPORT, encoding="utf-8")

    call_command("import_sources", str(path), stdout=io.StringIO())

    source = SourceDocument.objects.get()
    assert source.language == "ur"
    meeting_proposal = source.proposals.get(kind="meeting")
    values = meeting_proposal.values
    # Day-precise from "ہفتے کے روز" and the publication date (Sunday 23 June 2024).
    assert (values["body_key"], values["date"], values["date_precision"], values["date_as_written"]) == (
        "body:central-apex-committee", "2024-06-22", "day", "ہفتے کے روز")
    assert (values["chair_office"], values["chair_name"]) == ("Prime Minister", "شہباز شریف")
    attendee_proposals = list(source.proposals.filter(kind="attendee"))
    assert {"office:prime-minister", "office:chief-of-army-staff", "group:chief-ministers", "group:federal-ministers"} <= {
        proposal.values["key"] for proposal in attendee_proposals}
    operation_proposal = source.proposals.get(kind="operation")
    assert operation_proposal.values["record_id"] == azm.pk

    meeting = proposal_accept(proposal=meeting_proposal, user=admin_user).matched_meeting
    for proposal in [*attendee_proposals, operation_proposal]:
        proposal_accept(proposal=proposal, user=admin_user, correction_note="Cited from an Urdu report.")

    meeting.refresh_from_db()
    assert (meeting.body, meeting.date, meeting.date_precision) == (body, datetime.date(2024, 6, 22), "day")
    chair = meeting.attendees.get(role=Attendee.Role.CHAIR)
    assert (chair.office.title, chair.person) == ("Prime Minister", shehbaz)  # the Urdu name is the archive's person
    assert "ہفتے کے روز" in meeting.citations.get().quote
    citations = Citation.objects.filter(source=source)
    assert citations.count() == 1 + len(attendee_proposals) + 1
    for citation in citations:
        assert citation.quote in source.text and is_arabic_script(citation.quote)
    assert azm.citations.filter(source=source).exists()


URDU_PAGE = """title: کوئٹہ میں ایپکس کمیٹی کا اجلاس
published: 2025-07-23
---
بلوچستان ایپکس کمیٹی کا اجلاس، شاہراہوں پر سکیورٹی سخت کرنے کی منظوری
نمائندہ خصوصی | 23 جولائی 2025
کوئٹہ (دنیا نیوز) وزیراعلیٰ بلوچستان میر سرفراز بگٹی کی زیر صدارت صوبائی ایپکس کمیٹی کا اجلاس منگل کے روز ہوا۔
اجلاس میں کمانڈر سدرن کمانڈ، آئی جی پولیس بلوچستان اور متاثرہ اضلاع کے ڈپٹی کمشنرز نے شرکت کی۔
وزیراعلیٰ سرفراز بگٹی اجلاس کی صدارت کر رہے ہیں، جمعرات کو — فوٹو: ڈی جی پی آر
اجلاس نے کالعدم بلوچستان لبریشن آرمی کے خلاف کارروائیوں کی منظوری دی۔
مزید پڑھیں: ایپکس کمیٹی کا اجلاس جمعہ کو ہوگا
"""


def test_an_urdu_web_page_is_read_from_its_dateline_and_its_furniture_is_never_quoted(gazetteer):
    result = extract(URDU_PAGE, datetime.date(2025, 7, 23), gazetteer)
    meeting = result.meeting.values
    # The caption's "جمعرات کو" and the related link's "جمعہ کو" are not the meeting's day; the dateline gives the place.
    assert (meeting["body_key"], meeting["date"], meeting["place"], meeting["chair_name"]) == (
        "body:apex-committee:balochistan", "2025-07-22", "Quetta", "میر سرفراز بگٹی")
    keys = [proposal.values["key"] for proposal in result.attendees]
    assert keys == ["office:chief-minister:balochistan", "office:commander-southern-command",
                    "office:inspector-general-of-police:balochistan", "new-group:متاثرہ اضلاع کے ڈپٹی کمشنرز"]
    assert [proposal.values["key"] for proposal in result.organisations] == ["organisation:bla"]
    assert result.organisations[0].values["called_banned"]
    assert [decision.values["action"] for decision in result.decisions] == ["approved"]
    for proposal in result.proposals:
        assert URDU_PAGE[proposal.start : proposal.end] == proposal.quote
        assert "فوٹو" not in proposal.quote and "مزید پڑھیں" not in proposal.quote and "نمائندہ خصوصی" not in proposal.quote
