"""The loader: idempotent, validating every record, all or nothing."""
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from editorial.services import record_save, record_withdraw
from seeding.archive import DEFAULT_PATH, curated_archive_load
from seeding.files import CuratedDataError
from meetings.models import Attendee, Body, Decision, Meeting, MeetingAgendaItem, Office, Person
from foundations.publication import PublicationStatus
from operations.models import Operation, OperationAlias
from sources.editors import publishers_group_sync
from sources.models import Citation, SourceDocument

from .conftest import SEEDS

CURATED_MODELS = [Body, Person, Office, Meeting, MeetingAgendaItem, Attendee, Decision, Operation, OperationAlias, Citation]


def snapshot():
    """Return every curated row's content and timestamps, to compare before and after a load."""
    rows = {}
    for model in [*CURATED_MODELS, SourceDocument]:
        fields = [field.attname for field in model._meta.concrete_fields]
        rows[model.__name__] = sorted(model.objects.values_list(*fields), key=lambda row: row[0])
    return rows


def test_the_archive_loads_and_reports_what_it_created(curated_archive):
    assert Meeting.objects.count() == 3
    assert Operation.objects.count() == 4
    assert curated_archive.counts["Meeting"]["created"] == 3
    assert curated_archive.counts["Citation"]["created"] == Citation.objects.count() > 0
    assert curated_archive.counts["SourceDocument"]["updated"] == 5
    assert "meeting 2024-06-22-central-apex-committee: created" in curated_archive.output
    assert "Citation" in curated_archive.output


def test_loading_twice_changes_nothing(curated_archive):
    before = snapshot()
    output = io.StringIO()
    counts = curated_archive_load(path=DEFAULT_PATH, stdout=output)
    assert snapshot() == before  # no new rows, and no updated_at moved
    assert sum(c["created"] + c["updated"] for c in counts.values()) == 0
    assert "Nothing changed" in output.getvalue()


def test_a_second_load_repairs_a_record_changed_since_through_the_workflow(curated_archive):
    meeting = Meeting.objects.get(slug="federal-apex-committee-balochistan-operation")
    version = meeting.version
    Meeting.objects.filter(pk=meeting.pk).update(weekday=None)
    counts = curated_archive_load(path=DEFAULT_PATH)
    meeting.refresh_from_db()
    assert meeting.weekday == 1
    assert counts["Meeting"]["updated"] == 1
    assert counts["Meeting"]["created"] == 0
    # An editor's copy opened before the load is now stale, and the history says what changed it.
    assert meeting.version == version + 1
    assert meeting.history.first().history_change_reason == "Loaded from the curated seed archive"


def test_a_second_load_keeps_what_an_editor_changed(curated_archive, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="a long editor passphrase")
    editor.groups.add(publishers_group_sync())
    meeting = Meeting.objects.get(slug="federal-apex-committee-balochistan-operation")
    meeting.place = "Islamabad"
    record_save(record=meeting, user=editor, expected_version=meeting.version, correction_note="Place from a new report.")
    output = io.StringIO()
    counts = curated_archive_load(path=DEFAULT_PATH, stdout=output)
    meeting.refresh_from_db()
    assert meeting.place == "Islamabad"
    assert counts["Meeting"]["kept"] == 1
    assert counts["Meeting"]["updated"] == 0
    assert "kept as they made them" in output.getvalue()


def test_records_are_published_through_the_workflow(curated_archive):
    meeting = Meeting.objects.get(slug="2024-06-22-central-apex-committee")
    assert meeting.published_at is not None
    assert not Decision.objects.filter(published_at=None).exists()
    assert SourceDocument.objects.get(original_filename="000_ab17765b30e5a3e2.txt").published_at is not None
    assert curated_archive.counts["Meeting"]["published"] == 3
    assert curated_archive.counts["SourceDocument"]["published"] == 5


def test_a_record_the_editors_withdrew_stays_withdrawn(curated_archive):
    operation = Operation.objects.get(slug="national-action-plan")
    record_withdraw(record=operation, user=None, reason="Not an operation")
    output = io.StringIO()
    curated_archive_load(path=DEFAULT_PATH, stdout=output)
    operation.refresh_from_db()
    assert operation.status == PublicationStatus.WITHDRAWN
    assert "withdrawn by the editors, left withdrawn" in output.getvalue()


