"""How meetings, their attendees and decisions, people, offices and bodies look in the API, and what editors send."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.models import Attendee, Body, Decision, Meeting, Office, Person
from editorial.api import ModelValidatingSerializer
from meetings.summaries import BodySummarySerializer, MeetingSummarySerializer, OfficeSummarySerializer, PersonSummarySerializer
from operations.summaries import OperationSummarySerializer
from restapi.serializers import IdentityURLField, IncludableSerializer, ReadSerializer, html_url
from operations.models import Operation
from sources.serializers import CitationSerializer

# --- Reads -----------------------------------------------------------------------------------------


class BodySerializer(IncludableSerializer):
    url = IdentityURLField(view_name="api:body-detail", lookup_field="slug")
    parent = BodySummarySerializer(read_only=True, allow_null=True)
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True, help_text="Other names sources use.")
    meeting_count = serializers.IntegerField(read_only=True, help_text="Meetings of this body in the archive.")

    class Meta:
        model = Body
        fields = [
            "id", "slug", "url", "name", "short_name", "kind", "parent", "aliases", "description", "meeting_count",
            "status", "version", "created_at", "updated_at",
        ]


class PersonAttendanceSerializer(serializers.ModelSerializer):
    """One meeting a person attended, and in which office."""

    meeting = MeetingSummarySerializer(read_only=True, allow_null=True)
    office = OfficeSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Attendee
        fields = ["id", "meeting", "office", "role", "group_label"]


class OfficeAttendanceSerializer(serializers.ModelSerializer):
    """One meeting at which the office was represented, and by whom."""

    meeting = MeetingSummarySerializer(read_only=True, allow_null=True)
    person = PersonSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Attendee
        fields = ["id", "meeting", "person", "role", "group_label"]


class PersonSerializer(IncludableSerializer):
    url = IdentityURLField(view_name="api:person-detail", lookup_field="slug")
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True, help_text="Other names sources use.")
    attendance_count = serializers.IntegerField(read_only=True, help_text="Meetings this person is recorded at.")
    attendances = PersonAttendanceSerializer(many=True, read_only=True, source="visible_attendances", help_text="Only with include=attendances.")

    include_fields = {"attendances": "attendances"}

    class Meta:
        model = Person
        fields = ["id", "slug", "url", "name", "aliases", "description", "attendance_count", "status", "version", "created_at", "updated_at", "attendances"]


class OfficeSerializer(IncludableSerializer):
    url = IdentityURLField(view_name="api:office-detail", lookup_field="slug")
    attendance_count = serializers.IntegerField(read_only=True, help_text="Meetings at which this office is recorded.")
    attendances = OfficeAttendanceSerializer(many=True, read_only=True, source="visible_attendances", help_text="Only with include=attendances.")

    include_fields = {"attendances": "attendances"}

    class Meta:
        model = Office
        fields = ["id", "slug", "url", "title", "description", "attendance_count", "status", "version", "created_at", "updated_at", "attendances"]


class AttendeeSerializer(IncludableSerializer):
    url = IdentityURLField(view_name="api:attendee-detail", lookup_field="pk")
    meeting = MeetingSummarySerializer(read_only=True)
    person = PersonSummarySerializer(read_only=True, allow_null=True)
    office = OfficeSummarySerializer(read_only=True, allow_null=True, help_text="The office held at this meeting.")
    citations = CitationSerializer(many=True, read_only=True, source="visible_citations", help_text="Only with include=citations.")

    include_fields = {"citations": "citations"}

    class Meta:
        model = Attendee
        fields = ["id", "url", "meeting", "person", "office", "group_label", "role", "order", "note", "status", "version", "created_at", "updated_at", "citations"]


class DecisionSerializer(IncludableSerializer):
    url = IdentityURLField(view_name="api:decision-detail", lookup_field="pk")
    meeting = MeetingSummarySerializer(read_only=True)
    operations = OperationSummarySerializer(many=True, read_only=True, source="visible_operations", help_text="Operations the decision concerns.")
    bodies = BodySummarySerializer(many=True, read_only=True, source="visible_bodies", help_text="Bodies the decision concerns (not the body that met).")
    citations = CitationSerializer(many=True, read_only=True, source="visible_citations", help_text="Only with include=citations.")

    include_fields = {"citations": "citations"}

    class Meta:
        model = Decision
        fields = [
            "id", "url", "meeting", "order", "action", "text", "domain", "operations", "bodies", "note", "status",
            "version", "created_at", "updated_at", "citations",
        ]


class ChairSerializer(ReadSerializer):
    """Who chaired: a person, the office they held, or both."""

    person = PersonSummarySerializer(read_only=True, allow_null=True)
    office = OfficeSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Attendee
        fields = ["person", "office", "group_label"]


class MeetingSerializer(IncludableSerializer):
    url = IdentityURLField(view_name="api:meeting-detail", lookup_field="slug")
    html_url = serializers.SerializerMethodField(help_text="The meeting's page on the public site.")
    body = BodySummarySerializer(read_only=True, allow_null=True, help_text="The body that met.")
    date_display = serializers.CharField(read_only=True, help_text="The date as precisely as the sources give it.")
    agenda = serializers.SlugRelatedField(slug_field="topic", many=True, read_only=True, source="agenda_items", help_text="Agenda topics, in order.")
    chairs = ChairSerializer(many=True, read_only=True, source="chair_attendees", help_text="Who chaired the meeting.")
    decision_count = serializers.IntegerField(read_only=True)
    decisions = DecisionSerializer(many=True, read_only=True, source="visible_decisions", help_text="Only with include=decisions.")
    attendees = AttendeeSerializer(many=True, read_only=True, source="visible_attendees", help_text="Only with include=attendees.")
    operations = serializers.SerializerMethodField(help_text="Operations launched at the meeting or concerned by its decisions (include=operations).")
    citations = CitationSerializer(many=True, read_only=True, source="visible_citations", help_text="Citations for the meeting itself (include=citations).")

    include_fields = {"decisions": "decisions", "attendees": "attendees", "operations": "operations", "citations": "citations"}

    class Meta:
        model = Meeting
        fields = [
            "id", "slug", "url", "html_url", "title", "body", "date", "date_precision", "date_display", "weekday",
            "date_note", "place", "summary", "agenda", "chairs", "decision_count", "status", "version", "created_at",
            "updated_at", "decisions", "attendees", "operations", "citations",
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_html_url(self, meeting):
        return html_url(self.context.get("request"), meeting)

    @extend_schema_field(OperationSummarySerializer(many=True))
    def get_operations(self, meeting):
        operations = {operation.pk: operation for operation in meeting.visible_launched_operations}
        for decision in meeting.visible_decisions:
            for operation in decision.visible_operations:
                operations.setdefault(operation.pk, operation)
        ordered = sorted(operations.values(), key=lambda operation: operation.name)
        return OperationSummarySerializer(ordered, many=True, context=self.context).data


# --- Writes ----------------------------------------------------------------------------------------


def _slug(model, **kwargs):
    return serializers.SlugRelatedField(slug_field="slug", queryset=model.objects.all(), **kwargs)


class BodyWriteSerializer(ModelValidatingSerializer):
    parent = _slug(Body, required=False, allow_null=True)

    class Meta:
        model = Body
        fields = ["name", "short_name", "slug", "kind", "parent", "description", "version", "correction_note"]


class PersonWriteSerializer(ModelValidatingSerializer):
    class Meta:
        model = Person
        fields = ["name", "slug", "description", "version", "correction_note"]


class OfficeWriteSerializer(ModelValidatingSerializer):
    class Meta:
        model = Office
        fields = ["title", "slug", "description", "version", "correction_note"]


class MeetingWriteSerializer(ModelValidatingSerializer):
    body = _slug(Body)

    class Meta:
        model = Meeting
        fields = ["body", "title", "slug", "date", "date_precision", "weekday", "date_note", "place", "summary", "version", "correction_note"]


class AttendeeWriteSerializer(ModelValidatingSerializer):
    meeting = _slug(Meeting)
    person = _slug(Person, required=False, allow_null=True)
    office = _slug(Office, required=False, allow_null=True)

    class Meta:
        model = Attendee
        fields = ["meeting", "person", "office", "group_label", "role", "order", "note", "version", "correction_note"]


class DecisionWriteSerializer(ModelValidatingSerializer):
    meeting = _slug(Meeting)
    operations = _slug(Operation, many=True, required=False)
    bodies = _slug(Body, many=True, required=False)

    class Meta:
        model = Decision
        fields = ["meeting", "order", "action", "text", "domain", "operations", "bodies", "note", "version", "correction_note"]
