"""The assignment list as CSV and XLSX (assignments/exports.py), read back as a spreadsheet reads them."""

import datetime

from assignments.models import Assignment, Responsibility
from tests.core.readback import read_csv, read_xlsx


def test_assignment_csv_has_swedish_headers_and_every_assignment(client, real_data):
    rows = read_csv(client.get("/uppdrag/export.csv"))
    assert rows[0][:3] == ["Diarienummer", "Uppdrag", "Källa"]
    assert "Status" in rows[0]
    dnrs = [row[0] for row in rows[1:]]
    assert sorted(dnrs) == sorted(Assignment.objects.values_list("dnr", flat=True))
    row = next(row for row in rows[1:] if row[0] == "1443/22")
    assert "kollektivavtal" in row[1]


def test_assignment_xlsx_numbers_and_dates_are_typed(client, real_data):
    workbook = read_xlsx(client.get("/uppdrag/export.xlsx"))
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
    rows = read_csv(client.get("/uppdrag/export.csv", {"namnd": responsibility.board.slug, "status": "in_progress"}))
    assert {row[0] for row in rows[1:]} == expected
    rows = read_csv(client.get("/uppdrag/export.csv", {"q": "kollektivavtal"}))
    assert [row[0] for row in rows[1:]] == ["1443/22"]


def test_assignment_export_refuses_bad_filters_in_swedish(client, db):
    response = client.get("/uppdrag/export.csv", {"status": "klar", "ar": "x"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Exporten kunde inte göras." in text and "Okänd status" in text and "fyra siffror" in text


def test_assignment_export_query_count_is_constant(client, real_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get("/uppdrag/export.xlsx")
    # An error page costs few queries too: the count only means something for the real workbook.
    rows = list(read_xlsx(response)["Uppdrag"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == Assignment.objects.count()


def test_text_that_looks_like_a_formula_stays_text(client, real_data):
    assignment = Assignment.objects.order_by("id").first()
    assignment.text = '=HYPERLINK("http://example.com")'
    assignment.save()
    rows = read_csv(client.get("/uppdrag/export.csv"))
    assert next(row for row in rows if row[0] == assignment.dnr)[1].startswith("'=")
    sheet = read_xlsx(client.get("/uppdrag/export.xlsx"))["Uppdrag"]
    cell = next(row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == assignment.dnr)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
