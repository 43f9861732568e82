"""Back the whole archive up to one file, and restore it into an empty database.

The file is JSON Lines: a header line, then one object per line in dependency order, each model's rows
by primary key. Which models: every model of the project's own apps (so a new app's models are backed up
without touching this module), plus users, groups and the admin's change log. Derived data (search
vectors, generated columns) is left out and rebuilt by the database. Primary keys are kept, so links and
permalinks survive; content types and permissions travel by natural key, since their ids differ from one
database to another. Exporting, restoring and exporting again gives the same bytes.
"""
import contextlib
import datetime
import decimal
import json
import uuid
from collections.abc import Iterable, Iterator
from typing import IO

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.postgres.search import SearchVectorField
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, models, transaction
from foundations.changes import is_project_app

FORMAT = "naparchive-backup"
FORMAT_VERSION = 1
CHUNK_SIZE = 2000

# Models outside the project's apps that belong in a backup: the people and their change log.
FRAMEWORK_MODELS = ("auth.Group", "auth.User", "admin.LogEntry")
# Secrets, only with --with-password-hashes: an API token is as good as a password.
SECRET_MODELS = ("authtoken.Token",)


class BackupFormatError(ValueError):
    """The file is not a NAP Archive backup this version can read."""


class DatabaseNotEmpty(RuntimeError):
    """Restoring would mix the backup with records already there."""


def backup_models(*, with_secrets: bool) -> list[type[models.Model]]:
    """Return the models a backup holds, in an order where every natural-key reference comes first."""
    chosen: dict = {}
    for app_config in apps.get_app_configs():
        if is_project_app(app_config):
            chosen[app_config] = [model for model in app_config.get_models() if _is_stored(model)]
    for label in FRAMEWORK_MODELS + (SECRET_MODELS if with_secrets else ()):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        chosen.setdefault(apps.get_app_config(model._meta.app_label), []).append(model)
    app_list = [(app_config, chosen[app_config]) for app_config in sorted(chosen, key=lambda config: config.label)]
    return serializers.sort_dependencies(
        [(config, sorted(model_list, key=lambda model: model._meta.model_name)) for config, model_list in app_list],
        allow_cycles=True,
    )


def _is_stored(model) -> bool:
    meta = model._meta
    return meta.managed and not meta.proxy and not meta.auto_created and not meta.swapped


def _is_derived(field) -> bool:
    """Return True for columns the database computes from others: not backed up, rebuilt on restore."""
    return bool(getattr(field, "generated", False)) or isinstance(field, SearchVectorField)


def _backed_up_fields(model) -> list[str]:
    meta = model._meta
    local = [field.name for field in meta.local_fields if not field.primary_key and not _is_derived(field)]
    many = [field.name for field in meta.local_many_to_many if field.remote_field.through._meta.auto_created]
    return local + many


