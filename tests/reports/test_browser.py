"""The report pages in Chromium: accessible, and a visible "genererar…" state while the PDF is made."""

import time

import pytest
from playwright.sync_api import expect

from tests.conftest import axe_violations, login_in_browser

QUERY = "?namnd=kommunstyrelsen&period=2023-augusti"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_report_pages_have_no_axe_violations(live_server, page, real_data, make_user):
    make_user("sekretariatet", "sekretariat")
    login_in_browser(page, live_server, "sekretariatet")
    for path in ("/rapporter/", f"/rapporter/{QUERY}", "/rapporter/kommunstyrelsen/2023/augusti/"):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pdf_link_shows_genererar_then_done(live_server, page, real_data, monkeypatch):
    # The live server runs in this process: its PDF is made to take a moment, so that the busy
    # state can be seen on any machine (a fast one renders the PDF before the text could be read).
    from reports import views as report_views

    render = report_views.render_pdf
    monkeypatch.setattr(report_views, "render_pdf", lambda html: (time.sleep(1.5), render(html))[1])
    page.goto(f"{live_server.url}/rapporter/{QUERY}")
    link = page.locator("a.js-pdf-download")
    status = page.locator("#pdf-status")
    # Every state the link and the status pass through, recorded in the page as it happens: the live
    # server renders in this process, so the click may only return once the PDF has arrived, and by
    # the time this test could look the page may rightly say it is done (seen in CI).
    page.evaluate(
        """() => {
          window.pdfStates = [];
          const link = document.querySelector("a.js-pdf-download");
          const status = document.getElementById("pdf-status");
          const record = () => window.pdfStates.push([link.getAttribute("aria-busy"), status.textContent]);
          new MutationObserver(record).observe(link, {attributes: true});
          new MutationObserver(record).observe(status, {childList: true, characterData: true, subtree: true});
        }"""
    )
    with page.expect_download() as download_info:
        link.click(no_wait_after=True)
    download = download_info.value
    assert download.suggested_filename == "delarsrapport-augusti-2023-for-kommunstyrelsen.pdf"
    expect(status).to_have_text("PDF:en är klar.", timeout=30_000)
    expect(link).not_to_have_attribute("aria-busy", "true")
    states = page.evaluate("window.pdfStates")
    assert any(busy == "true" and text.startswith("Genererar PDF…") for busy, text in states), states
