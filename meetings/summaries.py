"""Short forms of bodies, people, offices and meetings, embedded in other records' API answers."""
from rest_framework import serializers

from meetings.models import Body, Meeting, Office, Person
from restapi.serializers import IdentityURLField, SummarySerializer


class BodySummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:body-detail", lookup_field="slug")

    class Meta:
        model = Body
        fields = ["id", "slug", "url", "name", "short_name", "kind"]


class PersonSummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:person-detail", lookup_field="slug")

    class Meta:
        model = Person
        fields = ["id", "slug", "url", "name"]


class OfficeSummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:office-detail", lookup_field="slug")

    class Meta:
        model = Office
        fields = ["id", "slug", "url", "title"]


class MeetingSummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:meeting-detail", lookup_field="slug")
    date_display = serializers.CharField(read_only=True, help_text="The date as precisely as the sources give it.")
    body = BodySummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Meeting
        fields = ["id", "slug", "url", "title", "date", "date_precision", "date_display", "body"]
