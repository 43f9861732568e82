"""The meeting list tells the truth at its edges: past the last page, an empty year, undated meetings."""
import datetime

from foundations.vague_dates import DatePrecision


def test_a_page_past_the_last_says_so_not_that_the_list_is_missing(client, sample_archive):
    response = client.get("/meetings/?page=99")
    page = response.content.decode()
    assert response.status_code == 404
    assert "There is no page at" not in page
    assert "There is no page 99 of this list: it has 1 page." in page
    assert 'href="/meetings/?page=1">Go to the last page</a>' in page


def test_a_year_without_meetings_is_an_empty_list_with_a_message(client, sample_archive):
    response = client.get("/meetings/?year=2019")
    assert response.status_code == 200
    assert "No meetings in 2019 match." in response.content.decode()


def test_a_year_that_is_not_a_year_is_refused_with_a_message(client, sample_archive):
    response = client.get("/meetings/?year=twenty")
    assert response.status_code == 400
    assert "give a year such as 2024" in response.content.decode()


def test_undated_meetings_are_a_choice_of_the_year_filter(client, sample_archive, make_meeting):
    undated = make_meeting(title="Apex committee on an unknown Tuesday", date=None, date_precision=DatePrecision.UNKNOWN)
    everything = client.get("/meetings/").content.decode()
    assert '<option value="undated">Date not established</option>' in everything
    page = client.get("/meetings/?year=undated").content.decode()
    assert undated.title in page
    assert sample_archive.meeting.title not in page.split('class="results"')[1]
    dated = client.get(f"/meetings/?year={sample_archive.meeting.date.year}").content.decode()
    assert undated.title not in dated.split('class="results"')[1]
