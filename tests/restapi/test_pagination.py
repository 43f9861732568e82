"""Pagination: default and maximum page sizes, and 400s for pages that cannot be served."""
import pytest

from meetings.models import Body, Meeting


@pytest.fixture
def many_bodies(db):
    Body.objects.bulk_create([Body(name=f"Committee {n:03}", slug=f"committee-{n:03}", status="published") for n in range(205)])


def test_default_page_size_is_50_with_links_to_the_next_page(client, many_bodies):
    body = client.get("/api/v1/bodies/").json()
    assert body["count"] == 205
    assert len(body["results"]) == 50
    assert body["previous"] is None
    assert "page=2" in body["next"]


def test_page_size_up_to_200(client, many_bodies):
    body = client.get("/api/v1/bodies/?page_size=200&page=2").json()
    assert len(body["results"]) == 5
    assert body["next"] is None
    assert [record["slug"] for record in body["results"]] == [f"committee-{n:03}" for n in range(200, 205)]


@pytest.mark.parametrize(
    "query, parameter, message",
    [
        ("page_size=201", "page_size", "The largest page_size is 200; ask for fewer and page through."),
        ("page_size=0", "page_size", "Give a whole number of 1 or more."),
        ("page_size=ten", "page_size", "Give a whole number of 1 or more, not “ten”."),
        ("page=0", "page", "Give a whole number of 1 or more."),
        ("page=-3", "page", "Give a whole number of 1 or more, not “-3”."),
        ("page=last", "page", "Give a whole number of 1 or more, not “last”."),
        ("page=6", "page", "Page 6 is past the last page (5)."),
        ("page=99999999999999999999999", "page", "Give a whole number of 1 or more, not “99999999999999999999999”."),
    ],
)
def test_pages_that_cannot_be_served_are_a_400(client, many_bodies, query, parameter, message):
    response = client.get(f"/api/v1/bodies/?{query}")
    assert response.status_code == 400
    assert response.json()["errors"] == {parameter: [message]}


def test_an_empty_list_has_a_first_page(client, db):
    body = client.get("/api/v1/meetings/").json()
    assert (body["count"], body["results"]) == (0, [])
    assert client.get("/api/v1/meetings/?page=2").status_code == 400


def test_pages_do_not_overlap_when_sort_keys_tie(client, make_body):
    body = make_body()
    Meeting.objects.bulk_create(
        [Meeting(body=body, title="Same title", slug=f"same-{n}", date=None, date_precision="unknown", status="published") for n in range(7)]
    )
    seen = []
    for page in (1, 2, 3):
        seen += [m["slug"] for m in client.get(f"/api/v1/meetings/?page_size=3&page={page}&ordering=title").json()["results"]]
    assert sorted(seen) == sorted(f"same-{n}" for n in range(7))


# --- Cursor pages: a walk while the list changes ------------------------------------------------------


def test_a_cursor_walk_sees_every_record_public_throughout_exactly_once(client, make_meeting, make_decision):
    from editorial import services
    from meetings.models import Decision

    meeting = make_meeting()
    decisions = [make_decision(meeting=meeting, text=f"Decision {n}.") for n in range(25)]
    withdrawn, seen = [], []
    url = "/api/v1/decisions/?cursor=first&page_size=10"
    step = 0
    while url:
        body = client.get(url).json()
        seen += [record["id"] for record in body["results"]]
        url = body["next"]
        # Between pages: withdraw one record already seen and one not yet reached, and add a new one.
        step += 1
        for record in (decisions[step], decisions[-step]):
            services.record_withdraw(record=Decision.objects.get(pk=record.pk), user=None)
            withdrawn.append(record.pk)
        make_decision(meeting=meeting, text=f"Added during the walk {step}.")
    public_throughout = [d.pk for d in decisions if d.pk not in withdrawn]
    assert sorted(set(seen) & set(public_throughout)) == sorted(public_throughout)
    assert len(seen) == len(set(seen))


def test_numbered_pages_would_skip_a_record_there(client, make_meeting, make_decision):
    """Why cursors: the same walk by page number misses a record (issue 18's decision 11)."""
    from editorial import services
    from meetings.models import Decision

    meeting = make_meeting()
    decisions = [make_decision(meeting=meeting, text=f"Decision {n}.") for n in range(15)]
    first = client.get("/api/v1/decisions/?page_size=10").json()
    services.record_withdraw(record=Decision.objects.get(pk=decisions[0].pk), user=None)
    second = client.get("/api/v1/decisions/?page_size=10&page=2").json()
    seen = {r["id"] for r in first["results"]} | {r["id"] for r in second["results"]}
    assert decisions[10].pk not in seen
    by_cursor = client.get("/api/v1/decisions/?cursor=first&page_size=10").json()
    services.record_withdraw(record=Decision.objects.get(pk=decisions[1].pk), user=None)
    rest = client.get(by_cursor["next"]).json()
    by_cursor_seen = {r["id"] for r in by_cursor["results"]} | {r["id"] for r in rest["results"]}
    assert {d.pk for d in decisions[2:]} <= by_cursor_seen


@pytest.mark.parametrize("query", ["cursor=nope", "cursor=first&page=2", "cursor=first&ordering=-id", "cursor=YWZ0ZXItaWQ6eA"])
def test_a_bad_cursor_is_a_400_naming_the_parameter(client, db, query):
    answer = client.get(f"/api/v1/decisions/?{query}")
    assert answer.status_code == 400
    assert set(answer.json()["errors"]) & {"cursor", "page", "ordering"}
