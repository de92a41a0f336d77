"""User text in the report can make the renderer fetch nothing: not the network, not local files."""

import http.server
import threading

import pytest
from django.utils.safestring import mark_safe

from assignments.models import Board, ReportingPeriod, StatusReport
from core.pdf import StaticOnlyURLFetcher, render_pdf
from reports.composition import compose_report
from reports.rendering import report_document_html
from tests.reports.pdftext import normalize as _norm
from tests.reports.pdftext import pdf_pages


@pytest.fixture
def listener():
    """A tiny HTTP server on a free local port that records every request it gets."""
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_urls_in_a_status_report_are_neither_fetched_nor_read(real_data, listener):
    base, requests = listener
    spy = f"{base}/spion.png"
    raw = (
        f'<img src="{spy}"><img src="file:///etc/passwd">'
        f'<link rel="stylesheet" href="{base}/stil.css"><style>@import url("file:///etc/passwd");</style>'
    )
    report_row = StatusReport.objects.get(assignment__dnr="1407/22")
    report_row.text = f"Textningen är klar. {raw} Slut på redovisningen, åäö ÅÄÖ."
    report_row.save()
    board = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    report = compose_report(board, period)
    html = report_document_html(report)

    # The text is escaped: the tags are text in the document, not elements.
    assert f"&lt;img src=&quot;{spy}&quot;&gt;" in html
    assert raw not in html
    fetcher = StaticOnlyURLFetcher()
    pdf = render_pdf(html, fetcher=fetcher)
    assert fetcher.refused == []
    text = _norm(" ".join(pdf_pages(pdf)))
    assert f'<img src="{spy}">' in text and "file:///etc/passwd" in text
    assert "Slut på redovisningen, åäö ÅÄÖ." in text

    # Even if escaping were ever lost, the renderer's URL fetcher refuses both, and the PDF still renders
    # (the report's own document around the raw text: its CSS is still served, nothing else).
    unescaped = report_document_html(report, body=mark_safe(f"<p>Rå text: {raw}</p>"))  # noqa: S308
    fetcher = StaticOnlyURLFetcher()
    pdf = render_pdf(unescaped, fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert spy in fetcher.refused and "file:///etc/passwd" in fetcher.refused
    assert f"{base}/stil.css" in fetcher.refused
    assert not any("report.css" in url for url in fetcher.refused)
    assert requests == []
    assert b"root:x:0:0" not in pdf and "root:x:0:0" not in " ".join(pdf_pages(pdf))
