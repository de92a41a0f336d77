"""Exports people take into their own tools: CSV and Excel (.xlsx, openpyxl).

- the filtered assignment list (CSV and .xlsx);
- the side-by-side comparison of a case (CSV: the proposal's points, then one column per motion);
- a board's financial statement of a reporting period (.xlsx).

Swedish headers; numbers and dates are written as numbers and dates, not text. CSV is written the
way Swedish Excel opens it directly: UTF-8 with a byte-order mark and semicolons. Text that a
spreadsheet would take for a formula is neutralised (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import datetime
import html
import io
from collections.abc import Iterable
from decimal import Decimal

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from assignments.models import Assignment

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KRONOR_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def timezone_date(value: datetime.datetime | None) -> datetime.date | None:
    return timezone.localtime(value).date() if value else None


# --- Writers --------------------------------------------------------------------------------------


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        # A number stays a number, a negative one too: only text is neutralised.
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def write_csv(headers: list, rows: Iterable[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _set(cell, value, number_format: str | None = None):
    """Write a value so that text stays text (never a formula) and numbers and dates stay typed."""
    if isinstance(value, str):
        cell.value = value
        if value.startswith("="):
            cell.data_type = "s"
        return
    cell.value = value
    if isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int) and number_format:
        cell.number_format = number_format


def _header_row(sheet, row: int, headers: list):
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=column, value=str(header))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet, widths: dict[int, int]):
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width


def _to_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def assignments_csv(assignments) -> bytes:
    return write_csv(ASSIGNMENT_HEADERS, assignment_rows(assignments))


def assignments_xlsx(assignments) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Uppdrag")
    _header_row(sheet, 1, ASSIGNMENT_HEADERS)
    for row_index, row in enumerate(assignment_rows(assignments), start=2):
        for column, value in enumerate(row, start=1):
            _set(sheet.cell(row=row_index, column=column), value)
            if column == 2:
                sheet.cell(row=row_index, column=column).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    _widths(sheet, {1: 12, 2: 70, 3: 28, 4: 10, 5: 28, 6: 13, 7: 28, 8: 28, 9: 12, 10: 13, 11: 30, 12: 24, 13: 13})
    return _to_bytes(workbook)


# --- The comparison of a case -------------------------------------------------------------------


def _plain(value) -> str:
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def _column_label(column) -> str:
    motion = column.motion
    parties = ", ".join(p.abbreviation for p in column.parties)
    label = str(motion.get_kind_display())
    if parties:
        label += f" ({parties})"
    label += " " + (motion.date.isoformat() if motion.date else _("datum saknas"))
    if motion.is_revised:
        label += " " + _("(reviderat)")
    return label


def _cell_text(cell) -> str:
    point_text = f"{_('punkt')} {cell.point.number}: {_plain(cell.point.text)}" if cell.point is not None else ""
    if cell.status == "same":
        return f"{_('Oförändrad')} – {point_text}"
    if cell.status == "changed":
        return f"{_('Ändrad')} – {point_text}"
    if cell.status == "kept":
        return f"{_('Bifalls i övrigt')} – {_plain(cell.html)}"
    if cell.status == "dropped":
        if cell.merged_into is not None:
            return _("Stryks – sammanförd med yrkandets punkt %(number)s") % {"number": cell.merged_into.number}
        return _("Stryks")
    if cell.status == "not_addressed":
        return _("Tar inte ställning")
    if cell.status == "new":
        return f"{_('Nytt')} – {point_text}" if point_text else f"{_('Nytt')} – {_plain(cell.html)}"
    if cell.status == "missing":
        text = _("Text saknas")
        if cell.html:
            text += " – " + _("Enligt protokollet %(decision)s:") % {"decision": cell.note} + " " + _plain(cell.html)
        return text
    return ""


def comparison_csv(comparison) -> bytes:
    """Rows: the proposal's points (and points only a motion has); one column per shown motion."""
    columns = comparison.shown_columns
    headers = [_("Punkt"), _("Tjänsteutlåtandet")] + [_column_label(column) for column in columns]
    rows = []
    for row in comparison.rows:
        if row.kind == "referral":
            first = [_("Återremiss"), ""]
        elif row.kind == "point":
            first = [row.proposal_point.number, _plain(row.proposal_point.text)]
        else:
            first = [_("Ny punkt"), ""]
        rows.append(first + [_cell_text(cell) for cell in row.cells])
    return write_csv(headers, rows)


