"""A synthetic archive at any scale, for benchmarks: realistic in shape, clearly marked, reproducible.

Every record is marked: sources come from the outlet SYNTHETIC_OUTLET, slugs start with "synthetic-",
titles and names with "[Synthetic]". The same seed and counts give the same records (only the
created/updated timestamps differ). Rows go in with bulk_create, in batches, meeting block by meeting
block, so memory stays flat whatever the scale. Each meeting is reported by a few sources whose text
contains, word for word, the sentences the citations quote.
"""
import datetime
import hashlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction

from meetings.models import Attendee, Body, DatePrecision, Decision, Meeting, MeetingAgendaItem, Office, Person
from foundations.publication import PublicationStatus
from operations.models import Operation, Region
from sources.models import Citation, SourceDocument

SYNTHETIC_OUTLET = "SYNTHETIC (generated test data)"
SLUG_PREFIX = "synthetic-"
TITLE_PREFIX = "[Synthetic] "

DEFAULT_COUNTS = {"meetings": 20_000, "decisions": 200_000, "attendees": 400_000, "sources": 50_000}

PROVINCES = ["Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan", "Gilgit-Baltistan", "Azad Jammu and Kashmir"]
CITIES = ["Islamabad", "Rawalpindi", "Lahore", "Karachi", "Peshawar", "Quetta", "Gilgit", "Muzaffarabad", "Multan", "Sukkur"]
OFFICE_TITLES = [
    "Prime Minister", "Chief of Army Staff", "Director General Inter-Services Intelligence", "Interior Minister",
    "Finance Minister", "Foreign Minister", "Information Minister", "Law Minister", "National Coordinator NACTA",
    "Inspector General Frontier Corps", "Director General Military Operations", "Corps Commander",
] + [f"{role} {province}" for province in PROVINCES for role in (
    "Chief Minister", "Chief Secretary", "Inspector General of Police", "Home Secretary", "Governor",
)]
GROUPS = [
    "chief ministers of all provinces", "services chiefs", "federal ministers", "chief secretaries of the provinces",
    "inspectors general of police", "senior civil and military officials", "heads of intelligence agencies",
]
FIRST_NAMES = ["Ahmed", "Asim", "Bilal", "Fatima", "Hamid", "Imran", "Javed", "Khalid", "Maryam", "Murad", "Nadia",
               "Naveed", "Omar", "Qamar", "Rashid", "Saima", "Sarfraz", "Shahid", "Tariq", "Usman", "Yasmin", "Zafar"]
LAST_NAMES = ["Abbasi", "Afridi", "Baloch", "Bhutto", "Butt", "Chaudhry", "Durrani", "Gillani", "Hussain", "Jamali",
              "Khan", "Khattak", "Malik", "Mengal", "Qureshi", "Rana", "Shah", "Sheikh", "Siddiqui", "Yousafzai"]
OPERATION_WORDS = ["Azm", "Zarb", "Radd", "Khyber", "Rah", "Sher", "Raah", "Istehkam", "Nijat", "Rast", "Koh", "Saif"]
DECISION_VERBS = {
    Decision.Action.DECIDED: "decided to",
    Decision.Action.APPROVED: "approved a plan to",
    Decision.Action.DIRECTED: "directed the authorities to",
    Decision.Action.AGREED: "agreed to",
    Decision.Action.REVIEWED: "reviewed progress on efforts to",
    Decision.Action.RESOLVED: "resolved to",
    Decision.Action.EMPHASISED: "emphasised the need to",
}
DECISION_OBJECTS = {
    Decision.Domain.MILITARY: ["launch intelligence-based operations against militant hideouts in {region}",
                               "deploy additional Frontier Corps wings along the border in {region}"],
    Decision.Domain.LAW_ENFORCEMENT: ["strengthen counter-terrorism departments of the police in {region}",
                                      "set up rapid response forces in every division of {region}"],
    Decision.Domain.INTELLIGENCE: ["create a joint intelligence coordination cell for {region}",
                                   "share threat alerts between federal and provincial agencies within hours"],
    Decision.Domain.POLITICO_DIPLOMATIC: ["build a national consensus on the counter-terrorism strategy",
                                          "engage neighbouring countries on cross-border militancy"],
    Decision.Domain.LEGAL: ["expedite terrorism cases pending before anti-terrorism courts in {region}",
                            "amend the anti-terrorism law to improve the conviction rate"],
    Decision.Domain.SOCIO_ECONOMIC: ["fund development schemes in the merged districts of {region}",
                                     "register and regulate madrassas across {region}"],
    Decision.Domain.INFORMATION: ["counter extremist propaganda on social media",
                                  "launch a public awareness campaign against violent extremism"],
    Decision.Domain.GOVERNANCE: ["review the implementation of the National Action Plan every month",
                                 "revitalise the National Counter Terrorism Authority"],
    Decision.Domain.INTERNAL_SECURITY: ["tighten security of critical infrastructure in {region}",
                                        "choke the financing of proscribed organisations in {region}"],
    Decision.Domain.MULTI_DOMAIN: ["adopt a whole-of-nation approach to counter terrorism in {region}"],
}


