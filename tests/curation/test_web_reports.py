"""The failure classes of real web pages, each from a new example (not the ones in the issue or the evaluation sets)."""
import datetime

import pytest
from django.core.management import call_command

from curation.extraction import pipeline
from curation.extraction.gazetteer import Gazetteer, builtin_entries
from curation.services import INLINE_EXTRACTION_MAX_CHARS, extracts_inline
from sources.models import SourceDocument

GAZETTEER = Gazetteer(builtin_entries())


def extract(text, published_on=None):
    return pipeline.extract(text, published_on, GAZETTEER)


def attendee_words(result):
    return {p.values["as_written"] for p in result.attendees if p.values.get("is_new")}


def attendee_keys(result):
    return {p.values["key"] for p in result.attendees}


def test_a_same_day_online_report_is_dated_the_publication_day():
    text = "Sindh apex body meets\nStaff Reporter | Published March 12, 2025\nKARACHI: The Sindh Apex Committee on Wednesday approved a plan."
    result = extract(text, datetime.date(2025, 3, 12))
    assert result.meeting.values["date"] == "2025-03-12"


def test_captions_and_bylines_are_not_the_meetings_sentence():
    text = (
        "Apex committee reviews security\n"
        "Ali Raza | Published May 8, 2024\n"
        "Police officials at a checkpoint in Peshawar on Monday. — Online\n"
        "PESHAWAR: The Khyber Pakhtunkhwa Apex Committee on Tuesday approved new check-posts.\n"
        "Related: Bannu police station attacked on Sunday\n"
    )
    result = extract(text, datetime.date(2024, 5, 8))
    assert result.meeting.values["date"] == "2024-05-07"
    assert result.meeting.quote.startswith("PESHAWAR: The Khyber Pakhtunkhwa Apex Committee")


def test_a_provincial_committee_is_known_by_where_it_met_and_its_offices_qualified():
    text = (
        "LAHORE: The apex committee met at the Civil Secretariat in Lahore on Monday. Chief Minister Usman Buzdar chaired the meeting, "
        "attended by the chief secretary, the IGP and the home secretary."
    )
    result = extract(text, datetime.date(2020, 1, 14))
    assert result.meeting.values["body_key"] == "body:apex-committee:punjab"
    assert {"office:chief-secretary:punjab", "office:inspector-general-of-police:punjab", "office:home-secretary:punjab"} <= attendee_keys(result)


def test_a_full_written_name_gives_the_province():
    text = "GILGIT: The Apex Committee for Gilgit-Baltistan (ACGB) met on Friday with the chief secretary in attendance."
    result = extract(text, datetime.date(2021, 6, 12))
    assert result.meeting.values["body_key"] == "body:apex-committee:gilgit-baltistan"


def test_unknown_offices_and_groups_are_proposed_in_their_own_words():
    text = (
        "QUETTA: The Balochistan Apex Committee met on Monday. The meeting was attended by the Commandant Balochistan Constabulary, "
        "the Secretary Home and Tribal Affairs, tribal elders of Kech and senior officers of the Levies Force."
    )
    result = extract(text, datetime.date(2022, 5, 10))
    words = attendee_words(result)
    assert "Commandant Balochistan Constabulary" in words
    assert "Secretary Home and Tribal Affairs" in words
    assert "tribal elders of Kech" in words
    assert "senior officers of the Levies Force" in words
    new = [p for p in result.attendees if p.values.get("is_new")]
    assert all(p.note for p in new)


@pytest.mark.parametrize(
    "sentence, chair",
    [
        ("Governor Kamran Tessori presided over the Sindh apex committee meeting on Monday, with the chief minister present.", "Kamran Tessori"),
        ("The Sindh Apex Committee met on Monday with caretaker Chief Minister Maqbool Baqar in the chair.", "Maqbool Baqar"),
        ("The Sindh Apex Committee, meeting under Chief Minister Murad Ali Shah on Monday, approved the plan.", "Murad Ali Shah"),
    ],
)
def test_who_chaired(sentence, chair):
    result = extract("KARACHI: " + sentence, datetime.date(2023, 9, 5))
    assert result.meeting.values["chair_name"] == chair


