"""Streamed CSV and JSON exports of each resource, and the Popolo export."""
import csv
import io
import json

import pytest

RESOURCES = ["meetings", "attendees", "decisions", "operations", "people", "offices", "bodies", "sources", "citations"]


def streamed_text(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_resource_exports_the_same_records_as_csv_and_json(client, archive, resource):
    listed = client.get(f"/api/v1/{resource}/?page_size=200").json()["results"]
    as_csv = client.get(f"/api/v1/{resource}/export/csv/")
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_csv["Content-Disposition"].startswith("attachment; filename=\"nap-archive-")
    rows = list(csv.DictReader(io.StringIO(streamed_text(as_csv))))
    as_json = json.loads(streamed_text(client.get(f"/api/v1/{resource}/export/json/")))
    assert sorted(int(row["id"]) for row in rows) == sorted(record["id"] for record in listed)
    assert [row["id"] for row in as_json] == [int(row["id"]) for row in rows]


def test_exports_apply_the_lists_filters_and_hide_drafts(client, archive):
    archive["older"].status = "draft"
    archive["older"].save()
    rows = list(csv.DictReader(io.StringIO(streamed_text(client.get("/api/v1/meetings/export/csv/")))))
    assert [row["slug"] for row in rows] == ["apex-2024-06-22"]
    assert rows[0]["body_slug"] == "central-apex-committee"
    assert rows[0]["date_precision"] == "day"
    assert json.loads(streamed_text(client.get("/api/v1/meetings/export/json/?year=2023"))) == []


def test_exports_refuse_bad_filters_and_pagination_parameters(client, archive):
    assert client.get("/api/v1/meetings/export/csv/?year=nope").status_code == 400
    assert client.get("/api/v1/meetings/export/csv/?page=2").status_code == 400


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_defused(client, archive):
    archive["meeting"].title = "=HYPERLINK(\"http://evil\")"
    archive["meeting"].save()
    rows = list(csv.DictReader(io.StringIO(streamed_text(client.get("/api/v1/meetings/export/csv/?year=2024")))))
    assert rows[0]["title"] == "'=HYPERLINK(\"http://evil\")"


def test_decision_exports_list_their_operations(client, archive):
    rows = json.loads(streamed_text(client.get("/api/v1/decisions/export/json/")))
    assert rows[0]["operations"] == "azm-e-istehkam"
    assert rows[0]["meeting_slug"] == "apex-2024-06-22"


def test_popolo_export_has_persons_organizations_posts_memberships_and_events(client, archive):
    response = client.get("/api/v1/popolo/")
    assert response["Content-Type"] == "application/json"
    document = json.loads(streamed_text(response))
    person, office, body, meeting = (archive[name].pk for name in ("person", "office", "body", "meeting"))
    # Permanent ids (a slug may change); the slug is one of the record's identifiers.
    assert [p["id"] for p in document["persons"]] == [f"person/{person}"]
    assert document["persons"][0]["identifiers"] == [{"scheme": "nap-archive-slug", "identifier": "shehbaz-sharif"}]
    assert f"organization/{body}" in [o["id"] for o in document["organizations"]]
    # A post is the office in the body whose meeting recorded it.
    assert document["posts"] == [
        {
            "id": f"post/{office}/organization/{body}",
            "label": "Prime Minister",
            "organization_id": f"organization/{body}",
            "links": [{"url": document["posts"][0]["links"][0]["url"], "note": "NAP Archive API"}],
        }
    ]
    assert document["posts"][0]["links"][0]["url"].endswith(f"/api/v1/offices/{office}")
    assert document["memberships"] == [
        {
            "id": f"membership/{archive['chair'].pk}",
            "person_id": f"person/{person}",
            "post_id": f"post/{office}/organization/{body}",
            "organization_id": f"organization/{body}",
            "role": "Chair",
            "label": "Prime Minister",
            "start_date": "2024-06-22",
            "end_date": "2024-06-22",
            "event_id": f"event/{meeting}",
        }
    ]
    events = {event["id"]: event for event in document["events"]}
    assert events[f"event/{meeting}"]["organization_id"] == f"organization/{body}"
    assert events[f"event/{meeting}"]["start_date"] == "2024-06-22"
    assert events[f"event/{meeting}"]["links"][0]["url"].endswith(f"/api/v1/meetings/{meeting}")


def test_popolo_has_group_attendances_as_memberships_labelled_with_the_group(client, archive):
    from meetings.models import Attendee

    group = Attendee.objects.create(
        meeting=archive["meeting"], group_label="chief ministers of all provinces", role=Attendee.Role.MEMBER, order=2, status="published"
    )
    document = json.loads(streamed_text(client.get("/api/v1/popolo/")))
    memberships = {membership["id"]: membership for membership in document["memberships"]}
    assert memberships[f"membership/{group.pk}"] == {
        "id": f"membership/{group.pk}",
        "organization_id": f"organization/{archive['body'].pk}",
        "role": "Member",
        "label": "chief ministers of all provinces",
        "start_date": "2024-06-22",
        "end_date": "2024-06-22",
        "event_id": f"event/{archive['meeting'].pk}",
    }
    group.status = "draft"
    group.save()
    assert f"membership/{group.pk}" not in streamed_text(client.get("/api/v1/popolo/"))


def test_popolo_posts_are_held_in_the_organizations_whose_meetings_recorded_them(client, archive, make_body, make_meeting, make_office):
    from meetings.models import Attendee

    province = make_body(name="Punjab Apex Committee", slug="punjab-apex-committee", kind="provincial_apex_committee")
    provincial = make_meeting(body=province, title="Punjab apex committee meets", slug="punjab-apex-2024")
    attendance = Attendee.objects.create(meeting=provincial, office=archive["office"], role=Attendee.Role.CHAIR, status="published")
    unrecorded = make_office(title="Interior Minister", slug="interior-minister")
    document = json.loads(streamed_text(client.get("/api/v1/popolo/")))
    office, body = archive["office"].pk, archive["body"].pk
    posts = {post["id"]: post.get("organization_id") for post in document["posts"]}
    assert posts == {
        f"post/{office}/organization/{body}": f"organization/{body}",
        f"post/{office}/organization/{province.pk}": f"organization/{province.pk}",
        f"post/{unrecorded.pk}": None,  # recorded at no meeting: in no organization
    }
    memberships = {membership["id"]: membership for membership in document["memberships"]}
    assert memberships[f"membership/{attendance.pk}"]["post_id"] == f"post/{office}/organization/{province.pk}"
    # Every post a membership names is in the document.
    assert {m["post_id"] for m in document["memberships"] if "post_id" in m} <= set(posts)
    # A body that is not public is no post's organization, and names none.
    province.status = "draft"
    province.save()
    document = json.loads(streamed_text(client.get("/api/v1/popolo/")))
    assert {post["id"] for post in document["posts"]} == {f"post/{office}/organization/{body}", f"post/{unrecorded.pk}"}
    assert "punjab" not in streamed_text(client.get("/api/v1/popolo/")).lower()


def test_popolo_dates_keep_the_meetings_precision(client, archive):
    import datetime

    archive["older"].date, archive["older"].date_precision = datetime.date(2023, 1, 1), "month"
    archive["older"].save()
    document = json.loads(streamed_text(client.get("/api/v1/popolo/")))
    events = {event["id"]: event for event in document["events"]}
    assert events[f"event/{archive['older'].pk}"]["start_date"] == "2023-01"


def test_popolo_leaves_out_drafts(client, archive):
    archive["person"].status = "draft"
    archive["person"].save()
    document = json.loads(streamed_text(client.get("/api/v1/popolo/")))
    assert document["persons"] == []
    # An attendance naming a person who is not public is not public either: nothing names them.
    assert document["memberships"] == []
    assert archive["person"].name not in streamed_text(client.get("/api/v1/popolo/"))


def test_exports_carry_permanent_ids_precisions_and_the_sources_own_names(client, make_meeting, make_decision, make_source):
    import csv
    import datetime
    import io

    meeting = make_meeting(date=datetime.date(2015, 1, 1), date_precision="year")
    make_decision(meeting=meeting)
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get("/api/v1/decisions/export/csv/").streaming_content).decode())))
    assert rows[0]["meeting_id"] == str(meeting.pk)
    assert (rows[0]["meeting_date"], rows[0]["meeting_date_precision"]) == ("2015-01-01", "year")
    make_source(url="https://www.dawn.com/news/1", origin="PMO statement, 22 June 2024")
    source = client.get("/api/v1/sources/export/json/")
    record = __import__("json").loads(b"".join(source.streaming_content))[0]
    assert record["article_url"] == "https://www.dawn.com/news/1"
    assert record["origin"] == "PMO statement, 22 June 2024"
    assert "url" not in record
