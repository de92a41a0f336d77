"""The register, a point's lineage and an assignment's origin and report diff in Chromium: axe-clean and
usable with the keyboard alone."""

import os

import pytest

from tests.conftest import axe_violations

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _paths():
    from assignments.models import Assignment
    from motions.models import DecisionPoint

    point = DecisionPoint.objects.get(decision__paragraph=4, decision__meeting__date="2022-06-16", number=3)
    return [
        "/rapporter/verkstallighetsregister/",
        "/rapporter/verkstallighetsregister/?ar=tjugo",
        f"/arenden/0355-20/punkter/{point.pk}/",
        Assignment.objects.get(dnr="0921/22").get_absolute_url(),
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_new_pages_have_no_axe_violations(live_server, page, real_data):
    from assignments.models import Assignment, Board, ReportingPeriod, StatusReport

    StatusReport.objects.create(
        assignment=Assignment.objects.get(dnr="0921/22"),
        period=ReportingPeriod.objects.create(year=2023, kind=ReportingPeriod.Kind.ARSRAPPORT),
        board=Board.objects.get(slug="kommunstyrelsen"),
        text="Kontoret har lämnat förslag.",
        proposes=StatusReport.Proposal.COMPLETE,
    )
    for path in _paths():
        page.goto(f"{live_server.url}{path}")
        if "detail" in path or "/uppdrag/" in path:
            page.locator("details.report-diff summary").first.click()
        assert axe_violations(page) == [], path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_register_filter_works_with_the_keyboard(live_server, page, real_data):
    page.goto(f"{live_server.url}/rapporter/verkstallighetsregister/")
    page.locator("#id_ar").focus()
    page.keyboard.type("2022")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_organ"
    page.keyboard.press("ArrowDown")  # KF
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**ar=2022**")
    assert "organ=kommunfullmaktige" in page.url
    # The summary and the rows scroll in their own focusable regions at narrow widths.
    page.keyboard.press("Tab")
    rows = page.locator("#rows-heading").locator("xpath=..").locator(".register-table tbody tr")
    assert rows.count() == 3
