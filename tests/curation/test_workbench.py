"""The one way in for sources (admin "Add source"), the workbench and the review queue, through the real admin."""
import re
from pathlib import Path

import pytest
from django.urls import reverse

from curation.models import Proposal
from foundations.publication import PublicationStatus
from figures.models import Figure
from meetings.models import Decision, Meeting
from organisations.models import Organisation
from sources.importing import source_ingest
from sources.models import SourceDocument

REPORT = (Path(__file__).resolve().parents[2] / "curation" / "evaluation" / "dev" / "107_kp_apex_2024.txt").read_text(encoding="utf-8")
# The report without its front matter, as an editor pastes it into the form (a browser sends CRLF).
BODY = REPORT.split("---\n", 1)[1]
# A decision worded so that the extractor misses it: the editor cites it by selecting the sentence.
MISSED = "Those present were of one mind that no displacement of the population would take place."
REPORT = REPORT.replace("It agreed that no displacement of the population would take place.", MISSED)


def add_source(client, text, **fields):
    data = {"title": "KP apex committee backs Azm-i-Istehkam", "slug": "", "outlet": "The Express Tribune", "author": "",
            "url": "", "published_on": "2024-07-02", "language": "en", "kind": "news_report", "text": text,
            "editorial_note": "", "origin": "", "original_filename": "", "expected_version": "",
            "citations-TOTAL_FORMS": "0", "citations-INITIAL_FORMS": "0"}
    data.update(fields)
    return client.post(reverse("admin:sources_sourcedocument_add"), data)


def workbench(source):
    return reverse("admin:curation_workbench", args=[source.pk])


def form_data(page_form_prefix: str, proposal: Proposal, **values) -> dict:
    data = {"proposal": proposal.pk, f"{page_form_prefix}-start": proposal.start, f"{page_form_prefix}-end": proposal.end}
    data.update({f"{page_form_prefix}-{name}": value for name, value in values.items()})
    return data


# -- one way in ------------------------------------------------------------------------------------------


def test_add_source_normalises_the_text_reads_proposals_with_the_forms_date_and_opens_the_workbench(editor_client):
    response = add_source(editor_client, "\ufeff" + BODY.replace("\n", "\r\n"))

    source = SourceDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == workbench(source)
    assert "\r" not in source.text and not source.text.startswith("\ufeff")
    assert source.created_by.username == "alice"
    meeting = Proposal.objects.get(source=source, kind="meeting")
    # "on Monday" in a report published on Tuesday 2 July 2024: the form's date makes it 1 July.
    assert meeting.values["date"] == "2024-07-01" and meeting.values["date_precision"] == "day"
    page = editor_client.get(reverse("admin:sources_sourcedocument_change", args=[source.pk])).content.decode()
    assert workbench(source) in page and "Open the workbench" in page


def test_the_same_text_pasted_after_import_is_refused_with_a_link_and_the_input_kept(editor_client):
    stored = source_ingest(text=BODY, filename="kp.txt").source

    response = add_source(editor_client, BODY.replace("\n", "\r\n"), title="My own title")

    page = response.content.decode()
    assert response.status_code == 200 and SourceDocument.objects.count() == 1
    assert "already in the archive as" in page
    assert reverse("admin:sources_sourcedocument_change", args=[stored.pk]) in page
    assert 'value="My own title"' in page


def test_a_quote_not_in_the_source_says_where_it_departs(make_source):
    from django.core.exceptions import ValidationError

    from sources.models import citation_quote_clean

    source = make_source(text="The prime minister vowed to continue fighting terrorism until its end.")
    with pytest.raises(ValidationError) as refusal:
        citation_quote_clean(quote="vowed to continue fighting terror until", source=source)
    message = refusal.value.message_dict["quote"][0]
    assert "matches up to '…continue fighting terror', then the source has 'ism until it' where the quote has ' until'" in message


# -- the workbench ---------------------------------------------------------------------------------------


@pytest.fixture
def kp_source(editor):
    return source_ingest(text=REPORT, filename="107_kp_apex_2024.txt", user=editor).source


