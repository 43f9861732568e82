"""Which apps and tables are the archive's, and when the archive last changed (the latest `updated_at`
of every public record kind, and the changes feed's latest position).

A public record kind is a model whose queryset has `public()`; the app registry names them, so this
module needs no app of its own.
"""
import datetime
import functools
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import Model
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from foundations.caching import kept_until_archive_changes


def is_project_app(app_config) -> bool:
    """Return True for the apps that live in this repository (not Django's, not a third party's)."""
    path = Path(app_config.path).resolve()
    base = Path(settings.BASE_DIR).resolve()
    return path.is_relative_to(base) and ".venv" not in path.relative_to(base).parts


def public_record_models() -> list[type[Model]]:
    """Return every model whose records can be public and that records when each last changed."""
    return [
        model
        for model in apps.get_models()
        if hasattr(model._default_manager, "public") and any(field.name == "updated_at" for field in model._meta.concrete_fields)
    ]


def archive_last_modified() -> Any:
    """Return when anything in the archive last changed (the latest `updated_at` of any table), or None.

    With a shared cache, it is kept under the archive's cache version, which every committed write
    changes, so one query serves every request until the next write.
    """
    return kept_until_archive_changes("last-modified", _archive_last_modified)


@functools.cache
def _latest_change_sql(vendor: str) -> str:
    """Return the statement, written once per process: the models and tables do not change while it runs."""
    quote = connection.ops.quote_name
    tables = [model._meta.db_table for model in public_record_models()]
    union = " UNION ALL ".join(f"SELECT MAX({quote('updated_at')}) AS m FROM {quote(table)}" for table in tables)  # nosec B608 - names from our models
    return f"SELECT MAX(m) FROM ({union}) AS latest"  # nosec B608 - table and column names come from our models, quoted


def _archive_last_modified() -> Any:
    """One query: each table's maximum comes from its `updated_at` index."""
    with connection.cursor() as cursor:
        cursor.execute(_latest_change_sql(connection.vendor))
        value = cursor.fetchone()[0]
    if value is None:
        return None
    if isinstance(value, str):  # SQLite returns the raw text of the column.
        value = parse_datetime(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.timezone.utc)
    return value


def archive_change_position() -> int:
    """Return the changes feed's latest position (0 if empty): it moves at every public change, deletions too.

    The feed's model is named by settings.ARCHIVE_CHANGE_LOG_MODEL ("app_label.Model"), so this module
    imports no app.
    """
    return kept_until_archive_changes("change-position", _archive_change_position)


def _archive_change_position() -> int:
    model = apps.get_model(settings.ARCHIVE_CHANGE_LOG_MODEL)
    return model._default_manager.order_by("-pk").values_list("pk", flat=True).first() or 0


def archive_state() -> str:
    """Return a value that changes whenever anything a reader or editor sees may have changed.

    The feed's position covers public changes, deletions included; the latest `updated_at` (to the
    microsecond) covers drafts, which the feed leaves out.
    """
    last_modified = archive_last_modified()
    return f"{archive_change_position()}:{last_modified.isoformat() if last_modified else ''}"
