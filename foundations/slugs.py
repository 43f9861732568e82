"""Slugs made from a record's name, free in its table: “azm-e-istehkam”, else “azm-e-istehkam-2”, “-3”..."""
from collections.abc import Iterable

from django.db import models
from django.utils.text import slugify

# Room left in the slug field for a "-N" suffix.
_SUFFIX_ROOM = 10


def slug_base(model: type[models.Model], *candidates: str, fallback: str = "record") -> str:
    """Return the slug of the first candidate that gives one, short enough for `model`'s slug and a suffix."""
    max_length = model._meta.get_field("slug").max_length - _SUFFIX_ROOM
    for candidate in candidates:
        slug = slugify(candidate)[:max_length].strip("-_")
        if slug:
            return slug
    return fallback


def free_slug(model: type[models.Model], base: str, *, reserved: Iterable[str] = ()) -> str:
    """Return `base`, or `base-2`, `base-3`...: the first that no record of `model` has and none `reserved`."""
    taken = set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True)) | set(reserved)
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"
