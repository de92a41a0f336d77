"""The verkställighetsregister as an Excel workbook: one sheet of rows, one of counts (core.tabular writes it)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.tabular import header_row, set_cell, set_widths, timezone_date, workbook_bytes

from .register import Register, RegisterRow

REGISTER_HEADERS = [
    gettext_lazy("År"),
    gettext_lazy("Beslutande organ"),
    gettext_lazy("Beslut"),
    gettext_lazy("Ärende"),
    gettext_lazy("Diarienummer"),
    gettext_lazy("Uppdrag"),
    gettext_lazy("Ansvarig nämnd"),
    gettext_lazy("Status"),
    gettext_lazy("Senaste rapport"),
    gettext_lazy("Rapporterad av"),
    gettext_lazy("Rapport uppdaterad"),
    gettext_lazy("Slutdatum"),
    gettext_lazy("Tidplan enligt beslutet"),
    gettext_lazy("Slutdatum passerat"),
]


def register_row(row: RegisterRow) -> list:
    assignment, report = row.assignment, row.last_report
    boards = ", ".join(board.name for board in row.boards)
    if assignment.addressed_to_all_boards:
        boards = _("Alla nämnder och styrelser") + (f"; {boards}" if boards else "")
    return [
        row.year,
        row.body.name if row.body else "",
        assignment.origin_reference,
        row.case.reference if row.case else "",
        assignment.dnr,
        " ".join(assignment.text.split()),
        boards,
        str(assignment.get_status_display()),
        f"{report.period} ({report.get_proposes_display()})" if report else _("Ingen rapport"),
        report.board.name if report else "",
        timezone_date(report.updated_at) if report else None,
        assignment.deadline,
        assignment.deadline_note,
        _("Ja") if row.overdue else _("Nej"),
    ]


def register_xlsx(register: Register) -> bytes:
    from openpyxl import Workbook  # here, not at the top: openpyxl takes ~10 MB of every server process (issue 18)
    from openpyxl.styles import Alignment

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Register")
    header_row(sheet, 1, REGISTER_HEADERS)
    for row_index, row in enumerate(register.rows(register.assignments().iterator(chunk_size=2000)), start=2):
        for column, value in enumerate(register_row(row), start=1):
            cell = sheet.cell(row=row_index, column=column)
            set_cell(cell, value)
            if column == 6:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "F2"
    sheet.auto_filter.ref = sheet.dimensions
    set_widths(
        sheet, {1: 7, 2: 24, 3: 26, 4: 16, 5: 12, 6: 70, 7: 30, 8: 24, 9: 34, 10: 24, 11: 13, 12: 12, 13: 30, 14: 10}
    )

    counts = workbook.create_sheet(_("Antal"))
    header_row(
        counts,
        1,
        [_("År"), _("Beslutande organ")] + [label for _key, label, _n in register.counts] + [_("Slutdatum passerat")],
    )
    for row_index, group in enumerate(register.groups, start=2):
        values = [group.year, group.body.name if group.body else ""] + [n for _key, _label, n in group.counts]
        values.append(group.overdue)
        for column, value in enumerate(values, start=1):
            set_cell(counts.cell(row=row_index, column=column), value)
    set_widths(counts, {1: 7, 2: 24, 3: 14, 4: 14, 5: 14, 6: 14, 7: 14})
    return workbook_bytes(workbook)
