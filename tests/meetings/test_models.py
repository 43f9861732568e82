import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from meetings.models import Attendee, DatePrecision, Meeting, Weekday


def test_day_precision_needs_a_date(make_meeting):
    meeting = make_meeting()
    meeting.date = None
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "date" in error.value.message_dict


def test_unknown_date_may_keep_the_weekday_a_source_gives(make_meeting):
    meeting = make_meeting(date=None, date_precision=DatePrecision.UNKNOWN, weekday=Weekday.TUESDAY)
    meeting.full_clean()
    assert meeting.date_display == "a Tuesday, date not established"


def test_weekday_must_agree_with_an_exact_date(make_meeting):
    meeting = make_meeting(date=datetime.date(2024, 6, 22), weekday=Weekday.TUESDAY)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "was a Saturday" in error.value.message_dict["weekday"][0]


def test_month_precision_is_shown_without_a_day(make_meeting):
    meeting = make_meeting(date=datetime.date(2024, 11, 1), date_precision=DatePrecision.MONTH)
    meeting.full_clean()
    assert meeting.date_display == "November 2024"


def test_month_precision_stores_the_first_of_the_month(make_meeting):
    meeting = make_meeting(date=datetime.date(2024, 11, 19), date_precision=DatePrecision.MONTH)
    with pytest.raises(ValidationError):
        meeting.full_clean()


def test_database_refuses_a_date_with_unknown_precision(make_meeting):
    with pytest.raises(IntegrityError):
        make_meeting(date=datetime.date(2024, 6, 22), date_precision=DatePrecision.UNKNOWN)


def test_attendee_must_be_someone(make_meeting):
    with pytest.raises(IntegrityError):
        Attendee.objects.create(meeting=make_meeting())


def test_only_published_meetings_are_public(make_meeting):
    public = make_meeting()
    make_meeting(status="draft")
    assert list(Meeting.objects.published()) == [public]
