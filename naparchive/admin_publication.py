"""Admin parts every curated record shares: publication actions and the source-text panel."""
from django.contrib import admin, messages
from django.db import models
from django.utils import timezone

from naparchive.publication import PublicationStatus


def _set_status(modeladmin, request, queryset, status: str, verb: str):
    # update() skips save() and full_clean(): only the status changes, which needs no re-validation.
    # It also skips auto_now, and API consumers sync on updated_at, so set it here.
    changed = queryset.exclude(status=status).update(status=status, updated_at=timezone.now())
    label = modeladmin.model._meta.verbose_name_plural if changed != 1 else modeladmin.model._meta.verbose_name
    modeladmin.message_user(request, f"{verb} {changed} {label}.", messages.SUCCESS)


@admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["change"])
def publish_selected(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, PublicationStatus.PUBLISHED, "Published")


@admin.action(description="Unpublish selected %(verbose_name_plural)s (back to draft)", permissions=["change"])
def unpublish_selected(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, PublicationStatus.DRAFT, "Unpublished")


class PublishableAdmin(admin.ModelAdmin):
    # Django 6 makes https the default scheme for typed-in URLs; opt in now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [publish_selected, unpublish_selected]
    readonly_fields = ["created_at", "updated_at"]
    list_filter = ["status"]


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
