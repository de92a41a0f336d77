"""Fuzzing the budget's forms through the test client (Hypothesis): a cost estimate, a point's
financing class, a new statement, the rows of a statement and the kommuncentrala poster get the
values of tests/security/fuzzing.py, posted as the secretariat. The app must never answer 500 (the
test client re-raises a view's exception), a refused form must say why on the page, and a refused
form must leave the database as it was. Each example runs in its own savepoint.
"""

from __future__ import annotations

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st

from assignments.models import Board, ReportingPeriod
from budget.models import CentralItem, CostEstimate, FinancialStatement, PointFinancing, StatementLine
from motions.models import Case

from .fuzzing import (
    FUZZ,
    MALFORMED_NUMBERS,
    VALID,
    assert_formset_refusal_explained,
    assert_refusal_explained,
    form_data,
    formset_data,
    maybe,
    nasty_text,
    numbers,
    posted,
)

AMOUNTS = [
    "1,1 mnkr", "800 tkr", "250 000 kr", "13 400", "−7,1", "- 5", "−", "-", ",5", "5,", "0,0001 kr", "1,1 MKR",
    "1.1 mnkr", "1,1mnkr", "12\u00a0400", "12\u202f400", "1 000 000 000 000 000 mnkr", "9" * 16, "9" * 41,
    "１２", "١٢", "1,1 mnkr\x00", "1 kr kr", "tjugo", "1e6", "0x10",
]  # fmt: skip
amounts = st.one_of(st.sampled_from(AMOUNTS), st.sampled_from(MALFORMED_NUMBERS), nasty_text)
years = st.one_of(
    st.sampled_from(["2025", "2026", "1999", "2101", "0", "-2025", "32767", "32768", "65536", str(2**31)]),
    numbers,
)


# --- a cost estimate of a decision point ------------------------------------------------------------------------------

ESTIMATE_FIELDS = (
    "board", "amount", "recurrence", "first_year", "last_year", "financing", "budget_process_first_year",
    "budget_process_last_year", "note",
)  # fmt: skip


@pytest.fixture
def point(real_data):
    return Case.objects.get(case_number="SLK-2022-00921").proposals.get().points.get(number=5)


def _estimates(point):
    return lambda: (
        list(CostEstimate.objects.filter(decision_point=point).order_by("pk").values()),
        CostEstimate.history.count(),
        list(PointFinancing.objects.filter(decision_point=point).values()),
    )


@FUZZ
@given(
    fuzzed=st.sets(st.sampled_from(ESTIMATE_FIELDS), max_size=3),
    board=maybe([], numbers),
    amount=maybe(["", "0"], amounts),
    recurrence=maybe(["", "one_off", "yearly"], nasty_text),
    first_year=maybe([""], years),
    last_year=maybe([""], years),
    financing=maybe(["within_frame", "limited_within_frame", "extra_resources"], nasty_text),
    budget_process_first_year=maybe([""], years),
    budget_process_last_year=maybe([""], years),
    note=maybe([""], nasty_text),
)
@example(fuzzed={"amount"}, amount="1,1 mnkr\x00", **dict.fromkeys(set(ESTIMATE_FIELDS) - {"amount"}, VALID))
@example(fuzzed={"first_year"}, first_year=str(2**64), **dict.fromkeys(set(ESTIMATE_FIELDS) - {"first_year"}, VALID))
@example(fuzzed={"recurrence"}, recurrence="\x00" * 3, **dict.fromkeys(set(ESTIMATE_FIELDS) - {"recurrence"}, VALID))
@example(fuzzed={"note"}, note="x" * 20001, **dict.fromkeys(set(ESTIMATE_FIELDS) - {"note"}, VALID))
def test_cost_estimate_form_never_crashes_and_explains_a_refusal(as_secretariat, point, fuzzed, **fields):
    url = f"/budget/arenden/SLK-2022-00921/punkter/{point.pk}/"
    valid = {
        "board": str(Board.objects.get(slug="grundskolenamnden").pk),
        "amount": "1,1 mnkr",
        "recurrence": "one_off",
        "first_year": "2025",
        "last_year": "2026",
        "financing": "extra_resources",
        "budget_process_first_year": "2025",
        "budget_process_last_year": "2026",
        "note": "Uppräknat utifrån budget 2023.",
    }
    data = form_data({name: value if name in fuzzed else VALID for name, value in fields.items()}, valid)
    response, before, after = posted(as_secretariat, url, data, _estimates(point))
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        assert_refusal_explained(response, response.content.decode())
        assert after == before, "a refused estimate changed the data"
    else:
        assert len(after[0]) == len(before[0]) + 1


CLASS_FIELDS = ("financing", "budget_process_first_year", "budget_process_last_year", "note")


