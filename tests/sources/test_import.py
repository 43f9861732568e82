import datetime
import hashlib
import os
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction

from foundations.publication import PublicationStatus
from sources.front_matter import parse_front_matter
from sources.importing import MAX_ARTICLE_BYTES, Outcome, source_import_bytes
from sources.models import SourceDocument, sha256_of_text

FRONT_MATTER_ARTICLE = (
    "title: Apex committee approves Azm-e-Istehkam\n"
    "outlet: Dawn\n"
    "author: Staff Reporter\n"
    "url: https://www.dawn.com/news/1841234\n"
    "published: 2024-06-23\n"
    "language: en\n"
    "kind: news_report\n"
    "---\n"
    "ISLAMABAD: The Central Apex Committee met on Saturday.\n"
)
GOOD_ARTICLE = "The apex committee reviewed the National Action Plan.\n"


# -- the seeds --------------------------------------------------------------------------------------------


def test_imports_the_five_seeds_verbatim(run_import, seeds_dir):
    run = run_import(seeds_dir)

    assert run.error is None, run.output
    seed_files = sorted(seeds_dir.glob("*.txt"))
    assert len(seed_files) == 5
    assert SourceDocument.objects.count() == 5
    for path in seed_files:
        content = path.read_bytes()
        source = SourceDocument.objects.get(original_filename=path.name)
        assert source.text.encode("utf-8") == content
        assert source.sha256 == hashlib.sha256(content).hexdigest()
        assert source.status == PublicationStatus.DRAFT
        assert source.imported_at is not None
        assert source.slug == path.stem
        assert "imported as" in run.line_for(path.name)
    assert run.lines[-1] == "5 imported, 0 already present, 0 failed."


def test_seed_000_date_line_gives_its_publication_date_and_the_others_have_none(run_import, seeds_dir):
    run_import(seeds_dir)

    dates = dict(SourceDocument.objects.values_list("original_filename", "published_on"))
    assert dates.pop("000_ab17765b30e5a3e2.txt") == datetime.date(2024, 6, 23)
    assert set(dates.values()) == {None}
    # The date line is metadata read from the text, not cut out of it.
    assert SourceDocument.objects.get(published_on__isnull=False).text.startswith(" date 2024-06-23 A meeting")


def test_second_run_adds_nothing_and_says_so(run_import, seeds_dir):
    run_import(seeds_dir)
    first_ids = set(SourceDocument.objects.values_list("id", flat=True))

    run = run_import(seeds_dir)

    assert run.error is None
    assert set(SourceDocument.objects.values_list("id", flat=True)) == first_ids
    assert "already in the archive as “000_ab17765b30e5a3e2.txt”" in run.line_for("000_ab17765b30e5a3e2.txt")
    assert "0 imported, 5 already present, 0 failed." in run.lines[-1]
    assert "every file is already in the archive" in run.lines[-1]


# -- the stored text --------------------------------------------------------------------------------------


def test_text_is_stored_as_read_but_for_the_bom_and_line_endings(run_import, articles):
    content = "\ufefftitle: A BOM and CRLFs\r\n---\r\nLine one.  \r\n\rOld Mac line.\r\nLast line, no newline\t".encode("utf-8")
    articles("odd.txt", content)

    run = run_import(articles.folder)

    assert run.error is None, run.output
    source = SourceDocument.objects.get()
    expected = "title: A BOM and CRLFs\n---\nLine one.  \n\nOld Mac line.\nLast line, no newline\t"
    assert source.text == expected
    assert source.sha256 == hashlib.sha256(expected.encode("utf-8")).hexdigest()
    assert source.title == "A BOM and CRLFs"


def test_a_windows_copy_of_an_imported_file_is_the_same_text(run_import, articles):
    articles("unix.txt", "title: One article\n---\nThe apex committee met.\n")
    articles("windows.txt", "\ufefftitle: One article\r\n---\r\nThe apex committee met.\r\n".encode("utf-8"))

    run = run_import(articles.folder)

    assert SourceDocument.objects.count() == 1
    assert "already in the archive" in run.line_for("windows.txt")


