from django.contrib import admin

from figures.models import Figure, Measure
from editorial.admin_publication import SourcePanelAdmin
from sources.models import SourceDocument


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "updated_at"]
    list_filter = ["unit"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Figure)
class FigureAdmin(SourcePanelAdmin):
    list_display = ["__str__", "measure", "value", "qualifier", "unit", "source", "status"]
    list_filter = ["status", "measure", "unit", "qualifier", "places", "period_start_precision"]
    search_fields = ["slug", "measure__name", "quote", "given_by", "period_text", "note", "places__name"]
    list_select_related = ["measure", "source"]
    autocomplete_fields = ["measure", "places", "given_by_body", "source"]
    date_hierarchy = "period_start"
    fieldsets = [
        (None, {"fields": ["measure", "slug", "status"]}),
        ("The number", {"fields": [("qualifier", "value", "unit")]}),
        ("Where", {"fields": ["places", "place_note"]}),
        ("When", {"fields": ["period_text", ("period_start", "period_start_precision"), ("period_end", "period_end_precision"), "period_note"]}),
        ("Who gives it, and the passage that gives it", {"fields": ["given_by", "given_by_body", "source", "quote", "note"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def cited_sources(self, obj):
        return SourceDocument.objects.filter(pk=obj.source_id)