@FUZZ
@given(
    fuzzed=st.sets(st.sampled_from(CLASS_FIELDS), max_size=3),
    financing=maybe(["within_frame", "limited_within_frame", "extra_resources"], nasty_text),
    budget_process_first_year=maybe([""], years),
    budget_process_last_year=maybe([""], years),
    note=maybe([""], nasty_text),
)
def test_financing_class_form_never_crashes_and_explains_a_refusal(as_secretariat, point, fuzzed, **fields):
    url = f"/budget/arenden/SLK-2022-00921/punkter/{point.pk}/"
    valid = {
        "financing": "extra_resources",
        "budget_process_first_year": "2025",
        "budget_process_last_year": "2027",
        "note": "Budgetförutsättningar 2025–2027.",
    }
    data = form_data({name: value if name in fuzzed else VALID for name, value in fields.items()}, valid)
    data = {"klass": "1", **{f"klass-{name}": value for name, value in data.items()}}
    response, before, after = posted(as_secretariat, url, data, _estimates(point))
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        assert_refusal_explained(response, response.content.decode(), form=response.context["class_form"])
        assert after == before, "a refused financing class changed the data"
    else:
        assert len(after[2]) == 1


# --- a new statement --------------------------------------------------------------------------------------------------

NEW_STATEMENT_URL = "/budget/namnder/kommunstyrelsen/2023/augusti/ny-redovisning/"


def _statements():
    return (
        list(FinancialStatement.objects.order_by("pk").values()),
        FinancialStatement.history.count(),
    )


@FUZZ
@given(
    fuzzed=st.sets(st.sampled_from(("section", "title", "unit")), max_size=3),
    section=maybe(["", "3.2.1", "3.2.4", "3.2.1 "], nasty_text),
    title=maybe([""], nasty_text),
    unit=maybe(["mnkr", "tkr", "kr", "MNKR"], nasty_text),
)
@example(fuzzed={"section"}, section="3.2.1", title=VALID, unit=VALID)  # the board has that section already
@example(fuzzed={"section"}, section="x" * 21, title=VALID, unit=VALID)
def test_new_statement_form_never_crashes_and_explains_a_refusal(as_secretariat, fuzzed, section, title, unit):
    valid = {"section": "3.2.9", "title": "Resultatredovisning i sammandrag", "unit": "mnkr"}
    fields = {"section": section, "title": title, "unit": unit}
    data = form_data({name: value if name in fuzzed else VALID for name, value in fields.items()}, valid)
    response, before, after = posted(as_secretariat, NEW_STATEMENT_URL, data, _statements)
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        assert_refusal_explained(response, response.content.decode())
        assert after == before, "a refused statement changed the data"
    else:
        assert len(after[0]) == len(before[0]) + 1


def test_a_second_statement_with_the_same_section_is_refused_on_the_field(as_secretariat):
    """Was a 500: the model's unique (board, period, section) was only checked by the service."""
    before = _statements()
    response = as_secretariat.post(NEW_STATEMENT_URL, {"section": "3.2.1", "title": "Igen", "unit": "mnkr"})
    assert response.status_code == 200
    assert response.context["form"].errors["section"] == [
        "Nämnden har redan en resultatredovisning med avsnitt ”3.2.1” för perioden."
    ]
    assert "Nämnden har redan en resultatredovisning med avsnitt ”3.2.1” för perioden." in response.content.decode()
    assert _statements() == before


# --- the rows of a statement and the kommuncentrala poster (formsets) -------------------------------------------------

ROW_FLAGS = ["on", "", "false", "0", "\x00"]
line_row = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.just(VALID), numbers),  # VALID: the id of the saved row at that place
        "group": st.one_of(st.sampled_from(["", "Insatsområden"]), nasty_text),
        "label": st.one_of(st.sampled_from(["Intäkter", "Kostnader", "Resultat", ""]), nasty_text),
        "kind": st.one_of(st.sampled_from([*StatementLine.Kind.values, ""]), nasty_text),
        "utfall": amounts,
        "budget": amounts,
        "prognos": amounts,
        "DELETE": st.sampled_from(ROW_FLAGS),
    },
)
item_row = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.sampled_from([VALID, "#0", "#4"]), numbers),  # "#4": the id of the fifth saved post
        "label": st.one_of(st.sampled_from(["Kommuner mot brott", "Extern visselblåsarfunktion", ""]), nasty_text),
        "utfall": amounts,
        "prognos": amounts,
        "budget": amounts,
        "DELETE": st.sampled_from(ROW_FLAGS),
    },
)
# Row counts stay small here: a count above the formset's absolute maximum builds (and shows) 2,000
# empty rows, a few seconds an example; the explicit examples below send such counts once each.
row_count = st.one_of(st.integers(-3, 8).map(str), st.sampled_from(["", "x", "1.5", "1e3", "²", "٣", "\x00"]))
management = st.fixed_dictionaries(
    {},
    optional={
        "TOTAL_FORMS": st.one_of(st.just(VALID), row_count),  # VALID: the number of rows sent
        "INITIAL_FORMS": st.one_of(st.just("0"), row_count, st.sampled_from(["9" * 25])),
        "MAX_NUM_FORMS": st.one_of(st.just("1000"), row_count),
    },
)


