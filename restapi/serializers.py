"""Read serializers every resource builds on: fields built once, includes, short forms of linked records."""
import copy
from collections.abc import Hashable
from functools import cached_property

from django.core.exceptions import ObjectDoesNotExist
from django.urls import NoReverseMatch
from django.utils import timezone
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject

from foundations.publication import PublicationStatus
from foundations.reversing import absolute_reverse, absolute_url, cached_reverse

PUBLISHED = PublicationStatus.PUBLISHED


# A read that finds nothing, told apart from a None value; a field given the whole record.
_MISSING = object()
_WHOLE_RECORD = object()


class ReadSerializer(serializers.ModelSerializer):
    """A ModelSerializer for reads that does per process what DRF would do for every record or request.

    - Its fields are built once per process (for each set of includes) and copied for each use, as DRF
      copies declared fields: building them inspects the model every time (0.35 ms for a meeting).
    - A field read from one attribute of the record (a column, an annotation, a property, a nested
      record or list) gets it directly. DRF reads every field through Field.get_attribute, which
      follows dotted sources, calls callables and catches missing relations, none of which applies
      to these; on a list page of 50 meetings that machinery was most of the serializer's time.
      Relations, method fields and dotted sources go through DRF, and so does an attribute that turns
      out missing or callable; every value is still converted by its field's to_representation, so
      the output is the same.
    """

    _built_fields: dict[tuple, dict[str, serializers.Field]] = {}

    def fields_key(self) -> Hashable:
        """What, beyond the class, the serializer's fields depend on."""
        return None

    def build_fields(self) -> dict[str, serializers.Field]:
        return super().get_fields()

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        if issubclass(field_class, serializers.DateTimeField):
            # Times are given in the archive's zone (no view activates another); said once here, DRF
            # does not look up the current zone for every value.
            field_kwargs.setdefault("default_timezone", timezone.get_default_timezone())
        return field_class, field_kwargs

    def get_fields(self):
        key = (type(self), self.fields_key())
        built = self._built_fields.get(key)
        if built is None:
            built = self._built_fields[key] = self.build_fields()
        return copy.deepcopy(built)

    @cached_property
    def _reading_plan(self) -> list[tuple[serializers.Field, str, str | object | None]]:
        plan = []
        for field in self._readable_fields:
            reader = type(field).get_attribute
            if not field.source_attrs and reader in (serializers.Field.get_attribute, serializers.RelatedField.get_attribute):
                # source="*" (method fields, the record's own URL): DRF hands them the record itself.
                plan.append((field, field.field_name, _WHOLE_RECORD))
            elif len(field.source_attrs) == 1 and reader is serializers.Field.get_attribute:
                # (Relations read their values in their own get_attribute.)
                plan.append((field, field.field_name, field.source))
            else:
                plan.append((field, field.field_name, None))
        return plan

    def to_representation(self, instance):
        representation = {}
        for field, name, attribute_name in self._reading_plan:
            if attribute_name is _WHOLE_RECORD:
                representation[name] = field.to_representation(instance)
                continue
            if attribute_name is not None:
                try:
                    value = getattr(instance, attribute_name)
                except (AttributeError, ObjectDoesNotExist):
                    value = _MISSING
                if value is not _MISSING and not callable(value):
                    representation[name] = None if value is None else field.to_representation(value)
                    continue
            try:
                attribute = field.get_attribute(instance)
            except SkipField:
                continue
            # As DRF's Serializer.to_representation: a related field may hand back a PKOnlyObject.
            present = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            representation[name] = None if present is None else field.to_representation(attribute)
        return representation


class IncludableSerializer(ReadSerializer):
    """A serializer whose heavier fields appear only when the request's `include=` names them.

    `include_fields` maps a field to the include value that adds it. Without an include set in the
    context (as when the schema is generated), every field is kept.
    """

    include_fields: dict[str, str] = {}

    def fields_key(self) -> Hashable:
        include = self.context.get("include")
        return None if include is None else frozenset(include)

    def build_fields(self):
        fields = super().build_fields()
        include = self.context.get("include")
        if include is not None:
            for field, name in self.include_fields.items():
                if name not in include:
                    fields.pop(field, None)
        return fields


class IdentityURLField(serializers.HyperlinkedIdentityField):
    """A record's API address, as HyperlinkedIdentityField gives it, built from a cached URL template."""

    def get_url(self, obj, view_name, request, format):
        if format or (hasattr(obj, "pk") and obj.pk in (None, "")):
            return super().get_url(obj, view_name, request, format)
        value = getattr(obj, self.lookup_field)
        if request is None:
            return cached_reverse(view_name, self.lookup_url_kwarg, value)
        return absolute_reverse(request, view_name, self.lookup_url_kwarg, value)


class SummarySerializer(IncludableSerializer):
    """A short form of a record, embedded in others. A draft shows as null to anonymous clients."""

    doc_describes_subclasses = True  # The schema shows this docstring for every summary.

    def to_representation(self, instance):
        context = self.context
        if getattr(instance, "status", PUBLISHED) != PUBLISHED and not context.get("drafts"):
            return None
        # The same body, office or operation recurs down a list: its short form is worked out once per
        # response (the context is the response's own, shared by every nested serializer).
        key = (type(self), instance.pk)
        summaries = context.setdefault("summaries", {})
        if key not in summaries:
            summaries[key] = super().to_representation(instance)
        return summaries[key]


class OptionalURLField(serializers.URLField):
    """A URL that is null, not an empty string, when the record has none."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


def html_url(request, instance) -> str | None:
    """Return the absolute address of a record's public page, or None if it has none."""
    try:
        path = instance.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return None
    return absolute_url(request, path) if request is not None else path
