"""The meeting list's "Chaired by" filter: typed, suggesting a few chairs, the same size however many there are."""
import datetime

from meetings.models import Attendee, PersonAlias
from meetings.public_filters import CHAIR_SUGGESTIONS
from tests.archive_sample import add_attendee


def chair_meetings(make_meeting, make_person, body, count):
    for n in range(count):
        meeting = make_meeting(body=body, title=f"Provincial apex committee {n}", date=datetime.date(2023, 1, 1) + datetime.timedelta(days=n))
        add_attendee(meeting=meeting, person=make_person(name=f"Chair Number {n:04d}"), role=Attendee.Role.CHAIR)


def results_of(page: str) -> str:
    return page.split('class="results"')[1]


def test_a_chair_is_found_by_name_by_another_spelling_or_by_slug(client, sample_archive):
    PersonAlias.objects.create(person=sample_archive.prime_minister, name="Shahbaz Sharif")
    for typed in ("Shehbaz Sharif", "shehbaz sharif", "Shahbaz Sharif", "shehbaz-sharif"):
        response = client.get("/meetings/", {"chair": typed})
        assert response.status_code == 200, typed
        assert sample_archive.meeting.title in results_of(response.content.decode()), typed


def test_a_name_no_chair_has_is_a_400_naming_the_field(client, sample_archive):
    response = client.get("/meetings/", {"chair": "Nobody Atall"})
    assert response.status_code == 400
    assert "Chaired by: no one who chaired a published meeting is called “Nobody Atall”." in response.content.decode()


def test_the_filter_does_not_grow_with_the_number_of_chairs(client, sample_archive, make_meeting, make_person, count_queries):
    chair_meetings(make_meeting, make_person, sample_archive.meeting.body, CHAIR_SUGGESTIONS + 5)
    small = client.get("/meetings/").content.decode()
    small_queries = count_queries("/meetings/")
    for n in range(200):
        add_attendee(meeting=make_meeting(body=sample_archive.meeting.body, date=datetime.date(2023, 6, 1)), person=make_person(name=f"Later Chair {n:04d}"), role=Attendee.Role.CHAIR)
    large = client.get("/meetings/").content.decode()
    datalist = large.split('<datalist id="chair-suggestions">')[1].split("</datalist>")[0]
    assert datalist.count("<option") == CHAIR_SUGGESTIONS
    assert '<input type="text" name="chair"' in large and 'list="chair-suggestions"' in large
    # 200 more chairs: the filter's markup is the same size (the list of meetings is paginated).
    filter_form = lambda page: page.split('<form class="filters"')[1].split("</form>")[0]  # noqa: E731
    assert len(filter_form(large)) == len(filter_form(small))
    assert count_queries("/meetings/") == small_queries
