from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from curation.services import extracts_inline
from editorial import services
from editorial.services import PUBLIC_STATES, user_can_publish
from editorial.admin_publication import EditorialAdminForm, PublicContentPartForm, PublishableAdmin
from sources.front_matter import parse_front_matter
from sources.importing import Outcome, source_ingest, source_text_normalise
from foundations.widgets import DatalistInput
from sources.models import Citation, SourceDocument, sha256_of_text
from sources.selectors import source_origins_recorded

# The fields of "Add source" that the ingest service takes as metadata (they win over the text's front matter).
ADD_METADATA_FIELDS = ("title", "slug", "outlet", "author", "url", "published_on", "language", "kind", "editorial_note", "origin")


def workbench_url(source_id: int) -> str:
    return reverse("admin:curation_workbench", args=[source_id])


class SourceAddForm(EditorialAdminForm):
    """Add source: the text is normalised as `import_sources` normalises a file, and a text already stored is refused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # Left blank, the ingest service makes one from the title (or the front matter's title).
            self.fields["slug"].required = False
            self.fields["slug"].help_text = "Leave blank to make one from the title."
        if "language" in self.fields:
            # Left blank, the ingest service reads it from the front matter or the text's script.
            self.fields["language"].required = False
            self.fields["language"].help_text = "BCP 47 tag, e.g. en, ur. Leave blank to take it from the text (Urdu script gives ur)."
            self.initial["language"] = ""
        if "text" in self.fields:
            # Stored as pasted (line endings aside): a stripped copy would differ from the same imported file.
            self.fields["text"].strip = False

    def clean_text(self):
        text = source_text_normalise(self.cleaned_data.get("text") or "")
        if not text.strip():
            raise ValidationError("Paste the article's text.")
        _metadata, errors = parse_front_matter(text)
        if errors:
            raise ValidationError("The text opens with a front matter that is wrong: " + "; ".join(errors))
        return text

    def _post_clean(self):
        super()._post_clean()
        # The model's own refusal removed the text from cleaned_data; the instance still holds it.
        text = self.instance.text
        existing = SourceDocument.objects.filter(sha256=sha256_of_text(text)).first() if text else None
        if existing is not None:
            url = reverse("admin:sources_sourcedocument_change", args=[existing.pk])
            # Replaces the model's own refusal of the same text, adding where the stored copy is.
            self._errors["text"] = self.error_class(
                [format_html('This text is already in the archive as <a href="{}">{}</a>: open it there.', url, existing)]
            )


class CitationInline(admin.TabularInline):
    """Citations supporting one kind of fact; subclasses say which (fk_name)."""

    model = Citation
    fields = ["source", "quote", "note"]
    autocomplete_fields = ["source"]
    extra = 0


def citation_inline_for(target: str) -> type[CitationInline]:
    return type(f"{target.title()}CitationInline", (CitationInline,), {"fk_name": target})


class CitationsFromSourceInline(admin.TabularInline):
    """What this source is cited for: read-only here, edited on the fact it supports."""

    model = Citation
    fk_name = "source"
    fields = ["quote", "supports"]
    readonly_fields = ["quote", "supports"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="Supports")
    def supports(self, citation):
        target = citation.target
        url = reverse(f"admin:{target._meta.app_label}_{target._meta.model_name}_change", args=[target.pk])
        return format_html('{}: <a href="{}">{}</a>', target._meta.verbose_name.capitalize(), url, target)


@admin.register(SourceDocument)
class SourceDocumentAdmin(PublishableAdmin):
    list_display = ["__str__", "outlet", "published_on", "kind", "original_filename", "status"]
    list_filter = ["status", "kind", "language", "outlet"]
    search_fields = ["title", "outlet", "author", "original_filename", "text"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CitationsFromSourceInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "outlet", "author", "url", "published_on", "language", "kind", "status"]}),
        ("Text", {"fields": ["text", "curate_from_this_source"]}),
        ("Provenance", {"fields": ["editorial_note", "origin", "original_filename", "sha256", "imported_at", "created_at", "updated_at"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "origin":
            # Copies of one statement (an Urdu and an English one alike) count once only if their origin is
            # written the same way: offer the origins already recorded, to pick rather than retype.
            kwargs["widget"] = DatalistInput(options=source_origins_recorded, list_id="recorded-origins", attrs={"class": "vTextField"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = SourceAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # One way in for sources: the same service as `import_sources` (normalised text, proposals read).
        metadata = {name: form.cleaned_data.get(name) for name in ADD_METADATA_FIELDS if name in form.cleaned_data}
        result = source_ingest(
            text=form.cleaned_data["text"],
            filename=form.cleaned_data.get("original_filename") or "",
            metadata=metadata,
            user=request.user,
            propose=extracts_inline(obj),
        )
        if result.outcome is not Outcome.IMPORTED:
            # Only a concurrent save of the same text gets here: the form checked everything else.
            raise ValidationError("; ".join(result.reasons) or "This text is already in the archive.")
        for field in obj._meta.concrete_fields:
            setattr(obj, field.attname, getattr(result.source, field.attname))
        obj._state.adding = False
        count = result.source.proposals.count()
        if extracts_inline(obj):
            self.message_user(request, f"Read the source: {count} proposal{'s' if count != 1 else ''} to review in the workbench.", messages.SUCCESS)
        else:
            self.message_user(
                request,
                f"This source is too long to read here: run `manage.py generate_proposals {obj.slug}`, then open its workbench.",
                messages.WARNING,
            )

    def response_add(self, request, obj, post_url_continue=None):
        if "_addanother" in request.POST or "_popup" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        return HttpResponseRedirect(workbench_url(obj.pk))

    @admin.display(description="Curate from this source")
    def curate_from_this_source(self, source):
        if source.pk is None:
            return "Save the source first: its proposals are read at once."
        pending = source.proposals.filter(state="pending").count()
        lead = format_html(
            '<a class="button" href="{}">Open the workbench</a> ({} proposal{} to review) · <a href="{}?source__id__exact={}">its proposals</a>',
            workbench_url(source.pk), pending, "" if pending == 1 else "s",
            reverse("admin:curation_proposal_changelist"), source.pk,
        )
        links = [
            (reverse("admin:meetings_meeting_add"), "a new meeting"),
            (reverse("admin:operations_operation_add"), "a new operation"),
        ]
        by_hand = format_html_join(
            " · ", '<a href="{}?source={}">{}</a>', ((url, source.pk, label) for url, label in links)
        )
        return format_html("{}<br>By hand: {}", lead, by_hand)

    def get_readonly_fields(self, request, obj=None):
        # The workflow's own fields (status, version, author...) come from PublishableAdmin.
        fields = [*super().get_readonly_fields(request, obj), "sha256", "imported_at", "curate_from_this_source"]
        if obj is not None:
            # The text is evidence: once stored it is never edited, only read.
            fields += ["text", "original_filename"]
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if obj is None else {}


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "source", "supports"]
    search_fields = ["quote", "note", "source__title", "source__original_filename"]
    list_filter = ["source__outlet"]
    autocomplete_fields = ["source", "meeting", "attendee", "decision", "operation"]
    list_select_related = ["source", "meeting", "attendee", "decision", "operation"]
    fields = ["source", "quote", "note", "meeting", "attendee", "decision", "operation", "correction_note"]
    form = PublicContentPartForm

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.editor = request.user
        return form

    def save_model(self, request, obj, form, change):
        # A citation on a public fact is that fact's public content: a publisher's correction, with a note.
        services.record_save(record=obj, user=request.user, correction_note=form.cleaned_data.get("correction_note", ""))

    def delete_model(self, request, obj):
        services.record_delete(record=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for citation in queryset:
            services.record_delete(record=citation, user=request.user)

    def has_change_permission(self, request, obj=None):
        # A published fact's citations change only as part of a correction, which is a publisher's act.
        if obj is not None and obj.target is not None and obj.target.status in PUBLIC_STATES:
            return user_can_publish(request.user) and super().has_change_permission(request, obj)
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Deleting a public citation is a correction of its fact, which needs a note: remove it on the
        # fact's own form, with the correction note there.
        if obj is not None and Citation.objects.filter(pk=obj.pk).public().exists():
            return False
        if obj is not None and obj.target is not None and obj.target.status in PUBLIC_STATES:
            return user_can_publish(request.user) and super().has_delete_permission(request, obj)
        return super().has_delete_permission(request, obj)

    @admin.display(description="Supports")
    def supports(self, citation):
        target = citation.target
        return f"{target._meta.verbose_name.capitalize()}: {target}" if target else "—"