def test_same_text_under_two_file_names_is_stored_once(run_import, articles):
    articles("a.txt", GOOD_ARTICLE)
    articles("copy-of-a.txt", GOOD_ARTICLE)

    run = run_import(articles.folder)

    assert run.error is None
    assert SourceDocument.objects.get().original_filename == "a.txt"
    assert "already in the archive as “a.txt”" in run.line_for("copy-of-a.txt")
    assert run.lines[-1] == "1 imported, 1 already present, 0 failed."


def test_sources_with_the_same_title_get_distinct_slugs(run_import, articles):
    articles("one.txt", "title: Apex committee meets\n---\nFirst report.\n")
    articles("two.txt", "title: Apex committee meets\n---\nSecond report.\n")

    run_import(articles.folder)

    assert sorted(SourceDocument.objects.values_list("slug", flat=True)) == ["apex-committee-meets", "apex-committee-meets-2"]


def test_folders_are_searched_recursively_in_name_order_skipping_hidden_files(run_import, articles, tmp_path):
    articles("b.txt", "Report B.")
    articles("a/nested.txt", "Nested report.")
    articles(".hidden.txt", "A hidden file.")
    articles(".git/notes.txt", "Inside a hidden folder.")
    outside = tmp_path / "outside.txt"
    outside.write_text("Reached through a symbolic link.", encoding="utf-8")
    os.symlink(outside, articles.folder / "c-link.txt")

    run = run_import(articles.folder)

    assert run.error is None, run.output
    assert sorted(SourceDocument.objects.values_list("original_filename", flat=True)) == ["b.txt", "c-link.txt", "nested.txt"]
    names = [line.split(": ")[0].split(" ", 1)[1] for line in run.lines[:-1]]
    assert [os.path.relpath(name, articles.folder) for name in names] == ["a/nested.txt", "b.txt", "c-link.txt"]
    assert run.lines[0].startswith("[1/3] ")


def test_a_symbolic_link_loop_is_searched_once(run_import, articles):
    articles("sub/report.txt", "Report in a folder that links back to its parent.")
    os.symlink(articles.folder, articles.folder / "sub" / "back-to-top")

    run = run_import(articles.folder)

    assert run.error is None, run.output
    assert SourceDocument.objects.count() == 1
    assert run.lines[-1] == "1 imported, 0 already present, 0 failed."


def test_the_service_takes_bytes_and_a_file_name(db):
    result = source_import_bytes(content=FRONT_MATTER_ARTICLE.encode("utf-8"), filename="upload.txt")

    assert result.outcome is Outcome.IMPORTED
    source = SourceDocument.objects.get()
    assert source == result.source
    assert (source.original_filename, source.text) == ("upload.txt", FRONT_MATTER_ARTICLE)
    again = source_import_bytes(content=FRONT_MATTER_ARTICLE.encode("utf-8"), filename="other-name.txt")
    assert again.outcome is Outcome.ALREADY_PRESENT
    assert again.source == source


# -- front matter -----------------------------------------------------------------------------------------


def test_front_matter_fills_the_metadata_and_stays_in_the_text(run_import, articles):
    articles("dawn.txt", FRONT_MATTER_ARTICLE)

    run = run_import(articles.folder)

    assert run.error is None, run.output
    source = SourceDocument.objects.get()
    assert source.title == "Apex committee approves Azm-e-Istehkam"
    assert source.slug == "dawn-2024-06-23-apex-committee-approves-azm-e-istehkam"  # outlet, date, title
    assert (source.outlet, source.author) == ("Dawn", "Staff Reporter")
    assert source.url == "https://www.dawn.com/news/1841234"
    assert source.published_on == datetime.date(2024, 6, 23)
    assert (source.language, source.kind) == ("en", SourceDocument.Kind.NEWS_REPORT)
    assert source.text == FRONT_MATTER_ARTICLE