def test_the_workbench_shows_the_text_with_marks_and_forms_never_json(editor_client, kp_source):
    page = editor_client.get(workbench(kp_source)).content.decode()
    meeting = Proposal.objects.get(source=kp_source, kind="meeting")

    assert f'id="passage-{meeting.pk}"' in page and "wb-kind-meeting" in page
    assert 'name="p%d-date_precision"' % meeting.pk in page and 'type="date"' in page
    assert "&quot;body_key&quot;" not in page and '"body_key"' not in page
    assert "<script>" not in page and " style=" not in page


def test_a_refused_acceptance_names_the_field_and_keeps_the_editors_input(editor_client, kp_source):
    decision = Proposal.objects.filter(source=kp_source, kind="decision").first()
    prefix = f"p{decision.pk}"
    data = form_data(prefix, decision, action="decided", text="My corrected wording", domain="", operations=[])
    data["action"] = "accept"

    page = editor_client.post(workbench(kp_source), data).content.decode()

    assert "My corrected wording" in page
    assert re.search(r'wb-field errors">\s*<label for="id_%s-domain"' % prefix, page)
    assert Proposal.objects.get(pk=decision.pk).state == "pending"


def test_an_invalid_body_kind_is_refused_not_replaced(kp_source, editor):
    from curation.services import ProposalError, proposal_accept

    meeting = Proposal.objects.get(source=kp_source, kind="meeting")
    with pytest.raises(ProposalError) as refusal:
        proposal_accept(proposal=meeting, user=editor, overrides={"create_new": True, "body_record_id": None, "body_name": "KP Apex Committee", "body_kind": "apex"})
    assert refusal.value.field == "body_kind"
    assert not Meeting.objects.exists()


def journey_to_review(client, source):
    """Correct the meeting (its body), accept the rest, cite a missed decision, submit: what an editor does."""
    meeting = Proposal.objects.get(source=source, kind="meeting")
    prefix = f"p{meeting.pk}"
    data = form_data(prefix, meeting, body_name="Khyber Pakhtunkhwa Apex Committee", body_kind="provincial_apex_committee",
                     date="2024-07-01", date_precision="day", date_note="“on Monday” before the report of 2 July 2024",
                     place="CM House, Peshawar")
    data["action"] = "accept"
    response = client.post(workbench(source), data)
    assert response.status_code == 302, re.findall(r"errorlist.{0,300}", response.content.decode(), re.S)
    client.post(workbench(source), {"action": "accept_confident"})
    start = source.text.index(MISSED)
    assert not Proposal.objects.filter(source=source, kind="decision", start__lte=start, end__gt=start).exists()
    response = client.post(workbench(source), {"action": "new_from_passage", "kind": "decision", "start": start - 1, "end": start + len(MISSED) + 1})
    assert response.status_code == 302
    missed = Proposal.objects.get(source=source, quote=MISSED)
    data = form_data(f"p{missed.pk}", missed, action="decided", text="No displacement of the population will take place.", domain="governance")
    data["action"] = "accept"
    assert client.post(workbench(source), data).status_code == 302
    for leftover in Proposal.objects.pending().filter(source=source):
        client.post(workbench(source), {"action": "reject", "proposal": leftover.pk})
    client.post(workbench(source), {"action": "submit"})
    return Meeting.objects.get(citations__source=source)


def test_an_editor_submits_and_a_publisher_publishes_from_the_review_queue(editor_client, publisher_client, kp_source, client):
    meeting = journey_to_review(editor_client, kp_source)
    assert meeting.status == PublicationStatus.IN_REVIEW and meeting.body.kind == "provincial_apex_committee"
    queue = reverse("admin:curation_review_queue")
    page = editor_client.get(queue).content.decode()
    assert str(meeting) in page and MISSED in page and "Prepared by alice" in page

    # An editor cannot publish from the queue; a publisher can.
    assert editor_client.post(queue, {"meeting": meeting.pk, "action": "publish"}).status_code == 403
    publisher_client.post(queue, {"meeting": meeting.pk, "action": "publish"})

    meeting.refresh_from_db()
    assert meeting.status == PublicationStatus.PUBLISHED
    public = client.get(meeting.get_absolute_url()).content.decode()
    assert "No displacement of the population will take place." in public and MISSED in public
    assert Decision.objects.filter(meeting=meeting, status=PublicationStatus.PUBLISHED).count() >= 2
    # The figures and organisations accepted from the report were published with its meeting.
    accepted = Proposal.objects.filter(source=kp_source, state="accepted")
    figures = Figure.objects.filter(pk__in=accepted.values("figure"))
    organisations = Organisation.objects.filter(citations__in=accepted.values("organisation_citation"))
    assert figures.exists() and organisations.exists()
    assert {f.status for f in figures} == {o.status for o in organisations} == {PublicationStatus.PUBLISHED}


