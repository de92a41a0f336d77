"""Exports read back as their users' tools read them: csv with ; and a BOM, and openpyxl workbooks."""

import csv
import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from assignments.models import Assignment, Responsibility
from budget.models import FinancialStatement, StatementLine
from core.tabular import csv_cell as _csv_cell


def _csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _xlsx(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "attachment" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content))


def test_assignment_csv_has_swedish_headers_and_every_assignment(client, real_data):
    rows = _csv(client.get("/uppdrag/export.csv"))
    assert rows[0][:3] == ["Diarienummer", "Uppdrag", "Källa"]
    assert "Status" in rows[0]
    dnrs = [row[0] for row in rows[1:]]
    assert sorted(dnrs) == sorted(Assignment.objects.values_list("dnr", flat=True))
    row = next(row for row in rows[1:] if row[0] == "1443/22")
    assert "kollektivavtal" in row[1]


def test_assignment_xlsx_numbers_and_dates_are_typed(client, real_data):
    workbook = _xlsx(client.get("/uppdrag/export.xlsx"))
    sheet = workbook["Uppdrag"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[0] == "Diarienummer" and headers[3] == "Budgetår"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == Assignment.objects.count()
    budget_years = [row[3] for row in rows if row[3] is not None]
    assert budget_years and all(isinstance(year, int) for year in budget_years)
    origin_dates = [row[5] for row in rows if row[5] is not None]
    assert origin_dates and all(isinstance(day, datetime.datetime) for day in origin_dates)
    assert sheet.cell(row=2, column=6).number_format in ("yyyy-mm-dd", "General")


def test_assignment_export_uses_the_filters(client, real_data):
    responsibility = Responsibility.objects.select_related("board").order_by("id").first()
    expected = set(
        Assignment.objects.filter(responsibilities__board=responsibility.board, status="in_progress").values_list(
            "dnr", flat=True
        )
    )
    rows = _csv(client.get("/uppdrag/export.csv", {"namnd": responsibility.board.slug, "status": "in_progress"}))
    assert {row[0] for row in rows[1:]} == expected
    rows = _csv(client.get("/uppdrag/export.csv", {"q": "kollektivavtal"}))
    assert [row[0] for row in rows[1:]] == ["1443/22"]


def test_assignment_export_refuses_bad_filters_in_swedish(client, db):
    response = client.get("/uppdrag/export.csv", {"status": "klar", "ar": "x"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Exporten kunde inte göras." in text and "Okänd status" in text and "fyra siffror" in text


def test_assignment_export_query_count_is_constant(client, real_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get("/uppdrag/export.xlsx")


def test_text_that_looks_like_a_formula_stays_text(client, real_data):
    assignment = Assignment.objects.order_by("id").first()
    assignment.text = '=HYPERLINK("http://example.com")'
    assignment.save()
    rows = _csv(client.get("/uppdrag/export.csv"))
    assert next(row for row in rows if row[0] == assignment.dnr)[1].startswith("'=")
    sheet = _xlsx(client.get("/uppdrag/export.xlsx"))["Uppdrag"]
    cell = next(row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == assignment.dnr)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert _csv_cell("-5") == "'-5" and _csv_cell(5) == "5"
    # Numbers are not text, whatever their sign.
    assert _csv_cell(-5) == "-5" and _csv_cell(Decimal("-2.5")) == "-2.5"


def test_comparison_csv_has_the_proposal_points_and_a_column_per_motion(client, real_data):
    rows = _csv(client.get("/arenden/SLK-2022-00921/jamfor.csv"))
    headers = rows[0]
    assert headers[:2] == ["Punkt", "Tjänsteutlåtandet"]
    assert len(headers) >= 4 and all(
        h.startswith(("Yrkande", "Tilläggsyrkande", "Ändringsyrkande", "Återremiss")) for h in headers[2:]
    )
    numbered = [row for row in rows[1:] if row[0].isdigit()]
    assert [int(row[0]) for row in numbered] == list(range(1, len(numbered) + 1))
    assert len(numbered) == 12
    assert all(len(row) == len(headers) for row in rows)
    cells = [cell for row in rows[1:] for cell in row[2:]]
    assert any(cell.startswith(("Oförändrad", "Ändrad", "Stryks", "Bifalls i övrigt")) for cell in cells)


def test_comparison_csv_of_an_unknown_case_is_404(client, db):
    assert client.get("/arenden/SLK-1999-00001/jamfor.csv").status_code == 404


def test_statement_xlsx_amounts_are_numbers_in_kronor(client, real_data):
    statement = FinancialStatement.objects.select_related("board", "period").order_by("id").first()
    period = statement.period
    url = f"/budget/{statement.board.slug}/{period.year}/{period.slug}/resultatredovisning.xlsx"
    workbook = _xlsx(client.get(url))
    sheet = workbook.worksheets[0]
    assert sheet.cell(row=3, column=1).value == "Belopp i kronor"
    assert [cell.value for cell in sheet[5]][:4] == ["Rad", "Utfall perioden", "Budget perioden", "Avvikelse"]
    line = StatementLine.objects.filter(statement=statement, utfall__isnull=False).order_by("position").first()
    row = next(row for row in sheet.iter_rows(min_row=6) if row[0].value == line.label)
    assert row[1].value == line.utfall and isinstance(row[1].value, int)
    assert row[1].number_format == "#,##0"
    if line.budget is not None:
        assert row[3].value == line.utfall - line.budget
    if period.central_items.filter(board=statement.board).exists():
        assert "Kommuncentrala poster" in workbook.sheetnames


def test_statement_xlsx_unknown_board_or_period_is_404(client, real_data):
    assert client.get("/budget/finns-inte/2023/augusti/resultatredovisning.xlsx").status_code == 404
    assert client.get("/budget/kommunstyrelsen/2023/hosten/resultatredovisning.xlsx").status_code == 404


def test_statement_text_that_looks_like_a_formula_stays_text(client, real_data):
    statement = FinancialStatement.objects.select_related("board", "period").order_by("id").first()
    statement.title = "=1+1"
    statement.save()
    line = statement.lines.order_by("position").first()
    line.group = '=HYPERLINK("http://example.com")'
    line.save()
    period = statement.period
    url = f"/budget/{statement.board.slug}/{period.year}/{period.slug}/resultatredovisning.xlsx"
    sheet = _xlsx(client.get(url)).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert any(cell.value == line.group and cell.data_type == "s" for cell in cells)


def test_export_links_are_on_the_pages_they_export(client, real_data):
    compare = client.get("/arenden/SLK-2022-00921/jamfor/?urval=1&visa=1").content.decode()
    assert 'href="/arenden/SLK-2022-00921/jamfor.csv?urval=1&amp;visa=1"' in compare
    statement = FinancialStatement.objects.select_related("board", "period").order_by("id").first()
    board, period = statement.board, statement.period
    page = client.get(f"/budget/namnder/{board.slug}/{period.year}/{period.slug}/").content.decode()
    assert f'href="/budget/{board.slug}/{period.year}/{period.slug}/resultatredovisning.xlsx"' in page
