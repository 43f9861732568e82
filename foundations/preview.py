"""Who sees drafts: the public sees published records only; logged-in staff may preview drafts."""
from django.utils.cache import patch_cache_control


def drafts_visible_to(user) -> bool:
    """Return True if this user may preview records that are not yet published."""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


class DraftPreviewMixin:
    """For detail views: the published record for everyone, any record for staff, marked when a draft.

    `get_preview_queryset(preview=...)` builds the queryset; the template receives `preview_drafts`
    so that it can mark draft parts of a published record too.
    """

    def get_preview_queryset(self, *, preview: bool):
        raise NotImplementedError

    @property
    def preview_drafts(self) -> bool:
        return drafts_visible_to(getattr(self.request, "user", None))

    def get_queryset(self):
        return self.get_preview_queryset(preview=self.preview_drafts)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview_drafts"] = self.preview_drafts
        context["is_draft"] = not self.object.is_published
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.preview_drafts:
            # A staff view may show drafts: no shared cache may keep it for the public.
            patch_cache_control(response, private=True, no_store=True)
        return response
