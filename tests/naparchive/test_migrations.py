"""Every migration applies forwards and backwards, on a scratch database of the kind under test."""
import os
import subprocess
import sys
import uuid

import pytest

from tests.conftest import REPO

ROUND_TRIP = """
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

call_command("migrate", verbosity=0)
executor = MigrationExecutor(connection)
applied = len(executor.loader.applied_migrations)
leaves = executor.loader.graph.leaf_nodes()
# Backwards, every app to zero: each migration's reverse runs, in dependency order. The rows that
# post_migrate created go first: Django's own auth 0002 cannot shrink permission names (now longer than
# its old 50 characters) while they exist, which says nothing about our migrations.
call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
executor.migrate([(app_label, None) for app_label in executor.loader.migrated_apps])
executor.loader.build_graph()
assert not executor.loader.applied_migrations, executor.loader.applied_migrations
tables = set(connection.introspection.table_names()) - {"django_migrations"}
assert not tables, f"tables left behind after migrating to zero: {sorted(tables)}"
# And forwards again, the way a deployment runs it.
call_command("migrate", verbosity=0)
executor.loader.build_graph()
assert len(executor.loader.applied_migrations) == applied
print("round trip", applied)
"""


@pytest.fixture
def scratch_database_url(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
        return
    psycopg = pytest.importorskip("psycopg")
    name = f"ops_migrations_{uuid.uuid4().hex[:10]}"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_every_migration_applies_forwards_and_backwards(scratch_database_url):
    env = {**os.environ, "DATABASE_URL": scratch_database_url, "DJANGO_SETTINGS_MODULE": "naparchive.settings"}
    result = subprocess.run(
        [sys.executable, "-c", ROUND_TRIP], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "round trip" in result.stdout
