import datetime

import pytest

from curation.extraction import dates


def resolve_first(text, published_on, **kwargs):
    mention = dates.find_dates(text)[0]
    return dates.resolve(mention, published_on, **kwargs)


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        # Sunday report of Saturday's meeting: the seeds' case.
        ("The PM on Saturday gave the go-ahead.", datetime.date(2024, 6, 23), datetime.date(2024, 6, 22)),
        # Across a month boundary: Tuesday 2 July, "on Saturday" is 29 June.
        ("The committee met on Saturday.", datetime.date(2024, 7, 2), datetime.date(2024, 6, 29)),
        # Across a year boundary: Thursday 2 January 2025, "on Monday" is 30 December 2024.
        ("The committee met on Monday.", datetime.date(2025, 1, 2), datetime.date(2024, 12, 30)),
        ("It met last Friday.", datetime.date(2015, 1, 3), datetime.date(2015, 1, 2)),
    ],
)
def test_a_weekday_is_the_last_such_day_before_the_report(text, published_on, expected):
    resolved = resolve_first(text, published_on)
    assert resolved.date == expected
    assert resolved.precision == dates.DAY
    assert resolved.weekday == expected.weekday()
    assert resolved.confident


def test_a_same_day_report_is_dated_its_own_weekday():
    # An online report published on a Wednesday saying the committee met "on Wednesday" means that day.
    wednesday = datetime.date(2025, 3, 12)
    resolved = resolve_first("The provincial committee met on Wednesday and approved the plan.", wednesday)
    assert resolved.date == wednesday
    assert resolved.confident
    assert "publication day itself" in resolved.note
    # "last Wednesday" in the same report is the week before.
    assert resolve_first("The committee met last Wednesday.", wednesday).date == datetime.date(2025, 3, 5)
    # A print report of the next day gives the day before.
    assert resolve_first("The committee met on Wednesday.", datetime.date(2025, 3, 13)).date == wednesday


def test_a_weekday_without_a_publication_date_stays_a_weekday():
    resolved = resolve_first("According to the communiqué on Tuesday, the operation was approved.", None)
    assert resolved.date is None
    assert resolved.precision == dates.UNKNOWN
    assert resolved.weekday == 1
    assert "only the weekday" in resolved.note


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        ("chaired by the PM in Islamabad on 22 June.", datetime.date(2024, 6, 23), datetime.date(2024, 6, 22)),
        ("The meeting on June 22, 2024 approved it.", None, datetime.date(2024, 6, 22)),
        ("The meeting on 22nd June approved it.", datetime.date(2024, 6, 30), datetime.date(2024, 6, 22)),
        ("met on 22nd of June 2024", None, datetime.date(2024, 6, 22)),
        # A day and month after the report's date belong to the year before.
        ("met on 28 December", datetime.date(2025, 1, 3), datetime.date(2024, 12, 28)),
        ("met on 2024-06-22", None, datetime.date(2024, 6, 22)),
    ],
)
def test_explicit_days(text, published_on, expected):
    resolved = resolve_first(text, published_on)
    assert (resolved.date, resolved.precision) == (expected, dates.DAY)


def test_a_day_without_year_or_publication_date_is_not_guessed():
    resolved = resolve_first("met on 22 June", None)
    assert resolved.date is None and resolved.precision == dates.UNKNOWN


def test_months_keep_month_precision_across_the_year_boundary():
    assert resolve_first("after the hijacking in March 2025", None) == dates.ResolvedDate(
        datetime.date(2025, 3, 1), dates.MONTH, note="“in March 2025” gives the month only."
    )
    december = resolve_first("The committee met in December.", datetime.date(2025, 1, 10))
    assert (december.date, december.precision) == (datetime.date(2024, 12, 1), dates.MONTH)


def test_a_weekday_that_contradicts_the_date_is_flagged():
    resolved = resolve_first("met on Friday, 22 June 2024", None)
    assert resolved.date == datetime.date(2024, 6, 22)
    assert not resolved.confident and "was a Saturday" in resolved.note


def test_may_the_verb_is_not_a_month():
    assert dates.find_dates("Officials said the plan may be revised.") == []


def test_publication_date_read_from_the_first_line():
    assert dates.publication_date_in_text(" date 2024-06-23 A meeting of the committee") == datetime.date(2024, 6, 23)
    assert dates.publication_date_in_text("title: X\npublished: 2015-01-03\n---\nPESHAWAR: ...") == datetime.date(2015, 1, 3)
    assert dates.publication_date_in_text("ISLAMABAD: Prime Minister ...") is None
