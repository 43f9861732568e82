"""An index matching the public meeting lists' order, so "newest 50 meetings" reads 50 rows, not all of them.

PostgreSQL only: the order puts undated meetings last (DESC NULLS LAST), which SQLite's CREATE INDEX cannot
express; SQLite archives are small enough to sort.
"""
from django.db import migrations

from foundations.postgresql_migrations import run_on_postgresql

CREATE = (
    "CREATE INDEX IF NOT EXISTS meeting_public_order ON meetings_meeting "
    "(date DESC NULLS LAST, title, id) WHERE status = 'published'"
)
DROP = "DROP INDEX IF EXISTS meeting_public_order"


class Migration(migrations.Migration):
    dependencies = [("meetings", "0004_editorial_workflow")]

    operations = [migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP))]
