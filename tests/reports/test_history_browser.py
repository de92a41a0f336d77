"""The history import in Chromium: the secretariat pastes the seed's section 4.1, reads the preview at
1366 and 390 px without sideways scrolling and without axe violations, corrects a row and saves."""

import os

import pytest
from playwright.sync_api import expect

from tests.conftest import axe_violations, login_in_browser

from .history_helpers import load_boards_only, section_41

SHOTS = os.environ.get("SCREENSHOT_DIR")


def _no_sideways_scrolling(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1366, 768), (390, 844)])
def test_the_preview_reads_at_both_widths_and_saves(live_server, page, make_user, width, height):
    from assignments.models import Assignment

    load_boards_only()
    make_user("sekretariatet", "sekretariat")
    page.set_viewport_size({"width": width, "height": height})
    login_in_browser(page, live_server, "sekretariatet")
    page.goto(f"{live_server.url}/sekretariat/")
    page.get_by_role("link", name="Läs in uppdrag ur en tidigare rapport").click()
    page.get_by_label("Rapportens text (avsnitten om uppdrag räcker)").fill(section_41())
    page.get_by_role("button", name="Förhandsgranska").click()
    expect(page.get_by_role("heading", name="Förhandsgranskning – kontrollera och rätta")).to_be_visible()
    expect(page.locator(".history-row")).to_have_count(14)
    _no_sideways_scrolling(page)
    assert axe_violations(page) == []
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/history-preview-{width}.png", full_page=False)
        page.locator(".history-row").nth(1).screenshot(path=f"{SHOTS}/history-row-{width}.png")
    page.locator("#id_rad-0-include").uncheck()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("13 nya uppdrag och 13 statusrapporter sparade")
    _no_sideways_scrolling(page)
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/history-saved-{width}.png")
    assert Assignment.objects.count() == 13
