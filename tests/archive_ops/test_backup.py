"""backup_archive / restore_archive: everything round-trips exactly, into an empty database only."""
import io
import json

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command, get_commands

from archive_ops.backup import archive_backup, archive_restore, backup_models
from meetings.models import Decision, Meeting
from sources.models import Citation, SourceDocument

PASSWORD = "a-long-and-unusual-passphrase"


def backup_text(**options) -> str:
    stream = io.StringIO()
    archive_backup(stream=stream, **options)
    return stream.getvalue()


def empty_the_database():
    """What a fresh `migrate` leaves: no rows, content types and permissions recreated with new ids."""
    call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def full_archive(transactional_db, django_user_model, make_meeting, make_decision, make_operation, make_body,
                 make_attendee, make_person, make_office, make_citation, make_source):
    """The seed archive (when its loaders exist) plus one of every kind of record and link."""
    commands = get_commands()
    if "import_sources" in commands:
        call_command("import_sources", "seeds/", verbosity=0)
    for loader in ("load_curated_archive", "load_curated_figures", "load_curated_organisations"):
        if loader in commands:
            call_command(loader, verbosity=0)
    parent = make_body(name="Federal Apex Committee")
    child = make_body(name="Punjab Apex Committee", parent=parent)
    meeting = make_meeting(body=child, summary="Unicode survives: ضربِ عضب, “quotes”, é.")
    vision = make_operation(name="Azm-e-Istehkam vision")
    operation = make_operation(name="A child operation", parent=vision, launch_meeting=meeting)
    decision = make_decision(meeting=meeting)
    decision.operations.add(operation, vision)
    decision.bodies.add(parent)
    attendee = make_attendee(meeting=meeting, person=make_person(), office=make_office())
    source = make_source(text="The apex committee met on Saturday and approved the operation.")
    for target in (meeting, decision, attendee, operation):
        make_citation(target, source=source, quote="approved the operation")
    editors = Group.objects.create(name="Editors")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="meetings"))
    editor = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(editors)
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=str(meeting.pk),
        object_repr=str(meeting),
        action_flag=ADDITION,
    )
    return meeting


def test_backup_restore_backup_is_byte_identical(full_archive, tmp_path):
    first = tmp_path / "first.jsonl"
    call_command("backup_archive", str(first), verbosity=0)
    counts = {}
    for line in first.read_text().splitlines()[1:]:
        label = json.loads(line)["model"]
        counts[label] = counts.get(label, 0) + 1
    assert counts["sources.sourcedocument"] == SourceDocument.objects.count() >= 6
    assert counts["sources.citation"] == Citation.objects.count() >= 4
    assert counts["meetings.decision"] == Decision.objects.count()
    assert counts["auth.user"] == 1 and counts["auth.group"] == 1 and counts["admin.logentry"] == 1

    empty_the_database()
    assert not SourceDocument.objects.exists()
    call_command("restore_archive", str(first), verbosity=0)
    second = tmp_path / "second.jsonl"
    call_command("backup_archive", str(second), verbosity=0)
    assert second.read_bytes() == first.read_bytes()

    # Links, many-to-many sets, timestamps and new rows after the restore all behave.
    meeting = Meeting.objects.get(pk=full_archive.pk)
    assert meeting.summary == full_archive.summary
    assert meeting.created_at == full_archive.created_at and meeting.updated_at == full_archive.updated_at
    decision = meeting.decisions.get()
    assert sorted(decision.operations.values_list("name", flat=True)) == ["A child operation", "Azm-e-Istehkam vision"]
    assert Group.objects.get().permissions.count() == Permission.objects.filter(content_type__app_label="meetings").count()
    assert SourceDocument.objects.create(slug="after-restore", text="new", sha256="f" * 64).pk > max(
        json.loads(line)["pk"] for line in first.read_text().splitlines()[1:] if '"sources.sourcedocument"' in line
    )


def test_password_hashes_stay_out_unless_asked_for(full_archive, django_user_model, client):
    plain = backup_text()
    assert "pbkdf2" not in plain
    with_hashes = backup_text(with_password_hashes=True)
    assert "pbkdf2" in with_hashes

    empty_the_database()
    archive_restore(lines=io.StringIO(plain))
    editor = django_user_model.objects.get(username="editor")
    assert not editor.has_usable_password()
    assert backup_text() == plain

    empty_the_database()
    archive_restore(lines=io.StringIO(with_hashes))
    assert client.login(username="editor", password=PASSWORD)  # the test client logs in without a request


def test_restore_refuses_a_database_that_holds_records(full_archive, tmp_path):
    backup = tmp_path / "backup.jsonl"
    call_command("backup_archive", str(backup), verbosity=0)
    before = SourceDocument.objects.count()
    with pytest.raises(CommandError, match="Refusing to restore into a database that already holds records"):
        call_command("restore_archive", str(backup), verbosity=0)
    assert SourceDocument.objects.count() == before


def test_a_broken_backup_restores_nothing(full_archive, tmp_path):
    good = backup_text().splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join(good[: len(good) // 2] + ["{not json"] + good[len(good) // 2 :]) + "\n")
    empty_the_database()
    with pytest.raises(CommandError, match="could not be restored, and nothing was written"):
        call_command("restore_archive", str(broken), verbosity=0)
    assert not SourceDocument.objects.exists() and not Meeting.objects.exists()

    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello\n")
    with pytest.raises(CommandError, match="not a NAP Archive backup"):
        call_command("restore_archive", str(not_a_backup), verbosity=0)


def test_every_model_of_every_project_app_is_backed_up(settings):
    from django.apps import apps

    covered = set(backup_models(with_secrets=False))
    for app_config in apps.get_app_configs():
        if app_config.label in {"sources", "meetings", "operations"} or (
            not app_config.path.startswith(str(settings.BASE_DIR / ".venv")) and str(settings.BASE_DIR) in app_config.path
        ):
            for model in app_config.get_models():
                if not model._meta.proxy and model._meta.managed:
                    assert model in covered, model._meta.label
