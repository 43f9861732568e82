"""An index in the order search picks a common word's newest matching sources (naparchive.search).

PostgreSQL only, like meetings' public-order index: DESC NULLS LAST puts undated sources last, which
SQLite's CREATE INDEX cannot express; SQLite archives are small enough to sort.
"""
from django.db import migrations

from foundations.postgresql_migrations import run_on_postgresql

CREATE = (
    "CREATE INDEX IF NOT EXISTS source_newest_published ON sources_sourcedocument "
    "(published_on DESC NULLS LAST, id DESC) WHERE status = 'published'"
)
DROP = "DROP INDEX IF EXISTS source_newest_published"


class Migration(migrations.Migration):
    dependencies = [("sources", "0004_index_citation_updated_at")]

    operations = [migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP))]
