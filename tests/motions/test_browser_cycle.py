"""The council's cycle in Chromium on a case typed in from scratch, keyboard and axe included:
case → proposal points → motion → meeting → decision with a vote → assignments confirmed →
status report → report stored and fastställd → the assignment förklarat fullgjort → in the
verkställighetsregister with that status, counted as carried out."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import axe_violations, login_in_browser
from tests.motions.cycle import MOTION

DONE = re.compile(r"^\s*Förklarat fullgjort\s*$")  # not "Föreslås förklarat fullgjort"

POINTS = """1. Kommunstyrelsen får i uppdrag att ta fram en plan mot hemlöshet senast 2023-12-31.
2. Ärendet förklaras omedelbart justerat."""

ROLLCALL = """Antal Ja: 2
Antal Nej: 1
Namn Parti Plats Funktion Resultat
Anna Andersson S 1 Ledamot Ja
Bertil Berg M 2 Ledamot Ja
Cecilia Carlsson V 3 Ledamot Nej
"""


def _axe(page, label):
    assert axe_violations(page) == [], label


def _register_done(page):
    """The register's count of förklarade fullgjorda for KF 2023 (td 0 is the total)."""
    expect(page.locator("table.register-summary thead th").nth(2)).to_have_text("Förklarade fullgjorda")
    summary = page.locator("table.register-summary tbody tr").filter(has_text="2023 Kommunfullmäktige")
    return summary.locator("td").nth(1)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_whole_cycle_on_a_new_case(live_server, page, real_data, make_user, quick_pdf):
    from assignments.models import Assignment

    make_user("sekretariatet", "sekretariat")
    login_in_browser(page, live_server, "sekretariatet")
    base = live_server.url

    # 1. The case, found afterwards by its number.
    page.goto(f"{base}/sekretariat/")
    _axe(page, "index")
    page.get_by_role("link", name="Registrera ärende").click()
    page.get_by_label("Ärendenummer").fill("SLK-2023-04711")
    page.get_by_label("Diarienummer").fill("4711/23")
    page.get_by_label("Ärendemening").fill("Plan mot hemlöshet")
    page.get_by_label("Ansvarig förvaltning").select_option(label="Stadsledningskontoret")
    _axe(page, "case form")
    page.get_by_role("button", name="Registrera ärendet").click()
    expect(page.locator("h1")).to_have_text("Plan mot hemlöshet")

    # The tjänsteutlåtande; the responsible board is read from the point's text.
    page.get_by_role("link", name="Registrera tjänsteutlåtande").click()
    page.get_by_label("Rubrik").fill("Plan mot hemlöshet")
    page.get_by_label("Utfärdat").fill("2023-05-02")
    page.get_by_label("Förslag till beslut").fill(POINTS)
    page.get_by_role("button", name="Registrera tjänsteutlåtandet").click()
    expect(page.locator("#tjansteutlatande ~ div table tbody tr").first).to_contain_text("KS")
    _axe(page, "case workspace")

    # A motion, through the existing importer.
    page.get_by_role("link", name="Läs in ett yrkande ur text").click()
    page.get_by_label("Yrkandets text").fill(MOTION.replace("2030-11-20", "2023-06-01"))
    page.get_by_role("button", name="Förhandsgranska").click()
    page.get_by_role("button", name="Spara", exact=True).click()

    # 2. The meeting and its decision: bifall with the tillägg.
    page.goto(f"{base}/sekretariat/sammantraden/ny/")
    page.get_by_label("Organ").select_option(label="Kommunfullmäktige")
    page.get_by_label("Sammanträdesdatum").fill("2023-06-15")
    _axe(page, "meeting form")
    page.get_by_role("button", name="Registrera sammanträdet").click()
    page.get_by_label("Ärende (ärendenummer eller diarienummer)").fill("SLK-2023-04711")
    page.get_by_role("button", name="Fortsätt").click()
    page.get_by_label("Paragraf (§)").fill("12")
    page.get_by_label("Bifall till förslaget med tillägg").check()
    page.get_by_label("Tilläggsyrkande", exact=False).first.check()
    page.get_by_label("Justerat").fill("2023-06-20")
    _axe(page, "decision form")
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.locator("#points-heading + ol li")).to_have_count(3)
    _axe(page, "decision page")

    # The vote, through the roll-call importer.
    page.get_by_role("link", name="Läs in omröstningslista").click()
    page.get_by_label("Voteringsproposition").fill("Ja för bifall, Nej för avslag")
    page.get_by_label("Omröstningslistans text").fill(ROLLCALL)
    page.get_by_role("button", name="Förhandsgranska").click()
    page.get_by_role("button", name="Spara omröstningen").click()

    # 3. The review screen, by keyboard: confirm point 1, skip the tillägg's point.
    from motions.models import Decision

    expect(page.locator("#timeline-heading")).to_be_visible()  # back on the case page
    decision = Decision.objects.get(case__dnr="4711/23")
    assert decision.votes.get().yes == 2
    page.goto(f"{base}/sekretariat/beslut/{decision.pk}/uppdrag/")
    _axe(page, "review")
    rows = page.locator("fieldset.candidate")
    expect(rows).to_have_count(2)
    rows.nth(0).get_by_label("Bekräfta").focus()
    page.keyboard.press("Space")
    rows.nth(1).get_by_label("Hoppa över").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Spara valen").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("1 uppdrag registrerade, 1 punkter överhoppade.")
    assignment = Assignment.objects.get(dnr="4711/23")
    assert assignment.origin_reference == "KF 2023-06-15 § 12, punkt 1"
    assert str(assignment.deadline) == "2023-12-31"

    # A final status report for delårsrapport augusti 2023, by the secretariat for kommunstyrelsen.
    page.goto(f"{base}/uppdrag/{assignment.pk}/rapport/")
    page.get_by_label("Rapporteringsperiod").select_option(label="Delårsrapport augusti 2023")
    page.get_by_label("Redovisning", exact=True).fill("Planen är antagen.")
    page.get_by_label("Slutredovisning – föreslås förklarat fullgjort").check()
    page.get_by_role("button", name="Spara").first.click()
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.REPORTED_COMPLETE

    # The register before the report is fastställd: proposed, not yet counted as carried out.
    page.goto(f"{base}/rapporter/verkstallighetsregister/?ar=2023&organ=kommunfullmaktige")
    row = page.locator("table.register-table tbody tr").filter(has_text="4711/23")
    expect(row.locator(".status")).to_have_text("Föreslås förklarat fullgjort")
    done_before = int(_register_done(page).inner_text())
    assert done_before == page.locator("table.register-table tbody tr .status", has_text=DONE).count()

    # 5. The report stored and fastställd: the assignment is förklarat fullgjort.
    page.goto(f"{base}/rapporter/?namnd=kommunstyrelsen&period=2023-augusti")
    page.get_by_label("Markera versionen som fastställd").check()
    page.get_by_role("button", name="Spara en ny version").click()
    page.wait_for_load_state()
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.COMPLETED
    change = assignment.status_changes.latest("id")
    assert change.reason.startswith("Förklarat fullgjort: Kommunstyrelsen fastställde version")
    page.goto(f"{base}/uppdrag/{assignment.pk}/")
    expect(page.locator("main")).to_contain_text("Förklarat fullgjort")

    # 6. The verkställighetsregister, by keyboard from its counts to KF's assignments of 2023.
    page.goto(f"{base}/rapporter/verkstallighetsregister/")
    page.get_by_role("link", name="2023 Kommunfullmäktige").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}/rapporter/verkstallighetsregister/?ar=2023&organ=kommunfullmaktige")
    _axe(page, "register")
    row = page.locator("table.register-table tbody tr").filter(has_text="4711/23")
    expect(row.locator(".status")).to_have_text("Förklarat fullgjort")
    expect(row).to_contain_text("KF 2023-06-15 § 12, punkt 1")
    # Counted as carried out: the count is the rows förklarat fullgjort, ours and those the same
    # fastställd report declared (the shipped KS report of August 2023 proposes several).
    done_rows = page.locator("table.register-table tbody tr .status", has_text=DONE)
    expect(_register_done(page)).to_have_text(str(done_rows.count()))
    assert done_rows.count() > done_before


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_shipped_kf_point_3_leads_to_0921_22_and_its_reports(live_server, page, real_data):
    """KF 2022-06-16 § 4 punkt 3 (the decision of dnr 0355/20 that gave SLK-2022-00921's assignment),
    followed by keyboard from the case page to the point's lineage and on to the assignment."""
    from motions.models import DecisionPoint

    point = DecisionPoint.objects.get(
        decision__case__dnr="0355/20", decision__meeting__date="2022-06-16", decision__paragraph=4, number=3
    )
    page.goto(f"{live_server.url}/arenden/0355-20/")
    page.locator(f'a[href="/arenden/0355-20/punkter/{point.pk}/"]').first.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/arenden/0355-20/punkter/{point.pk}/")
    _axe(page, "lineage")
    timeline = page.locator(".timeline.lineage")
    expect(timeline).to_contain_text("39 ja, 21 nej")
    expect(timeline).to_contain_text("Delårsrapport augusti 2023")
    from assignments.models import Assignment

    timeline.locator(f'a[href="{Assignment.objects.get(dnr="0921/22").get_absolute_url()}"]').first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Varifrån uppdraget kommer")
    expect(page.locator("main")).to_contain_text("Delårsrapport augusti 2023")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_periods_page_by_keyboard(live_server, page, real_data, make_user):
    make_user("sekretariatet", "sekretariat")
    login_in_browser(page, live_server, "sekretariatet")
    page.goto(f"{live_server.url}/sekretariat/perioder/")
    _axe(page, "periods")
    page.get_by_label("År").fill("2024")
    page.get_by_label("Rapporttillfälle").select_option(label="Delårsrapport mars")
    page.get_by_label("Sista dag för rapport").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Delårsrapport mars 2024 är registrerad.")
    button = page.get_by_role("button", name="Öppna Delårsrapport mars 2024")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Delårsrapport mars 2024 är öppen för rapportering.")
    expect(page.get_by_role("button", name="Stäng Delårsrapport mars 2024")).to_be_visible()
    _axe(page, "periods after opening")
