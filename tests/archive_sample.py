"""A small archive shaped like the real one (two reports of the meeting that launched Azm-e-Istehkam,
an undated meeting, drafts), built with the shared make_* fixtures. Used by the view and browser tests."""
import datetime
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from meetings.models import Attendee, DatePrecision, Decision, Weekday
from foundations.publication import PublicationStatus as Status
from foundations.publication import PublicationStatus
from operations.models import Operation, OperationAlias

SEEDS = Path(settings.BASE_DIR) / "seeds"
DRAFT = PublicationStatus.DRAFT

LAUNCH_QUOTE = "The Prime Minister sanctioned a revitalized and renewed national counter-terrorism campaign with the launch of Operation ‘AZM-E-ISTEHKAM’."
CHAIR_QUOTE = "A meeting of the Central Apex Committee on National Action Plan was chaired by Prime Minister Muhammad Shehbaz Sharif in Islamabad on 22 June."
GROUP_QUOTE = "The meeting was attended by the chief ministers of all provinces and GB, service chiefs"
DIPLOMACY_QUOTE = "In the realm of politics and diplomacy, there will be increased efforts to limit terrorists’ operational capabilities through regional cooperation."
GO_AHEAD_QUOTE = "Prime Minister Shehbaz Sharif on Saturday gave the go-ahead to Operation “Azm-e-Istehkam,”"


@dataclass
class SampleArchive:
    report_000: object
    report_001: object
    draft_source: object
    body: object
    meeting: object
    undated_meeting: object
    draft_meeting: object
    prime_minister: object
    pm_office: object
    chair: object
    group: object
    launch_decision: object
    diplomacy_decision: object
    draft_decision: object
    operation: object
    child_operation: object
    launch_citation: object
    chair_citation: object


def seed_text(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def add_attendee(**fields) -> Attendee:
    # Not the shared make_attendee: its default meeting is built even when one is given.
    fields.setdefault("status", Status.PUBLISHED)
    return Attendee.objects.create(**fields)


def add_decision(**fields) -> Decision:
    fields.setdefault("status", Status.PUBLISHED)
    return Decision.objects.create(**fields)


def build_sample_archive(make_source, make_body, make_meeting, make_person, make_office, make_operation, make_citation) -> SampleArchive:
    report_000 = make_source(
        text=seed_text("000"),
        slug="central-apex-committee-2024-06-22-report",
        title="[Central Apex Committee meets on 22 June 2024 and approves Operation Azm-e-Istehkam]",
        published_on=datetime.date(2024, 6, 23),
    )
    report_001 = make_source(
        text=seed_text("001"),
        slug="pm-approves-azm-e-istehkam",
        title="[Prime Minister Shehbaz Sharif approves Operation Azm-e-Istehkam]",
        outlet="",
    )
    draft_source = make_source(text=seed_text("004"), slug="azm-e-istehkam-vision-feature", title="Azm-e-Istehkam not an operation, but a vision", status=DRAFT)
    body = make_body(name="Central Apex Committee on the National Action Plan", slug="central-apex-committee", short_name="Central Apex Committee")
    meeting = make_meeting(
        body=body,
        title="Central Apex Committee meeting approving Operation Azm-e-Istehkam",
        slug="2024-06-22-central-apex-committee",
        date=datetime.date(2024, 6, 22),
        weekday=Weekday.SATURDAY,
        place="Islamabad",
        date_note="000 says “on 22 June”; 001 says “on Saturday”, and 22 June 2024 was a Saturday.",
        summary="The committee approved Operation Azm-e-Istehkam.",
    )
    undated_meeting = make_meeting(
        body=body,
        title="Federal apex committee meeting approving a military operation in Balochistan",
        slug="federal-apex-committee-balochistan",
        date=None,
        date_precision=DatePrecision.UNKNOWN,
        weekday=Weekday.TUESDAY,
        date_note="The communiqué is dated only “on Tuesday”.",
    )
    draft_meeting = make_meeting(body=body, title="Unreviewed draft meeting", slug="unreviewed-draft-meeting", status=DRAFT)
    prime_minister = make_person(name="Shehbaz Sharif", slug="shehbaz-sharif")
    pm_office = make_office(title="Prime Minister", slug="prime-minister")
    chair = add_attendee(meeting=meeting, person=prime_minister, office=pm_office, role=Attendee.Role.CHAIR)
    group = add_attendee(meeting=meeting, group_label="chief ministers of all provinces and GB", order=5)
    add_attendee(meeting=meeting, group_label="an attendee still in draft", status=DRAFT, order=9)
    operation = make_operation(
        name="Azm-e-Istehkam",
        slug="azm-e-istehkam",
        kind=Operation.Kind.NATIONAL_CAMPAIGN,
        launch_meeting=meeting,
        kind_note="000 calls it an operation; a later feature calls it a vision.",
    )
    OperationAlias.objects.create(operation=operation, name="Azm-e-Istahkam", kind=OperationAlias.Kind.SPELLING)
    make_operation(name="National Action Plan", slug="national-action-plan", kind=Operation.Kind.POLICY)
    child_operation = make_operation(name="Balochistan operation", slug="balochistan-operation", parent=operation, launch_meeting=undated_meeting)
    launch_decision = add_decision(
        meeting=meeting,
        order=1,
        action=Decision.Action.APPROVED,
        domain=Decision.Domain.MULTI_DOMAIN,
        text="Approved Operation Azm-e-Istehkam, a renewed national counter-terrorism campaign.",
    )
    launch_decision.operations.add(operation)
    diplomacy_decision = add_decision(
        meeting=meeting,
        order=2,
        action=Decision.Action.DECIDED,
        domain=Decision.Domain.POLITICO_DIPLOMATIC,
        text="Decided to intensify regional cooperation to limit terrorists' operational space.",
    )
    draft_decision = add_decision(meeting=meeting, order=3, text="A decision nobody has checked yet.", status=DRAFT)
    balochistan_decision = add_decision(
        meeting=undated_meeting, domain=Decision.Domain.MILITARY, action=Decision.Action.APPROVED, text="Approved a comprehensive military operation in Balochistan."
    )
    balochistan_decision.operations.add(child_operation)
    launch_citation = make_citation(launch_decision, quote=LAUNCH_QUOTE, source=report_000)
    make_citation(launch_decision, quote=GO_AHEAD_QUOTE, source=report_001)
    chair_citation = make_citation(chair, quote=CHAIR_QUOTE, source=report_000)
    make_citation(meeting, quote=CHAIR_QUOTE, source=report_000)
    make_citation(group, quote=GROUP_QUOTE, source=report_001)
    make_citation(diplomacy_decision, quote=DIPLOMACY_QUOTE, source=report_000)
    make_citation(operation, quote="Vision Azm-e-Istehkam is not merely an operation but a strategy", source=draft_source)
    make_citation(draft_decision, quote="It showcases the country’s resolve", source=report_000)
    return SampleArchive(
        report_000, report_001, draft_source, body, meeting, undated_meeting, draft_meeting, prime_minister, pm_office,
        chair, group, launch_decision, diplomacy_decision, draft_decision, operation, child_operation, launch_citation, chair_citation,
    )
