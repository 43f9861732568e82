"""Who sees drafts: readers see public records only; editors with a model's view permission preview its drafts.

`drafts_visible_to` is the one test, used by the pages here and by the API (restapi.visibility).
"""
from django.db.models import Model
from django.utils.cache import patch_cache_control


def drafts_visible_to(user, model: type[Model]) -> bool:
    """Return True if this user may see this model's records that are not public (its view permission)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


class DraftPreviewMixin:
    """For detail views of `model`: the public record for everyone, any record for its editors, marked when a draft.

    `get_preview_queryset(preview=...)` builds the queryset; the template receives `preview_drafts`
    so that it can mark draft parts of a published record too.
    """

    def get_preview_queryset(self, *, preview: bool):
        raise NotImplementedError

    @property
    def preview_drafts(self) -> bool:
        return drafts_visible_to(getattr(self.request, "user", None), self.model)

    def get_queryset(self):
        return self.get_preview_queryset(preview=self.preview_drafts)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview_drafts"] = self.preview_drafts
        context["is_draft"] = not self.object.is_published
        # "In review" or "Withdrawn" say more than "Draft" to the editor looking at the record.
        status_display = getattr(self.object, "get_status_display", None)
        context["unpublished_status"] = status_display() if status_display else "Draft"
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.preview_drafts:
            # A staff view may show drafts: no shared cache may keep it for the public.
            patch_cache_control(response, private=True, no_store=True)
        return response
