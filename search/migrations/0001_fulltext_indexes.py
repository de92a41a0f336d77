"""GIN indexes on the tsvector expressions that search.queries queries (PostgreSQL only)."""

from django.db import migrations

INDEXES = [
    (
        "search_assignment_text_sv",
        "assignments_assignment",
        "to_tsvector('swedish'::regconfig, COALESCE(\"text\", ''))",
    ),
    (
        "search_case_title_sv",
        "motions_case",
        "to_tsvector('swedish'::regconfig, COALESCE(\"title\", ''))",
    ),
    (
        "search_motion_text_sv",
        "motions_motion",
        "to_tsvector('swedish'::regconfig, COALESCE(\"title\", '') || ' ' || COALESCE(\"justification\", ''))",
    ),
    (
        "search_point_text_sv",
        "motions_decisionpoint",
        "to_tsvector('swedish'::regconfig, COALESCE(\"text\", ''))",
    ),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, expression in INDEXES:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (({expression}))')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("assignments", "0001_initial"),
        ("motions", "0002_decision_points"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
