"""One rule for what is public, checked on every public surface: a generated matrix.

For every kind of public record and every state it can be in, the archive below holds one record
whose name and slug carry a distinctive token (``zq<kind><state>q``). A record linked to a record
that is not public ("linked") plants further tokens on the hidden records (``zqhid<kind><n>q``).
Every public surface is fetched once, anonymously; then, for each (kind, state, surface):

- a record that the model's own ``public()`` leaves out is never named, nor any hidden record;
- a public record appears on the surfaces that list its kind.

The surfaces are generated from the URL configuration's tables (the API router's resources, their
includes and exports, the search kinds, every public record's page), so a new resource or include
is checked without a new line here. Runs on SQLite and PostgreSQL (search on each).
"""
import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings

from figures.models import Figure, Measure, Unit
from foundations.publication import PublicationStatus
from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, Office, Person
from meetings.selectors import _archive_overview
from naparchive.api_urls import router
from naparchive.api_withdrawn import PUBLISHABLE_MODELS
from naparchive import search_postgresql
from naparchive.search import KINDS as SEARCH_KINDS
from operations.models import Operation
from organisations.models import Organisation, OrganisationCitation
from sources.models import Citation, SourceDocument, sha256_of_text

DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN = (PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW,
                                          PublicationStatus.PUBLISHED, PublicationStatus.WITHDRAWN)
LINKED = "linked"  # published, but linked to (or depending on) a record that is not public
EDITORIAL_STATES = [DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN, LINKED]
BASIC_STATES = [DRAFT, PUBLISHED, LINKED]  # figures and organisations: draft or published only
DAY = datetime.date(2024, 6, 22)
BASE_TEXT = "The apex committee met. Officials counted 12 incidents. Kestrel watch continued."
MET = "The apex committee met."
COUNTED = "Officials counted 12 incidents."


def token(kind: str, state: str) -> str:
    return f"zq{kind}{state.replace('_', '')}q"


# Marked so that pytest-django sets up the test database the module fixture below writes to.
pytestmark = pytest.mark.django_db


@dataclass
class World:
    """The planted records: the one under test for each (kind, state), and the hidden ones it links to."""

    records: dict = field(default_factory=dict)  # (kind, state) -> record
    hidden: dict = field(default_factory=dict)  # (kind, state) -> [tokens of hidden linked records]
    bodies: dict = field(default_factory=dict)  # surface -> concatenated response bodies (lower case)
    statuses: dict = field(default_factory=dict)  # surface -> list of (url, status code)
    own_address: dict = field(default_factory=dict)  # (kind, state, "html"|"api") -> status code


