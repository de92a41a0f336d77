"""Filters of the budget pages: a statement's figures in its columns, and a board's costs per year."""

from functools import cache

from django import template
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.formatting import format_kronor

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


@cache
def _choices(model, field_name: str) -> dict:
    return dict(model._meta.get_field(field_name).flatchoices)


def _display(instance, field_name: str) -> str:
    """instance.get_<field>_display(), without building the dict of the field's choices for every row."""
    value = getattr(instance, field_name)
    return force_str(_choices(type(instance), field_name).get(value, value), strings_only=True)


def _amount_and_years(estimate) -> tuple[str, str]:
    """The amount cell (flagged when missing) and the years cell of an estimate, escaped, as both
    estimate tables print them."""
    if estimate.amount_kr is None:
        amount = format_html('<span class="flag">{}</span>', _("belopp saknas"))
    else:
        amount = conditional_escape(format_kronor(estimate.amount_kr, "mnkr"))
    if not estimate.first_year:
        return amount, "–"
    years = _shown(estimate.first_year)
    if estimate.last_year and estimate.last_year != estimate.first_year:
        years = format_html("{}–{}", years, _shown(estimate.last_year))
    return amount, years


def _estimate_row(estimate, head) -> str:
    point = estimate.decision_point
    if point:
        source = _("yrkande") if estimate.source == "motion" else _("tjänsteutlåtande")
        where = format_html("{}, {} {}", source, _("punkt"), point.printed_label)
    elif estimate.assignment:
        where = conditional_escape(estimate.assignment.dnr)
    else:
        where = ""
    amount, years = _amount_and_years(estimate)
    return format_html(
        '\n      <tr>\n        {}\n        <td>{}</td>\n        <td class="num">{}</td>\n        <td>{}</td>\n'
        '        <td class="identifier">{}</td>\n        <td>{}</td>\n        <td>{}</td>\n      </tr>\n      ',
        head,
        where,
        amount,
        _display(estimate, "recurrence") or "–",
        years,
        _display(estimate, "financing"),
        _("Ja") if estimate.adopted else _("Nej"),
    )


@register.simple_tag
def board_estimate_rows(cases):
    """The rows of a board's estimates, grouped by case (BoardCosts.cases), as one string.

    What a template loop wrote byte for byte (tests/budget/test_page_fragments.py), at a fraction
    of its cost: a page has fifty rows of seven cells.
    """
    parts = []
    for case, estimates in cases:
        if case:
            link = format_html(
                '<a href="{}"><span class="identifier">{}</span></a>',
                reverse("budget:case", args=[case.url_key]),
                case.reference,
            )
        else:
            link = conditional_escape(_("Uppdrag"))
        head = format_html('<th scope="row" rowspan="{}">{}</th>', len(estimates), link)
        rows = (_estimate_row(estimate, head if index == 0 else "") for index, estimate in enumerate(estimates))
        parts.append("\n      " + "".join(rows) + "\n    ")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


def _shown(value) -> str:
    # As {{ value }}: localised, then escaped.
    return conditional_escape(localize(value))


def _point_head(line, case, can_edit, rowspan=None) -> str:
    """The row head of a point in the cost page's estimates table (with rowspan: the point has estimates)."""
    label = _shown(line.point.printed_label)
    html = f"{_('punkt')} {label}"
    if rowspan is not None and line.inherited_from:
        number = _("ur tjänsteutlåtandets punkt %(number)s") % {"number": _shown(line.inherited_from.printed_label)}
        html += f'<br><span class="muted">{number}</span>'
    if can_edit:
        url = conditional_escape(reverse("budget:point_costs", args=[case.url_key, line.point.pk]))
        if rowspan is not None:
            link = f'{_("Ändra")}<span class="visually-hidden"> {_("punkt")} {label}</span>'
        else:
            link = f'{_("Lägg till")}<span class="visually-hidden"> {_("kostnad för punkt")} {label}</span>'
        html += f'<br><a class="no-print" href="{url}">{link}</a>'
    if rowspan is None:
        return f'<th scope="row">{html}</th>'
    return f'<th scope="row" rowspan="{_shown(rowspan)}">{html}</th>'


def _owner_estimate(estimate, head: str) -> str:
    amount, years = _amount_and_years(estimate)
    return (
        f"\n      <tr>\n        {head}\n        <td>{_shown(estimate.board.name)}</td>\n"
        f'        <td class="num">{amount}</td>\n'
        f"        <td>{_shown(_display(estimate, 'recurrence') or '–')}</td>\n"
        f'        <td class="identifier">{years}</td>\n'
        f'        <td class="note">{_shown(estimate.note)}</td>\n      </tr>\n      '
    )


@register.simple_tag
def owner_estimate_rows(owner, case, can_edit):
    """The rows of the cost page's estimates table of one proposal or motion (budget/_owner_costs.html),
    as its template loop wrote them byte for byte (tests/budget/test_owner_estimate_rows.py): a large
    case has a hundred of them, and the loop was most of the page built afresh (issue 18)."""
    parts = []
    for line in owner.lines:
        estimates = line.estimates
        if estimates:
            head = _point_head(line, case, can_edit, rowspan=len(estimates))
            rows = "".join(
                _owner_estimate(estimate, head if index == 0 else "") for index, estimate in enumerate(estimates)
            )
        else:
            empty = f'<td colspan="5" class="muted">{_("Ingen kostnadsberäkning")}</td>'
            rows = f"\n      <tr>\n        {_point_head(line, case, can_edit)}\n        {empty}\n      </tr>\n      "
        parts.append(f"\n      {rows}\n    ")
    return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above
