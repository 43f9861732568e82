"""Give sources with Urdu titles the readable address they now get at import; their old address answers 301.

Before 0006, a slug kept only ASCII letters, so "روزنامہ جنگ", 23 June 2024, "ایپکس کمیٹی کا اجلاس" was
addressed as `2024-06-23`. Only slugs that were made that way (the ASCII slug of outlet, date and
title, or it with a "-N" suffix) change; a slug an editor chose stays.
"""
import re

from django.db import migrations
from django.utils.text import slugify

from foundations.slugs import slugify_keeping_arabic_script

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_SLUG_ROOM = 110  # the slug field's 120 characters less room for a "-N" suffix


def _readable_text(source) -> str:
    title = source.title.strip().strip("[]")
    date = source.published_on.isoformat() if source.published_on else ""
    return " ".join(part for part in (source.outlet.strip(), date, title) if part)


def _made_from_metadata(slug: str, ascii_base: str) -> bool:
    return slug == ascii_base or re.fullmatch(re.escape(ascii_base) + r"-\d+", slug) is not None


def urdu_titled_sources_readable_slugs(apps, schema_editor):
    SourceDocument = apps.get_model("sources", "SourceDocument")
    FormerSlug = apps.get_model("editorial", "FormerSlug")
    ContentType = apps.get_model("contenttypes", "ContentType")
    candidates = [
        source
        for source in SourceDocument.objects.exclude(title="").only("id", "slug", "title", "outlet", "published_on")
        if _ARABIC_SCRIPT.search(source.title) or _ARABIC_SCRIPT.search(source.outlet)
    ]
    if not candidates:
        return
    kind, _ = ContentType.objects.get_or_create(app_label="sources", model="sourcedocument")
    taken = set(SourceDocument.objects.values_list("slug", flat=True))
    for source in candidates:
        readable = _readable_text(source)
        ascii_base = slugify(readable)[:_SLUG_ROOM].strip("-_")
        base = slugify_keeping_arabic_script(readable)[:_SLUG_ROOM].strip("-_")
        if not base or base == ascii_base or not _made_from_metadata(source.slug, ascii_base):
            continue
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        FormerSlug.objects.filter(content_type=kind, slug=slug).delete()
        FormerSlug.objects.update_or_create(content_type=kind, slug=source.slug, defaults={"object_id": source.pk})
        taken.add(slug)
        SourceDocument.objects.filter(pk=source.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("editorial", "0004_unicode_slugs"),
        ("sources", "0006_unicode_slugs"),
    ]

    operations = [migrations.RunPython(urdu_titled_sources_readable_slugs, migrations.RunPython.noop)]
