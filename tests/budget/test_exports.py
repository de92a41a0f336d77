"""A board's financial statement as XLSX (budget/exports.py), read back with openpyxl."""

from budget.models import FinancialStatement, StatementLine
from tests.core.readback import read_xlsx


def test_statement_xlsx_amounts_are_numbers_in_kronor(client, real_data):
    statement = FinancialStatement.objects.select_related("board", "period").order_by("id").first()
    period = statement.period
    url = f"/budget/{statement.board.slug}/{period.year}/{period.slug}/resultatredovisning.xlsx"
    workbook = read_xlsx(client.get(url))
    sheet = workbook.worksheets[0]
    assert sheet.cell(row=3, column=1).value == "Belopp i kronor"
    assert [cell.value for cell in sheet[5]][:4] == ["Rad", "Utfall perioden", "Budget perioden", "Avvikelse"]
    line = StatementLine.objects.filter(statement=statement, utfall__isnull=False).order_by("position").first()
    row = next(row for row in sheet.iter_rows(min_row=6) if row[0].value == line.label)
    assert row[1].value == line.utfall and isinstance(row[1].value, int)
    assert row[1].number_format == "#,##0"
    assert row[3].value == line.avvikelse  # as printed
    if period.central_items.filter(board=statement.board).exists():
        assert "Kommuncentrala poster" in workbook.sheetnames


def test_statement_xlsx_has_the_printed_avvikelse_and_marks_a_computed_one(client, real_data):
    statement = FinancialStatement.objects.select_related("board", "period").get(section="3.2.1")
    statement.lines.filter(kind="resultat").update(avvikelse=None)
    period = statement.period
    url = f"/budget/{statement.board.slug}/{period.year}/{period.slug}/resultatredovisning.xlsx"
    sheet = read_xlsx(client.get(url)).worksheets[0]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=6, max_row=10)}
    assert rows["Kostnader"][3].value == 27_400_000 and rows["Kostnader"][3].comment is None
    computed = rows["Resultat"][3]
    assert computed.value == 20_400_000 and computed.font.italic
    assert computed.comment.text == "Beräknad som utfall − budget: handlingen anger ingen avvikelse."


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
    sheet = read_xlsx(client.get(url)).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert any(cell.value == line.group and cell.data_type == "s" for cell in cells)


def test_statement_page_links_its_xlsx(client, real_data):
    statement = FinancialStatement.objects.select_related("board", "period").order_by("id").first()
    board, period = statement.board, statement.period
    page = client.get(f"/budget/namnder/{board.slug}/{period.year}/{period.slug}/").content.decode()
    assert f'href="/budget/{board.slug}/{period.year}/{period.slug}/resultatredovisning.xlsx"' in page