class Planter:
    """Build the archive: a public base, then one record per (kind, state)."""

    def __init__(self, world: World):
        self.world = world
        self.body0 = Body.objects.create(name="Base body", slug="base-body", status=PUBLISHED)
        self.meeting0 = self.meeting("Base meeting Kestrel", "base-meeting", PUBLISHED)
        self.source0 = self.source("Base source", "base-source", PUBLISHED)
        self.measure0 = Measure.objects.create(name="Base measure", slug="base-measure", unit=Unit.COUNT)
        self.figure("base-figure", PUBLISHED, measure=self.measure0)
        self.organisation0 = Organisation.objects.create(name="Base outfit", slug="base-outfit", status=PUBLISHED)
        OrganisationCitation.objects.create(organisation=self.organisation0, source=self.source0, quote=MET)

    # -- small makers --------------------------------------------------------------------------

    def hide(self, kind, state, number) -> str:
        name = f"zqhid{kind}{number}q"
        self.world.hidden.setdefault((kind, state), []).append(name)
        return name

    def meeting(self, title, slug, status, body=None):
        return Meeting.objects.create(
            body=body or self.body0, title=title, slug=slug, date=DAY, date_precision=DatePrecision.DAY,
            summary=f"{title} summary", place=title, status=status,
        )

    def source(self, title, slug, status, text=BASE_TEXT):
        text = f"{title}. {text}"
        return SourceDocument.objects.create(
            title=title, slug=slug, text=text, sha256=sha256_of_text(text), published_on=DAY, outlet=title,
            original_filename=f"{slug}.txt", status=status,
        )

    def figure(self, slug, status, *, measure, source=None, **fields):
        return Figure.objects.create(
            measure=measure, unit=measure.unit, value=Decimal("12"), quote=COUNTED, slug=slug,
            source=source or self.source0, status=status, **fields,
        )

    def cite(self, source=None, note="", **target):
        return Citation.objects.create(source=source or self.source0, quote=MET, note=note, **target)

    # -- one builder per kind: returns the record under test -------------------------------------

    def build_meeting(self, state, t):
        body = None
        if state == LINKED:
            hidden = self.hide("meeting", state, 1)
            body = Body.objects.create(name=hidden, slug=hidden, status=DRAFT)
        meeting = self.meeting(f"{t} Kestrel", t, _status(state), body=body)
        Decision.objects.create(meeting=meeting, text=f"{t} Kestrel decided", domain=Decision.Domain.GOVERNANCE, status=PUBLISHED)
        Attendee.objects.create(meeting=meeting, group_label=f"{t} group", status=PUBLISHED)
        self.cite(meeting=meeting)
        return meeting

    def build_attendee(self, state, t):
        if state == LINKED:
            hidden_person, hidden_office = self.hide("attendee", state, 1), self.hide("attendee", state, 2)
            attendee = Attendee.objects.create(
                meeting=self.meeting0, status=PUBLISHED, note=t,
                person=Person.objects.create(name=hidden_person, slug=hidden_person, status=DRAFT),
                office=Office.objects.create(title=hidden_office, slug=hidden_office, status=WITHDRAWN),
            )
        else:
            attendee = Attendee.objects.create(meeting=self.meeting0, group_label=f"{t} group", note=t, status=state)
        self.cite(attendee=attendee)
        return attendee

    def build_decision(self, state, t):
        decision = Decision.objects.create(
            meeting=self.meeting0, text=f"{t} Kestrel decided", domain=Decision.Domain.GOVERNANCE, status=_status(state)
        )
        if state == LINKED:
            hidden_operation, hidden_body = self.hide("decision", state, 1), self.hide("decision", state, 2)
            decision.operations.add(Operation.objects.create(name=hidden_operation, slug=hidden_operation, kind=Operation.Kind.POLICY, status=DRAFT))
            decision.bodies.add(Body.objects.create(name=hidden_body, slug=hidden_body, status=WITHDRAWN))
        self.cite(decision=decision)
        return decision

    def build_operation(self, state, t):
        parent = launch = None
        if state == LINKED:
            hidden_parent, hidden_meeting = self.hide("operation", state, 1), self.hide("operation", state, 2)
            parent = Operation.objects.create(name=hidden_parent, slug=hidden_parent, kind=Operation.Kind.VISION, status=DRAFT)
            launch = self.meeting(hidden_meeting, hidden_meeting, IN_REVIEW)
        operation = Operation.objects.create(
            name=f"{t} Kestrel", slug=t, kind=Operation.Kind.MILITARY_OPERATION, summary=f"{t} Kestrel",
            parent=parent, launch_meeting=launch, status=_status(state),
        )
        if state != PUBLISHED and state != LINKED:
            # Public records linking to it must not name it.
            decision = Decision.objects.create(meeting=self.meeting0, text="Kestrel decided on an operation", domain=Decision.Domain.MILITARY, status=PUBLISHED)
            decision.operations.add(operation)
            Operation.objects.create(name=f"Child of {operation.pk}", slug=f"child-of-{operation.pk}", kind=Operation.Kind.POLICY, parent=operation, status=PUBLISHED)
            self.organisation0.operations.add(operation)
        self.cite(operation=operation)
        return operation

    def build_person(self, state, t):
        person = Person.objects.create(name=f"{t} Kestrel", slug=t, description=f"{t} Kestrel", status=_status(state))
        meeting = self.meeting0
        if state == LINKED:
            hidden = self.hide("person", state, 1)
            meeting = self.meeting(hidden, hidden, WITHDRAWN)
        self.cite(attendee=Attendee.objects.create(meeting=meeting, person=person, role=Attendee.Role.CHAIR, status=PUBLISHED))
        return person

    def build_office(self, state, t):
        office = Office.objects.create(title=f"{t} Kestrel", slug=t, status=_status(state))
        meeting = self.meeting0
        if state == LINKED:
            hidden = self.hide("office", state, 1)
            meeting = self.meeting(hidden, hidden, DRAFT)
        self.cite(attendee=Attendee.objects.create(meeting=meeting, office=office, status=PUBLISHED))
        return office

    def build_body(self, state, t):
        parent = None
        if state == LINKED:
            hidden = self.hide("body", state, 1)
            parent = Body.objects.create(name=hidden, slug=hidden, status=DRAFT)
        body = Body.objects.create(name=f"{t} Kestrel", slug=t, parent=parent, status=_status(state))
        if state not in (PUBLISHED, LINKED):
            Body.objects.create(name=f"Child body {body.pk}", slug=f"child-body-{body.pk}", parent=body, status=PUBLISHED)
            self.figure(f"given-by-{body.pk}", PUBLISHED, measure=self.measure0, given_by_body=body)
        return body

    def build_source(self, state, t):
        source = self.source(f"{t} Kestrel", t, _status(state))
        if state == LINKED:
            hidden_meeting, hidden_person = self.hide("source", state, 1), self.hide("source", state, 2)
            self.cite(source=source, meeting=self.meeting(hidden_meeting, hidden_meeting, DRAFT))
            person = Person.objects.create(name=hidden_person, slug=hidden_person, status=DRAFT)
            self.cite(source=source, attendee=Attendee.objects.create(meeting=self.meeting0, person=person, status=PUBLISHED))
        else:
            self.cite(source=source, meeting=self.meeting0)
            self.figure(f"{t}-figure", PUBLISHED, measure=self.measure0, source=source)
            OrganisationCitation.objects.create(organisation=self.organisation0, source=source, quote=MET)
        return source

    def build_citation(self, state, t):
        if state == LINKED:
            hidden = self.hide("citation", state, 1)
            decision = Decision.objects.create(meeting=self.meeting0, text=hidden, domain=Decision.Domain.LEGAL, status=DRAFT)
            return self.cite(decision=decision, note=t)
        return self.cite(source=self.source(f"{t} source", t, state), meeting=self.meeting0, note=t)

    def build_figure(self, state, t):
        fields = {}
        if state == LINKED:
            hidden = self.hide("figure", state, 1)
            fields["given_by_body"] = Body.objects.create(name=hidden, slug=hidden, status=DRAFT)
        return self.figure(t, _status(state), measure=self.measure0, given_by=f"{t} Kestrel", **fields)

    def build_measure(self, state, t):
        measure = Measure.objects.create(name=f"{t} Kestrel", slug=t, unit=Unit.COUNT)
        if state == LINKED:
            hidden = self.hide("measure", state, 1)
            self.figure(f"{t}-figure", PUBLISHED, measure=measure, source=self.source(hidden, hidden, DRAFT))
        else:
            self.figure(f"{t}-figure", state, measure=measure)
        return measure

    def build_organisation(self, state, t):
        organisation = Organisation.objects.create(name=f"{t} Kestrel", slug=t, description=t, status=_status(state))
        OrganisationCitation.objects.create(organisation=organisation, source=self.source0, quote=MET, note=t)
        if state == LINKED:
            hidden_decision, hidden_operation = self.hide("organisation", state, 1), self.hide("organisation", state, 2)
            organisation.decisions.add(Decision.objects.create(meeting=self.meeting0, text=hidden_decision, domain=Decision.Domain.LEGAL, status=DRAFT))
            organisation.operations.add(Operation.objects.create(name=hidden_operation, slug=hidden_operation, kind=Operation.Kind.POLICY, status=IN_REVIEW))
        return organisation

    def build_organisationcitation(self, state, t):
        if state == LINKED:
            hidden = self.hide("organisationcitation", state, 1)
            organisation = Organisation.objects.create(name=hidden, slug=hidden, status=DRAFT)
            return OrganisationCitation.objects.create(organisation=organisation, source=self.source0, quote=MET, note=t)
        source = self.source(f"{t} source", t, state)
        return OrganisationCitation.objects.create(organisation=self.organisation0, source=source, quote=MET, note=t)


