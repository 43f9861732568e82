"""The changes feed: what each editorial action lists, the cursor, and ids in addresses."""
import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from editorial import services
from editorial.models import Change
from foundations.publication import PublicationStatus
from meetings.models import Attendee, Person


@pytest.fixture
def api():
    cache.clear()
    return APIClient()


def feed(api, after=None):
    answer = api.get("/api/v1/changes/" + (f"?after={after}" if after else ""))
    assert answer.status_code == 200, answer.content
    return answer.json()


def start(api) -> str:
    return api.get("/api/v1/changes/?limit=0").json()["next_cursor"]


def entries(api, cursor):
    return {(entry["type"], entry["id"], entry["action"]) for entry in feed(api, cursor)["results"]}


@pytest.fixture
def chaired_meeting(make_meeting, make_person, make_citation):
    meeting = make_meeting()
    person = make_person()
    attendee = Attendee.objects.create(meeting=meeting, person=person, role=Attendee.Role.CHAIR, status=PublicationStatus.PUBLISHED)
    citation = make_citation(meeting)
    return meeting, person, attendee, citation


def test_renaming_a_person_lists_the_records_that_embed_them(api, publisher, chaired_meeting):
    meeting, person, attendee, _ = chaired_meeting
    cursor = start(api)
    person.name = "Shehbaz Sharif"
    services.record_save(record=person, user=publisher, correction_note="Name spelt as the source gives it.")
    listed = entries(api, cursor)
    assert ("person", person.pk, "updated") in listed
    assert ("person", person.pk, "corrected") in listed
    assert ("attendee", attendee.pk, "related_changed") in listed
    assert ("meeting", meeting.pk, "related_changed") in listed  # its chairs
    corrected = next(e for e in feed(api, cursor)["results"] if e["action"] == "corrected")
    assert corrected["note"] == "Name spelt as the source gives it."
    related = next(e for e in feed(api, cursor)["results"] if e["action"] == "related_changed")
    assert related["cause"] == {"type": "person", "id": person.pk}


def test_withdrawing_a_meeting_withdraws_its_parts_in_the_feed(api, publisher, chaired_meeting):
    meeting, _, attendee, citation = chaired_meeting
    cursor = start(api)
    services.record_withdraw(record=meeting, user=publisher)
    listed = entries(api, cursor)
    assert {("meeting", meeting.pk, "withdrawn"), ("attendee", attendee.pk, "withdrawn"), ("citation", citation.pk, "withdrawn")} <= listed


def test_deleting_a_citation_is_listed_with_the_fact_it_supported(api, publisher, chaired_meeting):
    meeting, _, _, citation = chaired_meeting
    cursor = start(api)
    citation_id = citation.pk
    services.record_delete(record=citation, user=publisher, correction_note="The quote was from another meeting.")
    listed = entries(api, cursor)
    assert ("citation", citation_id, "deleted") in listed
    assert ("meeting", meeting.pk, "related_changed") in listed
    assert ("meeting", meeting.pk, "corrected") in listed


def test_drafts_never_appear_in_the_feed(api, editor):
    cursor = start(api)
    services.record_save(record=Person(name="Not yet public", slug="not-yet-public"), user=editor)
    assert feed(api, cursor)["results"] == []


def test_publishing_lists_the_record_as_created(api, publisher):
    person = Person(name="Ahsan Iqbal", slug="ahsan-iqbal")
    services.record_save(record=person, user=publisher)
    cursor = start(api)
    services.record_publish(record=person, user=publisher)
    assert entries(api, cursor) == {("person", person.pk, "created")}


def test_the_admin_delete_button_goes_through_the_one_write_path(superuser, make_person):
    person = make_person(status=PublicationStatus.DRAFT)
    client = APIClient()
    client.force_login(superuser)
    answer = client.post(f"/admin/meetings/person/{person.pk}/delete/", {"post": "yes"})
    assert answer.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    deletion = Person.history.filter(id=person.pk, history_type="-").get()
    assert deletion.history_user == superuser  # recorded by editorial.services.record_delete


def test_the_cursor_only_moves_forward_and_pages(api, publisher, make_person):
    people = [make_person(status=PublicationStatus.DRAFT) for _ in range(3)]
    cursor = start(api)
    for person in people:
        services.record_publish(record=person, user=publisher)
    first = api.get(f"/api/v1/changes/?after={cursor}&limit=2").json()
    assert [e["id"] for e in first["results"]] == [people[0].pk, people[1].pk] and first["has_more"]
    second = feed(api, first["next_cursor"])
    assert [e["id"] for e in second["results"]] == [people[2].pk] and not second["has_more"]
    assert feed(api, second["next_cursor"])["results"] == []
    assert feed(api, second["next_cursor"])["next_cursor"] == second["next_cursor"]


@pytest.mark.parametrize("cursor", ["12", "bm90LWEtY3Vyc29y", "%00", "changes:1"])
def test_a_cursor_not_from_the_feed_is_a_400_naming_it(api, db, cursor):
    answer = api.get(f"/api/v1/changes/?after={cursor}")
    assert answer.status_code == 400
    assert "after" in answer.json()["errors"]


def test_records_are_addressed_by_permanent_id_as_well_as_slug(api, chaired_meeting):
    meeting, person, _, _ = chaired_meeting
    assert api.get(f"/api/v1/meetings/{meeting.pk}/").json()["slug"] == meeting.slug
    assert api.get(f"/api/v1/people/{person.pk}/").json()["slug"] == person.slug
    assert api.get(f"/api/v1/meetings/{meeting.slug}/").json()["id"] == meeting.pk


def test_corrections_are_in_the_api_for_public_records_only(api, publisher, chaired_meeting):
    meeting, person, _, _ = chaired_meeting
    person.name = "Shehbaz Sharif"
    services.record_save(record=person, user=publisher, correction_note="Name spelt as the source gives it.")
    meeting.place = "Islamabad"
    services.record_save(record=meeting, user=publisher, correction_note="Place added from the source.")
    listed = api.get("/api/v1/corrections/").json()["results"]
    assert [(c["type"], c["record_id"], c["note"]) for c in listed] == [
        ("meeting", meeting.pk, "Place added from the source."),
        ("person", person.pk, "Name spelt as the source gives it."),
    ]
    only = api.get(f"/api/v1/corrections/?type=person&record_id={person.pk}").json()["results"]
    assert [c["record_id"] for c in only] == [person.pk]
    services.record_withdraw(record=meeting, user=publisher)
    assert [c["type"] for c in api.get("/api/v1/corrections/").json()["results"]] == ["person"]
    assert api.get("/api/v1/corrections/?type=nope").status_code == 400
    assert api.get("/api/v1/corrections/?record_id=x").status_code == 400


def test_a_draft_part_is_never_named_as_a_cause(api, editor, chaired_meeting, make_person):
    meeting, _, _, _ = chaired_meeting
    cursor = start(api)
    draft = Attendee(meeting=meeting, person=make_person(), role=Attendee.Role.MEMBER)
    services.record_save(record=draft, user=editor)
    for entry in feed(api, cursor)["results"]:
        assert entry["cause"] is None or entry["cause"]["id"] != draft.pk
        assert (entry["type"], entry["id"]) != ("attendee", draft.pk)