def test_a_meeting_the_prime_minister_chaired_without_a_named_body():
    text = (
        "ISLAMABAD: Prime Minister Nawaz Sharif has ordered action against terror financing.\n"
        "He was chairing a meeting on Tuesday to review the implementation of the plan, attended by the interior minister."
    )
    result = extract(text, datetime.date(2016, 3, 2))
    assert result.meeting.values["body_key"] == "body:high-level-meeting"
    assert result.meeting.values["date"] == "2016-03-01"
    assert result.meeting.values["chair_name"] == "Nawaz Sharif"


def test_a_page_reporting_no_meeting_proposes_none():
    text = (
        "Apex committees\nFrom the free encyclopedia\n"
        "The apex committees are bodies set up in 2015 to carry out the National Action Plan; each is usually chaired by the chief minister "
        "and includes the corps commander.\nSee also\nNational Action Plan"
    )
    result = extract(text)
    assert result.meeting is None and result.attendees == []


@pytest.mark.parametrize(
    "text",
    [
        "KARACHI: The Sindh apex committee will meet on Monday to review the security plan, officials said on Friday.",
        "LAHORE: The Punjab apex committee meeting scheduled for Thursday has been postponed, the chief minister's office said.",
    ],
)
def test_previews_and_postponements_are_not_reports_of_an_outcome(text):
    assert extract(text, datetime.date(2024, 2, 2)).meeting is None


def test_other_bodies():
    nsc = extract("ISLAMABAD: The National Security Committee met on Friday with the prime minister in the chair.", datetime.date(2023, 4, 8))
    assert nsc.meeting.values["body_key"] == "body:national-security-committee"
    apc = extract("ISLAMABAD: Prime Minister Nawaz Sharif chaired the all-parties conference on Wednesday.", datetime.date(2014, 12, 25))
    assert apc.meeting.values["body_key"] == "body:multi-party-conference"
    review = extract("KARACHI: The provincial NAP review committee met on Monday at the Sindh Secretariat.", datetime.date(2024, 5, 7))
    assert review.meeting.values["body_key"] == "body:nap-review-committee:sindh"


def test_a_new_outfit_called_banned_is_proposed():
    result = extract("QUETTA: The apex committee met on Monday and was told that the banned Baloch Liberation Tigers Army had set up camps.",
                     datetime.date(2024, 5, 7))
    assert any(p.values["is_new"] and "Baloch Liberation Tigers Army" in p.values["name"] for p in result.organisations)


def test_extracts_inline_draws_one_line():
    assert extracts_inline(SourceDocument(text="x" * INLINE_EXTRACTION_MAX_CHARS))
    assert not extracts_inline(SourceDocument(text="x" * (INLINE_EXTRACTION_MAX_CHARS + 1)))


@pytest.mark.django_db
def test_a_10_mb_source_imports_and_the_next_file_is_imported_too(tmp_path, capsys):
    paragraph = "ISLAMABAD: The apex committee met on Monday and reviewed the National Action Plan, attended by the chief secretary.\n"
    (tmp_path / "a_large.txt").write_text("published: 2024-01-02\n---\n" + paragraph * (10 * 1024 * 1024 // len(paragraph) - 1), encoding="utf-8")
    (tmp_path / "b_next.txt").write_text("published: 2024-01-02\n---\nKARACHI: The Sindh Apex Committee met on Tuesday.\n", encoding="utf-8")
    call_command("import_sources", str(tmp_path))
    output = capsys.readouterr().out
    assert SourceDocument.objects.filter(original_filename="a_large.txt").exists()
    assert SourceDocument.objects.filter(original_filename="b_next.txt").exists()
    assert "[1/2]" in output and "[2/2]" in output and " s)" in output


@pytest.mark.django_db
def test_an_article_without_a_published_line_is_evaluated(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("KARACHI, March 4, 2022 (APP): The Sindh Apex Committee met on Friday.\n", encoding="utf-8")
    (tmp_path / "answers.json").write_text(
        '[{"file": "a.txt", "meeting_date": "2022-03-04", "meeting_body": "Sindh Apex Committee", "chair": null}]', encoding="utf-8"
    )
    call_command("evaluate_extraction", str(tmp_path), str(tmp_path / "answers.json"))
    assert "1 of 1 articles evaluated" in capsys.readouterr().out


def test_qualifiers_listed_before_a_group_belong_to_it():
    text = "KARACHI: The Sindh Apex Committee met on Monday. Present were the IGP and senior civil, military and intelligence officials."
    assert "senior civil, military and intelligence officials" in attendee_words(extract(text, datetime.date(2022, 5, 10)))
