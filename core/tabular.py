"""Writers for the files people take into their own tools: CSV and Excel (.xlsx, openpyxl).

Numbers and dates are written as numbers and dates, not text. CSV is written the way Swedish Excel
opens it directly: UTF-8 with a byte-order mark and semicolons. Text that a spreadsheet would take
for a formula is neutralised (OWASP "CSV injection"). The apps' exports (assignments, the
comparison, a financial statement) build their rows and hand them to these writers.
"""

from __future__ import annotations

import csv
import datetime
import html
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from openpyxl import Workbook

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KRONOR_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def timezone_date(value: datetime.datetime | None) -> datetime.date | None:
    return timezone.localtime(value).date() if value else None


def plain(value) -> str:
    """Rendered HTML (a comparison cell) as one line of plain text."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def csv_cell(value) -> str:
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
        writer.writerow([csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def set_cell(cell, value, number_format: str | None = None):
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


def header_row(sheet, row: int, headers: list):
    from openpyxl.styles import (
        Alignment,
        Font,
    )  # here, not at the top: openpyxl takes ~10 MB of every server process (issue 18)

    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=column, value=str(header))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def set_widths(sheet, widths: dict[int, int]):
    from openpyxl.utils import get_column_letter

    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_title(text: str, workbook: Workbook) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip()[:31] or _("Blad")
    title, number = cleaned, 2
    while title in workbook.sheetnames:
        suffix = f" ({number})"
        title = cleaned[: 31 - len(suffix)] + suffix
        number += 1
    return title


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
