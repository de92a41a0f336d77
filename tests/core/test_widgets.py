"""The board picker: checkboxes, the chosen boards first, the field's value as before; in Chromium the
filter narrows the list and never hides a chosen board."""

import re

import pytest
from django import forms
from django.urls import reverse

from core.widgets import BoardPicker
from motions.secretariat_forms import BoardsField
from tests.conftest import PASSWORD, axe_violations

BOARDS = [(1, "Byggnadsnämnden"), (2, "Grundskolenämnden"), (3, "Kulturnämnden"), (4, "Miljö- och klimatnämnden")]


class _Form(forms.Form):
    boards = BoardsField(label="Ansvariga nämnder", required=False, widget=BoardPicker)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["boards"].choices = BOARDS


def _names_in_order(html):
    return re.findall(r'value="\d+"[^>]*>\s*([^<]+?)\s*</label>', html)


def test_the_chosen_boards_come_first_and_the_rest_keep_their_order():
    html = str(_Form(initial={"boards": [3, 1]})["boards"])
    chosen_first = ["Byggnadsnämnden", "Kulturnämnden", "Grundskolenämnden", "Miljö- och klimatnämnden"]
    assert _names_in_order(html) == chosen_first
    assert html.count('type="checkbox"') == 4 and html.count("checked") == 2
    # Every checkbox has its own label; the ids stay tied to their board, whatever the order.
    assert re.search(r'value="3"[^>]*id="id_boards_2"[^>]*checked', html)


def test_a_bound_form_reads_the_ticked_boards_and_refuses_an_unknown_one():
    form = _Form(data={"boards": ["2", "4"]})
    assert form.is_valid() and form.cleaned_data["boards"] == [2, 4]
    html = str(form["boards"])
    assert _names_in_order(html)[:2] == ["Grundskolenämnden", "Miljö- och klimatnämnden"]
    refused = _Form(data={"boards": ["99"]})
    assert not refused.is_valid()
    assert "nämndregistret" in refused.errors["boards"][0]


def test_an_empty_choice_list_says_so():
    form = _Form()
    form.fields["boards"].choices = []
    assert "Inget att välja." in str(form["boards"])


@pytest.mark.django_db
def test_the_tu_preview_groups_each_points_boards_under_a_legend(client, secretariat, real_data):
    from motions.models import Case
    from tests.motions.test_proposal_import import MINIMAL

    case = Case.objects.create(case_number="SLK-2025-00078", title="Synpunkter")
    client.force_login(secretariat)
    page = client.post(reverse("proposal_import", args=[case.url_key]), {"text": MINIMAL, "forhandsgranska": ""})
    html = page.content.decode()
    assert "<select" not in html.split('name="punkt-0-boards"')[0][-400:]
    assert re.search(r'<fieldset class="field board-picker-field"[^>]*>\s*<legend>Ansvariga nämnder</legend>', html)
    # The point's own board (Kulturnämnden in the text) is ticked and listed first.
    first_box = (
        r'data-board-picker>.*?<li><label[^>]*><input type="checkbox" name="punkt-0-boards"[^>]*>'
        r"\s*([^<]+?)\s*</label>"
    )
    first = re.search(first_box, html, re.S)
    assert first and first.group(1) == "Kulturnämnden"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_filter_narrows_the_list_and_keeps_the_chosen_boards(live_server, page, real_data, make_user):
    from assignments import roles
    from motions.models import Case
    from tests.motions.test_proposal_import import MINIMAL

    case = Case.objects.create(case_number="SLK-2025-00079", title="Synpunkter")
    make_user("sek_picker", roles.SECRETARIAT)
    page.goto(f"{live_server.url}/logga-in/")
    page.fill("#id_username", "sek_picker")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/logga-in/" not in url)
    page.goto(f"{live_server.url}{reverse('proposal_import', args=[case.url_key])}")
    page.fill("textarea[name=text]", MINIMAL)
    page.click("button[name=forhandsgranska]")
    picker = page.locator("[data-board-picker]").first
    search = picker.locator("input[type=search]")
    assert search.is_visible()
    visible = picker.locator(".board-picker__list li:visible")
    everything = visible.count()
    assert everything > 20
    search.fill("stads")  # "Stadsbyggnadsnämnden", "Stadsledningskontoret"… and the ticked Kulturnämnden
    names = visible.all_inner_texts()
    assert 1 < len(names) < everything
    assert "Kulturnämnden" in names[0]
    assert all("stads" in name.lower() for name in names[1:])
    search.fill("MILJO- OCH")  # case and accents ignored
    assert any("Miljö- och klimatnämnden" in name for name in visible.all_inner_texts())
    search.fill("zzzz")
    assert picker.locator("[data-board-none]").is_visible()
    assert visible.count() == 1  # only the chosen board
    search.press("Enter")  # does not submit the form
    assert page.locator("[data-board-picker]").count() >= 1 and search.input_value() == "zzzz"
    search.fill("")
    picker.locator(".board-picker__list li:visible").nth(3).locator("input").check()
    assert axe_violations(page) == []
