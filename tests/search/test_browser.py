"""The search field in the header, the search page, the feed index and the notice preferences in
Chromium, without JavaScript errors and with no axe-core violations."""

import pytest

from tests.conftest import axe_violations, login_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_header_and_filter(page, live_server, real_data):
    page.goto(f"{live_server.url}/")
    page.fill("#header-search-q", "kollektivavtal")
    page.press("#header-search-q", "Enter")
    page.wait_for_url("**/sok/?q=kollektivavtal")
    assert page.locator(".search-result").count() >= 1
    assert "1443/22" in page.inner_text(".search-results")
    assert page.locator(".search-result mark").count() >= 1
    assert axe_violations(page) == []
    page.select_option("#id_typ", "uppdrag")
    page.fill("#id_ar", "1999")
    page.click(".search-form button[type=submit]")
    assert "Året måste vara 2000 eller senare." in page.inner_text("main")
    assert axe_violations(page) == []


def test_feed_index_and_preferences_pages(page, live_server, real_data, make_user):
    page.goto(f"{live_server.url}/floden/")
    assert page.locator("table caption").count() == 1
    assert axe_violations(page) == []
    make_user("handlaggare9", "handläggare")
    login_in_browser(page, live_server, "handlaggare9")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/konto/aviseringar/")
    page.uncheck("#id_new_assignments")
    page.click("main button[type=submit]")
    assert "Dina val om e-post är sparade." in page.inner_text("main")
    assert not page.is_checked("#id_new_assignments")
    assert axe_violations(page) == []
