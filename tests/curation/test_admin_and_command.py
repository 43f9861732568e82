import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from curation.models import Proposal
from curation.services import proposals_generate
from meetings.models import Meeting
from sources.models import SourceDocument

EVALUATION = Path(__file__).resolve().parents[2] / "curation" / "evaluation"


def test_admin_lists_proposals_and_a_pending_one_opens_in_the_workbench(client, admin_user, make_source, seed_text):
    source = make_source(text=seed_text("000"))
    proposals_generate(source=source)
    client.force_login(admin_user)
    listing = client.get(reverse("admin:curation_proposal_changelist"), {"source__id__exact": source.pk})
    assert listing.status_code == 200
    assert "Central Apex Committee on the National Action Plan" in listing.content.decode()
    assert reverse("admin:curation_workbench", args=[source.pk]) in listing.content.decode()
    proposal = source.proposals.get(kind="meeting")
    page = client.get(reverse("admin:curation_proposal_change", args=[proposal.pk]))
    # Editors correct proposals with the workbench's widgets, never by editing JSON.
    assert page.status_code == 302
    assert page["Location"] == reverse("admin:curation_workbench", args=[source.pk]) + f"#proposal-{proposal.pk}"


def test_admin_reject_action(client, admin_user, make_source, seed_text):
    source = make_source(text=seed_text("004"))
    proposals_generate(source=source)
    client.force_login(admin_user)
    ids = list(source.proposals.values_list("pk", flat=True))
    response = client.post(reverse("admin:curation_proposal_changelist"), {"action": "reject_selected", "_selected_action": ids})
    assert response.status_code == 302
    assert set(Proposal.objects.values_list("state", flat=True)) == {"rejected"}


def test_evaluate_extraction_prints_scores_and_leaves_the_database_untouched(db, capsys):
    call_command("evaluate_extraction", str(EVALUATION / "dev"), str(EVALUATION / "dev" / "answers.json"))
    output = capsys.readouterr().out
    assert "[1/9] 101_kp_apex_2015.txt" in output
    for field in ("meeting_date", "meeting_body", "chair", "attendee_offices", "operations", "banned_organisations"):
        assert field in output
    assert "Summary: 9 of 9 articles evaluated" in output
    assert SourceDocument.objects.count() == 0 and Proposal.objects.count() == 0


def test_evaluate_extraction_scores_a_wrong_answer_as_a_miss(db, tmp_path, capsys):
    (tmp_path / "a.txt").write_text("published: 2024-07-02\n---\nPESHAWAR: The Khyber Pakhtunkhwa Apex Committee on Monday decided to act.\n", encoding="utf-8")
    answers = [{"file": "a.txt", "meeting_date": "2024-06-30", "meeting_body": "KP Apex Committee", "chair": None,
                "attendee_offices": [], "operations": [], "banned_organisations": []}]
    (tmp_path / "answers.json").write_text(json.dumps(answers), encoding="utf-8")
    call_command("evaluate_extraction", str(tmp_path), str(tmp_path / "answers.json"))
    lines = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines() if line.startswith("meeting_")}
    assert lines["meeting_body"][1:4] == ["1", "0", "0"]
    assert lines["meeting_date"][1:4] == ["0", "1", "1"]


def test_evaluate_extraction_names_a_missing_file_and_still_scores_the_rest(db, tmp_path, capsys):
    (tmp_path / "a.txt").write_text("ISLAMABAD: The Federal Apex Committee met on Monday.\n", encoding="utf-8")
    answers = [
        {"file": "missing.txt", "meeting_date": None, "meeting_body": None, "chair": None, "attendee_offices": [], "operations": [], "banned_organisations": []},
        {"file": "a.txt", "meeting_date": None, "meeting_body": "Central Apex Committee", "chair": None, "attendee_offices": [], "operations": [], "banned_organisations": []},
    ]
    (tmp_path / "answers.json").write_text(json.dumps(answers), encoding="utf-8")
    with pytest.raises(CommandError, match="missing.txt"):
        call_command("evaluate_extraction", str(tmp_path), str(tmp_path / "answers.json"))
    assert "1 of 2 articles evaluated" in capsys.readouterr().out


def test_evaluate_extraction_refuses_a_malformed_answer_key(db, tmp_path):
    (tmp_path / "answers.json").write_text(json.dumps([{"file": "a.txt", "meeting_date": "22 June"}]), encoding="utf-8")
    with pytest.raises(CommandError, match="meeting_date"):
        call_command("evaluate_extraction", str(tmp_path), str(tmp_path / "answers.json"))


def test_generate_proposals_for_sources_imported_earlier(db, make_source, seed_text, capsys):
    source = make_source(text=seed_text("003"), slug="seed-003")
    call_command("generate_proposals")
    assert "seed-003:" in capsys.readouterr().out
    count = source.proposals.count()
    assert count > 0
    call_command("generate_proposals", "seed-003")
    assert "already has" in capsys.readouterr().out
    assert source.proposals.count() == count
    with pytest.raises(CommandError, match="no-such-source"):
        call_command("generate_proposals", "no-such-source")


def test_admin_reads_sources_added_without_import(client, admin_user, make_source, seed_text):
    source = make_source(text=seed_text("003"))
    client.force_login(admin_user)
    assert client.get(reverse("admin:curation_proposal_read_new_sources")).status_code == 405
    response = client.post(reverse("admin:curation_proposal_read_new_sources"))
    assert response.status_code == 302
    assert source.proposals.filter(kind="meeting").exists()
    listing = client.get(reverse("admin:curation_proposal_changelist"))
    assert "Read sources without proposals" in listing.content.decode()
