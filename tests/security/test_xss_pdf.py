"""Script in free text is printed as text in the PDFs: the delårsrapport and the comparison of a case.

The payloads of test_xss.py go into every free text the PDFs print: for the report an assignment's
text, its status report, the board's name (cover, metadata and the footer's CSS string), a row of
the financial statement and a kommuncentral post; for the comparison the case title, the points of
the proposal and of a motion (unchanged, changed and new) and a party's name.

Three things are checked: the HTML handed to WeasyPrint has them escaped; read back from the PDF
(poppler's pdftotext) they are literal text; and the PDF has no link to anything outside itself,
no JavaScript and no action that runs on opening (the report's own table of contents links to
its pages, which is allowed).
"""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from django.test import Client

from assignments.models import Assignment, Board, ReportingPeriod, StatusReport
from budget.models import CentralItem, StatementLine
from core.pdf import StaticOnlyURLFetcher, render_pdf
from motions import comparison_views as comparison_pdf
from motions.models import Case, Party
from reports.composition import compose_report
from reports.rendering import report_document_html
from tests.reports.pdftext import normalize, pdf_pages

from .test_xss import ESCAPED, IMG, PAYLOADS, RAW, SCRIPT


def assert_escaped_html(html: str, *, count: int) -> None:
    """No payload as markup; each of them escaped at least `count` times."""
    for raw in RAW:
        assert raw not in html, f"raw {raw!r} in the HTML for the PDF"
    assert "<script" not in html and "<img" not in html
    for payload in PAYLOADS:
        assert html.count(ESCAPED[payload]) >= count, (payload, html.count(ESCAPED[payload]))


def pdf_text(pdf: bytes) -> str:
    return normalize(" ".join(pdf_pages(pdf)))


def assert_literal_text(pdf: bytes, *expected: str) -> None:
    """Each expected string is in the PDF's text; compared without spaces, as a line break may fall inside it."""
    text = re.sub(r"\s+", "", pdf_text(pdf))
    for part in expected:
        assert re.sub(r"\s+", "", part) in text, f"{part!r} is not in the PDF's text"


