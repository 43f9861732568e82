"""Admin parts every curated record shares: the editorial workflow, revision history and the source-text panel.

Curated records (EditorialRecord, and the figures and organisations with their plain draft/published
status) are edited through editorial.services: the form carries the version it was opened at and
refuses a stale save; a published record (and a citation on a public fact) is changed only by
editors with the publish permission, with a public correction note; the status moves only through
the workflow actions and buttons. Every change is kept by django-simple-history: the History page lists
who changed what and when, with the changed fields, and any version can be restored from there.
"""
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME

from editorial import services
from foundations.publication import EditorialRecord, Publishable, PublicationStatus

PUBLISHED = PublicationStatus.PUBLISHED
WORKFLOW_FORM_FIELDS = ["correction_note", "expected_version"]
WORKFLOW_DISPLAY_FIELDS = ["version", "created_by", "reviewed_by", "published_at"]


def is_editorial(model) -> bool:
    return isinstance(model, type) and issubclass(model, EditorialRecord)


def is_curated(model) -> bool:
    """Return True for a record with a publication status: its status moves only through the workflow."""
    return isinstance(model, type) and issubclass(model, Publishable)


def is_public_content_part(model) -> bool:
    """Return True for a record shown on another (a citation): changing it changes that record's public page."""
    return isinstance(model, type) and hasattr(model, "shown_on")


