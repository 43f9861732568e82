"""Proposals from imported reports, and what accepting or rejecting them does to the archive."""
import datetime

import pytest

from curation.models import Proposal
from curation.services import ProposalError, proposal_accept, proposal_reject, proposals_generate
from meetings.models import Attendee, Body, Decision, Meeting
from foundations.publication import PublicationStatus
from operations.models import Operation
from sources.models import Citation, SourceDocument


@pytest.fixture
def central_body(make_body):
    body = make_body(name="Central Apex Committee on the National Action Plan", slug="central-apex-committee", kind=Body.Kind.FEDERAL_APEX_COMMITTEE)
    body.aliases.create(name="Federal Apex Committee")
    return body


@pytest.fixture
def azm(make_operation):
    operation = make_operation(name="Azm-e-Istehkam", slug="azm-e-istehkam", kind=Operation.Kind.VISION)
    operation.aliases.create(name="AZM-E-ISTEHKAM")
    return operation


def proposal_of(source, kind, **values):
    for proposal in source.proposals.filter(kind=kind):
        if all(proposal.values.get(key) == value for key, value in values.items()):
            return proposal
    raise AssertionError(f"no {kind} proposal with {values}")


def test_generating_stores_each_proposal_with_its_quote(make_source, seed_text):
    source = make_source(text=seed_text("000"), status=PublicationStatus.DRAFT)
    proposals = proposals_generate(source=source)
    assert {p.kind for p in proposals} == {"meeting", "attendee", "operation", "decision"}
    for proposal in Proposal.objects.filter(source=source):
        proposal.full_clean()
        assert source.text[proposal.start : proposal.end] == proposal.quote
        assert proposal.state == Proposal.State.PENDING
    # A second run adds nothing.
    count = Proposal.objects.count()
    proposals_generate(source=source)
    assert Proposal.objects.count() == count


def test_accepting_the_meeting_creates_a_draft_meeting_with_its_citation(make_source, seed_text, admin_user, central_body):
    source = make_source(text=seed_text("000"))
    proposals_generate(source=source)
    meeting_proposal = proposal_of(source, "meeting")
    assert meeting_proposal.matched_meeting is None
    accepted = proposal_accept(proposal=meeting_proposal, user=admin_user)
    meeting = accepted.matched_meeting
    assert meeting.body == central_body
    assert (meeting.date, meeting.date_precision, meeting.place) == (datetime.date(2024, 6, 22), "day", "Islamabad")
    assert meeting.status == PublicationStatus.DRAFT
    assert accepted.citation.meeting == meeting and accepted.citation.quote in source.text
    assert (accepted.state, accepted.reviewer, accepted.reviewed_at is not None) == ("accepted", admin_user, True)


def test_the_second_report_of_a_meeting_is_matched_not_duplicated(make_source, seed_text, admin_user, central_body, azm):
    first = make_source(text=seed_text("000"))
    proposals_generate(source=first)
    meeting = proposal_accept(proposal=proposal_of(first, "meeting"), user=admin_user).matched_meeting
    proposal_accept(proposal=proposal_of(first, "operation"), user=admin_user, correction_note="Added a report.")
    for attendee in first.proposals.filter(kind="attendee"):
        proposal_accept(proposal=attendee, user=admin_user)
    decision = proposal_of(first, "decision")
    proposal_accept(proposal=decision, user=admin_user)
    assert list(meeting.decisions.get().operations.all()) == [azm]

    # Seed 001 carries no date: "on Saturday" only. Same body, a Saturday, same operation and groups.
    second = make_source(text=seed_text("001"))
    proposals_generate(source=second)
    meeting_proposal = proposal_of(second, "meeting")
    assert meeting_proposal.matched_meeting == meeting
    assert "Another report of" in meeting_proposal.note
    # Citing a published meeting is a publisher's correction of it, with a note (the editor here is a superuser).
    proposal_accept(proposal=meeting_proposal, user=admin_user, correction_note="Added a second report.")
    assert Meeting.objects.count() == 1
    assert meeting.citations.count() == 2
    # A group already recorded gains a citation instead of a duplicate attendee.
    groups_before = Attendee.objects.filter(meeting=meeting).count()
    accepted = proposal_accept(proposal=proposal_of(second, "attendee", key="group:service-chiefs"), user=admin_user, correction_note="Added a second report.")
    assert Attendee.objects.filter(meeting=meeting).count() == groups_before
    assert accepted.citation.attendee.group_label == "Services Chiefs"


