"""A GIN index on the stored tsvector, on PostgreSQL only (SQLite searches the stored text instead).

Kept out of Question.Meta.indexes because SQLite cannot build a GIN index.
"""

from django.db import migrations


def create_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS question_search_vector_gin "
            "ON bank_question USING gin (search_vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS question_search_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("bank", "0001_initial")]

    operations = [migrations.RunPython(create_gin_index, drop_gin_index)]
