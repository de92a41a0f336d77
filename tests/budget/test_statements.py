"""The one column list, grouping and decimals rule of the financial tables (budget.statements)."""

from types import SimpleNamespace

import pytest

from budget import statements
from budget.models import StatementLine


def test_the_stored_columns_are_the_models_amount_fields_in_the_statements_order():
    amount_fields = [f.name for f in StatementLine._meta.fields if f.get_internal_type() == "BigIntegerField"]
    assert list(statements.STORED_COLUMNS) == amount_fields
    # Avvikelse is stored as printed too; only it has a computed stand-in, and only it is a difference.
    assert [c.key for c in statements.STATEMENT_COLUMNS if c.computed] == ["avvikelse"]
    assert statements.DIFFERENCE_COLUMNS == ("avvikelse",)
    assert [[c.key for c in part.columns] for part in statements.PARTS] == [
        ["utfall", "budget", "avvikelse", "utfall_fg_ar"],
        ["prognos", "fg_prognos", "budget_helar", "bokslut_fg_ar"],
    ]


def test_a_printed_avvikelse_is_shown_and_an_empty_one_is_computed_and_says_so():
    avvikelse = statements.column("avvikelse")
    printed = StatementLine(utfall=-343_200_000, budget=-370_700_000, avvikelse=27_400_000)
    empty = StatementLine(utfall=-343_200_000, budget=-370_700_000)
    unknown = StatementLine(utfall=-343_200_000)
    assert avvikelse.cell(printed) == statements.Cell(27_400_000, computed=False)
    assert avvikelse.cell(empty) == statements.Cell(27_500_000, computed=True)
    assert avvikelse.cell(unknown) == statements.Cell(None, computed=False)
    assert [cell.computed for cell in statements.cells(empty)] == [False, False, True] + [False] * 5


def test_labels_for_a_heading_a_part_and_a_sentence():
    utfall = statements.column("utfall")
    assert str(utfall.label) == "Utfall perioden"
    assert str(utfall.short_label) == "Utfall"
    assert utfall.text_label == "utfall perioden"
    assert [str(c.label) for c in statements.CENTRAL_COLUMNS] == [
        "Utfall perioden", "Prognos helår", "Budgeterat belopp helår",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("amounts", "unit", "decimals"),
    [
        ([26_300_000], "mnkr", 1),
        ([-420_000], "mnkr", 2),  # finer than a tenth: one more decimal
        ([26_300_000, -420_000, None], "mnkr", 2),  # one precision for a block
        ([13_400_000, 1_500], "tkr", 0),
        ([None], "mnkr", 1),
    ],
)
def test_decimals_for_a_block_of_figures(amounts, unit, decimals):
    assert statements.decimals_for(amounts, unit) == decimals


def test_format_amount():
    assert statements.format_amount(-343_200_000, "mnkr") == "\u2212343,2"
    assert statements.format_amount(-420_000, "mnkr") == "\u22120,42"
    assert statements.format_amount(13_400_000, "tkr") == "13\u00a0400"
    assert statements.format_amount(26_300_000, "mnkr", suffix=True) == "26,3\u00a0mnkr"
    assert statements.format_amount(None, "mnkr") == ""


def test_lines_group_by_consecutive_group_names():
    lines = [SimpleNamespace(group=g, label=i) for i, g in enumerate(["Hela", "Hela", "", "Del", "Del"])]
    groups = statements.group_lines(lines)
    assert [(g.name, [ln.label for ln in g.lines]) for g in groups] == [("Hela", [0, 1]), ("", [2]), ("Del", [3, 4])]


def test_central_totals_count_a_missing_figure_as_zero():
    items = [
        SimpleNamespace(utfall=1_000, prognos=None, budget=5_000),
        SimpleNamespace(utfall=2_000, prognos=3, budget=None),
    ]
    assert statements.central_totals(items) == [3_000, 3, 5_000]
