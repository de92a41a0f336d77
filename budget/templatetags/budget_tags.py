"""{% case_costs case %}: a compact cost section for the case page, in a fixed number of queries."""

from django import template

from motions.models import Case

from ..querysets import case_costs as compute_case_costs
from ..querysets import case_for_costs

register = template.Library()


@register.inclusion_tag("budget/_case_costs.html")
def case_costs(case):
    """Reads the case again with its costs (a constant number of queries whatever was prefetched)."""
    loaded = case_for_costs(Case.objects.filter(pk=case.pk)).first()
    owners = compute_case_costs(loaded) if loaded is not None else []
    return {"case": case, "owners": owners}


@register.filter
def board_cells(row, years):
    return row.cells(years)


STATEMENT_VALUES = [
    "utfall",
    "budget",
    "avvikelse",
    "utfall_fg_ar",
    "prognos",
    "fg_prognos",
    "budget_helar",
    "bokslut_fg_ar",
]


@register.filter
def statement_values(line):
    return [getattr(line, name) for name in STATEMENT_VALUES]


@register.filter
def amount(value, unit="mnkr"):
    """A table cell: the city's decimals for the unit, one more where the figure is finer (−0,42)."""
    from core.formatting import UNITS, format_kronor

    if value is None:
        return ""
    decimals = {"mnkr": 1, "tkr": 0, "kr": 0}[unit]
    if unit == "mnkr" and value % (UNITS[unit] // 10):
        decimals = 2
    return format_kronor(value, unit, decimals=decimals, suffix=False)
