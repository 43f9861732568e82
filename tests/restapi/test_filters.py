"""Filters, search and ordering: what matches, and a 400 naming the problem for what cannot."""
import datetime

import pytest
from django.utils import timezone

from meetings.models import Decision, Meeting


def slugs(response):
    assert response.status_code == 200, response.content
    return [record["slug"] for record in response.json()["results"]]


def test_meetings_by_year_date_and_date_range(client, archive):
    assert slugs(client.get("/api/v1/meetings/?year=2024")) == ["apex-2024-06-22"]
    assert slugs(client.get("/api/v1/meetings/?date=2023-01-02")) == ["apex-2023-01-02"]
    assert slugs(client.get("/api/v1/meetings/?date_from=2023-06-01&date_to=2024-12-31")) == ["apex-2024-06-22"]
    assert slugs(client.get("/api/v1/meetings/?date_to=2023-12-31")) == ["apex-2023-01-02"]


def test_meetings_by_body_chair_and_person(client, archive, make_body):
    make_body(slug="other-committee")
    assert len(slugs(client.get("/api/v1/meetings/?body=central-apex-committee"))) == 2
    assert slugs(client.get("/api/v1/meetings/?body=other-committee")) == []
    assert slugs(client.get("/api/v1/meetings/?chair=shehbaz-sharif")) == ["apex-2024-06-22"]
    assert slugs(client.get("/api/v1/meetings/?chair_office=prime-minister")) == ["apex-2024-06-22"]
    assert slugs(client.get("/api/v1/meetings/?person=shehbaz-sharif")) == ["apex-2024-06-22"]


@pytest.mark.parametrize("value", ["azm-e-istehkam", "Azm-e-Istahkam", "AZM-E-ISTEHKAM"])
def test_meetings_about_an_operation_by_slug_or_any_spelling(client, archive, value):
    assert slugs(client.get(f"/api/v1/meetings/?operation={value}")) == ["apex-2024-06-22"]


def test_meetings_about_an_operation_include_its_sub_operations(client, archive, make_operation, make_meeting):
    child = make_operation(name="Balochistan operation", slug="balochistan-operation", parent=archive["operation"])
    later = make_meeting(body=archive["body"], slug="apex-2024-11-19", date=datetime.date(2024, 11, 19))
    child.launch_meeting = later
    child.save()
    assert slugs(client.get("/api/v1/meetings/?operation=azm-e-istehkam")) == ["apex-2024-11-19", "apex-2024-06-22"]


def test_meetings_by_domain_outlet_and_source(client, archive):
    assert slugs(client.get("/api/v1/meetings/?domain=military")) == ["apex-2024-06-22"]
    assert slugs(client.get("/api/v1/meetings/?domain=legal")) == []
    assert slugs(client.get("/api/v1/meetings/?outlet=dawn")) == ["apex-2024-06-22"]
    assert slugs(client.get("/api/v1/meetings/?source=dawn-azm")) == ["apex-2024-06-22"]


def test_decisions_filters(client, archive):
    def ids(query):
        response = client.get(f"/api/v1/decisions/?{query}")
        assert response.status_code == 200, response.content
        return [record["id"] for record in response.json()["results"]]

    decision = archive["decision"].pk
    assert ids("year=2024") == [decision]
    assert ids("year=2023") == []
    assert ids("operation=Azm-e-Istahkam") == [decision]
    assert ids("domain=military&action=approved") == [decision]
    assert ids("domain=legal") == []
    assert ids("meeting=apex-2024-06-22&body=central-apex-committee") == [decision]
    assert ids("outlet=Dawn") == [decision]


def test_attendees_people_offices_bodies_sources_citations_filters(client, archive):
    assert len(client.get("/api/v1/attendees/?role=chair&person=shehbaz-sharif").json()["results"]) == 1
    assert slugs(client.get("/api/v1/people/?office=prime-minister")) == ["shehbaz-sharif"]
    assert slugs(client.get("/api/v1/offices/?person=shehbaz-sharif")) == ["prime-minister"]
    assert slugs(client.get("/api/v1/bodies/?kind=federal_apex_committee")) == ["central-apex-committee"]
    assert slugs(client.get("/api/v1/sources/?outlet=Dawn&meeting=apex-2024-06-22")) == ["dawn-azm"]
    assert slugs(client.get("/api/v1/operations/?name=azm e istahkam")) == ["azm-e-istehkam"]
    assert slugs(client.get("/api/v1/operations/?meeting=apex-2024-06-22")) == ["azm-e-istehkam"]
    citations = client.get(f"/api/v1/citations/?decision={archive['decision'].pk}").json()["results"]
    assert [c["id"] for c in citations] == [archive["decision_citation"].pk]
    # A meeting's citations include those of its decisions and attendees.
    assert client.get("/api/v1/citations/?meeting=apex-2024-06-22").json()["count"] == 3


