"""Who may change what readers see, by every write path: a matrix generated from the write paths and the roles.

Every curated kind (meetings and their parts, operations, sources, bodies, people, offices, citations,
figures, organisations and their citations) has the same rule, whichever way it is written (admin
forms, inlines and list actions, each API method, curation acceptance): only publishers publish,
withdraw or change public content, and a change to public content needs a correction note.

Each write path is tried by each role (anonymous, signed in without editing rights, editor,
publisher), with and without a correction note; the test looks at the archive afterwards rather than
at the response alone: the public record must be unchanged unless a publisher made the change with a
note (which must then be on the record's page).
"""
from __future__ import annotations

import datetime
import html.parser
import itertools
import json
from dataclasses import dataclass
from typing import Callable

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from curation.extraction.proposal import MEETING
from curation.models import Proposal
from curation.services import ProposalError, proposal_accept
from editorial.models import Correction
from figures.models import Figure, Measure, Unit
from figures.serializers import FigureWriteSerializer
from foundations.publication import PublicationStatus
from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, Office, Person
from meetings.serializers import (
    AttendeeWriteSerializer,
    BodyWriteSerializer,
    DecisionWriteSerializer,
    MeetingWriteSerializer,
    OfficeWriteSerializer,
    PersonWriteSerializer,
)
from operations.models import Operation
from operations.serializers import OperationWriteSerializer
from organisations.models import Organisation, OrganisationCitation
from organisations.serializers import OrganisationWriteSerializer
from sources.editors import editors_group_sync, publishers_group_sync
from sources.models import Citation, SourceDocument, sha256_of_text
from sources.serializers import CitationWriteSerializer, SourceWriteSerializer

PUBLISHED = PublicationStatus.PUBLISHED
DRAFT = PublicationStatus.DRAFT
WITHDRAWN = PublicationStatus.WITHDRAWN
ROLES = ["anonymous", "reader", "editor", "publisher"]
NOTE = "Corrected for the matrix test."
TEXT = (
    "The Central Apex Committee met in Islamabad on 22 June. The Prime Minister chaired it. "
    "It approved Operation Azm-e-Istehkam. Officials counted 27 incidents. The outfit TTP was named as banned."
)


# --- The archive every path writes to --------------------------------------------------------------