def _status(state: str) -> str:
    return PUBLISHED if state == LINKED else state


# The kinds, the states each can be in, and whether "linked" leaves the record public (its own rule).
KINDS = {
    "meeting": (Meeting, EDITORIAL_STATES, False),  # linked: held by a body that is not public
    "attendee": (Attendee, EDITORIAL_STATES, False),
    "decision": (Decision, EDITORIAL_STATES, True),
    "operation": (Operation, EDITORIAL_STATES, True),
    "person": (Person, EDITORIAL_STATES, True),
    "office": (Office, EDITORIAL_STATES, True),
    "body": (Body, EDITORIAL_STATES, True),
    "source": (SourceDocument, EDITORIAL_STATES, True),
    "citation": (Citation, EDITORIAL_STATES, False),  # states of its source; linked: a hidden fact
    "figure": (Figure, BASIC_STATES, True),
    "measure": (Measure, BASIC_STATES, False),  # states of its figures; linked: figures of a hidden source
    "organisation": (Organisation, BASIC_STATES, True),
    "organisationcitation": (OrganisationCitation, EDITORIAL_STATES, False),  # states of its source
}
CASES = [(kind, state) for kind, (_, states, _) in KINDS.items() for state in states]


def expected_public(kind: str, state: str) -> bool:
    return state == PUBLISHED or (state == LINKED and KINDS[kind][2])


