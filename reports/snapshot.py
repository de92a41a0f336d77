"""What a stored version of a report contains, as plain JSON, and what changed between two of them.

report_snapshot() is taken from the composed report at the moment a version is stored and kept on
PublishedReport.snapshot; the PDF stays the record, the snapshot is what a reader compares:
per assignment its dnr, text, status, the period's status report and the decision point proposed
for it, and every figure of the financial tables. compare_snapshots() reads two snapshots and
makes no database query.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from assignments.models import Assignment, StatusReport
from core.worddiff import word_diff

from .document import Report

SNAPSHOT_FORMAT = 1


def _label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def report_snapshot(report: Report) -> dict:
    """The comparable content of a composed report, JSON-serialisable."""
    points_by_dnr = {point.dnr: point.text for point in report.decision_points if point.dnr}
    assignments = []
    tables = []
    for section in report.toc:
        for item in section.items:
            assignment, status_report = item.assignment, item.status_report
            assignments.append(
                {
                    "id": assignment.pk,
                    "dnr": assignment.dnr,
                    "section": section.number,
                    "text": item.text,
                    "reference": item.reference,
                    "status": assignment.status,
                    "status_label": _label(Assignment.Status, assignment.status),
                    "proposes": status_report.proposes,
                    "proposes_label": _label(StatusReport.Proposal, status_report.proposes),
                    "report_text": status_report.text,
                    "decision_point": points_by_dnr.get(assignment.dnr, ""),
                }
            )
        for table in section.tables:
            tables.append(
                {
                    "slug": table.slug,
                    "caption": table.caption,
                    "unit": table.unit,
                    "columns": list(table.columns),
                    "rows": [
                        {"group": group.name, "label": row.label, "cells": list(row.cells)}
                        for group in table.groups
                        for row in group.rows
                    ],
                }
            )
    return {
        "format": SNAPSHOT_FORMAT,
        "title": report.title,
        "date": report.date.isoformat(),
        "case_reference": report.case_reference,
        "assignments": assignments,
        "tables": tables,
        "missing": [a.dnr for a in report.missing_assignments],
    }


# What a reader compares per assignment, in the order the page shows it.
TEXT_FIELDS = [
    ("text", _("Uppdragets text")),
    ("report_text", _("Redovisning")),
    ("decision_point", _("Förslag till beslut")),
]


@dataclass
class TextChange:
    label: str
    diff: SafeString


@dataclass
class AssignmentChange:
    dnr: str
    text: str
    old_status: str = ""
    new_status: str = ""
    old_proposes: str = ""
    new_proposes: str = ""
    old_section: str = ""
    new_section: str = ""
    texts: list[TextChange] = field(default_factory=list)

    @property
    def status_changed(self) -> bool:
        return self.old_status != self.new_status


@dataclass
class FigureChange:
    row: str
    column: str
    old: str
    new: str


@dataclass
class TableChange:
    caption: str
    unit: str
    figures: list[FigureChange] = field(default_factory=list)
    rows_added: list[str] = field(default_factory=list)
    rows_removed: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[AssignmentChange] = field(default_factory=list)
    tables_added: list[dict] = field(default_factory=list)
    tables_removed: list[dict] = field(default_factory=list)
    tables_changed: list[TableChange] = field(default_factory=list)

    @property
    def status_changes(self) -> list[AssignmentChange]:
        return [change for change in self.changed if change.status_changed]

    @property
    def text_changes(self) -> list[AssignmentChange]:
        return [change for change in self.changed if change.texts]

    @property
    def is_empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.tables_added
            or self.tables_removed
            or self.tables_changed
        )


def _assignment_key(entry: dict):
    return entry.get("id") or entry.get("dnr")


def _compare_assignment(old: dict, new: dict) -> AssignmentChange | None:
    change = AssignmentChange(
        dnr=new["dnr"],
        text=new["text"],
        old_status=old.get("status_label", ""),
        new_status=new.get("status_label", ""),
        old_section=old.get("section", ""),
        new_section=new.get("section", ""),
    )
    if old.get("proposes") != new.get("proposes"):
        change.old_proposes, change.new_proposes = old.get("proposes_label", ""), new.get("proposes_label", "")
    for key, label in TEXT_FIELDS:
        before, after = old.get(key, ""), new.get(key, "")
        if " ".join(before.split()) != " ".join(after.split()):
            change.texts.append(TextChange(str(label), word_diff(before, after)))
    if change.status_changed or change.old_proposes or change.texts or change.old_section != change.new_section:
        return change
    return None


def _row_key(row: dict) -> tuple[str, str]:
    return (row.get("group", ""), row.get("label", ""))


def _row_name(row: dict) -> str:
    return f"{row['group']}: {row['label']}" if row.get("group") else row.get("label", "")


def _compare_table(old: dict, new: dict) -> TableChange | None:
    change = TableChange(caption=new["caption"], unit=new.get("unit", ""))
    old_rows = {_row_key(row): row for row in old["rows"]}
    new_keys = {_row_key(row) for row in new["rows"]}
    for row in new["rows"]:
        before = old_rows.get(_row_key(row))
        if before is None:
            change.rows_added.append(_row_name(row))
            continue
        old_cells = dict(zip(old["columns"], before["cells"], strict=False))
        for column, cell in zip(new["columns"], row["cells"], strict=False):
            previous = old_cells.get(column, "")
            if previous != cell:
                change.figures.append(FigureChange(_row_name(row), column, previous, cell))
    change.rows_removed = [_row_name(row) for row in old["rows"] if _row_key(row) not in new_keys]
    if change.figures or change.rows_added or change.rows_removed:
        return change
    return None


def compare_snapshots(old: dict, new: dict) -> Comparison:
    """What changed from one version's snapshot to another's: assignments, statuses, texts, figures."""
    comparison = Comparison()
    old_assignments = {_assignment_key(entry): entry for entry in old.get("assignments", [])}
    new_keys = set()
    for entry in new.get("assignments", []):
        key = _assignment_key(entry)
        new_keys.add(key)
        before = old_assignments.get(key)
        if before is None:
            comparison.added.append(entry)
        elif (change := _compare_assignment(before, entry)) is not None:
            comparison.changed.append(change)
    comparison.removed = [e for e in old.get("assignments", []) if _assignment_key(e) not in new_keys]

    def table_key(table):
        return (table.get("slug", ""), table.get("caption", ""))

    old_tables = {table_key(table): table for table in old.get("tables", [])}
    new_table_keys = set()
    for table in new.get("tables", []):
        new_table_keys.add(table_key(table))
        before = old_tables.get(table_key(table))
        if before is None:
            comparison.tables_added.append(table)
        elif (change := _compare_table(before, table)) is not None:
            comparison.tables_changed.append(change)
    comparison.tables_removed = [t for t in old.get("tables", []) if table_key(t) not in new_table_keys]
    return comparison