def test_parse_front_matter_reads_every_key():
    metadata, errors = parse_front_matter(FRONT_MATTER_ARTICLE)

    assert errors == []
    assert metadata == {
        "title": "Apex committee approves Azm-e-Istehkam",
        "outlet": "Dawn",
        "author": "Staff Reporter",
        "url": "https://www.dawn.com/news/1841234",
        "published_on": datetime.date(2024, 6, 23),
        "language": "en",
        "kind": "news_report",
    }


@pytest.mark.parametrize(
    "text",
    [
        "ISLAMABAD: Prime Minister Shehbaz Sharif on Saturday gave the go-ahead.\nThe meeting was chaired by him.\n",
        "Azm-e-Istehkam not an operation, but a vision\n\nPakistan\n",
        "Note: this is the article itself.\n\nIt has no front matter at all.\n",
    ],
)
def test_an_article_whose_first_line_has_a_colon_has_no_front_matter(text):
    assert parse_front_matter(text) == ({}, [])


def test_date_prefix_of_the_first_line_is_the_publication_date():
    assert parse_front_matter(" date 2024-06-23 A meeting of the Central Apex Committee ...") == (
        {"published_on": datetime.date(2024, 6, 23)},
        [],
    )
    assert parse_front_matter("A meeting on 2024-06-22.\ndate 2024-06-23 is not on the first line") == ({}, [])


@pytest.mark.parametrize(
    ("front_matter", "complaint"),
    [
        ("titel: A typo\n", "unknown key 'titel'"),
        ("date: 2024-06-23\n", "unknown key 'date' (the publication date goes in `published:`)"),
        ("published: 23/06/2024\n", "published '23/06/2024' is not an ISO date"),
        ("published: 2024-02-30\n", "published '2024-02-30' is not a real calendar date"),
        ("kind: editorial\n", "kind 'editorial' is not one of: unclassified, news_report"),
        ("url: www.dawn.com/news\n", "url 'www.dawn.com/news' is not a valid http(s) URL"),
        ("url: javascript:alert(1)\n", "not a valid http(s) URL"),
        ("language: English language\n", "language 'English language' is not a language tag"),
        ("title: " + "x" * 301 + "\n", "title is 301 characters long; the most is 300"),
        ("title: One\ntitle: Two\n", "line 2: 'title' is given twice"),
    ],
)
def test_parse_front_matter_says_what_is_wrong(front_matter, complaint):
    metadata, errors = parse_front_matter(front_matter + "---\nThe article.\n")

    assert len(errors) == 1
    assert complaint in errors[0]


def test_parse_front_matter_refuses_a_block_with_no_article_or_no_end():
    assert parse_front_matter("title: Only metadata\n---\n\n")[1] == ["there is no article text after the front matter"]
    assert "no `---` line closes it" in parse_front_matter("---\ntitle: Never closed\nThe article.\n")[1][0]
    assert "is not a `key: value` line" in parse_front_matter("---\ntitle: T\nprose inside\n---\nBody.\n")[1][0]


def test_bad_front_matter_is_reported_by_file_and_the_others_are_imported(run_import, articles):
    articles("bad-date.txt", "title: Apex committee\npublished: 23/06/2024\n---\nThe article.\n")
    articles("bad-key.txt", "headline: Apex committee\n---\nAnother article.\n")
    articles("good.txt", FRONT_MATTER_ARTICLE)

    run = run_import(articles.folder)

    assert SourceDocument.objects.get().original_filename == "good.txt"
    assert "skipped: bad front matter: line 2: published '23/06/2024' is not an ISO date" in run.line_for("bad-date.txt")
    assert "skipped: bad front matter: line 1: unknown key 'headline'" in run.line_for("bad-key.txt")
    assert run.lines[-1] == "1 imported, 0 already present, 2 failed."
    assert run.error is not None
    assert "bad-date.txt" in str(run.error) and "bad-key.txt" in str(run.error)


# -- unusable files ---------------------------------------------------------------------------------------


