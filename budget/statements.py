"""The one description of a board's financial tables: their columns, how rows group, how figures round.

Every page, form, check, loader, export and the report read the columns, the grouping and the
decimals from here, so a column added or a rounding rule changed shows the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.formatting import UNITS, format_kronor

PERIOD, YEAR = "period", "year"


@dataclass(frozen=True)
class Column:
    key: str  # the attribute of a StatementLine or CentralItem
    label: Promise  # as a heading of its own: "Utfall perioden"
    short_label: Promise  # under its part's heading ("Perioden"): "Utfall"
    part: str = PERIOD
    # The attribute that stands in for a figure the document does not print (avvikelse: utfall −
    # budget). The stored figure, as printed, always wins; the computed one is shown marked as such.
    computed: str | None = None

    @property
    def text_label(self) -> str:
        """Inside a sentence: "utfall perioden" (the model field's name)."""
        from .models import StatementLine

        return str(StatementLine._meta.get_field(self.key).verbose_name)

    def value(self, row):
        stored = getattr(row, self.key)
        if stored is None and self.computed:
            return getattr(row, self.computed)
        return stored

    def is_computed(self, row) -> bool:
        """Is the figure shown for row the computed stand-in rather than one the document prints?"""
        return bool(self.computed) and getattr(row, self.key) is None and getattr(row, self.computed) is not None

    def cell(self, row) -> Cell:
        return Cell(self.value(row), self.is_computed(row))


@dataclass(frozen=True)
class Cell:
    value: int | None
    computed: bool = False


STATEMENT_COLUMNS = (
    Column("utfall", _("Utfall perioden"), _("Utfall"), PERIOD),
    Column("budget", _("Budget perioden"), _("Budget"), PERIOD),
    Column("avvikelse", _("Avvikelse"), _("Avvikelse"), PERIOD, computed="avvikelse_computed"),
    Column("utfall_fg_ar", _("Utfall fg år"), _("Utfall fg år"), PERIOD),
    Column("prognos", _("Prognos helår"), _("Prognos"), YEAR),
    Column("fg_prognos", _("Fg prognos"), _("Fg prognos"), YEAR),
    Column("budget_helar", _("Budget helår"), _("Budget"), YEAR),
    Column("bokslut_fg_ar", _("Bokslut fg år"), _("Bokslut fg år"), YEAR),
)
# What is typed in, loaded and checked: every column, the printed avvikelse too (empty: computed).
STORED_COLUMNS = tuple(column.key for column in STATEMENT_COLUMNS)
# The columns that are a difference of two others: their sign says better or worse than budget,
# not income or cost, so the sign check leaves them out.
DIFFERENCE_COLUMNS = tuple(column.key for column in STATEMENT_COLUMNS if column.computed)


@dataclass(frozen=True)
class Part:
    key: str
    heading: Promise  # over its columns: "Perioden"
    caption: Promise  # after a table's title: "Resultatredovisning i sammandrag, perioden"

    @property
    def columns(self) -> tuple[Column, ...]:
        return tuple(column for column in STATEMENT_COLUMNS if column.part == self.key)


PARTS = (Part(PERIOD, _("Perioden"), _("perioden")), Part(YEAR, _("Helår"), _("helår")))

# The kommuncentrala poster a board follows up: their own columns, always in tkr.
CENTRAL_UNIT = "tkr"
CENTRAL_COLUMNS = (
    Column("utfall", _("Utfall perioden"), _("Utfall perioden")),
    Column("prognos", _("Prognos helår"), _("Prognos helår")),
    Column("budget", _("Budgeterat belopp helår"), _("Budgeterat belopp helår")),
)
CENTRAL_KEYS = tuple(column.key for column in CENTRAL_COLUMNS)


def column(key: str) -> Column:
    return next(c for c in STATEMENT_COLUMNS if c.key == key)


def values(row, columns=STATEMENT_COLUMNS) -> list:
    return [c.value(row) for c in columns]


def cells(row, columns=STATEMENT_COLUMNS) -> list[Cell]:
    """The figures of a row as shown, each saying whether it is computed rather than printed."""
    return [c.cell(row) for c in columns]


def central_totals(items) -> list[int]:
    """The sum of each central column (a missing figure counts as zero)."""
    return [sum(c.value(item) or 0 for item in items) for c in CENTRAL_COLUMNS]


@dataclass
class LineGroup:
    name: str
    lines: list


def group_lines(lines) -> list[LineGroup]:
    """Consecutive rows with the same group name, in the order the statement prints them."""
    groups: list[LineGroup] = []
    for line in lines:
        if not groups or groups[-1].name != line.group:
            groups.append(LineGroup(line.group, []))
        groups[-1].lines.append(line)
    return groups


BASE_DECIMALS = {"mnkr": 1, "tkr": 0, "kr": 0}


def decimals_for(amounts, unit: str) -> int:
    """The city's decimals for a unit; one more where a figure is finer (the insatsområden rows: −0,42).

    For a block of figures that should line up, pass them all: they get one precision.
    """
    base = BASE_DECIMALS[unit]
    step = UNITS[unit] // (10**base)
    return base + 1 if unit == "mnkr" and any(a is not None and a % step for a in amounts) else base


def format_amount(amount, unit: str, *, decimals: int | None = None, suffix: bool = False) -> str:
    """One figure as the tables show it: '−343,2', '13 400', '−0,42' ('' for a missing one)."""
    if amount is None:
        return ""
    if decimals is None:
        decimals = decimals_for([amount], unit)
    return format_kronor(amount, unit, decimals=decimals, suffix=suffix)
