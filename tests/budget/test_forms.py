"""Amounts typed the Swedish way become exact kronor; nonsense is refused on its field."""

import pytest

from budget.forms import CentralItemForm, CostEstimateForm, StatementLineForm, amount_text


def _line_form(**data):
    base = {"label": "Kostnader", "kind": "kostnader"}
    base.update(data)
    return StatementLineForm(data=base, unit="mnkr")


@pytest.mark.parametrize(
    ("text", "kronor"),
    [
        ("1,1 mnkr", 1_100_000),
        ("−7,1", -7_100_000),
        ("-343,2", -343_200_000),
        ("0,42", 420_000),
        ("13 400 tkr", 13_400_000),
    ],
)
def test_statement_amounts_in_mnkr_are_exact(text, kronor):
    form = _line_form(utfall=text)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["utfall"] == kronor


def test_central_item_amounts_default_to_tkr():
    form = CentralItemForm(data={"label": "Personal-/kompetensförsörjning", "utfall": "13 400", "prognos": "43 300"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["utfall"] == 13_400_000
    assert form.cleaned_data["prognos"] == 43_300_000
    assert form.cleaned_data["budget"] is None


@pytest.mark.parametrize("text", ["0,0001 kr", "0,0000001 mnkr", "tolv", "1,2,3", "12 mnkr kr"])
def test_nonsense_and_fractions_of_a_krona_are_refused_on_the_field(text):
    form = _line_form(prognos=text)
    assert not form.is_valid()
    assert list(form.errors) == ["prognos"]
    assert form.errors["prognos"][0]


def test_a_row_with_amounts_needs_a_name_and_a_kind():
    form = StatementLineForm(data={"label": "", "kind": "", "utfall": "1"}, unit="mnkr")
    assert not form.is_valid()
    assert "label" in form.errors
    form = StatementLineForm(data={"label": "Intäkter", "kind": ""}, unit="mnkr")
    assert not form.is_valid()
    assert "kind" in form.errors


@pytest.mark.django_db
def test_cost_estimate_form_reads_mnkr_and_refuses_negative_amounts(secretariat):
    from assignments.models import Board

    board = Board.objects.create(slug="gsn", name="Grundskolenämnden", short_name="GSN", kind="committee")
    data = {
        "board": board.pk,
        "amount": "1,1 mnkr",
        "recurrence": "one_off",
        "first_year": "2025",
        "financing": "extra_resources",
    }
    form = CostEstimateForm(data=data, user=secretariat)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == 1_100_000
    form = CostEstimateForm(data={**data, "amount": "−1 mnkr"}, user=secretariat)
    assert not form.is_valid() and "amount" in form.errors
    form = CostEstimateForm(data={**data, "recurrence": ""}, user=secretariat)
    assert not form.is_valid() and "recurrence" in form.errors
    form = CostEstimateForm(data={**data, "first_year": "2026", "last_year": "2025"}, user=secretariat)
    assert not form.is_valid() and "last_year" in form.errors


@pytest.mark.django_db
def test_an_officer_may_only_choose_their_own_boards(make_user):
    from assignments import roles
    from assignments.models import Board

    own = Board.objects.create(slug="gsn", name="Grundskolenämnden", short_name="GSN", kind="committee")
    other = Board.objects.create(slug="ubn", name="Utbildningsnämnden", short_name="UBN", kind="committee")
    officer = make_user("handlaggaren", roles.OFFICER, boards=[own])
    form = CostEstimateForm(user=officer)
    assert list(form.fields["board"].queryset) == [own]
    data = {"board": other.pk, "amount": "1 kr", "recurrence": "one_off", "financing": "within_frame"}
    assert "board" in CostEstimateForm(data=data, user=officer).errors


@pytest.mark.parametrize(
    ("kronor", "unit", "text"),
    [(1_100_000, "mnkr", "1,1"), (-420_000, "mnkr", "−0,42"), (13_400_000, "tkr", "13 400"), (1, "mnkr", "0,000001")],
)
def test_amounts_are_shown_for_editing_without_losing_a_krona(kronor, unit, text):
    assert amount_text(kronor, unit) == text
    form = _line_form(utfall=text)
    assert form.is_valid() if unit == "mnkr" else True
    if unit == "mnkr":
        assert form.cleaned_data["utfall"] == kronor
