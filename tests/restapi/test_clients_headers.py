"""What a third-party client relies on besides the records: auth schemes, rate-limit and CORS headers, addresses, licence."""
import pytest


def test_an_unknown_authorization_scheme_is_a_401_not_anonymous(client, db):
    answer = client.get("/api/v1/meetings/", HTTP_AUTHORIZATION="Bearer abc")
    assert answer.status_code == 401
    assert answer.json()["status"] == 401
    assert answer["WWW-Authenticate"].startswith("Token")


def test_no_authorization_header_reads_anonymously(client, db):
    assert client.get("/api/v1/meetings/").status_code == 200


@pytest.mark.parametrize(("address", "target"), [("/api/v1", "/api/v1/"), ("/api/schema", "/api/schema/"), ("/api/v1?x=1", "/api/v1/?x=1")])
def test_the_api_roots_without_a_slash_redirect(client, db, address, target):
    answer = client.get(address)
    assert answer.status_code == 301
    assert answer["Location"] == target


def test_every_answer_says_where_the_client_stands_with_the_rate_limit(client, db, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": "10/min"}}
    seen = [client.get("/api/v1/meetings/") for _ in range(4)]
    assert [answer.status_code for answer in seen] == [200, 200, 200, 429]
    assert [answer["RateLimit-Remaining"] for answer in seen] == ["2", "1", "0", "0"]
    assert all(answer["RateLimit-Limit"] == answer["X-RateLimit-Limit"] == "3" for answer in seen)
    assert 0 <= int(seen[-1]["X-RateLimit-Reset"]) <= 60
    assert client.get("/api/v1/meetings/?nope=1")["RateLimit-Remaining"] == "0"  # errors too


def test_a_browser_may_revalidate_and_read_the_validators(client, db):
    preflight = client.options(
        "/api/v1/meetings/",
        HTTP_ORIGIN="https://newsroom.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match,if-modified-since",
    )
    allowed = preflight["Access-Control-Allow-Headers"].lower()
    assert "if-none-match" in allowed and "if-modified-since" in allowed
    answer = client.get("/api/v1/meetings/", HTTP_ORIGIN="https://newsroom.example")
    exposed = {name.strip().lower() for name in answer["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified", "link", "ratelimit-remaining", "x-ratelimit-remaining"} <= exposed


def test_the_schema_states_the_licence_and_the_site_footer_too(client, db):
    info = client.get("/api/schema/?format=json").json()["info"]
    assert info["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    page = client.get("/").content.decode()
    assert "CC&nbsp;BY&nbsp;4.0" in page and "remain their publishers" in page


def test_include_may_be_repeated_as_generated_clients_send_it(client, archive):
    repeated = client.get("/api/v1/meetings/?include=decisions&include=citations").json()["results"]
    commas = client.get("/api/v1/meetings/?include=decisions,citations").json()["results"]
    assert repeated == commas and "decisions" in repeated[0] and "citations" in repeated[0]
    assert client.get("/api/v1/meetings/?year=2024&year=2023").status_code == 400  # others still once


def test_the_schema_types_year_as_an_integer(client, db):
    parameters = client.get("/api/schema/?format=json").json()["paths"]["/api/v1/meetings/"]["get"]["parameters"]
    year = next(p for p in parameters if p["name"] == "year")
    assert year["schema"]["type"] == "integer"
