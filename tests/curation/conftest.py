"""Fixtures for assisted curation: the seed texts, and the built-in gazetteer (pytest-django's admin_user accepts proposals)."""
from pathlib import Path

import pytest

from curation.extraction.gazetteer import Gazetteer, builtin_entries

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def gazetteer():
    return Gazetteer(builtin_entries())


@pytest.fixture(scope="session")
def seed_text():
    def read(prefix: str) -> str:
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read