def build_world(*, drafts: bool) -> dict:
    """One published record of every curated kind, each with its sound citation, and (`drafts`) a draft of each."""
    counter = itertools.count(1)

    def source(status=PUBLISHED, text=TEXT):
        n = next(counter)
        text = f"{text} ({n})"
        return SourceDocument.objects.create(slug=f"matrix-source-{n}", text=text, sha256=sha256_of_text(text), status=status)

    evidence = source()

    def cite(fact, quote="The Central Apex Committee met in Islamabad"):
        citation = Citation(source=evidence, quote=quote, **{fact._meta.model_name: fact})
        citation.full_clean()
        citation.save()
        return citation

    records: dict[str, object] = {}
    for status, suffix in ((PUBLISHED, ""), (DRAFT, "_draft"))[: 2 if drafts else 1]:
        body = Body.objects.create(name=f"Apex Committee{suffix}", slug=f"apex{suffix.replace('_', '-')}", status=status)
        meeting = Meeting.objects.create(
            body=body, title=f"Apex meeting{suffix}", slug=f"apex-meeting{suffix.replace('_', '-')}",
            date=datetime.date(2024, 6, 22), date_precision=DatePrecision.DAY, place="Islamabad", status=status,
        )
        person = Person.objects.create(name=f"Shehbaz Sharif{suffix}", slug=f"shehbaz{suffix.replace('_', '-')}", status=status)
        office = Office.objects.create(title=f"Prime Minister{suffix}", slug=f"pm{suffix.replace('_', '-')}", status=status)
        attendee = Attendee.objects.create(meeting=meeting, person=person, office=office, role=Attendee.Role.CHAIR, status=status)
        decision = Decision.objects.create(meeting=meeting, text="Approved the operation.", domain=Decision.Domain.MILITARY, status=status)
        operation = Operation.objects.create(
            name=f"Azm-e-Istehkam{suffix}", slug=f"azm{suffix.replace('_', '-')}", kind=Operation.Kind.MILITARY_OPERATION, status=status
        )
        figure = Figure(
            slug=f"incidents{suffix.replace('_', '-')}", measure=Measure.objects.get_or_create(slug="incidents", defaults={"name": "Incidents", "unit": Unit.COUNT})[0],
            value=27, unit=Unit.COUNT, source=evidence, quote="Officials counted 27 incidents.", status=status,
        )
        figure.full_clean()
        figure.save()
        organisation = Organisation.objects.create(name=f"TTP{suffix}", slug=f"ttp{suffix.replace('_', '-')}", status=status)
        organisation_citation = OrganisationCitation(organisation=organisation, source=evidence, quote="The outfit TTP was named as banned.")
        organisation_citation.full_clean()
        organisation_citation.save()
        records.update({
            f"body{suffix}": body,
            f"meeting{suffix}": meeting,
            f"person{suffix}": person,
            f"office{suffix}": office,
            f"attendee{suffix}": attendee,
            f"decision{suffix}": decision,
            f"operation{suffix}": operation,
            f"source{suffix}": source(status=status) if suffix else evidence,
            f"figure{suffix}": figure,
            f"organisation{suffix}": organisation,
            f"organisationcitation{suffix}": organisation_citation,
            f"meeting_citation{suffix}": cite(meeting),
        })
        cite(attendee, quote="The Prime Minister chaired it.")
        cite(decision, quote="It approved Operation Azm-e-Istehkam.")
        cite(operation, quote="Operation Azm-e-Istehkam")
    records["citation"] = records["meeting_citation"]
    records["spare_source"] = source()
    return records


def make_user(role: str):
    if role == "anonymous":
        return None
    # No password: clients sign in with force_login or a token (hashing one would slow every case).
    user = User.objects.create_user(f"matrix-{role}", is_staff=role != "reader")
    if role in ("editor", "publisher"):
        user.groups.add(editors_group_sync())
    if role == "publisher":
        user.groups.add(publishers_group_sync())
    return user