def test_a_corrupted_quote_fails_naming_it_and_writes_nothing(curated_archive, archive_copy):
    archive, write = archive_copy
    before = snapshot()
    # An earlier record changes too: the failure must undo it as well.
    archive["meetings"][0]["title"] = "A title that must not be saved"
    decision = archive["meetings"][0]["decisions"][2]
    decision["citations"][0]["quote"] = "an assessment of the interplanetary security situation"

    with pytest.raises(CuratedDataError) as error:
        curated_archive_load(path=write(archive))

    message = str(error.value)
    assert "an assessment of the interplanetary security situation" in message
    assert "meeting '2024-06-22-central-apex-committee', decision 3" in message
    assert "000_ab17765b30e5a3e2.txt" in message
    assert "not in the source's text" in message
    assert snapshot() == before


def test_a_corrupted_quote_leaves_a_fresh_database_empty(seed_sources, archive_copy):
    archive, write = archive_copy
    archive["operations"][-1]["citations"][0]["quote"] = "No such passage."
    with pytest.raises(CuratedDataError, match="operation 'national-action-plan'.*No such passage"):
        curated_archive_load(path=write(archive))
    assert not Meeting.objects.exists()
    assert not Citation.objects.exists()
    assert not SourceDocument.objects.published().exists()


def test_sources_must_be_imported_first(db):
    with pytest.raises(CuratedDataError, match=r"import_sources seeds/") as error:
        curated_archive_load(path=DEFAULT_PATH)
    assert "000_ab17765b30e5a3e2.txt" in str(error.value)


def test_a_misspelt_key_is_refused(seed_sources, archive_copy):
    archive, write = archive_copy
    archive["meetings"][1]["attendees"][0]["qoute"] = archive["meetings"][1]["attendees"][0].pop("citations")
    with pytest.raises(CuratedDataError, match=r"meeting 'federal-apex-committee-balochistan-operation'.*'qoute'"):
        curated_archive_load(path=write(archive))
    assert not Meeting.objects.exists()


def test_a_fact_without_citations_is_refused(seed_sources, archive_copy):
    archive, write = archive_copy
    archive["meetings"][2]["decisions"][0]["citations"] = []
    with pytest.raises(CuratedDataError, match="decision 1: every curated fact needs at least one citation"):
        curated_archive_load(path=write(archive))


def test_an_unknown_slug_is_named(seed_sources, archive_copy):
    archive, write = archive_copy
    archive["meetings"][0]["decisions"][0]["operations"] = ["azm-e-istikham"]
    with pytest.raises(CuratedDataError, match="no operation with slug 'azm-e-istikham'"):
        curated_archive_load(path=write(archive))


def test_a_guessed_date_that_contradicts_the_weekday_is_refused(seed_sources, archive_copy):
    archive, write = archive_copy
    archive["meetings"][1].update(date="2024-11-20", date_precision="day")  # a Wednesday, not a Tuesday
    with pytest.raises(CuratedDataError, match="was a Wednesday, not a Tuesday"):
        curated_archive_load(path=write(archive))


def test_the_command_loads_the_shipped_archive(seed_sources):
    output = io.StringIO()
    call_command("load_curated_archive", stdout=output)
    assert Meeting.objects.published().count() == 3
    assert "created" in output.getvalue()


def test_the_command_fails_naming_a_bad_file(seed_sources, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CommandError, match="broken.json: not valid JSON"):
        call_command("load_curated_archive", str(bad), stdout=io.StringIO())
    assert not Meeting.objects.exists()


def test_import_sources_then_load_is_the_set_up_path(db):
    """What `make run` does: import the seed folder, then load the curated archive, twice over."""
    for _ in range(2):
        call_command("import_sources", str(SEEDS), stdout=io.StringIO())
        call_command("load_curated_archive", stdout=io.StringIO())
    assert SourceDocument.objects.count() == 5
    assert SourceDocument.objects.published().count() == 5
    assert Meeting.objects.count() == 3