def test_a_report_accepted_later_is_matched_at_acceptance(make_source, seed_text, admin_user, central_body, azm):
    first = make_source(text=seed_text("000"))
    second = make_source(text=seed_text("001"), published_on=datetime.date(2024, 6, 23))
    proposals_generate(source=first)
    proposals_generate(source=second)
    assert "Possibly the same meeting" in proposal_of(second, "meeting").note
    meeting = proposal_accept(proposal=proposal_of(first, "meeting"), user=admin_user).matched_meeting
    assert proposal_accept(proposal=proposal_of(second, "meeting"), user=admin_user).matched_meeting == meeting
    assert Meeting.objects.count() == 1


def test_accepting_an_operation_resolves_the_alias_and_records_new_spellings(make_source, seed_text, admin_user, azm):
    source = make_source(text=seed_text("001"))
    proposals_generate(source=source)
    proposal = proposal_of(source, "operation")
    assert proposal.matched_operation == azm
    # azm is published: a new citation and alias are a publisher's correction, with a note.
    accepted = proposal_accept(proposal=proposal, user=admin_user, correction_note="Added a report and its spelling.")
    assert accepted.citation.operation == azm
    assert Operation.objects.count() == 1
    # "Azm-e-Istahkam" was matched by transliteration; it is now an alias, so it matches exactly.
    assert set(azm.aliases.values_list("name", flat=True)) == {"AZM-E-ISTEHKAM", "Azm-e-Istahkam"}
    assert list(Operation.objects.named("Azm-e-Istahkam")) == [azm]


def test_edit_then_accept(make_source, seed_text, admin_user, central_body):
    source = make_source(text=seed_text("002"))
    proposals_generate(source=source)
    meeting = proposal_accept(proposal=proposal_of(source, "meeting"), user=admin_user, overrides={"date": "2024-11-19", "date_precision": "day", "weekday": 1}).matched_meeting
    assert meeting.date == datetime.date(2024, 11, 19)
    decision_proposal = proposal_of(source, "decision", action="agreed")
    accepted = proposal_accept(proposal=decision_proposal, user=admin_user, overrides={"domain": "governance", "text": "Agreed to revitalise NACTA."})
    decision = accepted.citation.decision
    assert (decision.domain, decision.text, decision.status) == ("governance", "Agreed to revitalise NACTA.", PublicationStatus.DRAFT)
    assert "Edited before accepting: domain, text." in accepted.review_note
    assert decision.citations.get().quote.startswith("They also agreed on NACTA")


def test_attendees_and_decisions_need_their_meeting_first(make_source, seed_text, admin_user):
    source = make_source(text=seed_text("003"))
    proposals_generate(source=source)
    with pytest.raises(ProposalError, match="meeting proposal first"):
        proposal_accept(proposal=proposal_of(source, "attendee", key="office:dg-isi"), user=admin_user)
    assert proposal_of(source, "attendee", key="office:dg-isi").state == "pending"
    assert Attendee.objects.count() == 0


def test_an_attendee_creates_office_and_person_as_drafts(make_source, seed_text, admin_user, central_body):
    source = make_source(text=seed_text("002"))
    proposals_generate(source=source)
    proposal_accept(proposal=proposal_of(source, "meeting"), user=admin_user)
    accepted = proposal_accept(proposal=proposal_of(source, "attendee", key="office:chief-of-army-staff"), user=admin_user)
    attendee = accepted.citation.attendee
    assert (attendee.office.title, attendee.person.name) == ("Chief of Army Staff", "Syed Asim Munir")
    assert {attendee.status, attendee.office.status, attendee.person.status} == {PublicationStatus.DRAFT}
    chair = proposal_accept(proposal=proposal_of(source, "attendee", role="chair"), user=admin_user).citation.attendee
    assert (chair.role, chair.person.name) == ("chair", "Shehbaz Sharif")


