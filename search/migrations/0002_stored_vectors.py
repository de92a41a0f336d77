"""Stored tsvector columns for the search (PostgreSQL only), replacing the expression indexes.

With only an expression index, PostgreSQL still re-parses every candidate's text to check the
match and to rank it (ts_rank needs the vector), which made a common word cost ~200 ms at the
benchmark's factor 10. A generated column keeps the parsed vector on disk, up to date on every
insert and update without any code of ours; search.py reads it and the GIN index serves it.

Django's models do not know these columns (they exist on PostgreSQL only), so inserts and
selects never name them. A later migration that changes the type of one of the source columns
must drop the generated column first and add it again (PostgreSQL refuses otherwise).
"""

from django.db import migrations

COLUMN = "search_sv"

# (table, the text the search matches); search.py's SEARCH_TABLES must name the same tables.
VECTORS = [
    ("assignments_assignment", "COALESCE(\"text\", '')"),
    ("motions_case", "COALESCE(\"title\", '')"),
    ("motions_motion", "COALESCE(\"title\", '') || ' ' || COALESCE(\"justification\", '')"),
    ("motions_decisionpoint", "COALESCE(\"text\", '')"),
]
OLD_INDEXES = [
    "search_assignment_text_sv",
    "search_case_title_sv",
    "search_motion_text_sv",
    "search_point_text_sv",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, text in VECTORS:
        schema_editor.execute(
            f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS "{COLUMN}" tsvector '
            f"GENERATED ALWAYS AS (to_tsvector('swedish'::regconfig, {text})) STORED"
        )
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{table}_{COLUMN}" ON "{table}" USING gin ("{COLUMN}")')
        schema_editor.execute(f'ANALYZE "{table}"')  # the planner needs the new column's statistics
    for name in OLD_INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _text in VECTORS:
        schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "{COLUMN}"')
    # Migration 0001's forward step puts its expression indexes back.
    from importlib import import_module

    first = import_module("search.migrations.0001_fulltext_indexes")
    first.create(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search_indexes", "0001_fulltext_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