def _chunks(queryset, size: int) -> Iterator[list]:
    chunk = []
    for row in queryset.iterator(chunk_size=size):
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _ExactEncoder(json.JSONEncoder):
    """Encode dates and times in full (DjangoJSONEncoder drops microseconds, which would lose data)."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.date, datetime.time)):
            return o.isoformat()
        if isinstance(o, (decimal.Decimal, uuid.UUID)):
            return str(o)
        if isinstance(o, datetime.timedelta):
            return o.total_seconds()
        return super().default(o)


def _line(entry: dict) -> str:
    return json.dumps(entry, cls=_ExactEncoder, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _sorted_m2m(values: list) -> list:
    return sorted(values, key=lambda value: json.dumps(value, cls=_ExactEncoder))


def archive_backup(*, stream: IO[str], with_password_hashes: bool = False) -> dict[str, int]:
    """Write the whole archive to the text stream; return how many rows of each model were written."""
    model_list = backup_models(with_secrets=with_password_hashes)
    stream.write(_line({"format": FORMAT, "version": FORMAT_VERSION, "with_password_hashes": with_password_hashes}))
    counts = {}
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in model_list:
        fields = _backed_up_fields(model)
        m2m = [field.name for field in model._meta.local_many_to_many if field.name in fields]
        queryset = model._base_manager.order_by("pk")
        if m2m:
            queryset = queryset.prefetch_related(*m2m)
        count = 0
        for chunk in _chunks(queryset, CHUNK_SIZE):
            for entry in serializers.serialize(
                "python", chunk, fields=fields, use_natural_foreign_keys=True, use_natural_primary_keys=False
            ):
                for name in m2m:
                    entry["fields"][name] = _sorted_m2m(entry["fields"][name])
                if model is user_model and not with_password_hashes:
                    # Bandit (B105): this blanks the hash out of the backup; it sets no password.
                    entry["fields"]["password"] = ""  # nosec
                stream.write(_line(entry))
                count += 1
        counts[model._meta.label] = count
    return counts


def _read_backup(lines: Iterable[str]) -> Iterator[dict]:
    lines = iter(lines)
    try:
        header = json.loads(next(lines))
    except (StopIteration, json.JSONDecodeError) as error:
        raise BackupFormatError("This is not a NAP Archive backup: its first line is not a backup header.") from error
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupFormatError("This is not a NAP Archive backup: its header does not name the backup format.")
    if header.get("version") != FORMAT_VERSION:
        raise BackupFormatError(f"Backup format version {header.get('version')} cannot be read; this version reads {FORMAT_VERSION}.")
    for number, line in enumerate(lines, start=2):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as error:
            raise BackupFormatError(f"Line {number} of the backup is not valid JSON: {error}.") from error


def _batches_of_one_model(entries: Iterable[dict]) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for entry in entries:
        if batch and (entry.get("model") != batch[0].get("model") or len(batch) >= CHUNK_SIZE):
            yield batch
            batch = []
        batch.append(entry)
    if batch:
        yield batch


def archive_non_empty_tables(*, with_secrets: bool = True) -> list[str]:
    """Return the labels of the backed-up models that already hold rows."""
    return [model._meta.label for model in backup_models(with_secrets=with_secrets) if model._base_manager.exists()]


@contextlib.contextmanager
def _timestamps_kept(model_list):
    """Keep the backed-up created/updated times: auto_now fields would otherwise stamp the restore time."""
    switched = []
    for model in model_list:
        for field in model._meta.local_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                switched.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in switched:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _insert(batch) -> None:
    model = type(batch[0].object)
    model._base_manager.bulk_create([item.object for item in batch], batch_size=CHUNK_SIZE)
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        if not through._meta.auto_created:
            continue
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [
            through(**{source: item.object.pk, target: related})
            for item in batch
            for related in item.m2m_data.get(field.name, [])
        ]
        through._base_manager.bulk_create(rows, batch_size=CHUNK_SIZE)


def archive_restore(*, lines: Iterable[str]) -> dict[str, int]:
    """Restore a backup into an empty database, all or nothing; return how many rows of each model."""
    non_empty = archive_non_empty_tables()
    if non_empty:
        raise DatabaseNotEmpty(
            "Refusing to restore into a database that already holds records ("
            + ", ".join(non_empty)
            + "). Restore into a freshly migrated, empty database."
        )
    model_list = backup_models(with_secrets=True)
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    counts: dict[str, int] = {}
    with transaction.atomic(), _timestamps_kept(model_list):
        # Deserialize one model's rows only after the rows before them are in, since a row may name
        # an earlier one by natural key (a user's groups, the editor who made a change).
        for raw_batch in _batches_of_one_model(_read_backup(lines)):
            batch = list(serializers.deserialize("python", raw_batch))
            for item in batch:
                if isinstance(item.object, user_model) and not item.object.password:
                    item.object.password = make_password(None)  # no hash in the backup: no password until reset
            _insert(batch)
            label = batch[0].object._meta.label
            counts[label] = counts.get(label, 0) + len(batch)
        restored = [model for model in model_list if model._meta.label in counts]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), restored):
                cursor.execute(statement)
    return counts
