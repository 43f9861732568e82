from django.contrib import admin

from editorial.models import Correction, Discrepancy
from editorial.admin_publication import PublishableAdmin


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    """Corrections are written from the corrected record's form; here they are listed, and their wording fixed."""

    list_display = ["made_at", "record", "note", "made_by"]
    list_select_related = ["made_by", "content_type"]
    search_fields = ["note"]
    date_hierarchy = "made_at"
    fields = ["record_link", "note", "made_at", "made_by"]
    readonly_fields = ["record_link", "made_at", "made_by"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="Corrected record")
    def record_link(self, correction):
        return f"{correction.content_type.name.capitalize()}: {correction.record}"


@admin.register(Discrepancy)
class DiscrepancyAdmin(PublishableAdmin):
    list_display = ["title", "fact", "resolution", "status"]
    list_filter = ["status", "resolution"]
    search_fields = ["title", "description", "resolution_note"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["meeting", "attendee", "decision", "operation", "citations"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status"]}),
        ("The fact the sources disagree about (exactly one)", {"fields": ["meeting", "attendee", "decision", "operation"]}),
        ("What the sources say", {"fields": ["description", "citations"]}),
        ("Resolution", {"fields": ["resolution", "resolution_note"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="Concerns")
    def fact(self, discrepancy):
        fact = discrepancy.fact
        return f"{fact._meta.verbose_name.capitalize()}: {fact}" if fact else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting", "attendee", "decision", "operation")
