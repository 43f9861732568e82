"""Dates only as precise as the sources give them: a date with its precision (day, month, year, unknown) and a weekday.

Meetings, figures' periods and organisations' bans store a real date and a precision (a month-precise date
is the first of its month, a year-precise one 1 January); these say such a date in words and in ISO form.
"""
import calendar
import datetime

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Exact day"
    MONTH = "month", "Month and year only"
    YEAR = "year", "Year only"
    UNKNOWN = "unknown", "Not established by the sources"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


def vague_date_display(
    date: datetime.date | None, precision: str, *, weekday: int | None = None, missing: str = "date not established"
) -> str:
    """Return a date only as precisely as it is known: “2023”, “January 2024”, “22 June 2024”.

    Without a date, return `missing`, after the weekday where the sources give one (“a Tuesday, date not established”).
    """
    if date is None:
        return f"a {Weekday(weekday).label}, {missing}" if weekday is not None else missing
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.MONTH:
        return f"{calendar.month_name[date.month]} {date.year}"
    return f"{date.day} {calendar.month_name[date.month]} {date.year}"


def vague_date_iso(date: datetime.date | None, precision: str) -> str | None:
    """Return the date in ISO 8601 only as precise as it is known (YYYY, YYYY-MM, YYYY-MM-DD), or None without one."""
    if date is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{date:%Y}"
    if precision == DatePrecision.MONTH:
        return f"{date:%Y-%m}"
    return date.isoformat()
