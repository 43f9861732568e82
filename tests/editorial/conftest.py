"""Admin form helpers for the editorial tests (the editor and publisher fixtures are in tests/conftest.py)."""
import pytest


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_change_data(meeting, **overrides):
    """Return the POST data of the meeting's admin form as it would be sent unchanged."""
    data = {
        "body": meeting.body_id,
        "title": meeting.title,
        "slug": meeting.slug,
        "date": meeting.date.isoformat() if meeting.date else "",
        "date_precision": meeting.date_precision,
        "weekday": "" if meeting.weekday is None else meeting.weekday,
        "date_note": meeting.date_note,
        "place": meeting.place,
        "summary": meeting.summary,
        "expected_version": meeting.version,
        "correction_note": "",
    }
    for prefix in ("agenda_items", "attendees", "decisions", "citations"):
        data.update(inline_management(prefix))
    data.update(overrides)
    return data


@pytest.fixture
def cited_meeting(make_meeting, make_source, make_citation):
    """A published meeting with one cited quote, in Islamabad."""
    source = make_source(text="The apex committee met in Islamabad on 22 June under the Prime Minister.")
    meeting = make_meeting(place="Islamabad")
    make_citation(meeting, quote="met in Islamabad on 22 June", source=source)
    return meeting
