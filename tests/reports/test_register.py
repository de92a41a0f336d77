"""The verkställighetsregister: rows, counts, filters, PDF and Excel, and its query count."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assignments.models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport
from reports.register import Tally, build_register
from tests.core.pdfstructure import assert_accessible, assert_headings_in_order
from tests.core.readback import read_xlsx
from tests.reports.pdftext import normalize, pdf_pages

URL = "/rapporter/verkstallighetsregister/"

pytestmark = pytest.mark.django_db


def _counts(register):
    return {key: count for key, _label, count in register.counts}


def _new_assignment(dnr, *, status=Assignment.Status.NOT_STARTED, deadline=None, year=2024, body="kommunfullmaktige"):
    assignment = Assignment.objects.create(
        dnr=dnr,
        text=f"Nämnden får i uppdrag att göra {dnr}",
        source=Assignment.Source.KF_OUTSIDE_BUDGET if body == "kommunfullmaktige" else Assignment.Source.KS,
        origin_body=Board.objects.get(slug=body),
        origin_date=datetime.date(year, 3, 1),
        origin_paragraph="7",
        origin_point="1",
        status=status,
        deadline=deadline,
    )
    Responsibility.objects.create(assignment=assignment, board=Board.objects.get(slug="kulturnamnden"), is_lead=True)
    return assignment


def test_every_shipped_assignment_per_year_and_body(real_data, client):
    response = client.get(URL)
    assert response.status_code == 200
    register = response.context["register"]
    rows = response.context["rows"]
    assert register.total == len(rows) == Assignment.objects.count() == 14
    keys = [(group.year, group.body.slug, group.total) for group in register.groups]
    assert keys == [(2023, "kommunfullmaktige", 10), (2022, "kommunfullmaktige", 3), (2022, "kommunstyrelsen", 1)]
    # Newest year first, KF before KS.
    assert [row.assignment.dnr for row in rows][-1] == "1432/22"
    row = next(row for row in rows if row.assignment.dnr == "0921/22")
    # The decision point that gave it links to its case, and the last report is augusti 2023.
    assert row.case.dnr == "0355/20" and row.point.number == 3
    assert str(row.last_report.period) == "Delårsrapport augusti 2023"
    assert _counts(register) == {Tally.DONE: 0, Tally.IN_PROGRESS: 14, Tally.NOT_STARTED: 0, Tally.NO_REPORT: 0}
    html = response.content.decode()
    assert f'href="/arenden/0355-20/punkter/{row.point.pk}/"' in html
    assert "KF 2022-06-16 § 4, punkt 3" in html


def test_the_navigation_links_the_register(client, db):
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_filters_by_year_and_body_in_the_url(real_data, client):
    response = client.get(URL, {"ar": "2022", "organ": "kommunfullmaktige"})
    assert response.status_code == 200
    dnrs = [row.assignment.dnr for row in response.context["rows"]]
    assert dnrs == ["0921/22", "1236/22", "1407/22"]  # by decision date
    assert response.context["register"].total == 3
    ks = client.get(URL, {"organ": "kommunstyrelsen"}).context["rows"]
    assert [row.assignment.dnr for row in ks] == ["1432/22"]
    # A budget assignment without a decision date counts in its budget year.
    budget = client.get(URL, {"ar": "2023"}).context["rows"]
    assert "1446/22" in {row.assignment.dnr for row in budget}


@pytest.mark.parametrize(
    "query, message",
    [
        ({"ar": "tjugo"}, "Ange året med fyra siffror"),
        ({"ar": "1999"}, "2000 eller senare"),
        ({"organ": "kulturnamnden"}, "Välj kommunfullmäktige eller kommunstyrelsen"),
    ],
)
def test_a_bad_filter_is_a_swedish_message_not_an_error(real_data, client, query, message):
    for url in (URL, "/rapporter/verkstallighetsregister.pdf", "/rapporter/verkstallighetsregister.xlsx"):
        response = client.get(url, query)
        assert response.status_code == 400
        assert message in response.content.decode()


def test_counts_and_overdue(real_data):
    today = timezone.localdate()
    past = today - datetime.timedelta(days=1)
    late = _new_assignment("0001/24", deadline=past)
    _new_assignment("0002/24", status=Assignment.Status.COMPLETED, deadline=past)
    _new_assignment("0003/24", status=Assignment.Status.IN_PROGRESS, deadline=today + datetime.timedelta(days=5))
    register = build_register(year=2024, today=today)
    assert _counts(register) == {Tally.DONE: 1, Tally.IN_PROGRESS: 1, Tally.NOT_STARTED: 1, Tally.NO_REPORT: 3}
    rows = register.rows(register.assignments())
    assert [row.assignment for row in rows if row.overdue] == [late]
    assert register.overdue == 1 and register.groups[0].overdue == 1


def test_the_last_report_is_the_latest_period(real_data):
    assignment = Assignment.objects.get(dnr="0921/22")
    later = ReportingPeriod.objects.create(year=2023, kind=ReportingPeriod.Kind.ARSRAPPORT)
    StatusReport.objects.create(
        assignment=assignment,
        period=later,
        board=Board.objects.get(slug="kommunstyrelsen"),
        text="Klart.",
        proposes=StatusReport.Proposal.COMPLETE,
    )
    register = build_register(today=timezone.localdate())
    row = next(row for row in register.rows(register.assignments()) if row.assignment == assignment)
    assert row.last_report.period == later


def test_pdf_lists_the_rows_and_counts(real_data, client):
    response = client.get("/rapporter/verkstallighetsregister.pdf", {"ar": "2022"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="verkstallighetsregister-2022.pdf"' in response["Content-Disposition"]
    text = normalize(" ".join(pdf_pages(response.content)))
    assert "Verkställighetsregister – 2022" in text
    for dnr in ("0921/22", "1236/22", "1407/22", "1432/22"):
        assert dnr in text
    assert "0197/23" not in text
    assert "Summa 4 0 4 0 0 0" in text  # uppdrag, fullgjorda, pågående, ej påbörjade, utan rapport, passerat


def test_excel_has_typed_cells_and_the_counts(real_data, client):
    workbook = read_xlsx(client.get("/rapporter/verkstallighetsregister.xlsx", {"organ": "kommunfullmaktige"}))
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:5] == ("År", "Beslutande organ", "Beslut", "Ärende", "Diarienummer")
    by_dnr = {row[4]: row for row in rows[1:]}
    assert len(by_dnr) == 13 and "1432/22" not in by_dnr
    assert by_dnr["0921/22"][0] == 2022 and by_dnr["0921/22"][3] == "0355/20"
    assert by_dnr["1443/22"][11] == datetime.datetime(2023, 12, 31)
    counts = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert counts[0][:6] == (
        "År",
        "Beslutande organ",
        "Förklarade fullgjorda",
        "Pågående",
        "Ej påbörjade",
        "Utan statusrapport",
    )
    assert counts[1][:4] == (2023, "Kommunfullmäktige", 0, 10)


def test_text_is_escaped(real_data, client):
    assignment = _new_assignment("0004/24")
    assignment.text = '<script>alert("x")</script> uppdrag'
    assignment.save()
    html = client.get(URL, {"ar": "2024"}).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", [URL, "/rapporter/verkstallighetsregister.xlsx"])
def test_query_count_does_not_grow_with_the_rows(real_data, client, path, django_assert_max_num_queries):
    few = _queries(client, path)
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    for number in range(30):
        assignment = _new_assignment(f"{100 + number:04d}/24", year=2020 + number % 4)
        StatusReport.objects.create(
            assignment=assignment,
            period=period,
            board=Board.objects.get(slug="kulturnamnden"),
            text="Pågår.",
            proposes=StatusReport.Proposal.PARTIAL,
        )
    with django_assert_max_num_queries(10):
        assert client.get(path).status_code == 200
    # The page's counts and rows are cached by the content version (register.html): measured rendered.
    caches["fragments"].clear()
    assert _queries(client, path) == few


def test_the_page_is_paged_and_a_pdf_of_too_many_rows_is_refused(real_data, client, monkeypatch):
    from reports import register_views

    monkeypatch.setattr(register_views, "PAGE_SIZE", 5)
    monkeypatch.setattr(register_views, "MAX_PDF_ROWS", 10)
    second = client.get(URL, {"sida": "2"})
    assert len(second.context["rows"]) == 5 and second.context["page"].number == 2
    assert second.context["register"].total == 14
    refused = client.get("/rapporter/verkstallighetsregister.pdf")
    assert refused.status_code == 400
    assert "Urvalet har 14 uppdrag; en PDF rymmer högst 10" in refused.content.decode()
    assert client.get("/rapporter/verkstallighetsregister.pdf", {"ar": "2022"}).status_code == 200


@pytest.mark.parametrize("size", [1, 3, 4, 50])
def test_every_page_holds_the_register_rows_in_order_across_the_groups(real_data, client, monkeypatch, size):
    """A page is read from the groups it falls in (Register.assignments_between): pages that start or
    end inside a group, or span several, hold exactly the rows the whole register has there."""
    from reports import register_views

    undated = _new_assignment("0001/99")
    Assignment.objects.filter(pk=undated.pk).update(origin_date=None, budget_year=None)  # the year-less group
    monkeypatch.setattr(register_views, "PAGE_SIZE", size)
    caches["fragments"].clear()
    register = build_register(today=timezone.localdate())
    expected = [assignment.dnr for assignment in register.assignments()]
    assert len(expected) == register.total == 15 and expected[-1] == "0001/99"
    paged = []
    for number in range(1, -(-register.total // size) + 1):
        paged += [row.assignment.dnr for row in client.get(URL, {"sida": number}).context["rows"]]
    assert paged == expected


@pytest.mark.django_db
def test_the_register_pdf_is_tagged_pdf_ua_with_its_table_headers(real_data, client):
    response = client.get("/rapporter/verkstallighetsregister.pdf", {"ar": "2022"})
    structure = assert_accessible(response.content, title="Verkställighetsregister – 2022")
    assert_headings_in_order(structure.headings())
    assert structure.root.find_all("Table")
    # The counts' seven column headers and the rows' seven, each a header cell with its scope.
    headers = structure.root.find_all("TH")
    assert len(headers) >= 14, len(headers)
    assert "Column" in {th.scope for th in headers}
