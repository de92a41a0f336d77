"""A board's financial statement of a reporting period as an Excel workbook (amounts in kronor)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.tabular import KRONOR_FORMAT, header_row, set_cell, set_widths, sheet_title, workbook_bytes

from .statements import CENTRAL_COLUMNS, STATEMENT_COLUMNS, group_lines


def statement_xlsx(board, period, statements, central_items) -> bytes:
    """One sheet per statement (section) and one for the kommuncentrala poster; amounts in kronor."""
    from openpyxl import Workbook  # here, not at the top: openpyxl takes ~10 MB of every server process (issue 18)
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for statement in statements:
        title = statement.title if not statement.section else f"{statement.section} {statement.title}"
        sheet = workbook.create_sheet(sheet_title(statement.section or statement.title, workbook))
        set_cell(sheet.cell(row=1, column=1), title)
        sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
        set_cell(sheet.cell(row=2, column=1), f"{board.name} – {period}")
        sheet.cell(row=3, column=1, value=_("Belopp i kronor"))
        header_row(sheet, 5, [_("Rad")] + [column.label for column in STATEMENT_COLUMNS])
        row_index = 6
        for group in group_lines(statement.lines.all()):
            if group.name:
                set_cell(sheet.cell(row=row_index, column=1), group.name)
                sheet.cell(row=row_index, column=1).font = Font(bold=True, italic=True)
                row_index += 1
            for line in group.lines:
                label_cell = sheet.cell(row=row_index, column=1)
                set_cell(label_cell, line.label)
                if line.kind in ("resultat", "summa"):
                    label_cell.font = Font(bold=True)
                for index, column in enumerate(STATEMENT_COLUMNS, start=2):
                    cell = sheet.cell(row=row_index, column=index)
                    set_cell(cell, column.value(line), KRONOR_FORMAT)
                    if column.is_computed(line):
                        # Not in the document: the figure is utfall − budget, and the sheet says so.
                        cell.font = Font(italic=True)
                        cell.comment = Comment(_("Beräknad som utfall − budget: handlingen anger ingen avvikelse."), "")
                row_index += 1
        sheet.freeze_panes = "B6"
        set_widths(sheet, {1: 42} | dict.fromkeys(range(2, len(STATEMENT_COLUMNS) + 2), 16))
    if central_items:
        sheet = workbook.create_sheet(sheet_title(_("Kommuncentrala poster"), workbook))
        sheet.cell(row=1, column=1, value=_("Kommuncentrala poster")).font = Font(bold=True, size=13)
        sheet.cell(row=2, column=1, value=f"{board.name} – {period}")
        sheet.cell(row=3, column=1, value=_("Belopp i kronor"))
        header_row(sheet, 5, [_("Post")] + [column.label for column in CENTRAL_COLUMNS])
        for row_index, item in enumerate(central_items, start=6):
            set_cell(sheet.cell(row=row_index, column=1), item.label)
            for index, column in enumerate(CENTRAL_COLUMNS, start=2):
                set_cell(sheet.cell(row=row_index, column=index), column.value(item), KRONOR_FORMAT)
        set_widths(sheet, {1: 50, 2: 16, 3: 16, 4: 20})
    return workbook_bytes(workbook)
