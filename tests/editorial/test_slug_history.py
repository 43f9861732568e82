"""Slug history: a record's old slug still finds it (301 on pages and in the API, and in filters)."""
import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from editorial import services
from editorial.models import FormerSlug
from meetings.models import Attendee, Meeting, Person


@pytest.fixture
def api():
    cache.clear()
    return APIClient()


@pytest.fixture
def renamed_person(make_person, make_meeting, publisher):
    person = make_person(slug="shahbaz-sharif", name="Shahbaz Sharif")
    meeting = make_meeting()
    Attendee.objects.create(meeting=meeting, person=person, role="chair", status="published")
    person.slug, person.name = "shehbaz-sharif", "Shehbaz Sharif"
    services.record_save(record=person, user=publisher, correction_note="Name spelt as the government spells it.")
    return person, meeting


def test_an_old_api_address_redirects_permanently_to_the_current_one(api, renamed_person):
    person, _ = renamed_person
    answer = api.get("/api/v1/people/shahbaz-sharif/?include=attendances")
    assert answer.status_code == 301
    assert answer["Location"] == "/api/v1/people/shehbaz-sharif/?include=attendances"
    assert api.get(answer["Location"]).json()["id"] == person.pk


def test_an_old_page_address_redirects_permanently(client, renamed_person):
    answer = client.get("/people/shahbaz-sharif/")
    assert answer.status_code == 301
    assert answer["Location"].endswith("/shehbaz-sharif/")


def test_an_old_slug_still_filters(api, renamed_person):
    _, meeting = renamed_person
    answer = api.get("/api/v1/meetings/?person=shahbaz-sharif")
    assert answer.status_code == 200
    assert [m["id"] for m in answer.json()["results"]] == [meeting.pk]


def test_a_slug_taken_by_another_record_belongs_to_it(api, renamed_person, make_person, publisher):
    newcomer = Person(name="Another Shahbaz", slug="shahbaz-sharif")
    services.record_save(record=newcomer, user=publisher)
    assert not FormerSlug.objects.filter(slug="shahbaz-sharif").exists()


def test_an_unknown_slug_is_still_a_404(api, client, db):
    assert api.get("/api/v1/people/nobody-ever/").status_code == 404
    assert client.get("/people/nobody-ever/").status_code == 404


def test_a_former_slug_of_a_withdrawn_record_reveals_nothing(api, renamed_person, publisher):
    person, _ = renamed_person
    services.record_withdraw(record=Person.objects.get(pk=person.pk), user=publisher)
    assert api.get("/api/v1/people/shahbaz-sharif/").status_code == 404