# --- A board's financial statement --------------------------------------------------------------

STATEMENT_COLUMNS = [
    ("utfall", gettext_lazy("Utfall perioden")),
    ("budget", gettext_lazy("Budget perioden")),
    ("avvikelse", gettext_lazy("Avvikelse")),
    ("utfall_fg_ar", gettext_lazy("Utfall fg år")),
    ("prognos", gettext_lazy("Prognos helår")),
    ("fg_prognos", gettext_lazy("Fg prognos")),
    ("budget_helar", gettext_lazy("Budget helår")),
    ("bokslut_fg_ar", gettext_lazy("Bokslut fg år")),
]
CENTRAL_COLUMNS = [
    ("utfall", gettext_lazy("Utfall perioden")),
    ("prognos", gettext_lazy("Prognos helår")),
    ("budget", gettext_lazy("Budgeterat belopp helår")),
]


def statement_xlsx(board, period, statements, central_items) -> bytes:
    """One sheet per statement (section) and one for the kommuncentrala poster; amounts in kronor."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for statement in statements:
        title = statement.title if not statement.section else f"{statement.section} {statement.title}"
        sheet = workbook.create_sheet(_sheet_title(statement.section or statement.title, workbook))
        _set(sheet.cell(row=1, column=1), title)
        sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
        _set(sheet.cell(row=2, column=1), f"{board.name} – {period}")
        sheet.cell(row=3, column=1, value=_("Belopp i kronor"))
        _header_row(sheet, 5, [_("Rad")] + [label for _key, label in STATEMENT_COLUMNS])
        row_index = 6
        group = None
        for line in statement.lines.all():
            if line.group and line.group != group:
                group = line.group
                _set(sheet.cell(row=row_index, column=1), group)
                sheet.cell(row=row_index, column=1).font = Font(bold=True, italic=True)
                row_index += 1
            label_cell = sheet.cell(row=row_index, column=1)
            _set(label_cell, line.label)
            if line.kind in ("resultat", "summa"):
                label_cell.font = Font(bold=True)
            for column, (key, _label) in enumerate(STATEMENT_COLUMNS, start=2):
                _set(sheet.cell(row=row_index, column=column), getattr(line, key), KRONOR_FORMAT)
            row_index += 1
        sheet.freeze_panes = "B6"
        _widths(sheet, {1: 42} | dict.fromkeys(range(2, len(STATEMENT_COLUMNS) + 2), 16))
    if central_items:
        sheet = workbook.create_sheet(_sheet_title(_("Kommuncentrala poster"), workbook))
        sheet.cell(row=1, column=1, value=_("Kommuncentrala poster")).font = Font(bold=True, size=13)
        sheet.cell(row=2, column=1, value=f"{board.name} – {period}")
        sheet.cell(row=3, column=1, value=_("Belopp i kronor"))
        _header_row(sheet, 5, [_("Post")] + [label for _key, label in CENTRAL_COLUMNS])
        for row_index, item in enumerate(central_items, start=6):
            _set(sheet.cell(row=row_index, column=1), item.label)
            for column, (key, _label) in enumerate(CENTRAL_COLUMNS, start=2):
                _set(sheet.cell(row=row_index, column=column), getattr(item, key), KRONOR_FORMAT)
        _widths(sheet, {1: 50, 2: 16, 3: 16, 4: 20})
    return _to_bytes(workbook)


def _sheet_title(text: str, workbook: Workbook) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip()[:31] or _("Blad")
    title, number = cleaned, 2
    while title in workbook.sheetnames:
        suffix = f" ({number})"
        title = cleaned[: 31 - len(suffix)] + suffix
        number += 1
    return title
