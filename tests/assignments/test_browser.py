"""The officer's workflow in Debian's Chromium: keyboard only, conflicts, read-only roles, axe-core."""

import pytest

from assignments import roles
from assignments.models import Assignment, StatusReport
from tests.conftest import axe_violations, login_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _press(page, locator):
    """Reach an element with the keyboard's focus and activate it with Enter."""
    locator.focus()
    page.keyboard.press("Enter")


def test_officer_reports_keyboard_only_and_sees_it_in_timeline_and_history(
    live_server, page, assignment, periods, officer, make_assignment, boards
):
    make_assignment(boards["miljo"], text="Ta fram en klimatplan")
    page.goto(f"{live_server.url}/logga-in/?next=/uppdrag/")
    page.focus("#id_username")
    page.keyboard.type("idrott_handl")
    page.keyboard.press("Tab")
    page.keyboard.type("test-lösenord-123")
    page.keyboard.press("Enter")
    # The officer lands on their own board's assignments.
    page.wait_for_url("**/uppdrag/?namnd=idrott")
    assert "Ta fram en klimatplan" not in page.inner_text("main")
    assert axe_violations(page) == []

    _press(page, page.get_by_role("link", name=assignment.short_text))
    page.wait_for_url(f"**/uppdrag/{assignment.pk}/")
    assert axe_violations(page) == []
    _press(page, page.get_by_role("link", name="Skriv statusrapport"))
    page.wait_for_url("**/rapport/")
    assert axe_violations(page) == []

    page.focus("#id_text")
    page.keyboard.type("Två spontanidrottsplatser är projekterade; bygget startar i vår.")
    _press(page, page.get_by_role("button", name="Spara statusrapporten"))
    page.wait_for_url(f"**/uppdrag/{assignment.pk}/#tidslinje")
    main = page.inner_text("main")
    assert "Statusrapporten för Delårsrapport augusti 2023 är sparad." in main
    timeline = page.inner_text(".timeline")
    assert "Delårsrapport augusti 2023: delredovisning från IFN" in timeline
    assert "Två spontanidrottsplatser är projekterade" in timeline
    history = page.inner_text(".history")
    assert "idrott_handl" in history
    assert "Delrapporterat" in history
    assert axe_violations(page) == []
    assert Assignment.objects.get(pk=assignment.pk).status == Assignment.Status.PARTIALLY_REPORTED


def test_two_people_saving_at_once_nothing_is_lost(live_server, browser, assignment, periods, officer, secretariat):
    pages = []
    for username in ("idrott_handl", "sekretariatet"):
        context = browser.new_context(locale="sv-SE")
        p = context.new_page()
        login_in_browser(p, live_server, username)
        p.goto(f"{live_server.url}/uppdrag/{assignment.pk}/rapport/")
        pages.append(p)
    mine, theirs = pages
    mine.fill("#id_text", "Handläggarens text.")
    theirs.fill("#id_text", "Sekretariatets text.")
    theirs.get_by_role("button", name="Spara statusrapporten").click()
    theirs.wait_for_url("**/#tidslinje")

    mine.get_by_role("button", name="Spara statusrapporten").click()
    mine.wait_for_selector("text=Någon annan har sparat under tiden")
    assert "Sekretariatets text." in mine.inner_text(".conflict__theirs")
    assert mine.input_value(".conflict__mine #id_text") == "Handläggarens text."
    assert axe_violations(mine) == []
    mine.fill(".conflict__mine #id_text", "Sekretariatets text. Handläggarens text.")
    mine.get_by_role("button", name="Spara min version").click()
    mine.wait_for_url("**/#tidslinje")
    assert StatusReport.objects.get().text == "Sekretariatets text. Handläggarens text."
    for p in pages:
        p.context.close()


def test_a_politician_sees_no_edit_controls(live_server, page, assignment, make_user):
    make_user("politikern", roles.POLITICIAN)
    login_in_browser(page, live_server, "politikern")
    page.goto(f"{live_server.url}/uppdrag/{assignment.pk}/")
    assert page.get_by_role("link", name="Skriv statusrapport").count() == 0
    assert page.get_by_role("button", name="Ändra status").count() == 0
    response = page.goto(f"{live_server.url}/uppdrag/{assignment.pk}/rapport/")
    assert response.status == 403
