"""{% register_rows rows pdf %}: the verkställighetsregister's table rows, written in Python.

The rows were a block of the template (reports/_register_table.html) rendered once per row: with
50 rows on a page (and thousands in a PDF) that was most of the page's time, in variable look-ups
and nodes. The tag writes the same bytes (tests/reports/test_register_rows.py renders the old
template and the tag side by side), escaping every value as the template did.
"""

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


def _origin(row, pdf: bool) -> str:
    assignment = row.assignment
    html = esc(assignment.origin_reference or assignment.get_source_display())
    if assignment.budget_year and not assignment.origin_date:
        html += f" ({esc(gettext('budget'))} {esc(assignment.budget_year)})"
    case = row.case
    if case:
        if pdf:
            html += f" · {esc(gettext('ärende'))} {esc(case.reference)}"
        else:
            url = reverse("motions:point", args=[case.url_key, row.point.pk])
            html += (
                f' · <a href="{esc(url)}">{esc(gettext("ärende"))} {esc(case.reference)}, '
                f"{esc(gettext('punkt'))} {esc(row.point.number)}</a>"
            )
    return html


def _boards(row) -> str:
    assignment = row.assignment
    boards = row.boards
    html = ""
    if assignment.addressed_to_all_boards:
        html += esc(gettext("Alla nämnder och styrelser"))
        if boards:
            html += "; "
    if boards:
        html += ", ".join(esc(board.short_name or board.name) for board in boards)
    elif not assignment.addressed_to_all_boards:
        html += "–"
    return html


def _report(report) -> str:
    if not report:
        return f'<span class="flag flag--missing">{esc(gettext("Ingen rapport"))}</span>'
    board = report.board
    return (
        f'{esc(report.period)}<br><span class="muted">{esc(report.get_proposes_display())}, '
        f"{esc(board.short_name or board.name)}</span>"
    )


def _deadline(row) -> str:
    assignment = row.assignment
    if assignment.deadline:
        html = assignment.deadline.strftime("%Y-%m-%d")
        if row.overdue:
            html += f' <span class="flag flag--overdue">{esc(gettext("passerat"))}</span>'
        return html
    if assignment.deadline_note:
        return f'<span class="muted">{esc(assignment.deadline_note)}</span>'
    return "–"


def _row(row, pdf: bool) -> str:
    assignment = row.assignment
    dnr = esc(assignment.dnr)
    identifier = dnr if pdf else f'<a href="{esc(assignment.get_absolute_url())}">{dnr}</a>'
    status = f'<span class="status status--{esc(assignment.status)}">{esc(assignment.get_status_display())}</span>'
    return (
        "\n    <tr>\n"
        f'      <th scope="row" class="identifier">{identifier}</th>\n'
        "      <td>\n"
        f'        <p class="register-origin">{_origin(row, pdf)}</p>\n'
        f"        <p>{esc(assignment.short_text)}</p>\n"
        "      </td>\n"
        f"      <td>{_boards(row)}</td>\n"
        f"      <td>{status}</td>\n"
        f"      <td>{_report(row.last_report)}</td>\n"
        f'      <td class="register-deadline">{_deadline(row)}</td>\n'
        "    </tr>\n  "
    )


@register.simple_tag
def register_rows(rows, pdf=False):
    return mark_safe("".join(_row(row, bool(pdf)) for row in rows))  # noqa: S308 - every value is escaped above
