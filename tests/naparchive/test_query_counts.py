"""Each list and detail page runs the same number of queries whatever the number of rows it shows.

The sample archive already shows at least one row in every list (an empty list skips its prefetch
queries, so it runs fewer); the test then adds rows everywhere and expects the same count."""
import datetime

import pytest

from meetings.models import Attendee, Decision
from tests.archive_sample import add_attendee, add_decision


@pytest.fixture
def more_rows(sample_archive, make_meeting, make_person, make_office, make_operation, make_source, make_citation):
    """Triple what every page shows: meetings, attendees, decisions, operations, people, citations."""

    def grow():
        for n in range(4):
            meeting = make_meeting(body=sample_archive.body, title=f"Extra meeting {n}", date=datetime.date(2024, 6, 10 + n))
            person = make_person()
            add_attendee(meeting=meeting, person=person, office=sample_archive.pm_office, role=Attendee.Role.CHAIR)
            add_attendee(meeting=sample_archive.meeting, person=person, office=make_office(), order=20 + n)
            add_attendee(meeting=sample_archive.meeting, group_label=f"group {n}", order=30 + n)
            decision = add_decision(meeting=sample_archive.meeting, domain=list(Decision.Domain.values)[n], text=f"Extra decision {n}.")
            decision.operations.add(sample_archive.operation, make_operation())
            add_decision(meeting=meeting, domain=Decision.Domain.MILITARY, text=f"Military decision {n}.").operations.add(sample_archive.operation)
            make_citation(decision, quote="The meeting reviewed the advancements", source=sample_archive.report_000)
            make_citation(decision, quote="Prime Minister Shehbaz Sharif on Saturday", source=make_source(text=f"Prime Minister Shehbaz Sharif on Saturday met, report {n}."))
            make_citation(sample_archive.meeting, quote="It showcases the country’s resolve", source=sample_archive.report_000)
            make_operation(parent=sample_archive.operation, launch_meeting=meeting)
            make_attendee_for_person = add_attendee(meeting=meeting, person=sample_archive.prime_minister, office=sample_archive.pm_office)
            make_citation(make_attendee_for_person, quote="chaired by Prime Minister", source=sample_archive.report_000)

    return grow


URLS = [
    "/",
    "/meetings/",
    "/meetings/?year=2024&body=central-apex-committee&chair=shehbaz-sharif&operation=azm-e-istehkam&domain=multi_domain&sort=oldest",
    "/meetings/2024/",
    "/meetings/2024/6/",
    "/meetings/2024-06-22-central-apex-committee/",
    "/decisions/",
    "/decisions/?domain=multi_domain&operation=azm-e-istehkam&year=2024",
    "/people/",
    "/people/shehbaz-sharif/",
    "/offices/prime-minister/",
    "/operations/",
    "/operations/azm-e-istehkam/",
    "/sources/",
    "/sources/central-apex-committee-2024-06-22-report/",
    "/timeline/",
    "/search/?q=Shehbaz",
    "/search/?q=Shehbaz&kind=people",
    "/sitemap.xml",
    "/feeds/meetings/",
]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_rows(url, count_queries, more_rows):
    queries_with_few_rows = count_queries(url)
    more_rows()
    assert count_queries(url) == queries_with_few_rows

