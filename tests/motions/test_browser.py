"""A politician opens the comparison, hides a motion and prints; axe-core finds nothing on the pages."""

import pytest
from playwright.sync_api import expect

from motions.models import Case
from tests.conftest import PASSWORD, axe_violations


def log_in(page, live_server, username):
    """Like conftest.login_in_browser, but presses the form's own button: the first submit button
    on the page is the header's language switch."""
    page.goto(f"{live_server.url}/logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/logga-in/" not in url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_case_and_comparison_pages_have_no_axe_violations(live_server, page, real_data):
    for path in (
        "/arenden/",
        "/arenden/SLK-2022-00921/",
        "/arenden/SLK-2022-00921/jamfor/",
        "/arenden/0355-20/jamfor/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_politician_hides_a_motion_and_prints(live_server, page, real_data, make_user):
    from assignments import roles

    make_user("politikern", roles.POLITICIAN)
    log_in(page, live_server, "politikern")
    page.goto(f"{live_server.url}/arenden/SLK-2022-00921/")
    page.get_by_role("link", name="Jämför förslag och yrkanden punkt för punkt").click()
    expect(page.locator("th.motion-col")).to_have_count(6)  # the click returns before the page arrives

    case = Case.objects.by_url_key("SLK-2022-00921").get()
    hidden = case.motions.filter(approves_rest=True).get()
    checkbox = page.locator(f'input[name="visa"][value="{hidden.pk}"]')
    page.locator(".motion-picker summary").click()  # the checkboxes are folded away until asked for
    checkbox.uncheck()
    page.get_by_role("button", name="Visa", exact=True).click()
    assert f"visa={hidden.pk}" not in page.url and "urval=1" in page.url
    assert page.locator("th.motion-col").count() == 5
    assert not page.locator(f'input[name="visa"][value="{hidden.pk}"]').is_checked()
    assert "1 yrkande är dolt." in page.content()

    # The bookmarkable URL gives the same view again.
    page.goto(page.url)
    assert page.locator("th.motion-col").count() == 5

    pdf_link = page.get_by_role("link", name="Ladda ner jämförelsen som PDF")
    assert "urval=1" in pdf_link.get_attribute("href")

    page.emulate_media(media="print")
    assert page.locator("header.site-header").is_hidden()
    assert page.locator("form.motion-picker").is_hidden()
    assert page.locator("table.comparison").is_visible()
    assert pdf_link.is_hidden()
    # In print the table fits the page width instead of scrolling sideways.
    widths = page.evaluate(
        "() => [document.querySelector('table.comparison').scrollWidth, document.querySelector('main').clientWidth]"
    )
    assert widths[0] <= widths[1] + 2


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretariat_pastes_a_motion_previews_and_saves(live_server, page, real_data, make_user):
    from assignments import roles

    from .conftest import SEED_002, seed_lines

    make_user("sekretariatet", roles.SECRETARIAT)
    log_in(page, live_server, "sekretariatet")
    page.goto(f"{live_server.url}/arenden/0064-23/")
    page.get_by_role("link", name="Läs in ett yrkande ur text").click()
    assert axe_violations(page) == []
    page.get_by_label("Yrkandets text").fill(seed_lines(SEED_002, 1, 57))
    page.get_by_role("button", name="Förhandsgranska").click()
    # The preview is the review form: every field read, editable; the points one per line.
    points = page.get_by_label("Beslutspunkter (en per rad").input_value()
    assert [line.split(".")[0] for line in points.splitlines()] == ["1", "2", "3", "4"]
    assert axe_violations(page) == []
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator("body")).to_contain_text("Yrkandet lästes in med 4 punkter.")
    assert Case.objects.by_url_key("0064-23").get().motions.count() == 3