# -- the surfaces ---------------------------------------------------------------------------------

HTML_LISTS = {
    "home": "/",
    "meeting list": "/meetings/",
    "meeting year": "/meetings/2024/",
    "meeting month": "/meetings/2024/6/",
    "decision list": "/decisions/",
    "person list": "/people/",
    "operation list": "/operations/",
    "source list": "/sources/",
    "figure list": "/figures/",
    "measure list": "/figures/measures/",
    "organisation list": "/organisations/",
    "body list": "/bodies/",
    "timeline": "/timeline/",
    "feed of meetings": "/feeds/meetings/",
    "feed of sources": "/feeds/sources/",
    "sitemap": "/sitemap.xml",
    "api withdrawn": "/api/v1/withdrawn/?since=2000-01-01T00:00:00",
    "api popolo": "/api/v1/popolo/",
}
HTML_PAGE_KINDS = {  # kinds with a public page, found through get_absolute_url or these addresses
    "meeting": "/meetings/{slug}/",
    "person": "/people/{slug}/",
    "office": "/offices/{slug}/",
    "operation": "/operations/{slug}/",
    "source": "/sources/{slug}/",
    "figure": "/figures/{slug}/",
    "measure": "/figures/measures/{slug}/",
    "organisation": "/organisations/{slug}/",
    "body": "/bodies/{slug}/",
}


def api_surfaces() -> dict[str, list[str]]:
    """Every API resource: its list with every include, its CSV and JSON exports (from the router)."""
    surfaces = {}
    for prefix, viewset, _ in router.registry:
        includes = ",".join(getattr(viewset, "includes", {}))
        query = "?page_size=200" + (f"&include={includes}" if includes else "")
        surfaces[f"api {prefix}"] = [f"/api/v1/{prefix}/{query}"]
        if getattr(viewset, "export_columns", None):
            surfaces[f"api {prefix} csv"] = [f"/api/v1/{prefix}/export/csv"]
            surfaces[f"api {prefix} json"] = [f"/api/v1/{prefix}/export/json"]
    return surfaces


def search_surfaces() -> dict[str, list[str]]:
    surfaces = {"search": ["/search/?q=kestrel"]}
    for kind in SEARCH_KINDS:
        surfaces[f"search {kind}"] = [f"/search/?q=kestrel&kind={kind}"]
    return surfaces


def detail_surfaces() -> dict[str, list[str]]:
    """Every public record's own page, by kind (records of the base archive included)."""
    surfaces = {}
    for kind, pattern in HTML_PAGE_KINDS.items():
        model = KINDS[kind][0]
        surfaces[f"pages of {kind}"] = [pattern.format(slug=slug) for slug in model.objects.public().values_list("slug", flat=True)]
    return surfaces


def api_detail_surfaces(bodies: dict[str, str], client) -> dict[str, list[str]]:
    """Every public record's API detail, with every include: found through the lists' `url`s."""
    surfaces = {}
    for prefix, viewset, _ in router.registry:
        includes = ",".join(getattr(viewset, "includes", {}))
        listed = json.loads(client.get(f"/api/v1/{prefix}/?page_size=200").content)["results"]
        surfaces[f"api {prefix} details"] = [
            record["url"].split("testserver", 1)[-1] + (f"?include={includes}" if includes else "") for record in listed
        ]
    return surfaces


