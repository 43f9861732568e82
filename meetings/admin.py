from django.contrib import admin
from django.db.models import Q

from meetings.models import (
    Attendee,
    Body,
    BodyAlias,
    Decision,
    Meeting,
    MeetingAgendaItem,
    Office,
    Person,
    PersonAlias,
)
from editorial.admin_publication import PublishableAdmin, SourcePanelAdmin
from sources.admin import citation_inline_for
from sources.models import SourceDocument


class AgendaItemInline(admin.TabularInline):
    model = MeetingAgendaItem
    fields = ["order", "topic"]
    extra = 0


class AttendeeInline(admin.TabularInline):
    model = Attendee
    fields = ["order", "role", "person", "office", "group_label", "note", "status"]
    autocomplete_fields = ["person", "office"]
    show_change_link = True  # citations for each attendee are added on its own page
    extra = 0


class DecisionInline(admin.StackedInline):
    model = Decision
    fields = [("order", "action", "domain", "status"), "text", ("operations", "bodies"), "note"]
    autocomplete_fields = ["operations", "bodies"]
    show_change_link = True
    extra = 0


def sources_cited_for_meeting(meeting):
    return SourceDocument.objects.filter(
        Q(citations__meeting=meeting) | Q(citations__attendee__meeting=meeting) | Q(citations__decision__meeting=meeting)
    ).distinct()


@admin.register(Meeting)
class MeetingAdmin(SourcePanelAdmin):
    list_display = ["title", "body", "date_display", "date_precision", "place", "status"]
    list_filter = ["status", "body", "date_precision"]
    search_fields = ["title", "summary", "place", "body__name", "decisions__text"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["body"]
    list_select_related = ["body"]
    inlines = [AgendaItemInline, AttendeeInline, DecisionInline, citation_inline_for("meeting")]
    fieldsets = [
        (None, {"fields": ["body", "title", "slug", "status"]}),
        ("When and where", {"fields": [("date", "date_precision", "weekday"), "date_note", "place"]}),
        ("Summary", {"fields": ["summary"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="Date", ordering="date")
    def date_display(self, meeting):
        return meeting.date_display

    def cited_sources(self, obj):
        return sources_cited_for_meeting(obj)


@admin.register(Attendee)
class AttendeeAdmin(SourcePanelAdmin):
    list_display = ["__str__", "role", "meeting", "status"]
    list_filter = ["status", "role", "meeting__body"]
    search_fields = ["person__name", "office__title", "group_label", "meeting__title"]
    autocomplete_fields = ["meeting", "person", "office"]
    list_select_related = ["person", "office", "meeting"]
    inlines = [citation_inline_for("attendee")]
    fields = ["meeting", "role", "person", "office", "group_label", "order", "note", "status", "created_at", "updated_at"]

    def cited_sources(self, obj):
        return sources_cited_for_meeting(obj.meeting)


@admin.register(Decision)
class DecisionAdmin(SourcePanelAdmin):
    list_display = ["__str__", "domain", "meeting", "status"]
    list_filter = ["status", "domain", "action", "operations"]
    search_fields = ["text", "note", "meeting__title"]
    autocomplete_fields = ["meeting", "operations", "bodies"]
    list_select_related = ["meeting"]
    date_hierarchy = "meeting__date"
    inlines = [citation_inline_for("decision")]
    fields = ["meeting", "order", "action", "domain", "text", "operations", "bodies", "note", "status", "created_at", "updated_at"]

    def cited_sources(self, obj):
        return sources_cited_for_meeting(obj.meeting)


class BodyAliasInline(admin.TabularInline):
    model = BodyAlias
    fields = ["name", "note"]
    extra = 0


@admin.register(Body)
class BodyAdmin(PublishableAdmin):
    list_display = ["name", "short_name", "kind", "parent", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "short_name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [BodyAliasInline]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    fields = ["name", "note"]
    extra = 0


@admin.register(Person)
class PersonAdmin(PublishableAdmin):
    list_display = ["name", "status"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline]


@admin.register(Office)
class OfficeAdmin(PublishableAdmin):
    list_display = ["title", "status"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
