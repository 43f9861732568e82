"""The benchmark's plain JsonResponse reference answers the very document the API list does.

The benchmark's target compares the two; it is a fair comparison only while they say the same.
"""
import json

from django.test import RequestFactory

from meetings.models import Attendee
from bench.views import plain_meetings
from foundations.publication import PublicationStatus


def test_the_plain_reference_and_the_api_list_give_the_same_json(client, archive, make_meeting, make_person, make_body):
    # A draft chair is left out of both; a meeting of a draft body is not public at all (Meeting.public()).
    draft_body = make_body(name="Draft body", slug="draft-body", status=PublicationStatus.DRAFT)
    make_meeting(body=draft_body, title="Of a draft body", slug="of-draft-body")
    meeting = make_meeting(title="With a draft chair", slug="with-draft-chair")
    Attendee.objects.create(
        meeting=meeting, person=make_person(status=PublicationStatus.DRAFT), role=Attendee.Role.CHAIR, status=PublicationStatus.PUBLISHED
    )
    for query in ["", "?page_size=1&page=2", "?year=2024"]:
        api = client.get(f"/api/v1/meetings/{query}").json()
        plain = json.loads(plain_meetings(RequestFactory().get(f"/api/v1/meetings/{query}")).content)
        assert plain == api, query
        assert api["results"], query
    rows = {row["slug"]: row for row in client.get("/api/v1/meetings/").json()["results"]}
    assert rows["with-draft-chair"]["chairs"] == [] and "of-draft-body" not in rows