def has_history(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


class EditorialAdminForm(forms.ModelForm):
    """A curated record's form: refuses a save from a stale copy and asks for a note when correcting a published record."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    correction_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="Required when you change a published record. Shown to readers, dated, on the record's page: "
        "say what you corrected, e.g. “Corrected the date: the meeting was held on 22 June, not 23 June.”",
    )
    # The editor saving the form; set per request by the admin.
    editor = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # A historic copy (the revert page) carries the current version: history leaves version out.
            self.fields["expected_version"].initial = getattr(self.instance, "version", None)

    def clean(self):
        cleaned = super().clean()
        note = (cleaned.get("correction_note") or "").strip()
        stored = services.record_stored_state(record=self.instance)
        status = stored[1] if stored else None
        if stored is not None:
            expected = cleaned.get("expected_version")
            if stored[0] is not None and expected != stored[0]:
                raise ValidationError(services.stale_record_message(record=self.instance, expected_version=expected or 0))
            if status in services.PUBLIC_STATES and not services.user_can_publish(self.editor):
                raise ValidationError("This record is public or withdrawn: only editors with the publish permission may change it.")
            reverting = hasattr(self.instance, SIMPLE_HISTORY_REVERSE_ATTR_NAME)
            changed = [name for name in self.changed_data if name not in WORKFLOW_FORM_FIELDS]
            if status == PUBLISHED and (changed or reverting) and not note:
                self.add_error("correction_note", "This record is published: say what you corrected, for readers.")
        # Read by the inline formsets, which are validated after this form (see CorrectionNoteInlineFormSet).
        self.instance._editorial_stored_status = status
        self.instance._editorial_correction_note = note
        self.instance._editorial_editor = self.editor
        return cleaned


class PublicContentPartForm(forms.ModelForm):
    """A citation's own form: changing one on a public fact is a publisher's correction of that fact, with a note."""

    correction_note = EditorialAdminForm.base_fields["correction_note"]
    # The editor saving the form; set per request by the admin.
    editor = None

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        try:
            services.public_change_check(
                record=self.instance, user=self.editor, correction_note=self.cleaned_data.get("correction_note", "")
            )
        except services.CorrectionNoteRequired as error:
            self.add_error("correction_note", str(error))
        except services.WorkflowError as error:
            self.add_error(None, str(error))


class CorrectionNoteInlineFormSet(forms.BaseInlineFormSet):
    """Refuse changes to a published record's parts (attendees, citations...) without the parent's correction note."""

    def clean(self):
        super().clean()
        parent = self.instance
        if (
            getattr(parent, "_editorial_stored_status", None) == PUBLISHED
            and self.has_changed()
            and not getattr(parent, "_editorial_correction_note", "")
        ):
            raise ValidationError(
                f"This record is published: write a correction note (under “Editorial workflow”) saying what you "
                f"changed in its {self.model._meta.verbose_name_plural}."
            )
        if not (is_curated(self.model) or is_public_content_part(self.model)) or not hasattr(parent, "_editorial_editor"):
            return
        # Each changed part under the one rule (a citation on a public fact, a published attendee...).
        deleted = set(map(id, self.deleted_forms)) if self.can_delete else set()
        for form in self.forms:
            if not form.has_changed() or (form.instance.pk is None and id(form) in deleted):
                continue
            try:
                services.public_change_check(
                    record=form.instance,
                    user=parent._editorial_editor,
                    correction_note=parent._editorial_correction_note,
                    deleting=id(form) in deleted,
                )
            except services.WorkflowError as error:
                raise ValidationError(f"{form.instance._meta.verbose_name.capitalize()}: {error}") from error


# --- Workflow actions on the change list ---------------------------------------------------------


def _run(modeladmin, request, queryset, verb: str, transition) -> None:
    done, refused = [], []
    for record in queryset:
        try:
            transition(record, request.user)
        except services.WorkflowError as error:
            refused.append(str(error))
        else:
            done.append(record)
    if done:
        label = modeladmin.model._meta.verbose_name_plural if len(done) != 1 else modeladmin.model._meta.verbose_name
        modeladmin.message_user(request, f"{verb} {len(done)} {label}.", messages.SUCCESS)
    for message in refused:
        modeladmin.message_user(request, message, messages.ERROR)


@admin.action(description="Submit selected %(verbose_name_plural)s for review", permissions=["change"])
def submit_for_review_selected(modeladmin, request, queryset):
    _run(modeladmin, request, queryset.exclude(status=PublicationStatus.IN_REVIEW), "Submitted for review",
         lambda record, user: services.record_submit_for_review(record=record, user=user))


@admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["publish"])
def publish_selected(modeladmin, request, queryset):
    _run(modeladmin, request, queryset.exclude(status=PUBLISHED), "Published",
         lambda record, user: services.record_publish(record=record, user=user))


@admin.action(description="Withdraw selected %(verbose_name_plural)s from public view", permissions=["publish"])
def withdraw_selected(modeladmin, request, queryset):
    _run(modeladmin, request, queryset.filter(status=PUBLISHED), "Withdrew",
         lambda record, user: services.record_withdraw(record=record, user=user))


@admin.action(description="Return selected %(verbose_name_plural)s to draft", permissions=["change"])
def return_to_draft_selected(modeladmin, request, queryset):
    _run(modeladmin, request, queryset.exclude(status=PublicationStatus.DRAFT), "Returned to draft",
         lambda record, user: services.record_return_to_draft(record=record, user=user))


@admin.action(description="Unpublish selected %(verbose_name_plural)s (back to draft)", permissions=["publish"])
def unpublish_selected_basic(modeladmin, request, queryset):
    _run(modeladmin, request, queryset.filter(status=PUBLISHED), "Unpublished",
         lambda record, user: services.record_return_to_draft(record=record, user=user))


# Buttons on a record's page: (POST name, label, transition, states it applies to, needs publish permission).
WORKFLOW_BUTTONS = [
    ("_submit_for_review", "Save and submit for review", services.record_submit_for_review, {PublicationStatus.DRAFT}, False),
    ("_publish", "Save and publish", services.record_publish, {PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW, PublicationStatus.WITHDRAWN}, True),
    ("_return_to_draft", "Save and return to draft", services.record_return_to_draft, {PublicationStatus.IN_REVIEW}, False),
    ("_withdraw", "Withdraw from public view", services.record_withdraw, {PUBLISHED}, True),
]


class PublishableAdmin(SimpleHistoryAdmin):
    # Django 6 makes https the default scheme for typed-in URLs; opt in now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [submit_for_review_selected, publish_selected, withdraw_selected, return_to_draft_selected]
    readonly_fields = ["created_at", "updated_at"]
    list_filter = ["status"]
    change_form_template = "admin/editorial_change_form.html"

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if not has_history(model):
            self.object_history_template = None  # Django's own history page (the admin log)
        if is_curated(model) and self.form is forms.ModelForm:
            self.form = EditorialAdminForm
        if not is_editorial(model) and self.actions == PublishableAdmin.actions:
            self.actions = [publish_selected, unpublish_selected_basic]

    # --- Permissions ------------------------------------------------------------------------

    def has_publish_permission(self, request) -> bool:
        return services.user_can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and is_curated(self.model) and obj.status in services.PUBLIC_STATES:
            # A published record changes only as a correction, which is a publisher's act.
            return services.user_can_publish(request.user)
        return allowed

    def has_delete_permission(self, request, obj=None):
        if obj is not None and is_curated(self.model) and obj.status in services.PUBLIC_STATES:
            # Removing public content is a correction, which needs a note the delete page cannot take:
            # withdraw the record, or remove a part on its parent's form, with the note there.
            return False
        return super().has_delete_permission(request, obj)

    # --- The form ---------------------------------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if is_editorial(self.model):
            fields += [name for name in ["status", *WORKFLOW_DISPLAY_FIELDS] if name not in fields]
        elif is_curated(self.model) and "status" not in fields:
            fields.append("status")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not is_curated(self.model):
            return fieldsets
        if not is_editorial(self.model):
            return [*fieldsets, ("Editorial workflow", {"fields": ["correction_note"]})] if obj is not None else fieldsets
        ours = set(WORKFLOW_FORM_FIELDS + WORKFLOW_DISPLAY_FIELDS)
        cleaned = []
        for name, options in fieldsets:
            fields = [field for field in options["fields"] if field not in ours]
            cleaned.append((name, {**options, "fields": fields}))
        shown = ["correction_note"] if obj is not None else []
        return [
            *cleaned,
            ("Editorial workflow", {"fields": [*shown, "expected_version", *WORKFLOW_DISPLAY_FIELDS]}),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if is_curated(self.model):
            form.editor = request.user
        return form

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if is_curated(self.model):
            for inline in inlines:
                if not issubclass(inline.formset, CorrectionNoteInlineFormSet):
                    inline.formset = type("Checked" + inline.formset.__name__, (CorrectionNoteInlineFormSet, inline.formset), {})
                if is_editorial(inline.model):
                    inline.readonly_fields = [*inline.readonly_fields, "status"]
        return inlines

    # --- Saving -----------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not is_curated(self.model):
            super().save_model(request, obj, form, change)
            return
        note = (form.cleaned_data.get("correction_note") or "").strip()
        changed = [name for name in form.changed_data if name not in WORKFLOW_FORM_FIELDS]
        reverting = hasattr(obj, SIMPLE_HISTORY_REVERSE_ATTR_NAME)
        if change and not (changed or note or reverting) and obj.status in services.PUBLIC_STATES:
            # Nothing to correct (a workflow button under an unchanged form): leave the public record as it is.
            return
        correction = services.record_save(
            record=obj,
            user=request.user,
            expected_version=form.cleaned_data.get("expected_version") if change else None,
            correction_note=form.cleaned_data.get("correction_note", ""),
        )
        if correction is not None:
            self.message_user(request, f"Correction published: “{correction.note}”", messages.INFO)

    def save_related(self, request, form, formsets, change):
        if not is_curated(self.model):
            super().save_related(request, form, formsets, change)
            return
        # Links (many-to-many) and parts are saved after the record: the changes feed records what they change.
        services.record_links_save(record=form.instance, save_links=lambda: super(PublishableAdmin, self).save_related(request, form, formsets, change))

    def delete_model(self, request, obj):
        # The delete button goes through the one write path, so the changes feed and history record it.
        services.record_delete(record=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for record in queryset:
            services.record_delete(record=record, user=request.user)

    def save_formset(self, request, form, formset, change):
        note = (form.cleaned_data.get("correction_note") or "").strip()
        instances = formset.save(commit=False)
        parent = form.instance
        for removed in formset.deleted_objects:
            if is_curated(type(removed)) or is_public_content_part(type(removed)):
                services.record_delete(record=removed, user=request.user, correction_note=note, part_of=parent)
                continue
            removed._change_reason = note or None
            removed.delete()
        for instance in instances:
            if is_curated(type(instance)) or is_public_content_part(type(instance)):
                # The parent's version was checked and its note published on it; its parts are saved with it.
                services.record_save(record=instance, user=request.user, correction_note=note, change_reason=note, part_of=parent)
            else:
                instance._change_reason = note or None
                instance.save()
        formset.save_m2m()

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.StaleRecordError:
            # Someone saved between this form's version check and its save; the whole save was rolled
            # back. A second pass shows the form again, with the editor's input and the form's refusal.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        except services.StaleRecordError:
            return super().history_form_view(request, object_id, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        if not has_history(self.model):
            return admin.ModelAdmin.history_view(self, request, object_id, extra_context)
        return super().history_view(request, object_id, extra_context)

    # --- Workflow buttons -------------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if is_editorial(self.model) and context.get("has_change_permission", True):
            status = obj.status if obj is not None else PublicationStatus.DRAFT
            can_publish = services.user_can_publish(request.user)
            context["workflow_buttons"] = [
                (name, label)
                for name, label, _transition, states, needs_publish in WORKFLOW_BUTTONS
                if status in states and (can_publish or not needs_publish)
            ]
            context["workflow_status"] = PublicationStatus(status).label
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def _workflow_response(self, request, obj):
        for name, _label, transition, _states, _needs_publish in WORKFLOW_BUTTONS:
            if name not in request.POST:
                continue
            try:
                transition(record=obj, user=request.user)
            except services.WorkflowError as error:
                self.message_user(request, f"Saved, but: {error}", messages.ERROR)
            else:
                obj.refresh_from_db()
                self.message_user(request, f"The {obj._meta.verbose_name} “{obj}” is now {obj.get_status_display().lower()}.", messages.SUCCESS)
            return HttpResponseRedirect(
                reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
            )
        return None

    def response_change(self, request, obj):
        if is_editorial(self.model):
            response = self._workflow_response(request, obj)
            if response is not None:
                return response
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if is_editorial(self.model):
            response = self._workflow_response(request, obj)
            if response is not None:
                return response
        return super().response_add(request, obj, post_url_continue)


class SourcePanelAdmin(PublishableAdmin):
    """Show the full text of the sources an entry cites beside its form, so editors can check quotes."""

    change_form_template = "admin/source_panel_change_form.html"

    def cited_sources(self, obj):
        raise NotImplementedError

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        from sources.models import SourceDocument

        sources = list(self.cited_sources(obj)) if obj is not None else []
        extra_id = request.GET.get("source")
        if extra_id and extra_id.isdigit() and all(source.pk != int(extra_id) for source in sources):
            sources += list(SourceDocument.objects.filter(pk=int(extra_id)))
        context["panel_sources"] = sources
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)
