"""The budget pages in Chromium: axe-core finds nothing; an officer enters a statement row and sees the warning."""

import pytest
from playwright.sync_api import expect

from assignments import roles
from assignments.models import Board
from budget.models import FinancialStatement
from motions.models import Case
from tests.conftest import PASSWORD, axe_violations


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/logga-in/" not in url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_budget_pages_have_no_axe_violations(live_server, page, real_data, make_user):
    for path in (
        "/budget/",
        "/budget/arenden/SLK-2022-00921/",
        "/budget/namnder/socialnamnden-centrum/",
        "/budget/namnder/kommunstyrelsen/2023/augusti/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path

    make_user("ks_handl", roles.OFFICER, boards=[Board.objects.get(slug="kommunstyrelsen")])
    log_in(page, live_server, "ks_handl")
    statement = FinancialStatement.objects.get(section="3.2.1")
    page.goto(f"{live_server.url}/budget/redovisningar/{statement.pk}/andra/")
    assert axe_violations(page) == []
    # Intäkter, period utfall: a typo is refused next to the field, then a corrected figure saved.
    page.fill("#id_rader-0-utfall", "76,7,1")
    page.get_by_role("button", name="Spara").click()
    # The click returns before the refused form has come back: wait for it.
    expect(page.locator("#id_rader-0-utfall-fel")).to_be_visible()
    assert axe_violations(page) == []
    page.fill("#id_rader-0-utfall", "80 mnkr")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(lambda url: url.endswith("/budget/namnder/kommunstyrelsen/2023/augusti/"))
    # 80 − 343,2 + 257,7 + 35,2 = 29,7 against the printed Resultat 26,3: the check says so.
    assert "Resultat utfall perioden är 26,3" in page.content()
    assert statement.lines.get(label="Intäkter").utfall == 80_000_000

    # The secretariat's forms: a point's estimates and class, the central items, a new statement.
    make_user("sek", roles.SECRETARIAT)
    page.context.clear_cookies()
    log_in(page, live_server, "sek")
    point = Case.objects.get(case_number="SLK-2022-00921").proposals.get().points.get(number=4)
    for path in (
        f"/budget/arenden/SLK-2022-00921/punkter/{point.pk}/",
        f"/budget/kostnader/{point.cost_estimates.first().pk}/",
        "/budget/namnder/kommunstyrelsen/2023/augusti/kommuncentrala-poster/",
        "/budget/namnder/kommunstyrelsen/2023/augusti/ny-redovisning/",
    ):
        page.goto(f"{live_server.url}{path}")
        violations = axe_violations(page)
        assert violations == [], (path, [(v["id"], [n["html"] for n in v["nodes"]]) for v in violations])
    page.goto(f"{live_server.url}/budget/arenden/SLK-2022-00921/punkter/{point.pk}/")
    page.fill("#id_amount", "0,0001 kr")
    page.get_by_role("button", name="Spara", exact=True).click()
    assert "inte ett helt antal kronor" in page.locator("#id_amount-fel").inner_text()
    assert axe_violations(page) == []
