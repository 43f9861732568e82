"""API writes under the editorial rules: the admin's validation, versions, correction notes and status moves.

Every app's API resource builds on `WorkflowViewSet`; its writes go through `editorial.services`,
as the admin's and the loaders' do.
"""
from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from editorial.services import (
    CorrectionNoteRequired,
    PublishPermissionRequired,
    StaleRecordError,
    WorkflowError,
    record_publish,
    record_return_to_draft,
    record_save,
    record_submit_for_review,
    record_withdraw,
)
from foundations.publication import EditorialRecord, Publishable, PublicationStatus
from restapi.errors import Conflict
from restapi.viewsets import ArchiveViewSet


@contextmanager
def workflow_errors(field: str = "non_field_errors"):
    """Turn the editorial workflow's refusals into API errors: 409 for a stale copy, 403, or 400."""
    try:
        yield
    except StaleRecordError as error:
        raise Conflict(str(error)) from error
    except PublishPermissionRequired as error:
        raise exceptions.PermissionDenied(str(error)) from error
    except CorrectionNoteRequired as error:
        raise exceptions.ValidationError({"correction_note": [str(error)]}) from error
    except WorkflowError as error:
        raise exceptions.ValidationError({field: [str(error)]}) from error


class ModelValidatingSerializer(serializers.ModelSerializer):
    """Validate a write as the admin does: the model's `full_clean()` (fields, clean(), uniqueness, constraints).

    Model fields the serializer does not write are left out of validation, as a ModelForm leaves out
    fields not on the form. The validated instance is the one saved, through the editorial workflow's
    `record_save`: an update of a versioned record must give the `version` it was made from (a 409
    if someone saved since), the status never changes by an edit (see the `status` action), and
    changing public content (a published record, a citation on a public fact) needs the publish
    permission and a public `correction_note` (a 400 naming the field without one).
    """

    version = serializers.IntegerField(
        write_only=True,
        required=False,
        min_value=1,
        help_text="Updates: the `version` of the record you edited (a 409 if it was saved since). Required for updates.",
    )
    correction_note = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="Changes to public content (a published record, a citation on a public fact): the public "
        "correction note, required (publishers only).",
    )

    def get_fields(self):
        fields = super().get_fields()
        if not issubclass(self.Meta.model, EditorialRecord):
            fields.pop("version", None)
        return fields

    def to_internal_value(self, data):
        if isinstance(data, dict):
            writable = sorted(name for name, field in self.fields.items() if not field.read_only)
            errors = {
                str(name)[:60]: [f"Unknown field: it cannot be written. This resource accepts: {', '.join(writable)}."]
                for name in data
                if name not in writable
            }
            if "status" in errors:
                errors["status"] = ["Unknown field: it cannot be written. Change the status with POST …/status/."]
            errors |= {name: [problem] for name, value in data.items() if name in self.fields and (problem := self._type_problem(self.fields[name], value))}
            if errors:
                raise exceptions.ValidationError(errors)
        return super().to_internal_value(data)

    @staticmethod
    def _type_problem(field, value) -> str | None:
        """Return why a JSON value has the wrong type for a field (DRF would coerce 5 into "5"), or None."""
        if value is None or field.read_only:
            return None
        if value == "" and isinstance(field, serializers.RelatedField):
            return "Give a slug or id, or null for none."  # DRF would quietly read "" as null.
        if isinstance(field, serializers.ManyRelatedField):
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                return "Give a list of slugs."
            return None
        if isinstance(field, serializers.PrimaryKeyRelatedField | serializers.IntegerField):
            return None if isinstance(value, int) and not isinstance(value, bool) else "Give a whole number."
        if isinstance(field, serializers.CharField | serializers.ChoiceField | serializers.SlugRelatedField | serializers.DateField):
            return None if isinstance(value, str) else "Give a string."
        return None

    def validate(self, attrs):
        model = self.Meta.model
        self._expected_version = attrs.pop("version", None)
        self._correction_note = attrs.pop("correction_note", "")
        if self.instance is not None and "version" in self.fields and self._expected_version is None:
            raise exceptions.ValidationError({"version": ["Give the version of the record you edited (its `version`)."]})
        many_to_many = {name: attrs.pop(name) for name in list(attrs) if name in {f.name for f in model._meta.many_to_many}}
        instance = self.instance if self.instance is not None else model()
        for name, value in attrs.items():
            setattr(instance, name, value)
        # Model fields are named by each serializer field's source (`article_url` writes `url`).
        written = {field.source: name for name, field in self.fields.items() if not field.read_only}
        excluded = [field.name for field in model._meta.fields if field.name not in written]
        try:
            instance.full_clean(exclude=excluded)
        except DjangoValidationError as error:
            errors = serializers.as_serializer_error(error)
            raise exceptions.ValidationError({written.get(name, name): messages for name, messages in errors.items()}) from error
        self._validated_instance = instance
        attrs.update(many_to_many)
        return attrs

    def create(self, validated_data):
        return self._save_validated(validated_data)

    def update(self, instance, validated_data):
        return self._save_validated(validated_data)

    def _save_validated(self, validated_data):
        instance = self._validated_instance
        request = self.context.get("request")
        with transaction.atomic():
            with workflow_errors():
                record_save(
                    record=instance,
                    user=request.user if request is not None else None,
                    expected_version=self._expected_version,
                    correction_note=self._correction_note,
                    many_to_many={
                        field.name: validated_data[field.name]
                        for field in instance._meta.many_to_many
                        if field.name in validated_data
                    },
                )
        return instance


class StatusChangeSerializer(serializers.Serializer):
    """Move a record through the editorial workflow."""

    status = serializers.ChoiceField(
        choices=PublicationStatus.choices,
        help_text="in_review (submit), published (publishers; a fact needs a sound citation), withdrawn (publishers), "
        "draft (publishers, for a published figure or organisation). A 409 if someone moved the record since you read it.",
    )
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500, help_text="Why (kept in the history).")


class WorkflowViewSet(ArchiveViewSet):
    """An archive resource whose records editors write, and move through the workflow with POST …/status/."""

    status_serializer_class = StatusChangeSerializer

    @classmethod
    def get_extra_actions(cls):
        actions = super().get_extra_actions()
        if issubclass(cls.model, Publishable):
            return actions
        # Only records with a status have one to move.
        return [extra for extra in actions if extra.__name__ != "change_status"]

    def get_serializer_class(self):
        if self.action == "change_status":
            return self.status_serializer_class
        return super().get_serializer_class()

    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, *args, **kwargs):
        """Move the record through the editorial workflow (draft → in review → published; withdrawn)."""
        record = self.get_object()
        change = StatusChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        target, reason = change.validated_data["status"], change.validated_data.get("reason", "")
        with workflow_errors("status"):
            if target == PublicationStatus.PUBLISHED:
                record_publish(record=record, user=request.user)
            elif target == PublicationStatus.WITHDRAWN:
                record_withdraw(record=record, user=request.user, reason=reason)
            elif target == PublicationStatus.IN_REVIEW:
                record_submit_for_review(record=record, user=request.user)
            else:
                record_return_to_draft(record=record, user=request.user)
        return Response(self.serializer_class(self.get_queryset().get(pk=record.pk), context=self.get_serializer_context()).data)