@dataclass
class SyntheticPlan:
    meetings: int
    decisions: int
    attendees: int
    sources: int
    seed: int = 1
    batch_size: int = 5000
    block_size: int = 500  # meetings generated (and committed) together


def synthetic_plan(*, scale: float = 1.0, seed: int = 1, batch_size: int = 5000, **overrides) -> SyntheticPlan:
    """Return the counts to generate: the defaults times `scale`, with any count given explicitly kept as is."""
    counts = {name: max(1, round(default * scale)) for name, default in DEFAULT_COUNTS.items()}
    counts.update({name: value for name, value in overrides.items() if value is not None})
    return SyntheticPlan(seed=seed, batch_size=batch_size, **counts)


def archive_real_records() -> dict[str, int]:
    """Return how many records of each main kind are not synthetic (an empty dict when there are none)."""
    found = {
        "sources": SourceDocument.objects.exclude(outlet=SYNTHETIC_OUTLET).count(),
        "meetings": Meeting.objects.exclude(slug__startswith=SLUG_PREFIX).count(),
        "operations": Operation.objects.exclude(slug__startswith=SLUG_PREFIX).count(),
        "bodies": Body.objects.exclude(slug__startswith=SLUG_PREFIX).count(),
        "people": Person.objects.exclude(slug__startswith=SLUG_PREFIX).count(),
        "offices": Office.objects.exclude(slug__startswith=SLUG_PREFIX).count(),
    }
    return {kind: count for kind, count in found.items() if count}


