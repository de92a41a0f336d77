"""Filters of the budget pages: a statement's figures in its columns, and a board's costs per year."""

from django import template

from .. import statements

register = template.Library()


@register.filter
def board_cells(row, years):
    return row.cells(years)


@register.filter
def statement_cells(line):
    """The row's figures as shown, each knowing whether it is computed (an avvikelse not printed)."""
    return statements.cells(line)


@register.filter
def central_values(item):
    return statements.values(item, statements.CENTRAL_COLUMNS)


@register.simple_tag
def statement_parts():
    """The parts of a statement's table ("Perioden", "Helår"), each with its columns."""
    return statements.PARTS


@register.simple_tag
def statement_columns():
    return statements.STATEMENT_COLUMNS


@register.simple_tag
def central_columns():
    return statements.CENTRAL_COLUMNS


@register.simple_tag
def central_unit():
    return statements.CENTRAL_UNIT


@register.filter
def amount(value, unit="mnkr"):
    """A table cell: the city's decimals for the unit, one more where the figure is finer (−0,42)."""
    return statements.format_amount(value, unit)