def test_every_quote_in_the_shipped_file_is_in_its_seed():
    """Checked without a database, so a bad edit to the JSON is caught even before loading."""
    texts = {path.name: path.read_bytes().decode("utf-8") for path in SEEDS.glob("*.txt")}
    archive = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    quotes = []

    def collect(value):
        if isinstance(value, dict):
            if "quote" in value:
                quotes.append((value["source"], value["quote"]))
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(archive)
    assert len(quotes) > 100
    missing = [(source, quote) for source, quote in quotes if quote not in texts[source]]
    assert missing == []


def test_everything_curated_is_published(curated_archive):
    for model in [Body, Person, Office, Meeting, Attendee, Decision, Operation, SourceDocument]:
        assert not model.objects.exclude(status=PublicationStatus.PUBLISHED).exists(), model.__name__
        assert not model.objects.filter(published_at=None).exists(), model.__name__


def _meeting_record(archive, slug):
    return next(record for record in archive["meetings"] if record["slug"] == slug)


def test_a_database_loaded_from_the_earlier_file_is_rewritten_for_readers(seed_sources, archive_copy):
    # The earlier file named reports by file number and cited the bare date line: load it first, as
    # an existing database was, then the shipped file, as `make run` does again.
    archive, write = archive_copy
    earlier = json.loads(json.dumps(archive))
    meeting = _meeting_record(earlier, "2024-06-22-central-apex-committee")
    date_line = meeting["citations"][0]
    meeting["citations"][:1] = [
        {"source": date_line["source"], "quote": "date 2024-06-23", "note": "000's date line"},
        {"source": date_line["source"], "quote": date_line["replaces"][1], "note": ""},
    ]
    meeting["summary"] = "Two reports of the meeting are cited: 000 and 001."
    curated_archive_load(path=write(earlier))
    old = Meeting.objects.get(slug="2024-06-22-central-apex-committee")
    old_citations = list(old.citations.order_by("pk").values_list("pk", "quote"))
    assert old_citations[0][1] == "date 2024-06-23"

    curated_archive_load(path=DEFAULT_PATH)

    meeting = Meeting.objects.get(slug="2024-06-22-central-apex-committee")
    assert meeting.summary == _meeting_record(archive, meeting.slug)["summary"]
    quotes = list(meeting.citations.values_list("quote", flat=True))
    assert "date 2024-06-23" not in quotes
    assert quotes.count(date_line["replaces"][1]) == 0
    # The date line's citation keeps its identity (links to it stay valid) with the fuller quote.
    assert meeting.citations.get(pk=old_citations[0][0]).quote == date_line["quote"]
    assert len(quotes) == len(_meeting_record(archive, meeting.slug)["citations"])
    # And a third load finds nothing to do.
    counts = curated_archive_load(path=DEFAULT_PATH)
    assert sum(count["created"] + count["updated"] for count in counts.values()) == 0


def test_a_replaced_quote_an_editor_changed_is_left_alone(seed_sources, archive_copy, django_user_model):
    archive, write = archive_copy
    curated_archive_load(path=DEFAULT_PATH)
    meeting = Meeting.objects.get(slug="2024-06-22-central-apex-committee")
    citation = meeting.citations.order_by("pk").first()
    editor = django_user_model.objects.create_user("careful-editor")
    citation.note = "An editor's note."
    citation._history_user = editor
    citation.save()
    edited = json.loads(json.dumps(archive))
    entry = _meeting_record(edited, meeting.slug)["citations"][0]
    entry["replaces"] = [citation.quote]
    entry["quote"] = "A meeting of the Central Apex Committee on National Action Plan"
    curated_archive_load(path=write(edited))
    citation.refresh_from_db()
    assert citation.note == "An editor's note."
    assert citation.quote != entry["quote"]


def test_sources_get_readable_addresses_and_their_file_names_redirect(curated_archive, client):
    source = SourceDocument.objects.get(original_filename="000_ab17765b30e5a3e2.txt")
    assert source.slug.startswith("2024-06-23-central-apex-committee-on-the-national-action-plan-meets")
    answer = client.get("/sources/000_ab17765b30e5a3e2/")
    assert answer.status_code == 301
    assert answer["Location"] == f"/sources/{source.slug}/"
    assert client.get("/api/v1/sources/000_ab17765b30e5a3e2/")["Location"] == f"/api/v1/sources/{source.slug}/"