def test_unusable_files_are_reported_with_their_reason_and_the_good_ones_imported(run_import, articles, unreadable_file):
    articles("empty.txt", b"")
    articles("blank.txt", " \n\t\r\n  ")
    articles("latin1.txt", "Réunion du comité à Islamabad.".encode("latin-1"))
    articles("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    articles("controls.dat", bytes(range(1, 9)) * 20 + b"some text")
    articles("good.txt", GOOD_ARTICLE)
    locked, locked_reason = unreadable_file

    run = run_import(articles.folder, locked, articles.folder / "missing.txt")

    assert SourceDocument.objects.get().original_filename == "good.txt"
    assert "imported as" in run.line_for("good.txt")
    assert "skipped: the file is empty (0 bytes)" in run.line_for("empty.txt")
    assert "skipped: the file contains only whitespace" in run.line_for("blank.txt")
    assert "skipped: not UTF-8 text (byte 0xe9 on line 1 cannot be decoded)" in run.line_for("latin1.txt")
    assert "skipped: binary file (it contains NUL bytes)" in run.line_for("image.png")
    assert "skipped: binary file" in run.line_for("controls.dat")
    assert locked_reason in run.line_for("locked.txt")
    assert "skipped: no such file or folder" in run.line_for("missing.txt")
    assert run.lines[-1] == "1 imported, 0 already present, 7 failed."
    assert run.error is not None
    for name in ("empty.txt", "blank.txt", "latin1.txt", "image.png", "controls.dat", "locked.txt", "missing.txt"):
        assert name in str(run.error)
    assert "good.txt" not in str(run.error)


def test_a_file_too_large_for_an_article_is_refused(run_import, articles):
    articles("dump.txt", b"a" * (MAX_ARTICLE_BYTES + 1))

    run = run_import(articles.folder)

    assert "skipped: too large for one article (10.0 MB; the limit is 10 MB)" in run.line_for("dump.txt")
    assert SourceDocument.objects.count() == 0
    assert run.error is not None


def test_a_broken_symbolic_link_in_a_folder_is_reported(run_import, articles):
    os.symlink(articles.folder / "deleted.txt", articles.folder / "link.txt")
    articles("good.txt", GOOD_ARTICLE)

    run = run_import(articles.folder)

    assert "skipped: broken symbolic link" in run.line_for("link.txt")
    assert SourceDocument.objects.count() == 1
    assert run.error is not None


def test_the_command_exits_non_zero_without_a_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    # No database is touched before the empty file is refused, so a throwaway SQLite path is enough.
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}

    finished = subprocess.run(
        [sys.executable, "manage.py", "import_sources", "--dry-run", str(empty)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert finished.returncode == 1
    assert "empty.txt: skipped: the file is empty" in finished.stdout
    assert "CommandError: 1 file(s) could not be imported:" in finished.stderr
    assert "Traceback" not in finished.stderr


# -- dry run ----------------------------------------------------------------------------------------------


def test_dry_run_writes_nothing_and_says_what_would_happen(run_import, seeds_dir, articles):
    articles("copy-of-seed-000.txt", (seeds_dir / "000_ab17765b30e5a3e2.txt").read_bytes())

    run = run_import("--dry-run", seeds_dir, articles.folder)

    assert SourceDocument.objects.count() == 0
    assert "would be imported as “000_ab17765b30e5a3e2.txt” (slug 000_ab17765b30e5a3e2, published 2024-06-23)" in run.line_for(
        "000_ab17765b30e5a3e2.txt"
    )
    assert "would already be present: same text as" in run.line_for("copy-of-seed-000.txt")
    assert run.lines[-1] == "Dry run: 5 would be imported, 1 already present, 0 failed. Nothing was written."
    assert run.error is None


def test_dry_run_reports_bad_files_too(run_import, articles):
    articles("empty.txt", b"")

    run = run_import("--dry-run", articles.folder)

    assert "skipped: the file is empty" in run.line_for("empty.txt")
    assert run.error is not None


# -- two imports at once ----------------------------------------------------------------------------------


def _import_while_another_insert_is_uncommitted(*, other: dict, content: bytes, filename: str):
    """
    Insert `other` in an open transaction, start importing `content` in a second connection, wait until
    that import is blocked on our uncommitted row, then commit: the losing side of a real race.
    """
    started = threading.Event()
    box = {}

    def import_in_another_connection():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                box["pid"] = cursor.fetchone()[0]
            started.set()
            box["result"] = source_import_bytes(content=content, filename=filename)
        except BaseException as error:  # surfaced by the assertion below
            box["error"] = error
            started.set()
        finally:
            connection.close()

    worker = threading.Thread(target=import_in_another_connection)
    with transaction.atomic():
        SourceDocument.objects.create(**other)
        worker.start()
        assert started.wait(30)
        blocked = False
        deadline = time.monotonic() + 30
        while worker.is_alive() and time.monotonic() < deadline:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid() = ANY(pg_blocking_pids(%s))", [box.get("pid", 0)])
                blocked = cursor.fetchone()[0]
            if blocked:
                break
            time.sleep(0.02)
        assert blocked, f"the import never waited on our row: {box}"
    worker.join(30)
    assert "error" not in box, box.get("error")
    return box["result"]


needs_concurrent_connections = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs two connections that wait on each other's rows; SQLite locks the whole database",
)


@needs_concurrent_connections
@pytest.mark.django_db(transaction=True)
def test_losing_a_race_on_the_same_text_reports_already_present():
    text = "Two editors import this report at the same moment."
    other = {"text": text, "sha256": sha256_of_text(text), "slug": "first-import", "original_filename": "first.txt"}

    result = _import_while_another_insert_is_uncommitted(other=other, content=text.encode("utf-8"), filename="second.txt")

    assert result.outcome is Outcome.ALREADY_PRESENT
    assert result.source.slug == "first-import"
    assert SourceDocument.objects.count() == 1


@needs_concurrent_connections
@pytest.mark.django_db(transaction=True)
def test_losing_a_race_on_the_slug_takes_the_next_free_one():
    text = "A different report that happens to have the same file name."
    other = {"text": "The first report.", "sha256": sha256_of_text("The first report."), "slug": "report"}

    result = _import_while_another_insert_is_uncommitted(other=other, content=text.encode("utf-8"), filename="report.txt")

    assert result.outcome is Outcome.IMPORTED
    assert result.source.slug == "report-2"
    assert SourceDocument.objects.count() == 2


# -- control characters and links ------------------------------------------------------------------------


def test_control_characters_are_refused_by_file_and_the_others_are_imported(run_import, articles):
    articles("escape-in-title.txt", "title: Apex \x1b[31mcommittee\n---\nThe article.\n")
    articles("backspace-in-text.txt", "An article\nwith a backspace\x08 on its second line.\n")
    articles("crlf.txt", "title: Windows line endings\r\n---\r\nThe article,\tkept verbatim.\r\n")

    run = run_import(articles.folder)

    assert SourceDocument.objects.get().original_filename == "crlf.txt"
    assert "skipped: title: Control character U+001B found" in run.line_for("escape-in-title.txt")
    assert "skipped: text: Control character U+0008 found on line 2" in run.line_for("backspace-in-text.txt")
    assert run.error is not None
    assert "escape-in-title.txt" in str(run.error) and "backspace-in-text.txt" in str(run.error)


def test_a_url_that_is_not_a_uri_is_refused_by_file(run_import, articles):
    articles("script-url.txt", 'url: https://example.org/a"><script>\n---\nThe article.\n')
    articles("good.txt", "url: https://example.org/a%22%3E\n---\nAnother article.\n")

    run = run_import(articles.folder)

    assert SourceDocument.objects.get().url == "https://example.org/a%22%3E"
    assert "skipped: bad front matter: line 1: url 'https://example.org/a\"><script>' is not a valid http(s) URL: " in run.line_for("script-url.txt")
    assert "script-url.txt" in str(run.error)
