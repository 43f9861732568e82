"""Fixtures for the site-wide pages: the archive `make run` builds."""
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

SEEDS = Path(settings.BASE_DIR) / "seeds"


@pytest.fixture
def seeded_archive(db):
    """The seed articles, the curated archive, its discrepancies, figures and organisations, as `make run` loads them."""
    output = io.StringIO()
    call_command("import_sources", str(SEEDS), stdout=output, stderr=output)
    for command in ("load_curated_archive", "load_curated_discrepancies", "load_curated_figures", "load_curated_organisations"):
        call_command(command, stdout=output, stderr=output)
