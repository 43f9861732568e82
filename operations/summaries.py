"""Short forms of operations and regions, embedded in other records' API answers."""
from rest_framework import serializers

from operations.models import Operation, Region
from restapi.serializers import IdentityURLField, SummarySerializer


class OperationSummarySerializer(SummarySerializer):
    url = IdentityURLField(view_name="api:operation-detail", lookup_field="slug")

    class Meta:
        model = Operation
        fields = ["id", "slug", "url", "name", "kind"]


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["slug", "name", "kind"]
