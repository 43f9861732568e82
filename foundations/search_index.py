"""The stored full-text vector behind public search, kept up to date by PostgreSQL itself.

Records are written by the admin, the import command, the curated loader and bulk updates; a
database trigger keeps the vector right whichever of them writes, where Python code would have
to be called from each. On SQLite the column exists but stays empty: search there matches text
directly (see naparchive.search), so the same migrations run on both databases.
"""
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

SEARCH_CONFIG = "english"

# (column, weight): A ranks highest. Titles and names outweigh body text.
WeightedColumns = list[tuple[str, str]]


def search_vector_field() -> SearchVectorField:
    """Return the column that holds a record's search vector (NULL on SQLite)."""
    return SearchVectorField(
        null=True,
        editable=False,
        help_text="Full-text vector kept by a PostgreSQL trigger from the record's text; empty on SQLite.",
    )


class MaintainSearchVector(migrations.operations.base.Operation):
    """On PostgreSQL, add a GIN index on the search vector and a trigger that fills it on every write."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str, columns: WeightedColumns):
        self.model_name = model_name
        self.columns = columns

    def deconstruct(self):
        return (self.__class__.__qualname__, [], {"model_name": self.model_name, "columns": self.columns})

    def state_forwards(self, app_label, state):
        pass  # Triggers and this index live only in the database; the model state is unchanged.

    def describe(self):
        return f"Maintain the search vector of {self.model_name} on PostgreSQL"

    def _table(self, app_label, state) -> str:
        return state.apps.get_model(app_label, self.model_name)._meta.db_table

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = self._table(app_label, to_state)
        vector = " || ".join(
            f"setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(NEW.{column}, '')), '{weight}')"
            for column, weight in self.columns
        )
        schema_editor.execute(
            f"CREATE FUNCTION {table}_search_vector_update() RETURNS trigger AS $$\n"
            f"BEGIN\n  NEW.search_vector := {vector};\n  RETURN NEW;\nEND\n$$ LANGUAGE plpgsql"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {table}_search_vector_trigger BEFORE INSERT OR UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_search_vector_update()"
        )
        schema_editor.execute(f"CREATE INDEX {table}_search_vector_gin ON {table} USING gin (search_vector)")
        # Fill the vector of the rows already there: the trigger runs on this no-op update.
        # The table name comes from the model's metadata, never from input.
        schema_editor.execute(f"UPDATE {table} SET search_vector = NULL")  # nosec B608

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = self._table(app_label, from_state)
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_vector_gin")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_search_vector_trigger ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_search_vector_update()")