def test_updated_since_and_created_since_sync_incrementally(client, archive):
    cutoff = timezone.now()
    Meeting.objects.filter(pk=archive["older"].pk).update(updated_at=cutoff + datetime.timedelta(seconds=5))
    since = (cutoff + datetime.timedelta(seconds=1)).isoformat()
    response = client.get("/api/v1/meetings/", {"updated_since": since})
    assert slugs(response) == ["apex-2023-01-02"]
    assert slugs(client.get("/api/v1/meetings/", {"created_since": since})) == []


def test_search_matches_every_word_case_insensitively(client, archive):
    assert slugs(client.get("/api/v1/meetings/?search=APPROVES azm")) == ["apex-2024-06-22"]
    assert slugs(client.get("/api/v1/operations/?search=istahkam")) == ["azm-e-istehkam"]  # through an alias
    assert slugs(client.get("/api/v1/meetings/?search=nothing-like-this")) == []


def test_ordering_by_allowed_fields_with_the_id_as_tiebreaker(client, archive):
    assert slugs(client.get("/api/v1/meetings/?ordering=date")) == ["apex-2023-01-02", "apex-2024-06-22"]
    assert slugs(client.get("/api/v1/meetings/?ordering=-date")) == ["apex-2024-06-22", "apex-2023-01-02"]
    assert slugs(client.get("/api/v1/meetings/?ordering=title")) == ["apex-2024-06-22", "apex-2023-01-02"]


@pytest.mark.parametrize(
    "query, parameter, message",
    [
        ("body=no-such-body", "body", "No body with the slug or id “no-such-body”."),
        ("chair=nobody", "chair", "No person with the slug or id “nobody”."),
        ("operation=zarb-e-nothing", "operation", "No operation has the slug or name “zarb-e-nothing”."),
        ("domain=cooking", "domain", "Select a valid choice. cooking is not one of the available choices."),
        ("outlet=Nowhere Times", "outlet", "No source in the archive comes from the outlet “Nowhere Times”."),
        ("year=twenty", "year", "Enter a whole number."),
        ("year=0", "year", "Ensure this value is greater than or equal to 1."),
        ("date=2024-02-30", "date", "Enter a valid date."),
        ("date_from=yesterday", "date_from", "Enter a valid date."),
        ("updated_since=soon", "updated_since", "Enter a valid date/time."),
        ("updated_since=0001-01-01T00:00:00", "updated_since", "Give a date-time between the years 1950 and 9998."),
        ("ordering=-nonsense", "ordering", "Unknown value “-nonsense”. Choose from: date, title, updated_at, created_at, -date, -title, -updated_at, -created_at."),
        ("include=everything", "include", "Unknown value “everything”. Choose from: decisions, attendees, operations, citations, source_text."),
        ("search=" + "x" * 201, "search", "Search for at most 200 characters."),
    ],
)
def test_bad_filter_values_are_a_400_that_says_what_is_wrong(client, archive, query, parameter, message):
    response = client.get(f"/api/v1/meetings/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    assert body["errors"][parameter] == [message]
    assert parameter in body["detail"]


def test_ids_that_are_not_numbers_or_too_large_are_a_400_not_a_crash(client, archive):
    for value in ["abc", "99999999999999999999", "-1", "1.5"]:
        response = client.get("/api/v1/citations/", {"decision": value})
        assert response.status_code == 400, value
        assert response.json()["errors"]["decision"] == [f"No decision with the id “{value}”."]


def test_a_slug_filter_does_not_reveal_drafts_to_anonymous_clients(client, editor_api_client, archive):
    archive["body"].status = "draft"
    archive["body"].save()
    assert client.get("/api/v1/meetings/?body=central-apex-committee").status_code == 400
    assert editor_api_client.get("/api/v1/meetings/?body=central-apex-committee").status_code == 200


def test_decision_domain_values_are_the_models(client, archive):
    assert Decision.Domain.MILITARY == "military"


def test_a_year_precise_meeting_never_matches_a_day(client, make_meeting):
    import datetime

    vague = make_meeting(date=datetime.date(2015, 1, 1), date_precision="year")
    exact = make_meeting(date=datetime.date(2015, 1, 1), date_precision="day")
    found = {m["id"] for m in client.get("/api/v1/meetings/?date=2015-01-01").json()["results"]}
    assert found == {exact.pk}
    assert vague.pk in {m["id"] for m in client.get("/api/v1/meetings/?year=2015").json()["results"]}


def test_related_records_filter_by_permanent_id_as_well_as_slug(client, make_meeting, make_person, make_body):
    from meetings.models import Attendee

    body = make_body()
    meeting = make_meeting(body=body)
    person = make_person()
    Attendee.objects.create(meeting=meeting, person=person, status="published", role="chair")
    for query in (f"body={body.pk}", f"body={body.slug}", f"person={person.pk}", f"chair={person.slug}"):
        answer = client.get(f"/api/v1/meetings/?{query}")
        assert answer.status_code == 200, answer.content
        assert [m["id"] for m in answer.json()["results"]] == [meeting.pk]
    assert client.get("/api/v1/meetings/?body=999999").status_code == 400
