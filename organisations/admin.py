from django.contrib import admin

from editorial.admin_publication import SourcePanelAdmin
from organisations.models import Organisation, OrganisationAlias, OrganisationCitation
from sources.models import SourceDocument


class OrganisationAliasInline(admin.TabularInline):
    model = OrganisationAlias
    fields = ["name", "kind", "note"]
    extra = 0


class OrganisationCitationInline(admin.TabularInline):
    model = OrganisationCitation
    fields = ["source", "quote", "note"]
    autocomplete_fields = ["source"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(SourcePanelAdmin):
    list_display = ["name", "kind", "banned", "status"]
    list_filter = ["status", "kind", "banned"]
    search_fields = ["name", "aliases__name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["decisions", "operations"]
    inlines = [OrganisationAliasInline, OrganisationCitationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "status", "description"]}),
        ("Ban, only as the sources state it", {"fields": ["banned", "banned_by", ("banned_on", "banned_on_precision")]}),
        ("What concerns it", {"fields": ["decisions", "operations"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def cited_sources(self, obj):
        return SourceDocument.objects.filter(organisation_citations__organisation=obj).distinct()
