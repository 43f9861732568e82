"""Fixtures for the source import tests: the shipped seeds, scratch article folders, and a command runner."""
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"


@dataclass
class ImportRun:
    output: str
    error: CommandError | None

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()

    def line_for(self, name: str) -> str:
        """Return the one output line about the file whose path ends with `name`."""
        matches = [line for line in self.lines if line.startswith("[") and f"{name}: " in line]
        assert len(matches) == 1, f"expected one line about {name}, got {matches} in:\n{self.output}"
        return matches[0]


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture
def run_import(db):
    """Run `import_sources` with these arguments; return its output and the CommandError it ended with, if any."""

    def run(*args) -> ImportRun:
        out = io.StringIO()
        try:
            call_command("import_sources", *[str(arg) for arg in args], stdout=out, stderr=out, no_color=True)
        except CommandError as error:
            return ImportRun(output=out.getvalue(), error=error)
        return ImportRun(output=out.getvalue(), error=None)

    return run


@pytest.fixture
def articles(tmp_path):
    """A scratch folder and a `write(name, bytes_or_text)` helper that puts an article in it."""
    folder = tmp_path / "articles"
    folder.mkdir()

    def write(name: str, content: bytes | str) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    write.folder = folder
    return write


@pytest.fixture
def unreadable_file(tmp_path):
    """
    Return (path, the reason the import must give) for a file that cannot be read.

    Permission bits do not stop root, so when this runs as root (or on a file system that ignores modes) the
    file is a symbolic link to nothing instead: still a named file that cannot be read, never one that is
    silently readable.
    """
    path = tmp_path / "locked.txt"
    path.write_text("A report nobody may read.", encoding="utf-8")
    path.chmod(0)
    try:
        with open(path, "rb"):
            readable = True
    except PermissionError:
        readable = False
    if not readable:
        yield path, "permission denied"
        path.chmod(0o600)
        return
    path.chmod(0o600)
    path.unlink()
    os.symlink(tmp_path / "gone.txt", path)
    yield path, "broken symbolic link"