def _spread(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split `total` into `parts` non-negative counts that vary around the mean and add up exactly."""
    if parts == 0:
        return []
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = total / sum(weights)
    shares = [int(weight * scale) for weight in weights]
    # Each int() dropped less than one, so fewer than `parts` are left over.
    for index in range(total - sum(shares)):
        shares[index % parts] += 1
    return shares


class SyntheticArchive:
    """Generate the archive; `progress` receives one line per step."""

    def __init__(self, plan: SyntheticPlan, progress: Callable[[str], None] = lambda line: None):
        self.plan = plan
        # Bandit: reproducible test data from a seed, not secrets; a seeded PRNG is the point.
        self.rng = random.Random(plan.seed)  # nosec B311
        self.progress = progress
        self.counts: dict[str, int] = {}
        self.started = time.monotonic()

    def _status(self) -> str:
        # A few drafts, as in a real archive, so "published only" filters have something to filter.
        return PublicationStatus.DRAFT if self.rng.random() < 0.02 else PublicationStatus.PUBLISHED

    def _create(self, model, objects: list) -> list:
        created = model.objects.bulk_create(objects, batch_size=self.plan.batch_size)
        self.counts[model.__name__] = self.counts.get(model.__name__, 0) + len(created)
        return created

    def generate(self) -> dict[str, int]:
        with transaction.atomic():
            self._reference_records()
        meetings_left = self.plan.meetings
        per_meeting = {
            "decisions": _spread(self.plan.decisions, self.plan.meetings, self.rng),
            "attendees": _spread(self.plan.attendees, self.plan.meetings, self.rng),
            "sources": _spread(self.plan.sources, self.plan.meetings, self.rng),
        }
        start = 0
        while meetings_left > 0:
            size = min(self.plan.block_size, meetings_left)
            with transaction.atomic():
                self._meeting_block(start, size, {key: values[start : start + size] for key, values in per_meeting.items()})
            start += size
            meetings_left -= size
            elapsed = time.monotonic() - self.started
            self.progress(
                f"  {start:>7,} / {self.plan.meetings:,} meetings, "
                f"{self.counts.get('Decision', 0):,} decisions, {self.counts.get('Attendee', 0):,} attendees, "
                f"{self.counts.get('SourceDocument', 0):,} sources, {self.counts.get('Citation', 0):,} citations "
                f"({elapsed:.0f} s)"
            )
        if connection.vendor == "postgresql":
            # Fresh planner statistics: without them PostgreSQL plans the first queries over a million
            # new rows as if the tables were empty (seconds instead of milliseconds) until autovacuum runs.
            # VACUUM also moves the bulk-inserted words out of the GIN indexes' pending lists, which every
            # full-text search would otherwise read whole (and which made the planner shun the indexes).
            # VACUUM cannot run inside a transaction (as when a test wraps the whole command): ANALYZE then.
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            with connection.cursor() as cursor:
                cursor.execute(command)
            self.progress(f"  indexes tidied and statistics refreshed ({command})")
        return self.counts

    def _reference_records(self) -> None:
        rng = self.rng
        self.regions = self._create(Region, [
            Region(name=f"{TITLE_PREFIX}{province}", slug=f"{SLUG_PREFIX}region-{index}", kind=Region.Kind.PROVINCE)
            for index, province in enumerate(PROVINCES)
        ])
        federal = self._create(Body, [Body(
            name=f"{TITLE_PREFIX}Federal Apex Committee", short_name="FAC", slug=f"{SLUG_PREFIX}federal-apex-committee",
            kind=Body.Kind.FEDERAL_APEX_COMMITTEE, status=PublicationStatus.PUBLISHED,
            description="Synthetic body generated for benchmarks.",
        )])[0]
        self.bodies = [federal] + self._create(Body, [
            Body(name=f"{TITLE_PREFIX}{province} Apex Committee", slug=f"{SLUG_PREFIX}apex-committee-{index}",
                 kind=Body.Kind.PROVINCIAL_APEX_COMMITTEE, parent=federal, status=PublicationStatus.PUBLISHED)
            for index, province in enumerate(PROVINCES)
        ] + [Body(name=f"{TITLE_PREFIX}National Internal Security Committee", slug=f"{SLUG_PREFIX}nisc",
                  kind=Body.Kind.NATIONAL_COMMITTEE, status=PublicationStatus.PUBLISHED)])
        people = max(50, self.plan.attendees // 150)
        self.people = self._create(Person, [
            Person(name=f"{TITLE_PREFIX}{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {index}",
                   slug=f"{SLUG_PREFIX}person-{index}", status=PublicationStatus.PUBLISHED)
            for index in range(people)
        ])
        self.offices = self._create(Office, [
            Office(title=f"{TITLE_PREFIX}{title}", slug=f"{SLUG_PREFIX}office-{index}", status=PublicationStatus.PUBLISHED)
            for index, title in enumerate(OFFICE_TITLES)
        ])
        operations = max(10, self.plan.meetings // 50)
        visions = self._create(Operation, [
            Operation(name=f"{TITLE_PREFIX}Vision {word}-e-Watan", slug=f"{SLUG_PREFIX}vision-{index}",
                      kind=Operation.Kind.VISION, status=PublicationStatus.PUBLISHED)
            for index, word in enumerate(OPERATION_WORDS)
        ])
        self.operations = visions + self._create(Operation, [
            Operation(
                name=f"{TITLE_PREFIX}{rng.choice(OPERATION_WORDS)}-e-{rng.choice(OPERATION_WORDS)} {index}",
                slug=f"{SLUG_PREFIX}operation-{index}", kind=Operation.Kind.MILITARY_OPERATION,
                parent=rng.choice(visions), operation_status=rng.choice(list(Operation.Status.values)),
                summary="A synthetic counter-terrorism operation generated for benchmarks.",
                status=self._status(),
            )
            for index in range(operations)
        ])
        through = Operation.regions.through
        self._create(through, [
            through(operation_id=operation.pk, region_id=region.pk)
            for operation in self.operations
            for region in rng.sample(self.regions, rng.randint(1, 2))
        ])
        self.progress(
            f"  reference records: {len(self.bodies)} bodies, {len(self.people):,} people, "
            f"{len(self.offices)} offices, {len(self.operations):,} operations"
        )

    def _meeting_block(self, start: int, size: int, per_meeting: dict[str, list[int]]) -> None:
        rng = self.rng
        first_day = datetime.date(2000, 1, 1)
        meetings = []
        for offset in range(size):
            number = start + offset
            body = rng.choice(self.bodies)
            roll = rng.random()
            date = first_day + datetime.timedelta(days=rng.randrange(365 * 26))
            precision = DatePrecision.DAY
            if roll < 0.05:
                date, precision = date.replace(day=1), DatePrecision.MONTH
            elif roll < 0.07:
                date, precision = date.replace(month=1, day=1), DatePrecision.YEAR
            elif roll < 0.08:
                date, precision = None, DatePrecision.UNKNOWN
            place = rng.choice(CITIES)
            meetings.append(Meeting(
                body=body,
                title=f"{TITLE_PREFIX}{body.name.removeprefix(TITLE_PREFIX)} meeting {number + 1}",
                slug=f"{SLUG_PREFIX}meeting-{number + 1}",
                date=date, date_precision=precision, place=place,
                summary=f"The {body.name.removeprefix(TITLE_PREFIX)} met in {place} to review the National Action Plan "
                        f"against terrorism, the security situation and counter-terrorism operations.",
                status=self._status(),
            ))
        meetings = self._create(Meeting, meetings)

        agenda, attendees, decisions = [], [], []
        attendee_sentences: dict[int, list[str]] = {}
        for meeting, attendee_count, decision_count in zip(
            meetings, per_meeting["attendees"], per_meeting["decisions"], strict=True
        ):
            for order, topic in enumerate(rng.sample(
                ["security situation", "implementation of the National Action Plan", "terror financing",
                 "madrassa reforms", "border management", "counter-terrorism operations"], 2)):
                agenda.append(MeetingAgendaItem(meeting=meeting, topic=topic, order=order))
            sentences = []
            for order in range(attendee_count):
                role = Attendee.Role.CHAIR if order == 0 else rng.choice(
                    [Attendee.Role.MEMBER] * 6 + [Attendee.Role.INVITEE, Attendee.Role.BRIEFER])
                if rng.random() < 0.1 and order:
                    attendee = Attendee(meeting=meeting, group_label=rng.choice(GROUPS), role=role, order=order)
                    sentences.append(f"The meeting was attended by the {attendee.group_label}.")
                else:
                    person, office = rng.choice(self.people), rng.choice(self.offices)
                    attendee = Attendee(meeting=meeting, person=person, office=office, role=role, order=order)
                    verb = "chaired the meeting" if role == Attendee.Role.CHAIR else "attended the meeting"
                    sentences.append(
                        f"{office.title.removeprefix(TITLE_PREFIX)} {person.name.removeprefix(TITLE_PREFIX)} {verb}."
                    )
                attendee.status = self._status()
                attendees.append(attendee)
            attendee_sentences[meeting.pk] = sentences
            for order in range(decision_count):
                action = rng.choice(list(DECISION_VERBS))
                domain = rng.choice(list(DECISION_OBJECTS))
                region = rng.choice(PROVINCES)
                text = f"The committee {DECISION_VERBS[action]} {rng.choice(DECISION_OBJECTS[domain]).format(region=region)}."
                decisions.append(Decision(meeting=meeting, order=order, action=action, domain=domain, text=text,
                                          status=self._status()))
        self._create(MeetingAgendaItem, agenda)
        attendees = self._create(Attendee, attendees)
        decisions = self._create(Decision, decisions)

        operation_links = Decision.operations.through
        body_links = Decision.bodies.through
        self._create(operation_links, [
            operation_links(decision_id=decision.pk, operation_id=rng.choice(self.operations).pk)
            for decision in decisions if rng.random() < 0.3
        ])
        self._create(body_links, [
            body_links(decision_id=decision.pk, body_id=rng.choice(self.bodies).pk)
            for decision in decisions if rng.random() < 0.1
        ])
        self._sources_and_citations(meetings, attendees, decisions, attendee_sentences, per_meeting["sources"], start)

    def _sources_and_citations(self, meetings, attendees, decisions, attendee_sentences, source_counts, start) -> None:
        rng = self.rng
        decisions_of: dict[int, list] = {}
        for decision in decisions:
            decisions_of.setdefault(decision.meeting_id, []).append(decision)
        attendees_of: dict[int, list] = {}
        for attendee in attendees:
            attendees_of.setdefault(attendee.meeting_id, []).append(attendee)

        sources, planned = [], []
        for meeting, source_count in zip(meetings, source_counts, strict=True):
            body = meeting.body.name.removeprefix(TITLE_PREFIX)
            when = f"on {meeting.date:%d %B %Y}" if meeting.date else "this week"
            opening = f"The {body} met in {meeting.place} {when} to review the National Action Plan."
            decision_sentences = [decision.text for decision in decisions_of.get(meeting.pk, [])]
            people = attendee_sentences[meeting.pk]
            for copy in range(source_count):
                slug = f"{SLUG_PREFIX}source-{meeting.slug.removeprefix(SLUG_PREFIX)}-{copy + 1}"
                text = "\n\n".join([
                    f"{TITLE_PREFIX}Report {copy + 1} on {meeting.title.removeprefix(TITLE_PREFIX)} ({slug}).",
                    opening,
                    " ".join(people),
                    " ".join(decision_sentences),
                    "Officials said the counter-terrorism effort would continue until militancy was eliminated, "
                    "and that progress would be reviewed at the next meeting of the committee.",
                ])
                published = meeting.date + datetime.timedelta(days=rng.randint(0, 2)) if meeting.date else None
                sources.append(SourceDocument(
                    title=f"{TITLE_PREFIX}{body} reviews counter-terrorism measures ({copy + 1})",
                    slug=slug, outlet=SYNTHETIC_OUTLET, author="Synthetic data generator", published_on=published,
                    kind=SourceDocument.Kind.NEWS_REPORT, text=text,
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    original_filename=f"{slug}.txt", status=self._status(),
                ))
                planned.append((meeting, opening, copy))
        sources = self._create(SourceDocument, sources)

        citations = []
        for source, (meeting, opening, copy) in zip(sources, planned, strict=True):
            # The first report of a meeting carries the citations; later reports corroborate the meeting.
            citations.append(Citation(source=source, quote=opening, meeting=meeting))
            if copy:
                continue
            for decision in decisions_of.get(meeting.pk, []):
                citations.append(Citation(source=source, quote=decision.text, decision=decision))
            for attendee, sentence in zip(attendees_of.get(meeting.pk, []), attendee_sentences[meeting.pk], strict=True):
                if attendee.role == Attendee.Role.CHAIR or rng.random() < 0.2:
                    citations.append(Citation(source=source, quote=sentence, attendee=attendee))
        if start == 0:
            for operation, source in zip(self.operations, sources):
                citations.append(Citation(source=source, quote=source.text.split("\n\n")[-1], operation=operation))
        self._create(Citation, citations)
