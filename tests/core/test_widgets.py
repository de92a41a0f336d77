"""The board picker: checkboxes, the chosen boards first, the field's value as before; in Chromium the
filter narrows the list and never hides a chosen board."""

import re

import pytest
from django import forms
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from playwright.sync_api import expect

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
    expect(search).to_be_visible()  # the preview comes back after the click returns
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


class _ReferencePicker(BoardPicker):
    """The picker as it was written before issue 18's review work: from optgroups()' option dicts,
    with format_html and flatatt per option. The markup render() must give, byte for byte."""

    def render(self, name, value, attrs=None, renderer=None):
        from django.forms.utils import flatatt
        from django.utils.html import format_html, format_html_join
        from django.utils.translation import gettext

        widget = self.get_context(name, value, attrs)["widget"]
        list_id = f"{widget['attrs']['id']}_list" if widget["attrs"].get("id") else ""
        options = [option for _group, group_options, _index in widget["optgroups"] for option in group_options]
        items = format_html_join(
            "",
            '\n<li><label{}><input type="checkbox" name="{}" value="{}"{}> {}</label></li>',
            (
                (
                    flatatt({"for": option["attrs"]["id"]}) if option["attrs"].get("id") else "",
                    option["name"],
                    str(option["value"]),
                    flatatt(option["attrs"]),
                    option["label"],
                )
                for option in options
            ),
        ) or format_html('\n<li class="muted">{}</li>', gettext("Inget att välja."))
        return format_html(
            '<div class="board-picker" data-board-picker>\n<input type="search" class="board-picker__filter"'
            ' data-board-filter hidden autocomplete="off" aria-label="{}" placeholder="{}"{}>\n'
            '<ul class="board-picker__list"{}>{}\n</ul>\n'
            '<p class="board-picker__none muted" data-board-none hidden>{}</p>\n</div>',
            gettext("Filtrera nämnderna"),
            gettext("Filtrera nämnderna…"),
            flatatt({"aria-controls": list_id}) if list_id else "",
            flatatt({"id": list_id}) if list_id else "",
            items,
            gettext("Ingen nämnd matchar. De valda visas alltid."),
        )


def _both(choices, value, attrs=None, name="p7-boards", widget_attrs=None):
    fast, reference = BoardPicker(attrs=widget_attrs), _ReferencePicker(attrs=widget_attrs)
    fast.choices = reference.choices = choices
    return fast.render(name, value, attrs), reference.render(name, value, attrs)


@pytest.mark.parametrize(
    ("choices", "value", "attrs"),
    [
        (BOARDS, [], {"id": "id_p7-boards"}),
        (BOARDS, [3, 1], {"id": "id_p7-boards"}),
        (BOARDS, ["2"], {"id": "id_p7-boards", "aria-invalid": "true", "aria-describedby": "id_p7-boards-error"}),
        (BOARDS, [4], None),  # no id: no for=, no list id
        (BOARDS, [4], {"id": ""}),
        (BOARDS, None, {"id": "x", "data-zz": 5, "autofocus": True, "hidden": False, "title": None}),
        (BOARDS, [1, 2], {"id": "x", "disabled": True, "autofocus": True, "class": "a&b"}),  # checked among others
        ([], [], {"id": "id_b"}),
        ([(1, 'Nämnd "A" & <B>'), ("2", mark_safe("<b>Säker</b>")), (None, gettext_lazy("Ingen"))], ["1", ""], {}),
        ([("Grupp", [(1, "Ett"), (2, "Två")]), (3, "Tre"), ("Annan", [(4, "Fyra")])], [4], {"id": "g"}),
    ],
)
def test_render_writes_what_the_option_dicts_and_flatatt_wrote(choices, value, attrs):
    fast, reference = _both(choices, value, attrs)
    assert fast == reference


def test_render_matches_for_a_model_choice_field_and_a_bound_form_with_errors(db, real_data):
    from assignments.models import Board

    class Models(forms.Form):
        boards = forms.ModelMultipleChoiceField(queryset=Board.objects.order_by("name"), widget=BoardPicker)

    chosen = list(Board.objects.order_by("-name").values_list("pk", flat=True)[:3])
    for form in (Models(initial={"boards": chosen}), Models(data={"boards": [str(chosen[0]), "999999"]})):
        form.is_valid()
        bound = form["boards"]
        fast = bound.as_widget()
        bound.field.widget.__class__ = _ReferencePicker
        assert fast == bound.as_widget()
