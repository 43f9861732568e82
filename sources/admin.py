from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from editorial import services
from editorial.services import PUBLIC_STATES, user_can_publish
from editorial.admin_publication import PublicContentPartForm, PublishableAdmin
from sources.models import Citation, SourceDocument


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

    @admin.display(description="Curate from this source")
    def curate_from_this_source(self, source):
        if source.pk is None:
            return "Save the source first."
        links = [
            (reverse("admin:meetings_meeting_add"), "a new meeting"),
            (reverse("admin:operations_operation_add"), "a new operation"),
        ]
        return format_html_join(
            " · ", '<a href="{}?source={}">{}</a>', ((url, source.pk, label) for url, label in links)
        )

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