# Where a public record of each kind must be seen (its token shown), beyond its own page.
SHOWN_ON = {
    "meeting": ["meeting list", "meeting year", "timeline", "feed of meetings", "sitemap", "search", "api meetings", "api meetings csv"],
    "attendee": ["api attendees", "api attendees json"],
    "decision": ["decision list", "search decisions", "api decisions", "api decisions csv"],
    "operation": ["operation list", "sitemap", "search operations", "api operations", "api operations json"],
    "person": ["person list", "sitemap", "search people", "api people", "api people csv", "api popolo"],
    "office": ["sitemap", "search offices", "api offices", "api offices csv"],
    "body": ["body list", "search bodies", "api bodies", "api bodies csv"],
    "source": ["source list", "feed of sources", "sitemap", "search sources", "api sources", "api sources csv"],
    "citation": ["api citations", "api citations csv"],
    "figure": ["figure list", "search figures", "api figures", "api figures csv"],
    "measure": ["measure list", "figure list", "api measures"],
    "organisation": ["organisation list", "search organisations", "api organisations"],
    "organisationcitation": ["api organisations"],
}


class Unthrottled(Client):
    """An anonymous client the API never throttles: the throttle's counts (in the cache) go before each request."""

    def get(self, *args, **kwargs):
        cache.clear()
        return super().get(*args, **kwargs)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Plant the archive, fetch every surface anonymously, then roll everything back."""
    world = World()
    with django_db_blocker.unblock(), override_settings(ARCHIVE_CACHE_SHARED=False, RESPONSE_CACHE_ENABLED=False):
        cache.clear()
        with transaction.atomic():
            planter = Planter(world)
            for kind, state in CASES:
                world.records[(kind, state)] = getattr(planter, f"build_{kind}")(state, token(kind, state))
            client = Unthrottled()
            surfaces = {name: [url] for name, url in HTML_LISTS.items()}
            surfaces |= search_surfaces() | api_surfaces() | detail_surfaces() | api_detail_surfaces(world.bodies, client)
            for name, urls in surfaces.items():
                texts, statuses = [], []
                for url in urls:
                    response = client.get(url)
                    content = b"".join(response.streaming_content) if response.streaming else response.content
                    texts.append(content.decode())
                    statuses.append((url, response.status_code))
                world.bodies[name] = "\n".join(texts).lower()
                world.statuses[name] = statuses
            for kind, state in CASES:
                record = world.records[(kind, state)]
                if kind in HTML_PAGE_KINDS:
                    world.own_address[(kind, state, "html")] = client.get(HTML_PAGE_KINDS[kind].format(slug=record.slug)).status_code
            withdrawn = json.loads(client.get(HTML_LISTS["api withdrawn"]).content)["results"]
            world.withdrawn_listed = {(row["type"], row["id"]) for row in withdrawn}
            world.withdrawn_expected = {
                (name, pk) for name, model in PUBLISHABLE_MODELS.items()
                for pk in model._default_manager.exclude(pk__in=model._default_manager.public().values("pk")).values_list("pk", flat=True)
            }
            world.withdrawn_slugs = {
                slug for model in PUBLISHABLE_MODELS.values() if any(f.name == "slug" for f in model._meta.fields)
                for slug in model._default_manager.filter(status=WITHDRAWN).values_list("slug", flat=True)
            }
            if connection.vendor == "postgresql":
                world.search_rule = {kind: (_search_sql_public(table), set(table.model.objects.public().values_list("pk", flat=True)))
                                     for kind, table in search_postgresql.TABLES.items()}
            world.oracle = _slug_filter_answers(client, world)
            overview = _archive_overview()
            world.counts = (
                {name: overview[f"{name}_count"] for name in COUNTED_KINDS},
                {name: model.objects.public().count() for name, model in COUNTED_KINDS.items()},
            )
            world.public = {case: KINDS[case[0]][0].objects.public().filter(pk=record.pk).exists() for case, record in world.records.items()}
            transaction.set_rollback(True)
        cache.clear()
    return world


def _search_sql_public(table) -> set[int]:
    """Return the ids PostgreSQL search's own SQL condition takes for public."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT r.id FROM {table.table} r {table.joins} WHERE {table.published}",  # nosec B608 - constants
            {"published": PublicationStatus.PUBLISHED},
        )
        return {row[0] for row in cursor.fetchall()}


def slug_filters() -> list[tuple[str, str, object]]:
    """Every API filter that takes a record's slug: (resource, parameter, filter), from the router."""
    found = []
    for prefix, viewset, _ in router.registry:
        filterset = getattr(viewset, "filterset_class", None)
        for name, filter_ in (filterset.base_filters.items() if filterset else []):
            if getattr(filter_, "extra", {}).get("to_field_name") == "slug":
                found.append((prefix, name, filter_))
    return found


