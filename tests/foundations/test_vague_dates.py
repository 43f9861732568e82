"""Dates in words: the short path that search hits and lists use says exactly what Django's date format says."""
import datetime

import pytest
from django.utils import translation
from django.utils.dateformat import format as django_date_format

from foundations.vague_dates import DatePrecision, day_month_year, vague_date_display

DATES = [datetime.date(2024, 6, 22), datetime.date(2023, 1, 1), datetime.date(2014, 12, 16), datetime.date(999, 9, 9)]


@pytest.mark.parametrize("language", ["en-gb", "ur"])
@pytest.mark.parametrize("date", DATES)
def test_day_month_year_is_djangos_j_F_Y_in_each_interface_language(language, date):
    with translation.override(language):
        assert day_month_year(date) == django_date_format(date, "j F Y")
        assert vague_date_display(date, DatePrecision.DAY) == django_date_format(date, "j F Y")
        assert vague_date_display(date, DatePrecision.MONTH) == django_date_format(date, "F Y")


def test_month_names_follow_the_interface_language():
    with translation.override("en-gb"):
        english = day_month_year(datetime.date(2024, 6, 22))
    with translation.override("ur"):
        urdu = day_month_year(datetime.date(2024, 6, 22))
    assert english == "22 June 2024"
    assert urdu != english and urdu.startswith("22 ") and urdu.endswith(" 2024")
