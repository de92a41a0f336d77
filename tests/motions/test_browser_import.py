"""The motion import preview in Chromium: the secretariat uploads a corpus PDF, sees what the parse
could not tell flagged at its field, corrects it, saves, and finds the motion on the case; axe-core
on the preview, and the preview read at 1366 and at 390 pixels without sideways scrolling."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import axe_violations, login_in_browser

from .corpus.render import render

CORPUS = Path(__file__).parent / "corpus" / "motions"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretariat_uploads_a_pdf_corrects_the_flagged_fields_and_saves(
    live_server, page, real_data, make_user, tmp_path
):
    from motions.models import Motion

    # 12_no_header: no header block, so its party, date and body are flagged.
    pdf = tmp_path / "yrkande.pdf"
    pdf.write_bytes(render((CORPUS / "12_no_header.txt").read_text("utf-8"), running_header="Kommunstyrelsen"))
    make_user("sekretariatet", "sekretariat")
    login_in_browser(page, live_server, "sekretariatet")
    before = Motion.objects.count()
    page.goto(f"{live_server.url}/arenden/0064-23/las-in-yrkande/")
    page.get_by_label("eller en fil (PDF eller text i UTF-8)").set_input_files(str(pdf))
    page.get_by_role("button", name="Förhandsgranska").click()

    preview = page.locator("section.preview")
    expect(preview.get_by_role("heading", name="Förhandsgranskning – kontrollera och rätta")).to_be_visible()
    expect(preview.locator(".warning")).to_contain_text("Partiet framgår inte av handlingen")
    expect(preview.locator(".warning")).to_contain_text("Datum saknas")
    # Each flag stands by the field it concerns.
    expect(page.locator(".field", has=page.get_by_label("Partier")).locator(".flag")).to_contain_text(
        "Partiet framgår inte av handlingen"
    )
    expect(page.locator(".field", has=page.get_by_label("Datum", exact=True)).locator(".flag")).to_contain_text(
        "Datum saknas"
    )
    assert axe_violations(page) == []
    _screenshots(page, "preview")
    assert Motion.objects.count() == before  # nothing saved by the preview

    page.get_by_label("Datum", exact=True).fill("2024-06-04")
    page.get_by_label("Organ").select_option(label="Kommunstyrelsen")
    page.get_by_label("Partier").select_option(label=["V", "S"])
    points = page.get_by_label("Beslutspunkter (en per rad")
    points.fill(points.input_value().replace("handlingsplan för", "handlingsplan (rättad) för"))
    page.get_by_role("button", name="Spara", exact=True).click()

    expect(page.locator(".messages, [role=status]").first).to_contain_text("Yrkandet lästes in med 2 punkter")
    motion = Motion.objects.prefetch_related("parties").latest("pk")
    assert Motion.objects.count() == before + 1
    row = page.locator(f"#yrkande-{motion.pk}")
    expect(row).to_contain_text("2024-06-04")
    expect(row).to_contain_text("KS")
    assert motion.date.isoformat() == "2024-06-04" and motion.body.short_name == "KS"
    assert {p.abbreviation for p in motion.parties.all()} == {"V", "S"}
    assert "handlingsplan (rättad) för" in motion.points.get(number=2).text


def _screenshots(page, name: str) -> None:
    """The page at a desktop and at a phone width: no sideways scrolling at either; the PNGs are
    kept where SCREENSHOT_DIR says, to be looked at."""
    folder = os.environ.get("SCREENSHOT_DIR")
    for width, height in ((1366, 768), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} at {width}px scrolls sideways by {overflow}px"
        if folder:
            page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})
