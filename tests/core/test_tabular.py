"""core/tabular.py: the CSV cell rule every export shares."""

from decimal import Decimal

from core.tabular import csv_cell


def test_csv_cell_quotes_text_that_looks_like_a_formula_but_not_numbers():
    assert csv_cell("-5") == "'-5" and csv_cell(5) == "5"
    # Numbers are not text, whatever their sign.
    assert csv_cell(-5) == "-5" and csv_cell(Decimal("-2.5")) == "-2.5"