@FUZZ
@given(rows=st.lists(line_row, max_size=4), management_fields=management)
@example(rows=[{"id": "abc", "label": "Intäkter", "kind": "intakter"}], management_fields={})
@example(rows=[{"label": "Intäkter", "kind": "\x00", "utfall": "1\x00"}], management_fields={})
@example(rows=[], management_fields={"TOTAL_FORMS": "x"})
@example(rows=[{"label": "Intäkter", "kind": "intakter"}], management_fields={"TOTAL_FORMS": "1e309"})
@example(rows=[{"label": "Intäkter", "kind": "intakter"}], management_fields={"TOTAL_FORMS": "2001"})
@example(rows=[{"label": "Intäkter", "kind": "intakter"}], management_fields={"TOTAL_FORMS": "9" * 25})
def test_statement_rows_never_crash_and_explain_a_refusal(as_secretariat, statement, rows, management_fields):
    ids = list(statement.lines.order_by("position").values_list("pk", flat=True))
    data = formset_data("rader", rows, management_fields, ids)

    def snapshot():
        lines = StatementLine.objects.filter(statement=statement).order_by("pk")
        return list(lines.values()), StatementLine.history.count()

    url = f"/budget/redovisningar/{statement.pk}/andra/"
    response, before, after = posted(as_secretariat, url, data, snapshot)
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        assert_formset_refusal_explained(response.context["formset"], response.content.decode())
        assert after == before, "a refused statement changed its rows"
    else:
        lines = after[0]
        assert all(line["label"].strip() for line in lines)
        assert sorted(line["position"] for line in lines) == list(range(1, len(lines) + 1))


CENTRAL_URL = "/budget/namnder/kommunstyrelsen/2023/augusti/kommuncentrala-poster/"


@pytest.mark.parametrize("total", ["201", "2001", "9" * 25])
def test_a_forged_row_count_builds_at_most_200_rows_and_says_so(as_secretariat, statement, total):
    """Django's default bound is 2,000 forms, built, validated and shown again: seconds for one request."""
    data = formset_data("rader", [{"label": "Intäkter", "kind": "intakter"}], {"TOTAL_FORMS": total}, [])
    before = list(statement.lines.values_list("label", "utfall"))
    response = as_secretariat.post(f"/budget/redovisningar/{statement.pk}/andra/", data)
    assert response.status_code == 200
    formset = response.context["formset"]
    assert len(formset.forms) == 200
    assert list(formset.non_form_errors()) == ["Skicka högst 200 rader."]
    assert "Skicka högst 200 rader." in response.content.decode()
    assert list(statement.lines.values_list("label", "utfall")) == before


def test_a_tampered_row_count_is_explained(as_secretariat, statement):
    response = as_secretariat.post(f"/budget/redovisningar/{statement.pk}/andra/", {"rader-TOTAL_FORMS": "x"})
    assert response.status_code == 200
    assert "Formuläret kom inte fram helt. Ladda om sidan och försök igen." in response.content.decode()


def test_two_posts_may_swap_names(as_secretariat):
    """Was a 500: the first rename collided with the other post's name under the unique (board, period, label)."""
    board = Board.objects.get(slug="kommunstyrelsen")
    items = list(CentralItem.objects.filter(board=board).order_by("position"))
    first, last = items[0], items[-1]
    rows = [{"id": str(item.pk), "label": item.label} for item in items]
    rows[0]["label"], rows[-1]["label"] = last.label, first.label
    response = as_secretariat.post(CENTRAL_URL, formset_data("poster", rows, {}, []))
    assert response.status_code == 302
    assert CentralItem.objects.get(pk=first.pk).label == last.label
    assert CentralItem.objects.get(pk=last.pk).label == first.label
    assert CentralItem.objects.filter(board=board).count() == len(items)


def _central_items():
    board = Board.objects.get(slug="kommunstyrelsen")
    return (
        list(CentralItem.objects.filter(board=board).order_by("pk").values()),
        CentralItem.history.count(),
    )


@FUZZ
@given(rows=st.lists(item_row, max_size=4), management_fields=management)
@example(rows=[{"id": VALID, "label": "Ny"}, {"label": "Kommuner mot brott"}], management_fields={})
@example(rows=[{"label": "Samma"}, {"label": "Samma"}], management_fields={})
@example(
    rows=[{"id": "#0", "label": "Kommuner mot brott"}, {"id": "#4", "label": "Extern visselblåsarfunktion"}],
    management_fields={},
)  # two saved posts swap their names
@example(rows=[{"label": "Post", "utfall": "−"}], management_fields={"TOTAL_FORMS": "-1"})
def test_central_items_never_crash_and_explain_a_refusal(as_secretariat, rows, management_fields):
    board = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    ids = list(CentralItem.objects.filter(board=board, period=period).order_by("position").values_list("pk", flat=True))
    data = formset_data("poster", rows, management_fields, ids)
    response, before, after = posted(as_secretariat, CENTRAL_URL, data, _central_items)
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        assert_formset_refusal_explained(response.context["formset"], response.content.decode())
        assert after == before, "refused posts changed the data"