def test_a_publisher_sends_back_with_a_note_the_editor_reads(editor_client, publisher_client, kp_source):
    meeting = journey_to_review(editor_client, kp_source)
    queue = reverse("admin:curation_review_queue")

    publisher_client.post(queue, {"meeting": meeting.pk, "action": "send_back", "note": "Check the name of the chief secretary."})

    meeting.refresh_from_db()
    assert meeting.status == PublicationStatus.DRAFT
    assert "Check the name of the chief secretary." in editor_client.get(workbench(kp_source)).content.decode()


def test_an_editors_corroboration_of_a_public_meeting_goes_through_the_review_queue(editor_client, publisher_client, kp_source):
    meeting = journey_to_review(editor_client, kp_source)
    queue = reverse("admin:curation_review_queue")
    publisher_client.post(queue, {"meeting": meeting.pk, "action": "publish"})
    reprint = source_ingest(text=REPORT.replace("PESHAWAR:", "PESHAWAR (APP):"), filename="reprint.txt").source
    proposal = Proposal.objects.get(source=reprint, kind="meeting")
    decision = Decision.objects.get(meeting=meeting, text__contains="Counter Terrorism Department")
    passage = Proposal.objects.get(source=reprint, kind="decision", quote__contains="Counter Terrorism Department")

    data = form_data(f"p{proposal.pk}", proposal, existing_meeting=meeting.pk, date_precision="day")
    data["action"] = "accept"
    assert editor_client.post(workbench(reprint), data).status_code == 302
    data = form_data(f"p{passage.pk}", passage, existing_decision=decision.pk, action="decided", text=passage.quote)
    data["action"] = "accept"
    assert editor_client.post(workbench(reprint), data).status_code == 302
    # Nothing public changed yet: the passages wait for a publisher.
    assert not meeting.citations.filter(source=reprint).exists()
    page = publisher_client.get(queue).content.decode()
    assert f"Other reports of {meeting}" in page and "alice" in page

    publisher_client.post(queue, {"meeting": meeting.pk, "action": "publish_reports"})

    assert Meeting.objects.count() == 1
    assert meeting.citations.filter(source=reprint).exists() and decision.citations.filter(source=reprint).exists()
    assert set(Proposal.objects.filter(pk__in=[proposal.pk, passage.pk]).values_list("state", flat=True)) == {"accepted"}


def test_another_report_of_a_published_meeting_adds_a_corroborating_citation(editor_client, publisher_client, kp_source):
    meeting = journey_to_review(editor_client, kp_source)
    publisher_client.post(reverse("admin:curation_review_queue"), {"meeting": meeting.pk, "action": "publish"})
    reprint = source_ingest(text=REPORT.replace("PESHAWAR:", "PESHAWAR (APP):"), filename="reprint.txt").source
    proposal = Proposal.objects.get(source=reprint, kind="meeting")
    assert proposal.matched_meeting == meeting
    assert "Another report of" in publisher_client.get(workbench(reprint)).content.decode()

    data = form_data(f"p{proposal.pk}", proposal, existing_meeting=meeting.pk, date_precision="day")
    data.update({"action": "accept", f"p{proposal.pk}-correction_note": "Added the APP report of this meeting."})
    assert publisher_client.post(workbench(reprint), data).status_code == 302

    assert Meeting.objects.count() == 1
    assert meeting.citations.filter(source=reprint).exists()
    # Its decision passage corroborates the decision already recorded, chosen from the meeting's decisions.
    decision = Decision.objects.get(meeting=meeting, text__contains="Counter Terrorism Department")
    passage = Proposal.objects.get(source=reprint, kind="decision", quote__contains="Counter Terrorism Department")
    page = publisher_client.get(workbench(reprint)).content.decode()
    assert "The same decision, already recorded" in page
    data = form_data(f"p{passage.pk}", passage, existing_decision=decision.pk, action="decided", text=passage.quote)
    data.update({"action": "accept", f"p{passage.pk}-correction_note": "Added the APP report of this meeting."})
    response = publisher_client.post(workbench(reprint), data)
    assert response.status_code == 302, re.findall(r"errorlist.{0,300}", response.content.decode(), re.S)
    assert decision.citations.filter(source=reprint).exists()
    assert Decision.objects.filter(meeting=meeting).count() == Decision.objects.filter(meeting=meeting).values("text").distinct().count()


