"""`/api/v1/popolo/`: people, bodies, offices, attendances and meetings as one Popolo JSON document."""
import json
from collections.abc import Callable, Iterable, Iterator

from django.db.models import Q
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from foundations.vague_dates import vague_date_iso
from foundations.publication import with_public_links
from meetings.models import Attendee, Body, Meeting, Office, Person
from restapi.viewsets import ArchiveAPIMixin
from restapi.visibility import request_sees_drafts, visible


# Records are identified by their permanent ids; their slugs (which may change) are given as identifiers.
SLUG_SCHEME = "nap-archive-slug"


def popolo_date(meeting: Meeting) -> str | None:
    """Return a meeting's date as Popolo writes a date known only to the month or year (YYYY-MM, YYYY)."""
    return vague_date_iso(meeting.date, meeting.date_precision)


def _without_empty(record: dict) -> dict:
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def popolo_chunks(*, drafts: bool, api_url: Callable[[str, int], str]) -> Iterator[str]:
    """Yield the archive as one Popolo JSON document: persons, organizations, posts, memberships, events."""

    def section(name: str, records: Iterable[dict], first: bool = False) -> Iterator[str]:
        yield ("{" if first else ",") + f'\n"{name}": ['
        for index, record in enumerate(records):
            yield ("," if index else "") + "\n" + json.dumps(_without_empty(record), ensure_ascii=False)
        yield "\n]"

    persons = (
        {
            "id": f"person/{person.pk}",
            "name": person.name,
            "identifiers": [{"scheme": SLUG_SCHEME, "identifier": person.slug}],
            "other_names": [{"name": alias.name} for alias in person.aliases.all()],
            "summary": person.description,
            "links": [{"url": api_url("person", person.pk), "note": "NAP Archive API"}],
        }
        for person in visible(Person, drafts=drafts).prefetch_related("aliases").iterator(chunk_size=500)
    )
    organizations = (
        {
            "id": f"organization/{body.pk}",
            "name": body.name,
            "identifiers": [{"scheme": SLUG_SCHEME, "identifier": body.slug}],
            "other_names": [{"name": name} for name in [body.short_name, *(alias.name for alias in body.aliases.all())] if name],
            "classification": body.kind,
            "parent_id": f"organization/{body.parent.pk}" if body.parent is not None else None,
            "description": body.description,
            "links": [{"url": api_url("body", body.pk), "note": "NAP Archive API"}],
        }
        for body in with_public_links(visible(Body, drafts=drafts), "parent", preview=drafts)
        .prefetch_related("aliases")
        .iterator(chunk_size=500)
    )
    attendances = (
        visible(Attendee, drafts=drafts)
        .filter(Q(person__isnull=False) | Q(office__isnull=False) | ~Q(group_label=""))
        .select_related("meeting__body", "person", "office")
        .order_by("meeting__date", "meeting_id", "order", "id")
    )
    public_bodies = visible(Body, drafts=drafts)

    def post_id(office_pk: int, body_pk: int | None) -> str:
        # A Popolo post is held in one organization: an office recorded at the meetings of several bodies
        # is one post in each (its id made of the two permanent ids), the office's own id where no body is public.
        return f"post/{office_pk}" if body_pk is None else f"post/{office_pk}/organization/{body_pk}"

    def posts():
        held_in = {}
        for office_pk, body_pk in (
            visible(Attendee, drafts=drafts)
            .filter(office__isnull=False, meeting__body__in=public_bodies)
            .values_list("office_id", "meeting__body_id")
            .distinct()
            .order_by("office_id", "meeting__body_id")
        ):
            held_in.setdefault(office_pk, []).append(body_pk)
        for office in visible(Office, drafts=drafts).order_by("id").iterator(chunk_size=500):
            links = [{"url": api_url("office", office.pk), "note": "NAP Archive API"}]
            for body_pk in held_in.get(office.pk, [None]):
                yield {
                    "id": post_id(office.pk, body_pk),
                    "label": office.title,
                    "organization_id": f"organization/{body_pk}" if body_pk is not None else None,
                    "links": links,
                }

    def memberships():
        for attendee in attendances.iterator(chunk_size=500):
            person = attendee.person if attendee.person and (drafts or attendee.person.is_published) else None
            office = attendee.office if attendee.office and (drafts or attendee.office.is_published) else None
            if person is None and office is None and not attendee.group_label:
                continue
            body = attendee.meeting.body
            body_pk = body.pk if drafts or body.is_published else None
            date = popolo_date(attendee.meeting)
            yield {
                "id": f"membership/{attendee.pk}",
                "person_id": f"person/{person.pk}" if person else None,
                "post_id": post_id(office.pk, body_pk) if office else None,
                "organization_id": f"organization/{body_pk}" if body_pk is not None else None,
                "role": str(attendee.get_role_display()),  # json.dumps takes no lazy translation
                # A group named without names ("chief ministers of all provinces") is the membership's label.
                "label": attendee.group_label or (office.title if office else None),
                "start_date": date,
                "end_date": date,
                # Not in Popolo's Membership: the meeting (event) this attendance was recorded at.
                "event_id": f"event/{attendee.meeting.pk}",
            }

    events = (
        {
            "id": f"event/{meeting.pk}",
            "name": meeting.title,
            "classification": "meeting",
            "start_date": popolo_date(meeting),
            "end_date": popolo_date(meeting),
            "location": meeting.place,
            "description": meeting.summary,
            "organization_id": f"organization/{meeting.body.pk}" if drafts or meeting.body.is_published else None,
            "links": [{"url": api_url("meeting", meeting.pk), "note": "NAP Archive API"}],
        }
        for meeting in visible(Meeting, drafts=drafts).select_related("body").order_by("date", "id").iterator(chunk_size=500)
    )
    yield from section("persons", persons, first=True)
    yield from section("organizations", organizations)
    yield from section("posts", posts())
    yield from section("memberships", memberships())
    yield from section("events", events)
    yield "\n}\n"


class PopoloView(ArchiveAPIMixin, APIView):
    """Export people, bodies (organizations), offices (posts), attendances (memberships) and meetings (events)
    as one Popolo JSON document (https://www.popoloproject.com), streamed.

    A membership is one attendance at a meeting: the person, the office held there as post and label (a group
    named without names, such as "chief ministers of all provinces", as label), the role (chair, member...),
    the meeting's body as organization, and the meeting's date (YYYY-MM or YYYY when only the month or year
    is known) as start and end date; `event_id` (not in Popolo) names the meeting.
    A post is an office in one organization: an office recorded at the meetings of several bodies is one
    post in each (`post/<office id>/organization/<body id>`).
    """

    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]

    @extend_schema(
        responses={
            200: OpenApiResponse(
                inline_serializer(
                    "PopoloDocument",
                    {
                        name: serializers.ListField(child=serializers.DictField())
                        for name in ("persons", "organizations", "posts", "memberships", "events")
                    },
                ),
                description="A Popolo JSON document.",
            )
        }
    )
    def get(self, request):
        drafts = request_sees_drafts(request, Meeting)

        def api_url(basename: str, record_id: int) -> str:
            return request.build_absolute_uri(reverse(f"api:{basename}-detail", args=[record_id]))

        return self.streamed(request, popolo_chunks(drafts=drafts, api_url=api_url), "application/json", "nap-archive-popolo.json")