def _slug_filter_answers(client, world) -> dict:
    """Answer each slug filter given each planted record that is not public, and given a slug nobody has."""
    planted = [token(kind, state) for kind, state in CASES] + [name for names in world.hidden.values() for name in names]
    answers = {}
    for prefix, name, filter_ in slug_filters():
        queryset = filter_.queryset(None) if callable(filter_.queryset) else filter_.queryset
        model = queryset.model
        hidden = [slug for slug in planted if model._default_manager.filter(slug=slug).exists()
                  and not model._default_manager.public().filter(slug=slug).exists()]
        unknown = client.get(f"/api/v1/{prefix}/", {name: "zqnosuchslugq"})
        for slug in hidden:
            response = client.get(f"/api/v1/{prefix}/", {name: slug})
            answers[(prefix, name, slug)] = (
                (response.status_code, response.content.decode().replace(slug, "SLUG")),
                (unknown.status_code, unknown.content.decode().replace("zqnosuchslugq", "SLUG")),
            )
    return answers


# The home page's counts, by the name archive_overview() gives each.
COUNTED_KINDS = {"meeting": Meeting, "decision": Decision, "source": SourceDocument, "operation": Operation, "person": Person}


def surface_names() -> list[str]:
    names = [*HTML_LISTS, *search_surfaces(), *api_surfaces()]
    names += [f"pages of {kind}" for kind in HTML_PAGE_KINDS]
    names += [f"api {prefix} details" for prefix, _, _ in router.registry]
    return names


SURFACES = surface_names()


@pytest.mark.parametrize("kind,state", CASES, ids=[f"{k}-{s}" for k, s in CASES])
def test_the_model_rule_decides_as_expected(world, kind, state):
    assert world.public[(kind, state)] is expected_public(kind, state)


@pytest.mark.parametrize("surface", SURFACES)
def test_every_surface_answers(world, surface):
    assert all(status == 200 for _, status in world.statuses[surface]), world.statuses[surface]


@pytest.mark.parametrize(
    "kind,state,surface",
    [(kind, state, surface) for kind, state in CASES for surface in SURFACES],
    ids=[f"{kind}-{state}-{surface}" for kind, state in CASES for surface in SURFACES],
)
def test_an_anonymous_reader_sees_exactly_the_public_records(world, kind, state, surface):
    body = world.bodies[surface]
    name = token(kind, state)
    # A withdrawn record was public once: the withdrawn list tells mirrors its slug, to delete their copy.
    allowed = world.withdrawn_slugs if surface == "api withdrawn" else set()
    for hidden in world.hidden.get((kind, state), []):
        assert hidden in allowed or hidden not in body, f"{surface} names {hidden}, linked from a {state} {kind} but not public"
    if not world.public[(kind, state)]:
        assert name in allowed or name not in body, f"{surface} names a {kind} that is not public ({state})"
    elif surface in SHOWN_ON[kind] or surface == f"pages of {kind}":
        assert name in body, f"{surface} leaves out a public {kind} ({state})"


@pytest.mark.parametrize("kind,state", [(k, s) for k, s in CASES if k in HTML_PAGE_KINDS], ids=[f"{k}-{s}" for k, s in CASES if k in HTML_PAGE_KINDS])
def test_a_record_has_a_page_only_while_public(world, kind, state):
    assert world.own_address[(kind, state, "html")] == (200 if world.public[(kind, state)] else 404)


def test_the_withdrawn_list_names_every_record_out_of_public_view(world):
    assert world.withdrawn_listed == world.withdrawn_expected


@pytest.mark.parametrize("kind", list(search_postgresql.TABLES))
def test_postgresql_search_sql_takes_for_public_what_public_does(world, kind):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's search SQL")
    by_sql, by_rule = world.search_rule[kind]
    assert by_sql == by_rule


def test_the_home_page_counts_the_public_records(world):
    shown, public = world.counts
    assert shown == public


@pytest.mark.parametrize("prefix,name", [(prefix, name) for prefix, name, _ in slug_filters()])
def test_a_filter_answers_a_non_public_slug_as_a_slug_nobody_has(world, prefix, name):
    answers = {slug: pair for (p, n, slug), pair in world.oracle.items() if (p, n) == (prefix, name)}
    for slug, (given_hidden, given_unknown) in answers.items():
        assert given_hidden == given_unknown, f"/api/v1/{prefix}/?{name}={slug} tells a non-public record from none"
