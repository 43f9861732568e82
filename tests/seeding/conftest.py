"""Fixtures for the curated seed archive: the five seed articles as imported sources, and the loaded archive."""
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.text import slugify

from seeding.archive import DEFAULT_PATH, curated_archive_load
from sources.models import SourceDocument, sha256_of_text

SEEDS = Path(settings.BASE_DIR) / "seeds"


@dataclass
class LoadedArchive:
    counts: dict
    output: str


@pytest.fixture
def seed_sources(db):
    """Store the seed files as `import_sources` does: the file's text verbatim, as drafts without metadata."""
    sources = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        sources[path.name] = SourceDocument.objects.create(
            text=text, sha256=sha256_of_text(text), original_filename=path.name, slug=slugify(path.stem)
        )
    return sources


@pytest.fixture
def curated_archive(seed_sources):
    output = io.StringIO()
    counts = curated_archive_load(path=DEFAULT_PATH, stdout=output)
    return LoadedArchive(counts=counts, output=output.getvalue())


@pytest.fixture
def archive_copy(tmp_path):
    """Return (the shipped archive as a dict, a function that writes an edited copy and returns its path)."""
    archive = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))

    def write(edited: dict) -> Path:
        path = tmp_path / "seed_archive.json"
        path.write_text(json.dumps(edited, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    return archive, write
