"""Dates only as precise as the sources give them: a date with its precision (day, month, year, unknown) and a weekday.

Meetings, figures' periods and organisations' bans store a real date and a precision (a month-precise date
is the first of its month, a year-precise one 1 January); these say such a date in words and in ISO form.
"""
import datetime

from django.db import models
from django.utils.dates import MONTHS
from django.utils.translation import gettext, gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact day")
    MONTH = "month", _("Month and year only")
    YEAR = "year", _("Year only")
    UNKNOWN = "unknown", _("Not established by the sources")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def vague_date_display(
    date: datetime.date | None, precision: str, *, weekday: int | None = None, missing: str | None = None
) -> str:
    """Return a date only as precisely as it is known: “2023”, “January 2024”, “22 June 2024”.

    Without a date, return `missing` (by default “date not established”), after the weekday where the
    sources give one (“a Tuesday, date not established”). Month names are in the active language.
    """
    if date is None:
        if missing is None:
            missing = gettext("date not established")
        if weekday is None:
            return str(missing)
        return gettext("a %(weekday)s, %(missing)s") % {"weekday": Weekday(weekday).label, "missing": missing}
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTHS[date.month]} {date.year:04d}"
    return day_month_year(date)


def day_month_year(date: datetime.date) -> str:
    """Return “22 June 2024”, the month named in the active language: Django's date format "j F Y", without
    parsing the format for every date (a search's hits and a meeting list show dozens)."""
    return f"{date.day} {MONTHS[date.month]} {date.year:04d}"


def vague_date_iso(date: datetime.date | None, precision: str) -> str | None:
    """Return the date in ISO 8601 only as precise as it is known (YYYY, YYYY-MM, YYYY-MM-DD), or None without one."""
    if date is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{date:%Y}"
    if precision == DatePrecision.MONTH:
        return f"{date:%Y-%m}"
    return date.isoformat()
