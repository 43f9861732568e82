"""The seed discrepancies, curated once and linked to the conflicting quotes, as readers see them."""
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from seeding.discrepancies import curated_discrepancies_load
from seeding.files import CuratedDataError
from editorial.models import Discrepancy
from meetings.models import Meeting
from operations.models import Operation
from tests.seeding.conftest import curated_archive, seed_sources  # noqa: F401 (fixtures)


@pytest.fixture
def discrepancies(curated_archive):  # noqa: F811
    return curated_discrepancies_load()


def test_the_four_seed_discrepancies_are_recorded_once(discrepancies):
    assert discrepancies["created"] == 4
    assert Discrepancy.objects.published().count() == 4
    again = curated_discrepancies_load()
    assert again["created"] == again["updated"] == 0
    assert Discrepancy.objects.count() == 4
    spelling = Discrepancy.objects.get(slug="spelling-of-azm-e-istehkam")
    assert spelling.operation.slug == "azm-e-istehkam"
    assert {c.source.original_filename for c in spelling.citations.all()} == {"000_ab17765b30e5a3e2.txt", "001_84d199cf34c98c0a.txt"}
    assert spelling.citations.count() == 3


def test_readers_see_the_discrepancies_and_the_independent_count_on_the_meeting_page(client, discrepancies):
    meeting = Meeting.objects.get(slug="2024-06-22-central-apex-committee")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Which security situation the forum assessed: international or internal" in page
    assert "an assessment of the international security situation was also carried out by the forum" in page
    assert "Whether Azad Jammu and Kashmir was among the stakeholders who consented" in page
    # 000 and 001 carry the same PMO statement: two reports, one independent source.
    assert "2 reports, 1 independent source: both carry the PMO statement on the Central Apex Committee meeting of 22 June 2024" in page


def test_readers_see_the_operations_discrepancies(client, discrepancies):
    operation = Operation.objects.get(slug="azm-e-istehkam")
    page = client.get(operation.get_absolute_url()).content.decode()
    assert "How the operation&#x27;s name is spelled" in page
    assert "Whether Azm-e-Istehkam is an operation or a vision" in page
    assert "Resolved" in page and "Open" in page


def test_the_meeting_page_query_count_does_not_grow_with_discrepancies(client, discrepancies):
    meeting = Meeting.objects.get(slug="2024-06-22-central-apex-committee")
    with CaptureQueriesContext(connection) as before:
        client.get(meeting.get_absolute_url())
    original = Discrepancy.objects.get(slug="ajk-among-the-stakeholders-who-consented")
    copy = Discrepancy.objects.get(pk=original.pk)
    copy.pk = copy.id = None
    copy.slug = "a-second-discrepancy"
    copy.save()
    copy.citations.set(original.citations.all())
    with CaptureQueriesContext(connection) as after:
        client.get(meeting.get_absolute_url())
    assert len(after) == len(before)


def test_a_draft_discrepancy_is_not_shown(client, discrepancies):
    Discrepancy.objects.filter(slug="security-situation-international-or-internal").update(status="draft")
    meeting = Meeting.objects.get(slug="2024-06-22-central-apex-committee")
    assert "Which security situation" not in client.get(meeting.get_absolute_url()).content.decode()


def test_a_bad_file_is_refused_naming_the_record(tmp_path, curated_archive):  # noqa: F811
    bad = tmp_path / "bad.json"
    bad.write_text('{"discrepancies": [{"slug": "x", "fact": {"operation": "no-such-op"}, "citations": []}]}')
    with pytest.raises(CuratedDataError, match="x: the fact"):
        curated_discrepancies_load(path=bad)
    with pytest.raises(CommandError):
        call_command("load_curated_discrepancies", str(bad), stdout=io.StringIO())
    assert not Discrepancy.objects.exists()


def test_discrepancy_admin_lists_them(publisher_client, discrepancies):
    response = publisher_client.get(reverse("admin:editorial_discrepancy_changelist"))
    assert response.status_code == 200
    assert "How the operation" in response.content.decode()
