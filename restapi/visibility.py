"""What an API client may see: the public records, or every record for an editor who may view drafts.

What is public is each model's own rule, its queryset's `public()`; nothing here repeats it.
"""
from django.db.models import Model, QuerySet

from foundations.preview import drafts_visible_to


def visible(model: type[Model], *, drafts: bool) -> QuerySet:
    """Return the records of a model a client may see: all of them for editors, else the public ones."""
    manager = model._default_manager
    return manager.all() if drafts else manager.public()


def request_sees_drafts(request, model: type[Model]) -> bool:
    """Return True if the request comes from an editor allowed to view this model's drafts."""
    return drafts_visible_to(getattr(request, "user", None), model)
