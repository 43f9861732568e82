"""`/api/v1/changes/`: every public change in commit order, after an opaque cursor, for mirrors.

The entries are written by editorial.services (through editorial.change_log) on every save, status
change and deletion, for the record written and for every public record whose answer embeds it.
"""
import base64
import binascii
import re

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from editorial.change_log import RESOURCES
from editorial.models import Change
from restapi.viewsets import ArchiveAPIMixin

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
CURSOR_PREFIX = "changes:"


def encode_cursor(position: int) -> str:
    """Return the opaque cursor for a position in the feed."""
    return base64.urlsafe_b64encode(f"{CURSOR_PREFIX}{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """Return the position a cursor stands for; raise a 400 naming `after` for anything else."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    match = re.fullmatch(rf"{CURSOR_PREFIX}([0-9]{{1,18}})", text)
    if match is None:
        raise exceptions.ValidationError({"after": ["Not a cursor from this feed: give the `next_cursor` of an earlier answer."]})
    return int(match.group(1))


class ChangeSerializer(serializers.Serializer):
    cursor = serializers.CharField(help_text="This entry's position: ask for `?after=` it to get what follows.")
    type = serializers.ChoiceField(choices=sorted(set(RESOURCES.values())), help_text="The resource of the record that changed.")
    id = serializers.IntegerField(help_text="The record's permanent id (its detail is /api/v1/<resource>/<id>/ for attendees, decisions and citations; by slug or id otherwise).")
    action = serializers.ChoiceField(
        choices=Change.Action.choices,
        help_text="created: entered public view; updated: changed; corrected: a public correction note was published "
        "(see `note`); related_changed: a record it embeds or depends on changed (see `cause`); withdrawn: left public "
        "view; deleted: removed. After created, updated, corrected or related_changed fetch the record again; after "
        "withdrawn or deleted drop your copy.",
    )
    at = serializers.DateTimeField(help_text="When the change was made.")
    note = serializers.CharField(allow_blank=True, help_text="The correction note, for `corrected`; empty otherwise.")
    cause = serializers.DictField(allow_null=True, help_text="For related_changed: the record that changed ({type, id}).")


class ChangesSerializer(serializers.Serializer):
    results = ChangeSerializer(many=True)
    next_cursor = serializers.CharField(allow_null=True, help_text="Give it as `after` for the entries that follow; repeat while `has_more`.")
    has_more = serializers.BooleanField(help_text="More entries follow already: ask again at once with `after=next_cursor`.")


class ChangesQuerySerializer(serializers.Serializer):
    after = serializers.CharField(
        required=False,
        help_text="A cursor from an earlier answer's `next_cursor` (or an entry's `cursor`): only later entries. "
        "Left out: the feed from its start.",
    )
    limit = serializers.IntegerField(
        required=False, min_value=0, max_value=MAX_LIMIT,
        help_text=f"Entries per answer: {DEFAULT_LIMIT} by default, at most {MAX_LIMIT}. 0 gives no entries, only the current `next_cursor`, which is where a new mirror starts.",
    )


def change_entry(change: Change) -> dict:
    return {
        "cursor": encode_cursor(change.pk),
        "type": change.resource,
        "id": change.record_id,
        "action": change.action,
        "at": change.at,
        "note": change.note,
        "cause": {"type": change.cause_resource, "id": change.cause_id} if change.cause_id is not None else None,
    }


def changes_after(*, position: int, limit: int) -> dict:
    """Return the entries after `position` (at most `limit`), and the cursor to continue from."""
    if limit == 0:
        latest = Change.objects.order_by("-pk").values_list("pk", flat=True).first()
        return {"results": [], "next_cursor": encode_cursor(max(latest or 0, position)), "has_more": False}
    changes = list(Change.objects.after(position).order_by("pk")[: limit + 1])
    has_more = len(changes) > limit
    changes = changes[:limit]
    last = changes[-1].pk if changes else position
    return {"results": [change_entry(change) for change in changes], "next_cursor": encode_cursor(last), "has_more": has_more}


class ChangesView(ArchiveAPIMixin, APIView):
    """List every public change in the order it was committed, after a cursor.

    To keep a mirror: take `next_cursor` from `?limit=0`, fetch every resource in full, then ask for
    `?after=<cursor>` again and again, applying each entry (fetch the record again, or drop it) and
    keeping the last `next_cursor`. Changes made during the full fetch are replayed: applying an entry twice
    does no harm. The cursor is opaque and only ever moves forward: an entry never appears before one
    already listed.
    """

    allowed_parameters = {"after", "limit"}
    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]

    @extend_schema(parameters=[ChangesQuerySerializer], responses={200: ChangesSerializer})
    def get(self, request):
        query = ChangesQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        cursor = query.validated_data.get("after")
        position = decode_cursor(cursor) if cursor else 0
        limit = query.validated_data.get("limit", DEFAULT_LIMIT)
        return Response(ChangesSerializer(changes_after(position=position, limit=limit)).data)
