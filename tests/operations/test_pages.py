import datetime

from django.urls import reverse

from meetings.models import Decision
from tests.archive_sample import add_decision


def html_of(response) -> str:
    return response.content.decode()


def test_operation_page_shows_kind_spellings_launch_and_children(client, sample_archive):
    page = html_of(client.get(sample_archive.operation.get_absolute_url()))
    assert "<h1>Azm-e-Istehkam</h1>" in page
    assert "National campaign" in page
    assert "000 calls it an operation; a later feature calls it a vision." in page
    assert "“Azm-e-Istahkam”" in page
    assert f'Launched at the <a href="{sample_archive.meeting.get_absolute_url()}">' in page
    assert f'<a href="{sample_archive.child_operation.get_absolute_url()}">Balochistan operation</a>' in page


def test_operation_page_lists_meetings_and_decisions_in_time_order(client, sample_archive, make_meeting):
    later = make_meeting(body=sample_archive.body, title="Review of the campaign", date=datetime.date(2024, 9, 7))
    earlier = make_meeting(body=sample_archive.body, title="Preparatory sitting", date=datetime.date(2024, 5, 2))
    for meeting in (later, earlier):
        add_decision(meeting=meeting, domain=Decision.Domain.MILITARY, text=f"Decided about it at {meeting.title}.").operations.add(sample_archive.operation)
    page = html_of(client.get(sample_archive.operation.get_absolute_url()))
    section = page.split('id="meetings-title"')[1]
    assert section.index("Preparatory sitting") < section.index("Central Apex Committee meeting approving") < section.index("Review of the campaign")
    assert "launched here" in section


def test_child_operation_names_its_parent(client, sample_archive):
    page = html_of(client.get(sample_archive.child_operation.get_absolute_url()))
    assert f'<dt>Part of</dt><dd><a href="{sample_archive.operation.get_absolute_url()}">Azm-e-Istehkam</a>' in page
    assert "Approved a comprehensive military operation in Balochistan." in page


def test_citation_from_draft_source_is_hidden(client, sample_archive):
    page = html_of(client.get(sample_archive.operation.get_absolute_url()))
    assert "Vision Azm-e-Istehkam is not merely an operation" not in page


def test_operation_list(client, sample_archive, make_operation):
    make_operation(name="Hidden operation", status="draft")
    page = html_of(client.get(reverse("operations:operation-list")))
    assert "Azm-e-Istehkam" in page and "Balochistan operation" in page
    assert "Hidden operation" not in page
    assert page.index("Azm-e-Istehkam</a>") < page.index("Balochistan operation</a>")  # undated launch last


def test_draft_operation_is_404(client, make_operation):
    operation = make_operation(status="draft")
    assert client.get(operation.get_absolute_url()).status_code == 404
