"""The filtered assignment list as CSV and Excel (core.tabular writes the files)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.tabular import header_row, set_cell, set_widths, timezone_date, workbook_bytes, write_csv

from .models import Assignment

ASSIGNMENT_HEADERS = [
    gettext_lazy("Diarienummer"),
    gettext_lazy("Uppdrag"),
    gettext_lazy("Källa"),
    gettext_lazy("Budgetår"),
    gettext_lazy("Beslut"),
    gettext_lazy("Beslutsdatum"),
    gettext_lazy("Huvudansvarig"),
    gettext_lazy("Övriga ansvariga"),
    gettext_lazy("Riktat till alla nämnder och styrelser"),
    gettext_lazy("Slutdatum"),
    gettext_lazy("Tidplan enligt beslutet"),
    gettext_lazy("Status"),
    gettext_lazy("Senast ändrad"),
]


def assignment_rows(assignments: Iterable[Assignment]) -> list[list]:
    """One row per assignment; read with AssignmentQuerySet.with_boards() (no queries per row)."""
    rows = []
    for assignment in assignments:
        responsibilities = list(assignment.responsibilities.all())
        lead = [r.board.name for r in responsibilities if r.is_lead]
        others = [r.board.name for r in responsibilities if not r.is_lead]
        rows.append(
            [
                assignment.dnr,
                " ".join(assignment.text.split()),
                str(assignment.get_source_display()),
                assignment.budget_year,
                assignment.origin_reference,
                assignment.origin_date,
                ", ".join(lead),
                ", ".join(others),
                _("Ja") if assignment.addressed_to_all_boards else _("Nej"),
                assignment.deadline,
                assignment.deadline_note,
                str(assignment.get_status_display()),
                timezone_date(assignment.updated_at),
            ]
        )
    return rows


def assignments_csv(assignments) -> bytes:
    return write_csv(ASSIGNMENT_HEADERS, assignment_rows(assignments))


def assignments_xlsx(assignments) -> bytes:
    from openpyxl import Workbook  # here, not at the top: openpyxl takes ~10 MB of every server process (issue 18)
    from openpyxl.styles import Alignment

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Uppdrag")
    header_row(sheet, 1, ASSIGNMENT_HEADERS)
    for row_index, row in enumerate(assignment_rows(assignments), start=2):
        for column, value in enumerate(row, start=1):
            set_cell(sheet.cell(row=row_index, column=column), value)
            if column == 2:
                sheet.cell(row=row_index, column=column).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    set_widths(sheet, {1: 12, 2: 70, 3: 28, 4: 10, 5: 28, 6: 13, 7: 28, 8: 28, 9: 12, 10: 13, 11: 30, 12: 24, 13: 13})
    return workbook_bytes(workbook)