def test_reject_creates_nothing_and_cannot_be_undone_by_accepting(make_source, seed_text, admin_user):
    source = make_source(text=seed_text("000"))
    proposals_generate(source=source)
    proposal = proposal_of(source, "meeting")
    rejected = proposal_reject(proposal=proposal, user=admin_user, note="Duplicate")
    assert (rejected.state, rejected.review_note, rejected.reviewer) == ("rejected", "Duplicate", admin_user)
    assert Meeting.objects.count() == 0 and Citation.objects.count() == 0
    with pytest.raises(ProposalError, match="already rejected"):
        proposal_accept(proposal=proposal, user=admin_user)


def test_accepting_publishes_nothing(make_source, seed_text, admin_user, central_body):
    source = make_source(text=seed_text("000"), status=PublicationStatus.DRAFT)
    proposals_generate(source=source)
    for kind in ("meeting", "operation", "attendee", "decision"):
        for proposal in source.proposals.filter(kind=kind):
            proposal_accept(proposal=proposal, user=admin_user)
    assert Meeting.objects.published().count() == 0
    assert Attendee.objects.published().count() == 0
    assert Decision.objects.published().count() == 0
    assert Operation.objects.published().count() == 0
    assert Citation.objects.count() == source.proposals.count()


def test_a_generic_apex_committee_must_be_chosen_before_accepting(make_source, admin_user):
    source = make_source(text="LAHORE: The apex committee met on Monday and decided to set up a new force.")
    proposals_generate(source=source)
    proposal = proposal_of(source, "meeting")
    with pytest.raises(ProposalError, match="choose|set body_name"):
        proposal_accept(proposal=proposal, user=admin_user)
    meeting = proposal_accept(proposal=proposal, user=admin_user, overrides={"body_name": "Punjab Apex Committee", "body_key": "body:apex-committee:punjab"}).matched_meeting
    assert meeting.body.name == "Punjab Apex Committee" and meeting.body.status == PublicationStatus.DRAFT


def test_importing_a_file_generates_its_proposals(tmp_path, db):
    from sources.importing import sources_import_paths

    article = tmp_path / "kp.txt"
    article.write_text(
        "title: KP apex\npublished: 2024-07-02\n---\nPESHAWAR: The Khyber Pakhtunkhwa Apex Committee on Monday decided to raise a new force.\n",
        encoding="utf-8",
    )
    [(_, _, result)] = list(sources_import_paths(paths=[article]))
    meeting = result.source.proposals.get(kind="meeting")
    assert (meeting.values["date"], meeting.values["body_key"]) == ("2024-07-01", "body:apex-committee:khyber-pakhtunkhwa")


def test_accepting_an_organisation_creates_it_as_the_source_names_it(make_source, seed_text, admin_user, central_body):
    from organisations.models import Organisation

    source = make_source(text=seed_text("002"))
    proposals_generate(source=source)
    proposal = proposal_of(source, "organisation", key="organisation:bla")
    assert proposal.values["called_banned"] is True
    accepted = proposal_accept(proposal=proposal, user=admin_user)
    organisation = accepted.organisation_citation.organisation
    # "BLA", not an expansion the source does not give; banned because this source says "banned outfits".
    assert (organisation.name, organisation.banned, organisation.status) == ("BLA", True, PublicationStatus.DRAFT)
    assert "banned outfits" in accepted.organisation_citation.quote
    # A second report naming it cites the same record.
    other = make_source(text="QUETTA: The Balochistan Apex Committee on Saturday reviewed attacks claimed by the BLA.")
    proposals_generate(source=other)
    again = proposal_accept(proposal=proposal_of(other, "organisation", key="organisation:bla"), user=admin_user)
    assert again.organisation_citation.organisation == organisation
    assert Organisation.objects.count() == 1