def api_client(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def admin_client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def fresh(record):
    return type(record)._default_manager.get(pk=record.pk)


def corrections_of(record) -> list[str]:
    return [c.note for c in Correction.objects.filter(content_type__model=record._meta.model_name, object_id=record.pk)]


# --- Kinds and the field each path edits ----------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str                     # the world's key
    api: str | None               # the API resource
    lookup: str                   # slug or pk
    field: str                    # a text field every path edits
    write_serializer: type | None
    admin: str                    # admin URL name prefix
    shown_on: str | None = None   # a citation: the record whose page shows it

    def url(self, record) -> str:
        return f"/api/v1/{self.api}/{getattr(record, self.lookup)}/"


KINDS = [
    Kind("meeting", "meetings", "slug", "place", MeetingWriteSerializer, "meetings_meeting"),
    Kind("attendee", "attendees", "pk", "note", AttendeeWriteSerializer, "meetings_attendee"),
    Kind("decision", "decisions", "pk", "note", DecisionWriteSerializer, "meetings_decision"),
    Kind("operation", "operations", "slug", "summary", OperationWriteSerializer, "operations_operation"),
    Kind("source", "sources", "slug", "editorial_note", SourceWriteSerializer, "sources_sourcedocument"),
    Kind("body", "bodies", "slug", "description", BodyWriteSerializer, "meetings_body"),
    Kind("person", "people", "slug", "description", PersonWriteSerializer, "meetings_person"),
    Kind("office", "offices", "slug", "description", OfficeWriteSerializer, "meetings_office"),
    Kind("figure", "figures", "slug", "note", FigureWriteSerializer, "figures_figure"),
    Kind("organisation", "organisations", "slug", "description", OrganisationWriteSerializer, "organisations_organisation"),
    Kind("citation", "citations", "pk", "note", CitationWriteSerializer, "sources_citation", shown_on="meeting"),
]
API_KINDS = [kind for kind in KINDS if kind.api]
WITH_STATUS = [kind for kind in KINDS if kind.shown_on is None]
# Attendees and decisions are published with their meeting.
PUBLISHABLE_ALONE = [kind for kind in WITH_STATUS if kind.name not in ("attendee", "decision")]


def versioned(record) -> dict:
    return {"version": record.version} if hasattr(record, "version") else {}


def note_payload(note: bool) -> dict:
    return {"correction_note": NOTE} if note else {}


# --- The write paths ----------------------------------------------------------------------------------
# Each takes (world, user, with_note) and tries its write; `effect` says what it changed in public view.


@dataclass(frozen=True)
class WritePath:
    name: str
    kind: Kind
    attempt: Callable
    effect: Callable            # (world) -> bool: did public content change?
    needs_note: bool = True     # a status move needs no note; a change of content does
    refused_to_all: bool = False  # a status written by an edit; a public citation deleted without a note
    uses_drafts: bool = False     # moves a draft (or edits one): the world needs its drafts


def edited(kind: Kind):
    return lambda world: getattr(fresh(world[kind.name]), kind.field) == "Edited by the matrix"


def api_patch(kind: Kind):
    def attempt(world, user, note):
        record = world[kind.name]
        payload = {kind.field: "Edited by the matrix", **versioned(record), **note_payload(note)}
        return api_client(user).patch(kind.url(record), json.dumps(payload), content_type="application/json")

    return WritePath(f"api PATCH {kind.api}", kind, attempt, edited(kind))


def api_put(kind: Kind):
    def attempt(world, user, note):
        record = world[kind.name]
        payload = {**kind.write_serializer(record).data, kind.field: "Edited by the matrix", **versioned(record), **note_payload(note)}
        return api_client(user).put(kind.url(record), json.dumps(payload, default=str), content_type="application/json")

    return WritePath(f"api PUT {kind.api}", kind, attempt, edited(kind))


def api_patch_status(kind: Kind, target: str, start: str):
    def attempt(world, user, note):
        record = world[kind.name if start == PUBLISHED else f"{kind.name}_draft"]
        payload = {"status": target, **versioned(record), **note_payload(note)}
        return api_client(user).patch(kind.url(record), json.dumps(payload), content_type="application/json")

    def effect(world):
        record = world[kind.name if start == PUBLISHED else f"{kind.name}_draft"]
        return fresh(record).status != start

    return WritePath(f"api PATCH {kind.api} status={target}", kind, attempt, effect, needs_note=False, refused_to_all=True, uses_drafts=True)


def api_status_action(kind: Kind, target: str, start: str):
    def attempt(world, user, note):
        record = world[kind.name if start == PUBLISHED else f"{kind.name}_draft"]
        return api_client(user).post(kind.url(record) + "status/", json.dumps({"status": target}), content_type="application/json")

    def effect(world):
        record = world[kind.name if start == PUBLISHED else f"{kind.name}_draft"]
        return fresh(record).status == target

    return WritePath(f"api POST {kind.api}/status {start}→{target}", kind, attempt, effect, needs_note=False, uses_drafts=start == DRAFT)


def api_post_citation():
    kind = next(k for k in KINDS if k.name == "citation")

    def attempt(world, user, note):
        payload = {"source": world["spare_source"].slug, "quote": "The Prime Minister chaired it.", "meeting": world["meeting"].slug, **note_payload(note)}
        return api_client(user).post("/api/v1/citations/", json.dumps(payload), content_type="application/json")

    return WritePath("api POST citations (on a published meeting)", kind, attempt,
                     lambda world: world["meeting"].citations.filter(source=world["spare_source"]).exists())


def api_post_with_status(kind: Kind):
    def attempt(world, user, note):
        payload = {**kind.write_serializer(world[f"{kind.name}_draft"]).data, "slug": "matrix-new", "status": "published"}
        payload.pop("name", None) if kind.name == "organisation" else None
        if kind.name == "organisation":
            payload["name"] = "A new outfit"
        return api_client(user).post(f"/api/v1/{kind.api}/", json.dumps(payload, default=str), content_type="application/json")

    return WritePath(f"api POST {kind.api} with status=published", kind, attempt,
                     lambda world: type(world[kind.name])._default_manager.filter(slug="matrix-new", status=PUBLISHED).exists(), needs_note=False,
                     refused_to_all=True, uses_drafts=True)


# --- Admin paths ---


class FormReader(html.parser.HTMLParser):
    """Collect the values a browser would send from the admin's change form."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select = None
        self._textarea = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith("_form"):
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.setdefault(name, []).append(attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data[self._textarea][0] = self.data[self._textarea][0].removeprefix("\n")
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def change_form_data(url: str) -> dict:
    """Return the form a superuser would send back unchanged (read from the page, as a browser would)."""
    superuser = User.objects.filter(username="matrix-superuser").first() or User.objects.create_superuser("matrix-superuser", email=None)
    page = admin_client(superuser).get(url)
    assert page.status_code == 200, url
    reader = FormReader()
    reader.feed(page.content.decode())
    return {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}


def admin_change(kind: Kind):
    def attempt(world, user, note):
        record = world[kind.name]
        url = reverse(f"admin:{kind.admin}_change", args=[record.pk])
        data = change_form_data(url)
        data[kind.field] = "Edited by the matrix"
        data["correction_note"] = NOTE if note else ""
        return admin_client(user).post(url, data)

    return WritePath(f"admin change {kind.admin}", kind, attempt, edited(kind))


def admin_change_status_field(kind: Kind):
    """The status posted with the form, as a hand-made request would: the form must ignore it."""

    def attempt(world, user, note):
        record = world[f"{kind.name}_draft"]
        url = reverse(f"admin:{kind.admin}_change", args=[record.pk])
        data = {**change_form_data(url), "status": PUBLISHED}
        return admin_client(user).post(url, data)

    return WritePath(f"admin change {kind.admin} status=published", kind, attempt,
                     lambda world: fresh(world[f"{kind.name}_draft"]).status == PUBLISHED, needs_note=False, refused_to_all=True, uses_drafts=True)


def admin_add_with_status(kind: Kind):
    def attempt(world, user, note):
        url = reverse(f"admin:{kind.admin}_change", args=[world[f"{kind.name}_draft"].pk])
        data = {**change_form_data(url), "slug": "matrix-new", "status": PUBLISHED, "name": "A new outfit"}
        data = {key: value for key, value in data.items() if not key.startswith(("aliases-", "citations-"))}
        data.update({f"{prefix}-{suffix}": value for prefix in ("aliases", "citations") for suffix, value in
                     (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"), ("MAX_NUM_FORMS", "1000"))})
        return admin_client(user).post(reverse(f"admin:{kind.admin}_add"), data)

    return WritePath(f"admin add {kind.admin} status=published", kind, attempt,
                     lambda world: type(world[kind.name])._default_manager.filter(slug="matrix-new", status=PUBLISHED).exists(), needs_note=False,
                     refused_to_all=True, uses_drafts=True)


def admin_action(kind: Kind, action: str, start: str, target: str):
    def attempt(world, user, note):
        record = world[kind.name if start == PUBLISHED else f"{kind.name}_draft"]
        return admin_client(user).post(
            reverse(f"admin:{kind.admin}_changelist"), {"action": action, "_selected_action": [record.pk], "index": 0}
        )

    def effect(world):
        return fresh(world[kind.name if start == PUBLISHED else f"{kind.name}_draft"]).status == target

    return WritePath(f"admin action {kind.admin} {action}", kind, attempt, effect, needs_note=False, uses_drafts=start == DRAFT)


def admin_add_citation():
    kind = next(k for k in KINDS if k.name == "citation")

    def attempt(world, user, note):
        data = {"source": world["spare_source"].pk, "quote": "The Prime Minister chaired it.", "note": "", "meeting": world["meeting"].pk,
                "correction_note": NOTE if note else ""}
        return admin_client(user).post(reverse("admin:sources_citation_add"), data)

    return WritePath("admin add citation (on a published meeting)", kind, attempt,
                     lambda world: world["meeting"].citations.filter(source=world["spare_source"]).exists())


def admin_inline_citation(parent: str, prefix: str, target_kind: str = "citation"):
    """Add a citation on the parent's own form, in its citations inline."""
    kind = next(k for k in KINDS if k.name == parent)

    def attempt(world, user, note):
        record = world[parent]
        url = reverse(f"admin:{kind.admin}_change", args=[record.pk])
        data = change_form_data(url)
        total = int(data[f"{prefix}-TOTAL_FORMS"])
        data.update({
            f"{prefix}-TOTAL_FORMS": str(total + 1),
            f"{prefix}-{total}-source": world["spare_source"].pk,
            f"{prefix}-{total}-quote": "The Prime Minister chaired it." if parent != "organisation" else "The outfit TTP was named as banned.",
            "correction_note": NOTE if note else "",
        })
        return admin_client(user).post(url, data)

    def effect(world):
        return world[parent].citations.filter(source=world["spare_source"]).exists()

    return WritePath(f"admin inline citation on {kind.admin}", kind, attempt, effect)


def admin_delete_citation():
    kind = next(k for k in KINDS if k.name == "citation")

    def attempt(world, user, note):
        citation = world["citation"]
        return admin_client(user).post(reverse("admin:sources_citation_delete", args=[citation.pk]), {"post": "yes"})

    # No note can be given on the delete page: a public citation is removed on its fact's form, with one.
    return WritePath("admin delete citation (on a published meeting)", kind, attempt,
                     lambda world: not Citation.objects.filter(pk=world["citation"].pk).exists(), refused_to_all=True)


def admin_inline_delete_citation():
    kind = next(k for k in KINDS if k.name == "meeting")

    def attempt(world, user, note):
        url = reverse("admin:meetings_meeting_change", args=[world["meeting"].pk])
        data = change_form_data(url)
        index = next(key.split("-")[1] for key, value in data.items() if key.endswith("-id") and key.startswith("citations-") and str(value) == str(world["citation"].pk))
        data[f"citations-{index}-DELETE"] = "on"
        data["correction_note"] = NOTE if note else ""
        return admin_client(user).post(url, data)

    return WritePath("admin inline delete citation on meetings_meeting", kind, attempt,
                     lambda world: not Citation.objects.filter(pk=world["citation"].pk).exists())


# --- Curation ---


def curation_accept_onto_published_meeting():
    kind = next(k for k in KINDS if k.name == "citation")

    def attempt(world, user, note):
        proposal = Proposal.objects.create(
            source=world["spare_source"], kind=MEETING, order=0, values={"body_record_id": world["body"].pk},
            quote="The Central Apex Committee met in Islamabad", start=0, end=44, matched_meeting=world["meeting"],
        )
        try:
            proposal_accept(proposal=proposal, user=user or AnonymousUser(), correction_note=NOTE if note else "")
        except ProposalError:
            pass

    return WritePath("curation accept a report of a published meeting", kind, attempt,
                     lambda world: world["meeting"].citations.filter(source=world["spare_source"]).exists())


WRITE_PATHS = [
    *(api_patch(kind) for kind in API_KINDS),
    *(api_put(kind) for kind in API_KINDS),
    *(api_patch_status(kind, DRAFT, PUBLISHED) for kind in WITH_STATUS),
    *(api_patch_status(kind, PUBLISHED, DRAFT) for kind in WITH_STATUS),
    *(api_status_action(kind, PUBLISHED, DRAFT) for kind in PUBLISHABLE_ALONE),
    *(api_status_action(kind, WITHDRAWN if kind.name not in ("figure", "organisation") else DRAFT, PUBLISHED) for kind in WITH_STATUS),
    api_post_citation(),
    *(api_post_with_status(kind) for kind in KINDS if kind.name in ("figure", "organisation")),
    *(admin_change(kind) for kind in KINDS),
    *(admin_change_status_field(kind) for kind in PUBLISHABLE_ALONE),
    *(admin_add_with_status(kind) for kind in KINDS if kind.name in ("organisation",)),
    *(admin_action(kind, "publish_selected", DRAFT, PUBLISHED)
      for kind in PUBLISHABLE_ALONE),
    *(admin_action(kind, "withdraw_selected", PUBLISHED, WITHDRAWN) for kind in WITH_STATUS if kind.name not in ("figure", "organisation")),
    *(admin_action(kind, "unpublish_selected_basic", PUBLISHED, DRAFT) for kind in WITH_STATUS if kind.name in ("figure", "organisation")),
    admin_add_citation(),
    admin_inline_citation("meeting", "citations"),
    admin_inline_citation("operation", "citations"),
    admin_inline_citation("organisation", "citations"),
    admin_delete_citation(),
    admin_inline_delete_citation(),
    curation_accept_onto_published_meeting(),
]


def expected_allowed(path: WritePath, role: str, note: bool) -> bool:
    """The one rule: only publishers change public content, and a change of content needs a correction note."""
    if path.refused_to_all:
        return False
    return role == "publisher" and (note or not path.needs_note)


CASES = [
    pytest.param(path, role, note, id=f"{path.name} | {role} | {'note' if note else 'no note'}")
    for path in WRITE_PATHS
    for role in ROLES
    # A note changes nothing for those without editing rights: they are refused before it is read.
    for note in ((True, False) if path.needs_note and role in ("editor", "publisher") else (False,))
]


@pytest.mark.parametrize(("path", "role", "note"), CASES)
def test_only_publishers_change_public_content_and_with_a_note(db, path, role, note):
    world = build_world(drafts=path.uses_drafts)
    user = make_user(role)
    response = path.attempt(world, user, note)
    allowed = expected_allowed(path, role, note)
    changed = path.effect(world)
    detail = getattr(response, "content", b"")[:400]
    assert changed == allowed, f"{path.name} by {role}: {'changed' if changed else 'unchanged'}; {detail!r}"
    if allowed and path.needs_note:
        shown_on = world[path.kind.shown_on or path.kind.name] if "inline" not in path.name else world[path.kind.name]
        assert NOTE in corrections_of(shown_on), f"{path.name}: no correction note on {shown_on}"
    if response is not None and hasattr(response, "status_code") and path.name.startswith("api") and not allowed:
        expected = {"anonymous": 401, "reader": 403}.get(role)
        if expected and "status=" not in path.name:
            assert response.status_code == expected
        elif role == "publisher" and path.needs_note and not note:
            assert response.status_code == 400
            assert "correction_note" in response.json()["errors"], response.json()
        elif role == "editor":
            assert response.status_code in (400, 403), response.content


def test_the_matrix_covers_every_kind_and_every_write_method():
    names = " ".join(path.name for path in WRITE_PATHS)
    for kind in API_KINDS:
        for method in ("PATCH", "PUT"):
            assert f"api {method} {kind.api}" in names
    for kind in KINDS:
        assert f"admin change {kind.admin}" in names
    for needed in ("api POST citations", "/status", "admin action", "admin add citation", "admin inline citation", "curation accept"):
        assert needed in names
