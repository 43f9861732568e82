from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from editorial import services
from synonyms.models import SynonymSet


@admin.register(SynonymSet)
class SynonymSetAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["words", "note"]
    fields = ["words", "note"]

    def get_actions(self, request):
        # Bulk deletion would bypass the editorial service (and its history).
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        services.record_save(record=obj, user=request.user)

    def delete_model(self, request, obj):
        services.record_delete(record=obj, user=request.user)
