from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from editorial.admin_publication import SourcePanelAdmin
from operations.models import Operation, OperationAlias, Region
from sources.admin import citation_inline_for
from sources.models import SourceDocument


class OperationAliasInline(admin.TabularInline):
    model = OperationAlias
    fields = ["name", "kind", "note"]
    extra = 0


@admin.register(Operation)
class OperationAdmin(SourcePanelAdmin):
    list_display = ["name", "kind", "operation_status", "parent", "launch_meeting", "status"]
    list_filter = ["status", "kind", "operation_status", "regions"]
    search_fields = ["name", "aliases__name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "launch_meeting", "regions"]
    list_select_related = ["parent", "launch_meeting"]
    inlines = [OperationAliasInline, citation_inline_for("operation")]
    fields = ["name", "slug", "kind", "kind_note", "parent", "launch_meeting", "regions", "operation_status", "summary", "status", "created_at", "updated_at"]

    def cited_sources(self, obj):
        return SourceDocument.objects.filter(citations__operation=obj).distinct()


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
