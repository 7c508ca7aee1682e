"""SQLite only: the FTS5 index with its sync triggers and bm25 rank (bank/fts.py), and the read-only
model that joins it. On PostgreSQL the RunPython does nothing: search there uses the stored tsvector and
GIN index of migration 0002, and the unmanaged model has no table and is never queried."""

import django.db.models.deletion
from django.db import migrations, models

from bank import fts


def create_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in fts.CREATE:
            schema_editor.execute(statement)


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in fts.DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('bank', '0005_curation_history_workflow'),
    ]

    operations = [
        migrations.CreateModel(
            name='QuestionSearch',
            fields=[
                ('question', models.OneToOneField(db_column='rowid', db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='fts', serialize=False, to='bank.question')),
                ('document', models.TextField(db_column='bank_question_fts')),
                ('rank', models.FloatField()),
            ],
            options={
                'db_table': 'bank_question_fts',
                'managed': False,
            },
        ),
        migrations.RunPython(create_fts, drop_fts),
    ]