def test_accepting_a_figure_creates_a_draft_figure_with_its_quote(make_source, seed_text, admin_user):
    from figures.models import Figure

    source = make_source(text=seed_text("004"))
    proposals_generate(source=source)
    proposal = proposal_of(source, "figure", figure_text="1,063 terrorism incidents")
    assert proposal.values["places"] == ["Khyber Pakhtunkhwa", "Balochistan"]
    assert proposal.values["period_text"] == "since January 2024"
    accepted = proposal_accept(proposal=proposal, user=admin_user, overrides={"measure": "Terrorism incidents reported"})
    figure = accepted.figure
    assert (figure.measure.name, figure.value, figure.unit, figure.status) == ("Terrorism incidents reported", 1063, "count", PublicationStatus.DRAFT)
    assert figure.period_text == "since January 2024"
    assert figure.quote in source.text
    percent = proposal_accept(proposal=proposal_of(source, "figure", figure_text="44 percent"), user=admin_user, overrides={"measure": "Conviction rate for terrorists"}).figure
    assert (percent.value, percent.unit) == (44, "percent")
    assert Figure.objects.published().count() == 0


def test_bad_edits_are_refused_with_a_message(make_source, seed_text, admin_user, central_body):
    source = make_source(text=seed_text("000"))
    proposals_generate(source=source)
    proposal = proposal_of(source, "meeting")
    with pytest.raises(ProposalError, match="YYYY-MM-DD"):
        proposal_accept(proposal=proposal, user=admin_user, overrides={"date": "22 June"})
    with pytest.raises(ProposalError, match="JSON object"):
        proposal_accept(proposal=proposal, user=admin_user, overrides=["date"])
    assert proposal_of(source, "meeting").state == "pending" and Meeting.objects.count() == 0


def test_the_seed_sources_ship_with_no_pending_proposals_and_a_new_report_matches_their_meeting(db, admin_user):
    """`make setup` imports the seeds (proposals are read then), then loads the curated archive, which closes them."""
    from pathlib import Path

    from django.core.management import call_command

    from curation.services import SEED_CURATED_NOTE
    from sources.importing import source_ingest

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    call_command("import_sources", str(seeds), stdout=open("/dev/null", "w"))
    call_command("load_curated_archive", stdout=open("/dev/null", "w"))

    assert not Proposal.objects.pending().exists()
    assert set(Proposal.objects.values_list("review_note", flat=True)) == {SEED_CURATED_NOTE}
    # Reading new sources does not propose the seeds' facts again.
    assert len(proposals_generate(source=SourceDocument.objects.get(original_filename="001_84d199cf34c98c0a.txt"))) > 0
    assert not Proposal.objects.pending().exists()

    meetings_before = Meeting.objects.count()
    june = Meeting.objects.get(date=datetime.date(2024, 6, 22))
    another_report = (seeds / "001_84d199cf34c98c0a.txt").read_text(encoding="utf-8") + "\n(Reprinted by another paper.)\n"
    source = source_ingest(text=another_report, filename="reprint.txt").source
    proposal = Proposal.objects.get(source=source, kind="meeting")
    accepted = proposal_accept(proposal=proposal, user=admin_user, correction_note="Added a report.")
    assert accepted.matched_meeting == june
    assert Meeting.objects.count() == meetings_before


def test_an_editor_accepting_a_report_of_a_published_meeting_is_refused(make_source, seed_text, make_meeting, django_user_model):
    """Nothing becomes public without a publisher: the citation would appear on the meeting's page at once."""
    from sources.editors import editors_group_sync

    plain_editor = django_user_model.objects.create_user(username="plain-editor", is_staff=True)
    plain_editor.groups.add(editors_group_sync())
    meeting = make_meeting()
    source = make_source(text=seed_text("001"))
    proposals_generate(source=source)
    proposal = proposal_of(source, "meeting")
    with pytest.raises(ProposalError, match="publish permission"):
        proposal_accept(proposal=proposal, user=plain_editor, overrides={"meeting_id": meeting.pk})
    assert meeting.citations.count() == 0
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.PENDING


def test_a_spelling_recorded_from_a_report_is_listed_in_the_changes_feed(azm):
    # A mirror holds the operation with its aliases: a new alias is a change of the public operation.
    from curation.services import _record_spellings
    from editorial.models import Change

    last = Change.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    assert _record_spellings(azm, ["Azm-i-Istehkam"]) == ["Azm-i-Istehkam"]
    assert Change.objects.filter(pk__gt=last, resource="operation", record_id=azm.pk).exists()
