"""The comparison in Chromium at 1366×768 and 390×844: no sideways page scroll, the adopted motion in
view, the header row and point column stay put, axe finds nothing, the controls work by keyboard."""

import pytest

from tests.conftest import axe_violations

URL = "/arenden/SLK-2022-00921/jamfor/"
CASES = ("/arenden/SLK-2022-00921/jamfor/", "/arenden/0355-20/jamfor/", "/arenden/0064-23/jamfor/")


def page_scroll_width(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


@pytest.fixture
def sized(browser):
    contexts = []

    def open_page(width, height):
        context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": height})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width, height", [(1366, 768), (390, 844), (320, 640)])
def test_no_page_scrolls_sideways_and_axe_finds_nothing(live_server, real_data, sized, width, height):
    page = sized(width, height)
    for path in CASES:
        for query in ("", "?skillnader=1"):
            page.goto(f"{live_server.url}{path}{query}")
            assert page_scroll_width(page) <= 0, (path, query, width)
            assert axe_violations(page) == [], (path, query, width)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_at_1366_all_six_motions_and_the_adopted_one_are_in_view(live_server, real_data, sized):
    page = sized(1366, 768)
    page.goto(f"{live_server.url}{URL}")
    headings = page.locator("table.comparison th.motion-col")
    assert headings.count() == 6
    for index in range(6):
        box = headings.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1366, index
    adopted = page.locator("th.motion-col--adopted")
    assert "Bifallet" in adopted.inner_text()
    box = adopted.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1366


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_header_row_sticks_when_the_page_scrolls(live_server, real_data, sized):
    page = sized(1366, 768)
    page.goto(f"{live_server.url}{URL}")
    header = page.locator("table.comparison thead th.row-head")
    page.locator("table.comparison tr.row--point").nth(6).scroll_into_view_if_needed()
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(100)
    assert page.evaluate("() => window.scrollY") > 1000
    assert abs(header.bounding_box()["y"]) <= 1  # at the top of the window, not scrolled away


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_narrower_window_scrolls_the_table_in_its_box_with_header_and_point_column_in_view(
    live_server, real_data, sized
):
    page = sized(1024, 768)
    page.goto(f"{live_server.url}{URL}")
    assert page_scroll_width(page) <= 0
    box = page.locator(".comparison-scroll")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")
    # The adopted motion is the first column after the proposal, so it is in view before any scrolling.
    adopted = page.locator("th.motion-col--adopted").bounding_box()
    assert adopted["x"] + adopted["width"] <= 1024
    box.evaluate("e => { e.scrollLeft = 400; e.scrollTop = 600; }")
    page.wait_for_timeout(100)
    frame = box.bounding_box()
    point = page.locator("table.comparison tbody tr.row--point th").nth(4).bounding_box()
    corner = page.locator("table.comparison thead th.row-head").bounding_box()
    assert abs(point["x"] - frame["x"]) <= 2  # the point column stays at the left edge
    assert abs(corner["y"] - frame["y"]) <= 2  # the header row stays at the top of the box


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_one_card_per_point_with_party_chips_first(live_server, real_data, sized):
    page = sized(390, 844)
    page.goto(f"{live_server.url}{URL}")
    assert page.locator(".comparison-scroll").is_hidden()
    cards = page.locator(".comparison-cards section.point-card--point")
    assert cards.count() == 12
    first = cards.first
    assert first.locator(".card-proposal").is_visible()
    # The proposal's version first, then each motion's, stacked.
    proposal = first.locator(".card-proposal").bounding_box()
    assert first.locator(".card-motion").first.bounding_box()["y"] > proposal["y"]
    chart = page.locator(".vote-chart").first
    assert chart.bounding_box()["width"] >= 400  # readable size; its box scrolls instead
    # Party chips come first in a motion's line (0064/23's motion is signed).
    page.goto(f"{live_server.url}/arenden/0064-23/jamfor/")
    who = page.locator(".comparison-cards section.point-card--point .card-motion .card-who").first
    assert who.evaluate("e => e.firstElementChild.matches('abbr.party')")
    assert who.inner_text().startswith("V")  # the printed order: V, S, MP


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_controls_work_by_keyboard(live_server, real_data, sized):
    page = sized(1366, 768)
    page.goto(f"{live_server.url}{URL}")
    differing = page.get_by_label("Visa bara punkter som skiljer sig")
    differing.focus()
    page.keyboard.press("Space")
    assert differing.is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Visa"
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "skillnader=1" in url)
    assert page.locator("table.comparison tr.row--point").count() < 12

    page.goto(f"{live_server.url}{URL}")
    page.get_by_label("Första").select_option(index=2)  # a closed select's keys differ by platform
    page.get_by_label("Andra").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Jämför"
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "jamfor=" in url)
    assert page.locator("table.comparison th.motion-col").count() == 2

    page.goto(f"{live_server.url}{URL}")
    page.locator(".motion-picker summary").focus()
    page.keyboard.press("Enter")
    assert page.locator(".motion-picker details").get_attribute("open") is not None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_case_pages_motions_are_read_one_after_another(live_server, real_data, sized):
    """At 390 px the six columns of the motions table would be a few letters wide ("O r g a n"): each motion
    is a block instead, its name across the width, each other cell after the name of its column; so are the
    case's costs."""
    page = sized(390, 844)
    page.goto(f"{live_server.url}/arenden/SLK-2022-00921/")
    assert page_scroll_width(page) <= 0
    names = page.locator("[aria-labelledby=motions-heading] table.table--stacked-narrow tbody th[scope=row]")
    assert names.count() == 6
    for index in range(names.count()):
        assert names.nth(index).bounding_box()["width"] > 300
    date = page.locator("table.table--stacked-narrow tbody td.identifier").first
    assert page.evaluate("(el) => getComputedStyle(el, '::before').content", date.element_handle()) == '"Datum: "'
    # The costs below are stacked the same way, their caption across the width, not a letter a line.
    costs = page.locator(".case-costs table.table--stacked-narrow")
    assert costs.locator("caption").bounding_box()["width"] > 300
    assert costs.locator("tbody th[scope=row]").first.bounding_box()["width"] > 300
    assert axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_at_1366_the_row_names_are_whole_words(live_server, real_data, sized):
    """ "Återremiss" in the point column fits on one line instead of breaking as "Återremi/ss"."""
    page = sized(1366, 768)
    page.goto(f"{live_server.url}/arenden/0355-20/jamfor/")
    referral = page.locator("table.comparison tbody tr.row--referral th[scope=row]").first
    lines = page.evaluate(
        "(el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getClientRects().length; }",
        referral.element_handle(),
    )
    assert referral.inner_text().strip() == "Återremiss" and lines == 1
