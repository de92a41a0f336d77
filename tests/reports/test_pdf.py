"""The KS report of August 2023 as a PDF, read back: sections, numbering, dnr, decision points,
figures, table of contents, footer, bookmarks, fonts and Swedish characters.

The PDF is rendered once for the module (inside a transaction that is rolled back afterwards).
"""

import re
import shutil
import subprocess
import tempfile
from types import SimpleNamespace

import pypdf
import pytest
from django.db import transaction

from assignments.models import Board, ReportingPeriod, StatusReport
from core.pdf import StaticOnlyURLFetcher
from goteborg_uppdrag.seed_loader import load_all
from reports.composition import compose_report
from reports.rendering import render_report_pdf
from tests.core.pdfstructure import assert_accessible, assert_headings_in_order, read_structure
from tests.reports.pdftext import normalize as _norm
from tests.reports.pdftext import pdf_pages

FOOTER = "Delårsrapport aug 2023 – Kommunstyrelsen"

# The mark makes pytest-django set up the test database, which the module fixture below uses.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def ks(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_all()
        board = Board.objects.get(slug="kommunstyrelsen")
        period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
        report = compose_report(board, period)
        fetcher = StaticOnlyURLFetcher()
        pdf = render_report_pdf(report, fetcher=fetcher)
        expected = SimpleNamespace(
            toc=[(s.number, s.title) for s in report.toc],
            points=[p.text for p in report.decision_points],
            dnrs=sorted(
                StatusReport.objects.filter(period=period, board=board).values_list("assignment__dnr", flat=True)
            ),
            row_labels={
                row.label
                for section in report.toc
                for table in section.tables
                for group in table.groups
                for row in group.rows
            },
        )
        transaction.set_rollback(True)
    pages = pdf_pages(pdf)
    layout = pdf_pages(pdf, "-layout")
    return SimpleNamespace(
        pdf=pdf,
        pages=pages,
        text=_norm(" ".join(pages)),
        layout=layout,
        lines=[_norm(line) for page in layout for line in page.splitlines()],
        refused=fetcher.refused,
        **vars(expected),
    )


def test_renders_with_the_apps_own_css_and_nothing_else(ks):
    assert ks.pdf.startswith(b"%PDF")
    assert ks.refused == []
    assert 8 <= len(ks.pages) <= 20


def test_sections_appear_in_order_with_their_numbers(ks):
    body = ks.text[ks.text.index("Förslag till beslut I kommunstyrelsen") :]
    position = 0
    for number, title in ks.toc:
        heading = _norm(f"{number} {title}")
        found = body.find(heading, position)
        assert found >= 0, heading
        position = found
    assert "1. Kommunstyrelsen får i uppdrag att ta fram en plan" in ks.text
    assert "2. Samtliga nämnder och styrelser får i uppdrag att möjliggöra" in ks.text
    assert "dnr 1407/22 - KF 2022-12-08, punkt 1." in ks.text


def test_every_dnr_of_the_period_is_in_the_pdf(ks):
    assert len(ks.dnrs) == 14
    for dnr in ks.dnrs:
        assert f"dnr {dnr}" in ks.text, dnr
        assert dnr in ks.text


def test_decision_points_are_printed(ks):
    assert len(ks.points) == 9
    for number, point in enumerate(ks.points, start=1):
        assert f"{number}. {_norm(point)}" in ks.text
    assert "från budget 2023 att inleda förhandlingar med Västra Götalandsregionen" in ks.text


def test_table_figures_in_swedish_format_and_right_aligned(ks):
    for row in (
        # Avvikelse as the document prints it (20,5 and 27,4; the rounded figures would give 20,4 and 27,5).
        "Resultat 26,3 5,9 20,5 32,5",
        "Kostnader −343,2 −370,7 27,4 −319,7",
        "Intäkter 47,8 49,8 1,8 45,9",  # Övrig verksamhet: the document's own slip, kept as printed
        "Kostnader −577,1 −590,4 −594,3 −543,0",
        "Personal-/kompetensförsörjning 13 400 43 300 45 000",
        "Bemanning −0,42 −0,60 0,18 −0,42",
    ):
        assert row in ks.lines, row
    assert not any(re.search(r"(^|\s)-\d", line) for line in ks.lines)  # one minus sign throughout: U+2212
    page = next(p for p in ks.layout if "3.2.1 Resultatredovisning" in p and "Intäkter" in p)
    rows = {}
    for line in page.splitlines():
        if line.split()[:1] in (["Intäkter"], ["Kostnader"]):
            rows.setdefault(line.split()[0], line)  # the period table comes first
    # Right-aligned: the first figures of both rows end in the same column (give or take pdftotext's grid),
    # so the shorter one starts further right.
    short, long = rows["Intäkter"].index("76,7"), rows["Kostnader"].index("−343,2")
    assert abs((short + 4) - (long + 6)) <= 1
    assert short - long >= 2


