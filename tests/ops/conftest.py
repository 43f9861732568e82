"""Fixtures for the production-readiness tests."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def run_in_production(tmp_path):
    """Run a Python snippet under production settings (DEBUG off) on a scratch SQLite database; return stdout."""

    def run(code: str, *, migrate: bool = False, **extra_env) -> str:
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "test-only-" + "k" * 60,
            "ALLOWED_HOSTS": "archive.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "naparchive.settings",
            "LOG_LEVEL": "ERROR",
            **extra_env,
        }
        env.pop("REDIS_URL", None)
        if migrate:
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True, capture_output=True
            )
        prelude = "import django, json\ndjango.setup()\n"
        result = subprocess.run(
            [sys.executable, "-c", prelude + code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    return run


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        username="editor", password="a-long-and-unusual-passphrase", is_staff=True, is_superuser=True
    )