def assert_nothing_active(pdf: bytes) -> None:
    """No external link, no JavaScript, no launch or open action; internal links (GoTo, Dest) only."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/OpenAction" not in root and "/AA" not in root
    assert "/JavaScript" not in root.get("/Names", {})
    for number, page in enumerate(reader.pages, start=1):
        assert "/AA" not in page
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            assert annotation.get("/Subtype") == "/Link", (number, annotation)
            action = annotation.get("/A")
            if action is not None:
                action = action.get_object()
                assert action.get("/S") == "/GoTo", (number, action)
            else:
                assert "/Dest" in annotation, (number, annotation)
    for marker in (b"/JavaScript", b"/JS ", b"/JS(", b"/JS<", b"/Launch", b"/URI", b"/SubmitForm"):
        assert marker not in pdf, marker


# --- the delårsrapport ------------------------------------------------------------------------------------------------


@pytest.fixture
def poisoned_report(real_data):
    board = Board.objects.get(slug="kommunstyrelsen")
    board.name = f"Kommunstyrelsen {SCRIPT} {IMG}"
    board.save()
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    assignment = Assignment.objects.get(dnr="0921/22")
    assignment.text = f"{SCRIPT} {IMG} {assignment.text}"
    assignment.save()
    report = StatusReport.objects.get(assignment=assignment, board=board, period=period)
    report.text = f"Redovisningen {SCRIPT}\n\n{IMG} slut."
    report.save()
    line = StatementLine.objects.filter(statement__board=board, statement__period=period).order_by("id").first()
    line.label = f"Rad {SCRIPT} {IMG}"
    line.save()
    item = CentralItem.objects.filter(board=board, period=period).order_by("id").first()
    item.label = f"Post {SCRIPT} {IMG}"
    item.save()
    return compose_report(board, period)


def test_the_report_html_for_the_pdf_escapes_every_free_text(poisoned_report):
    html = report_document_html(poisoned_report)
    # Cover, metadata and the text of the assignment, its report, the statement row and the post.
    assert_escaped_html(html, count=5)
    assert f"Redovisningen {ESCAPED[SCRIPT]}" in html
    assert f"Rad {ESCAPED[SCRIPT]} {ESCAPED[IMG]}" in html and f"Post {ESCAPED[SCRIPT]} {ESCAPED[IMG]}" in html
    assert f'<meta name="author" content="Kommunstyrelsen {ESCAPED[SCRIPT]} {ESCAPED[IMG]}">' in html
    # The footer is a CSS string in <style>: every character but ASCII letters and digits a CSS escape.
    style = html[html.index("<style>") : html.index("</style>")]
    assert "<" not in style[len("<style>") :] and "alert(1)" not in style
    assert "\\00003c" in style and "\\000022" in style


def test_the_report_pdf_prints_the_payloads_as_text_and_links_nowhere(poisoned_report):
    fetcher = StaticOnlyURLFetcher()
    pdf = render_pdf(report_document_html(poisoned_report), fetcher=fetcher)
    assert fetcher.refused == []  # <img src=x> stayed text: nothing was even asked for
    assert_literal_text(
        pdf,
        f"Kommunstyrelsen {SCRIPT} {IMG}",  # the cover and every page's footer
        f"Redovisningen {SCRIPT}",
        f"{IMG} slut.",
        f"Rad {SCRIPT} {IMG}",
        f"Post {SCRIPT} {IMG}",
    )
    assert pdf_text(pdf).count(SCRIPT) >= 6
    assert_nothing_active(pdf)
    metadata = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert metadata.author == f"Kommunstyrelsen {SCRIPT} {IMG}"


# --- the comparison of a case -----------------------------------------------------------------------------------------


@pytest.fixture
def poisoned_case(real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    case.title = f"Ärendet {SCRIPT} {IMG}"
    case.save()
    proposal_points = list(case.proposals.get().points.order_by("number"))
    proposal_points[0].text = f"{proposal_points[0].text} {SCRIPT} {IMG}"
    proposal_points[0].save()
    motion = case.motions.order_by("sort_order", "id").first()
    points = list(motion.points.order_by("number"))
    points[-1].text = f"Nytt {SCRIPT} och {IMG} sist."
    points[-1].save()
    party = motion.parties.order_by("id").first() or Party.objects.order_by("id").first()
    party.name = f"Partiet {SCRIPT} {IMG}"
    party.save()
    return case


def test_the_comparison_pdf_prints_the_payloads_as_text_and_links_nowhere(poisoned_case, monkeypatch):
    seen = []

    def spy(html, **kwargs):
        seen.append(html)
        return render_pdf(html, **kwargs)

    monkeypatch.setattr(comparison_pdf, "render_pdf", spy)
    response = Client().get(f"/arenden/{poisoned_case.url_key}/jamfor.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"

    (html,) = seen
    assert_escaped_html(html, count=2)
    assert f"Ärendet {ESCAPED[SCRIPT]} {ESCAPED[IMG]}" in html
    assert f'title="Partiet {ESCAPED[SCRIPT]} {ESCAPED[IMG]}"' in html

    pdf = response.content
    assert_literal_text(pdf, f"Ärendet {SCRIPT} {IMG}", f"{SCRIPT} {IMG}", f"Nytt {SCRIPT} och {IMG} sist.")
    assert_nothing_active(pdf)


def test_the_checks_catch_an_unescaped_payload_and_an_external_link():
    with pytest.raises(AssertionError):
        assert_escaped_html(f"<p>{SCRIPT}</p>", count=0)
    linked = render_pdf('<p><a href="https://example.org/">extern länk</a></p>')
    with pytest.raises(AssertionError):
        assert_nothing_active(linked)
    plain = render_pdf("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    assert_literal_text(plain, SCRIPT)
    assert_nothing_active(plain)
