"""Slugs made from a record's name, free in its table: “azm-e-istehkam”, else “azm-e-istehkam-2”, “-3”...

A slug field with `allow_unicode` (a source's) keeps Urdu words in Urdu script: “جنگ-2024-06-23-ایپکس-کمیٹی-کا-اجلاس”.
"""
import re
import unicodedata
from collections.abc import Iterable

from django.db import models
from django.urls.converters import StringConverter
from django.utils.text import slugify

# Room left in the slug field for a "-N" suffix.
_SUFFIX_ROOM = 10
# Runs of text outside the Arabic script (Latin words, digits, punctuation), which become ASCII as ever.
_NOT_ARABIC_SCRIPT = re.compile(r"[^\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")


def slugify_keeping_arabic_script(text: str) -> str:
    """Return the slug of `text` with Arabic-script words kept as written and everything else as slugify() gives it.

    Latin letters lose their accents exactly as in an ASCII slug ("Azm-é" gives "azm-e"), so a title in
    English gets the slug it always had; Urdu letters, which no transliteration renders faithfully, stay
    Urdu. Zero-width joiners and vowel marks, which are not letters, go.
    """
    ascii_elsewhere = _NOT_ARABIC_SCRIPT.sub(
        lambda run: unicodedata.normalize("NFKD", run.group()).encode("ascii", "ignore").decode("ascii"), text
    )
    return slugify(ascii_elsewhere, allow_unicode=True)


def slug_base(model: type[models.Model], *candidates: str, fallback: str = "record") -> str:
    """Return the slug of the first candidate that gives one, short enough for `model`'s slug and a suffix.

    Where the model's slug field allows Unicode, Urdu words stay in Urdu script; elsewhere they are dropped.
    """
    field = model._meta.get_field("slug")
    max_length = field.max_length - _SUFFIX_ROOM
    make_slug = slugify_keeping_arabic_script if field.allow_unicode else slugify
    for candidate in candidates:
        slug = make_slug(candidate)[:max_length].strip("-_")
        if slug:
            return slug
    return fallback


class UnicodeSlugConverter(StringConverter):
    """A URL part for a slug that may hold letters of any script (`<unicode_slug:slug>`); Django's `slug` is ASCII only."""

    regex = r"[-\w]+"


def free_slug(model: type[models.Model], base: str, *, reserved: Iterable[str] = ()) -> str:
    """Return `base`, or `base-2`, `base-3`...: the first that no record of `model` has and none `reserved`."""
    taken = set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True)) | set(reserved)
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


def record_by_former_slug(queryset: models.QuerySet, slug: str) -> models.Model | None:
    """Return the record of `queryset` that was known by `slug` before its current one, or None.

    Slug history is kept by the model settings.ARCHIVE_FORMER_SLUG_MODEL names (written by the one save
    path), so this module imports no app.
    """
    from django.apps import apps
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType

    former = apps.get_model(settings.ARCHIVE_FORMER_SLUG_MODEL)._default_manager.filter(
        content_type=ContentType.objects.get_for_model(queryset.model), slug=slug
    )
    return queryset.filter(pk__in=former.values("object_id")).first()


class FormerSlugRedirectMixin:
    """For a page addressed by slug: an old slug answers 301 to the record's current page."""

    def get(self, request, *args, **kwargs):
        from django.http import Http404, HttpResponsePermanentRedirect
        from django.urls import reverse

        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            slug = kwargs.get(self.slug_url_kwarg)
            record = record_by_former_slug(self.get_queryset(), slug) if slug else None
            if record is None:
                raise
            query = request.META.get("QUERY_STRING", "")
            # The same page, named by the current slug (not every kind has get_absolute_url).
            current = reverse(request.resolver_match.view_name, kwargs={**kwargs, self.slug_url_kwarg: record.slug})
            return HttpResponsePermanentRedirect(current + (f"?{query}" if query else ""))
