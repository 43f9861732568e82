"""Helpers for migrations that only mean something on PostgreSQL (indexes SQLite cannot express)."""


def run_on_postgresql(sql: str):
    """Return a RunPython function that executes `sql` on PostgreSQL and does nothing elsewhere."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run
