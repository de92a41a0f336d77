"""The protocol import preview in Chromium when a roll call cannot be read: the vote is flagged with
its line and the lines as printed, the rest of the extract is shown, and the decision saves without
the vote; axe-core on the preview, read at 1366 and at 390 pixels without sideways scrolling."""

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import axe_violations, login_in_browser

from .test_browser_import import _screenshots

CORPUS = Path(__file__).parent / "corpus" / "protocols"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_unreadable_roll_call_is_flagged_shown_as_printed_and_the_decision_saved(
    live_server, page, real_data, make_user, tmp_path
):
    from motions.models import Case, Decision, Motion, Party

    case = Case.objects.create(case_number="SLK-2023-00456", title="Förslag till ändrade regler för föreningsbidrag")
    motion = Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE, date=datetime.date(2023, 3, 10))
    motion.set_parties(list(Party.objects.filter(abbreviation__in=["M", "L", "C", "KD"])))
    text = (CORPUS / "p02_ks_prose_wrapped.txt").read_text("utf-8").replace("röstar Ja (6).", "röstar Ja (7).")
    path = tmp_path / "utdrag.txt"
    path.write_text(text, "utf-8")
    make_user("sekretariatet", "sekretariat")
    login_in_browser(page, live_server, "sekretariatet")
    page.goto(f"{live_server.url}/sekretariat/arenden/SLK-2023-00456/las-in-protokoll/")
    page.get_by_label("eller en fil (PDF eller text i UTF-8)").set_input_files(str(path))
    page.get_by_role("button", name="Förhandsgranska").click()

    preview = page.locator("section.preview")
    flag = "Omröstningen på rad 41 kunde inte läsas: Meningen säger röstar Ja (7) men räknar upp 6 namn"
    expect(preview.locator(".warning")).to_contain_text(flag)
    vote = preview.locator("fieldset", has_text="Omröstning 1")
    expect(vote.locator(".flag").first).to_contain_text(flag)
    expect(vote.locator("pre.unread")).to_contain_text("Hampus Magnusson (M) röstar Ja (7).")
    expect(page.get_by_label("Spara omröstning 1")).not_to_be_checked()
    assert axe_violations(page) == []
    _screenshots(page, "protocol-unread-rollcall")

    page.get_by_role("button", name="Spara beslutet").click()
    expect(page.locator(".messages, [role=status]").first).to_contain_text("med 0 omröstningar")
    decision = Decision.objects.get(case=case)
    assert (decision.paragraph, decision.meeting.date) == (112, datetime.date(2023, 3, 15))
    assert decision.points.count() == 2 and not decision.votes.exists()