# -- the defects around it -------------------------------------------------------------------------------


def test_the_staff_banner_says_in_review_for_a_record_in_review(staff_client, make_meeting):
    meeting = make_meeting(status=PublicationStatus.IN_REVIEW)
    page = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert "<strong>In review</strong> — this record is not published" in page


def test_the_history_page_never_shows_none_as_a_reason(publisher_client, make_meeting):
    meeting = make_meeting()
    page = publisher_client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).content.decode()
    body = page[page.index('id="change-history"') if 'id="change-history"' in page else 0 :]
    assert ">None<" not in re.sub(r"\s+", "", body).replace("<td>None</td>", ">None<")


# -- who may do what -------------------------------------------------------------------------------------


def test_the_workbench_and_queue_refuse_what_a_role_may_not_do(client, staff_client, editor_client, kp_source):
    meeting = Proposal.objects.get(source=kp_source, kind="meeting")
    accept = {"action": "accept", "proposal": meeting.pk}
    # Signed out: the admin's sign-in page, nothing written.
    assert client.post(workbench(kp_source), accept).status_code == 302
    assert client.get(reverse("admin:curation_review_queue"))["Location"].startswith(reverse("admin:login"))
    # A viewer of every record who may not change proposals reads the workbench but cannot act in it.
    assert staff_client.get(workbench(kp_source)).status_code == 200
    assert staff_client.post(workbench(kp_source), {"action": "accept_confident"}).status_code == 403
    # An editor may not publish or send back from the queue.
    queue = reverse("admin:curation_review_queue")
    assert editor_client.post(queue, {"action": "send_back", "meeting": 1, "note": "x"}).status_code == 403
    assert Proposal.objects.get(pk=meeting.pk).state == "pending"


def test_a_proposal_of_another_source_cannot_be_decided_from_this_workbench(editor_client, kp_source, make_source):
    other = make_source()
    meeting = Proposal.objects.get(source=kp_source, kind="meeting")
    response = editor_client.post(workbench(other), {"action": "reject", "proposal": meeting.pk})
    assert response.status_code == 404
    assert Proposal.objects.get(pk=meeting.pk).state == "pending"


def test_a_source_too_long_for_a_web_request_is_stored_and_read_later(editor_client, monkeypatch):
    from curation import services

    monkeypatch.setattr(services, "INLINE_EXTRACTION_MAX_CHARS", 100)
    response = add_source(editor_client, BODY)

    source = SourceDocument.objects.get()
    assert response.status_code == 302 and not source.proposals.exists()
    page = editor_client.get(response["Location"]).content.decode()
    assert f"generate_proposals {source.slug}" in page


def test_a_figure_is_accepted_with_the_places_chosen_in_its_form(editor_client, kp_source):
    from operations.models import Region

    province = Region.objects.create(name="Khyber Pakhtunkhwa", slug="khyber-pakhtunkhwa", kind=Region.Kind.PROVINCE)
    figure = Proposal.objects.filter(source=kp_source, kind="figure").first()
    values = figure.values
    data = form_data(f"p{figure.pk}", figure, measure=values.get("measure") or "Policemen martyred", value=values.get("value") or "43",
                     unit=values.get("unit") or "people", qualifier="", period_text="since January", places=[province.pk])
    data["action"] = "accept"
    response = editor_client.post(workbench(kp_source), data)
    assert response.status_code == 302, re.findall(r"errorlist.{0,300}", response.content.decode(), re.S)
    figure.refresh_from_db()
    assert list(figure.figure.places.all()) == [province]
