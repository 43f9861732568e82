"""A client generated from the schema by openapi-python-client reads the live API into typed objects."""
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client as DjangoClient

GENERATOR = Path(sys.executable).with_name("openapi-python-client")


@pytest.fixture
def generated_client(tmp_path, transactional_db):
    schema = DjangoClient().get("/api/schema/?format=json")
    assert schema.status_code == 200
    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(schema.json()), encoding="utf-8")
    # The generator formats its output with ruff, which it finds on PATH (the virtualenv's bin).
    environment = {**os.environ, "PATH": f"{GENERATOR.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    run = subprocess.run(
        [str(GENERATOR), "generate", "--path", str(schema_file), "--meta", "none", "--output-path", str(tmp_path / "nap_archive_client")],
        capture_output=True, text=True, cwd=tmp_path, env=environment, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Warning" not in run.stdout + run.stderr, run.stdout + run.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module("nap_archive_client")
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name == "nap_archive_client" or name.startswith("nap_archive_client.")]:
            del sys.modules[name]


def test_a_generated_client_lists_meetings_with_their_decisions_and_citations_as_typed_objects(generated_client, live_server, sample_archive):
    from nap_archive_client import Client
    from nap_archive_client.api.meetings import meetings_list
    from nap_archive_client.models import Citation, Decision, Meeting, MeetingsListIncludeItem

    with Client(base_url=live_server.url) as client:
        page = meetings_list.sync(client=client, include=[MeetingsListIncludeItem.DECISIONS, MeetingsListIncludeItem.CITATIONS])

    assert page is not None and page.count == len(page.results) == 2
    meeting = next(meeting for meeting in page.results if meeting.slug == sample_archive.meeting.slug)
    assert isinstance(meeting, Meeting)
    assert all(isinstance(decision, Decision) for decision in meeting.decisions)
    assert [decision.text for decision in meeting.decisions] == [
        decision.text for decision in sample_archive.meeting.decisions.filter(status="published").order_by("order")
    ]
    launch = next(decision for decision in meeting.decisions if decision.id == sample_archive.launch_decision.pk)
    assert all(isinstance(citation, Citation) for citation in launch.citations)
    assert sample_archive.launch_citation.quote in [citation.quote for citation in launch.citations]
    assert [citation.quote for citation in meeting.citations] == [sample_archive.chair_citation.quote]