def test_table_headers_repeat_on_pages_a_table_continues_on(ks):
    starts = [next(_norm(line) for line in page.splitlines() if line.strip()) for page in ks.layout]
    continued = [start for start in starts if start.startswith(("Rad Utfall", "Rad Prognos"))]
    assert continued, "expected the combined table of 4.3 to break across pages"
    for start in starts:
        assert not any(start.startswith(label + " ") for label in ks.row_labels), start


def test_table_of_contents_page_numbers_match_where_sections_start(ks):
    toc_page = next(i for i, page in enumerate(ks.pages) if page.lstrip().startswith("Innehåll"))
    toc = _norm(ks.pages[toc_page])
    position = 0
    for number, title in ks.toc:
        entry = _norm(f"{number} {title}")
        start = toc.find(entry, position)
        assert start >= 0, entry
        match = re.compile(r"\.{3,} (\d+)").search(toc, start)
        page_number = int(match.group(1))
        position = match.end()
        assert entry in _norm(ks.pages[page_number - 1]), (entry, page_number)
        assert all(entry not in _norm(ks.pages[i]) for i in range(toc_page + 1, page_number - 1)), entry


def test_footer_on_every_page(ks):
    total = len(ks.pages)
    for number, page in enumerate(ks.pages, start=1):
        assert f"{FOOTER} {number} ({total})" in _norm(page), number


def test_bookmarks_for_the_sections(ks):
    with tempfile.TemporaryFile() as handle:
        handle.write(ks.pdf)
        reader = pypdf.PdfReader(handle)

        def flatten(items):
            for item in items:
                if isinstance(item, list):
                    yield from flatten(item)
                else:
                    yield item.title, reader.get_destination_page_number(item) + 1

        bookmarks = dict(flatten(reader.outline))
        assert reader.metadata.title == "Delårsrapport augusti 2023 för kommunstyrelsen"
        assert reader.metadata.author == "Kommunstyrelsen"
    assert "Förslag till beslut" in bookmarks
    for number in ("3", "3.2.1", "4.1.2.1", "4.1.3.2", "4.1.4.1", "4.3"):
        title = next(t for n, t in ks.toc if n == number)
        key = f"{number} {title}"
        assert key in bookmarks, key
        assert _norm(key) in _norm(ks.pages[bookmarks[key] - 1])


def test_swedish_characters_and_embedded_fonts(ks):
    for word in (
        "Förslag",
        "Övrig uppföljning",
        "äldre medarbetares",
        "Västra Götalandsregionen",
        "Kommuner mot brott",
    ):
        assert word in ks.text
    if shutil.which("pdffonts"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(ks.pdf)
            handle.flush()
            fonts = subprocess.run(["pdffonts", handle.name], capture_output=True, text=True, check=True).stdout
        names = [line.split()[0] for line in fonts.splitlines()[2:]]
        assert names and all(re.search(r"DejaVu|Liberation", name) for name in names), names


def test_the_pdf_is_tagged_pdf_ua_with_the_reports_title_and_swedish(ks):
    structure = assert_accessible(ks.pdf, title="Delårsrapport augusti 2023 för kommunstyrelsen")
    headings = structure.headings()
    assert_headings_in_order(headings)
    # The cover's title, the contents, then one heading per section of the contents, in its order.
    assert headings.count("H1") == 1
    assert len(headings) == 2 + len(ks.toc)


def test_the_pdf_tables_have_header_cells_for_rows_and_columns(ks):
    structure = read_structure(ks.pdf)
    tables = structure.root.find_all("Table")
    amount_tables = [table for table in tables if table.find_all("THead")]
    assert amount_tables, "no table with a header row"
    for table in amount_tables:
        (head, *_) = table.find_all("THead")
        assert {cell.tag for cell in head.walk() if cell.tag in {"TH", "TD"}} == {"TH"}
        assert {cell.scope for cell in head.find_all("TH")} == {"Column"}
        body_rows = [row for body in table.find_all("TBody") for row in body.find_all("TR")]
        for row in body_rows:
            if row.find_all("TD"):  # a data row starts with its label as a row header
                assert row.children[0].tag == "TH" and row.children[0].scope == "Row", row
    # The cover's facts are row headers too ("Nämnd", "Period", …), not a list of loose items.
    assert [cell.scope for cell in tables[0].find_all("TH")] == ["Row"] * len(tables[0].find_all("TH"))
    # Lists (contents, decision points, assignments) hold list items only.
    for items in structure.root.find_all("L"):
        assert {child.tag for child in items.children} <= {"LI", "Caption"}, [c.tag for c in items.children]
