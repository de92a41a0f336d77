"""Consistency checks of a board's statement: warnings shown to the reader, never a refusal.

The city's own tables contain slips (a missing minus, sums that do not add up); the statement
is stored as printed and these checks point at them. Everything works on kronor with a
tolerance of 0,1 mnkr for the rounding of the printed figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import statements
from .models import StatementLine
from .statements import DIFFERENCE_COLUMNS, STORED_COLUMNS, format_amount, group_lines

TOLERANCE_KR = 100_000
COMPONENT_KINDS = (
    StatementLine.Kind.INTAKTER,
    StatementLine.Kind.KOSTNADER,
    StatementLine.Kind.KOMMUNBIDRAG,
    StatementLine.Kind.KOMMUNINTERNA_BIDRAG,
)


def column_label(key: str) -> str:
    return statements.column(key).text_label


@dataclass(frozen=True)
class Warning:
    code: str  # "resultat", "total", "summa", "sign", "deviation", "duplicate"
    group: str
    label: str
    column: str
    message: str

    @property
    def column_label(self) -> str:
        return column_label(self.column) if self.column else ""


def _amount(value: int, unit: str) -> str:
    return format_amount(value, unit, suffix=True)


def _groups(lines) -> list[tuple[str, list]]:
    return [(group.name, group.lines) for group in group_lines(lines)]


def _prefix(name: str) -> str:
    return f"{name}: " if name else ""


def _mismatches(printed_line, components):
    """(column, printed, computed) wherever a printed figure and the sum of its components differ.

    A column is checked only when the printed figure and at least one component are filled in.
    """
    for column in STORED_COLUMNS:
        printed = getattr(printed_line, column)
        values = [getattr(ln, column) for ln in components if getattr(ln, column) is not None]
        if printed is None or not values:
            continue
        computed = sum(values)
        if abs(computed - printed) > TOLERANCE_KR:
            yield column, printed, computed


def _sum_warning(check, group, line, column, printed, computed, unit, message) -> Warning:
    figures = {"column": column_label(column), "printed": _amount(printed, unit), "computed": _amount(computed, unit)}
    return Warning(check, group, line.label, column, _prefix(group) + message % {"label": line.label, **figures})


def _check_resultat(group, rows, unit) -> list[Warning]:
    parts = [ln for ln in rows if ln.kind in COMPONENT_KINDS]
    message = _("Resultat %(column)s är %(printed)s men raderna summerar till %(computed)s.")
    return [
        _sum_warning("resultat", group, result, column, printed, computed, unit, message)
        for result in rows
        if result.kind == StatementLine.Kind.RESULTAT
        for column, printed, computed in _mismatches(result, parts)
    ]


def _check_total(groups, unit) -> list[Warning]:
    """The first group named "Hela …" is the total of the following groups of the same row kinds."""
    if len(groups) < 2 or not groups[0][0].lower().startswith("hela"):
        return []
    total_name, total_rows = groups[0]
    parts = [
        ln
        for name, rows in groups[1:]
        if not any(ln.kind in (StatementLine.Kind.SUBROW, StatementLine.Kind.SUMMA) for ln in rows)
        for ln in rows
    ]
    message = _("%(label)s %(column)s är %(printed)s men delarna summerar till %(computed)s.")
    return [
        _sum_warning("total", total_name, total, column, printed, computed, unit, message)
        for total in total_rows
        if total.kind in COMPONENT_KINDS or total.kind == StatementLine.Kind.RESULTAT
        for column, printed, computed in _mismatches(total, [ln for ln in parts if ln.kind == total.kind])
    ]


def _check_summa(group, rows, unit) -> list[Warning]:
    subrows = [ln for ln in rows if ln.kind == StatementLine.Kind.SUBROW]
    message = _("%(label)s %(column)s är %(printed)s men delraderna summerar till %(computed)s.")
    return [
        _sum_warning("summa", group, summa, column, printed, computed, unit, message)
        for summa in rows
        if summa.kind == StatementLine.Kind.SUMMA
        for column, printed, computed in _mismatches(summa, subrows)
    ]


def _check_signs(group, rows, unit) -> list[Warning]:
    """A row whose non-zero figures are positive in some columns and negative in others."""
    warnings = []
    for line in rows:
        values = {c: getattr(line, c) for c in STORED_COLUMNS if getattr(line, c) and c not in DIFFERENCE_COLUMNS}
        positive = [c for c, v in values.items() if v > 0]
        negative = [c for c, v in values.items() if v < 0]
        if not positive or not negative:
            continue
        minority = positive if len(positive) <= len(negative) else negative
        majority_sign = _("negativa") if minority is positive else _("positiva")
        warnings.append(
            Warning(
                "sign",
                group,
                line.label,
                minority[0],
                _prefix(group)
                + _("%(label)s byter tecken – %(columns)s har annat tecken än övriga kolumner, som är %(sign)s.")
                % {
                    "label": line.label,
                    "columns": ", ".join(column_label(c) for c in minority),
                    "sign": majority_sign,
                },
            )
        )
    return warnings


def _check_deviation(group, rows, unit) -> list[Warning]:
    """A printed avvikelse that is not utfall − budget of the printed figures (beyond their rounding).

    The printed figure stays what the table shows: this only points at the disagreement.
    """
    message = _("%(label)s avvikelse är %(printed)s men utfall − budget är %(computed)s.")
    warnings = []
    for line in rows:
        printed, computed = line.avvikelse, line.avvikelse_computed
        if printed is None or computed is None or abs(printed - computed) <= TOLERANCE_KR:
            continue
        figures = {"label": line.label, "printed": _amount(printed, unit), "computed": _amount(computed, unit)}
        warnings.append(Warning("deviation", group, line.label, "avvikelse", _prefix(group) + message % figures))
    return warnings


def check_statement(statement, lines=None) -> list[Warning]:
    """Every warning of a statement, in the order of its rows. lines: the statement's lines if already read."""
    lines = list(statement.lines.all()) if lines is None else list(lines)
    unit = statement.unit
    groups = _groups(lines)
    warnings = _check_total(groups, unit)
    for group, rows in groups:
        warnings += _check_resultat(group, rows, unit)
        warnings += _check_summa(group, rows, unit)
        warnings += _check_signs(group, rows, unit)
        warnings += _check_deviation(group, rows, unit)
    return warnings


def check_duplicates(statements) -> dict[int, list[Warning]]:
    """The same figures printed twice: a one-group statement (3.2.1) against the "Hela …" group of another (4.3).

    A figure printed twice should be the same figure, so any difference is reported (no tolerance).
    statements: statements of one board and period with their lines read. Returns warnings by statement id.
    """
    found: dict[int, list[Warning]] = {s.pk: [] for s in statements}
    read = {s.pk: _groups(list(s.lines.all())) for s in statements}
    for whole in statements:
        groups = read[whole.pk]
        if len(groups) != 1 or groups[0][0]:
            continue
        for other in statements:
            other_groups = read[other.pk]
            if other.pk == whole.pk or len(other_groups) < 2 or not other_groups[0][0].lower().startswith("hela"):
                continue
            name, total_rows = other_groups[0]
            by_kind = {ln.kind: ln for ln in total_rows}
            for line in groups[0][1]:
                twin = by_kind.get(line.kind)
                if twin is None:
                    continue
                for column in STORED_COLUMNS:
                    a, b = getattr(line, column), getattr(twin, column)
                    if a is None or b is None or a == b:
                        continue
                    values = {
                        "label": line.label,
                        "column": column_label(column),
                        "here": _amount(a, whole.unit),
                        "there": _amount(b, other.unit),
                    }
                    found[whole.pk].append(
                        Warning(
                            "duplicate",
                            "",
                            line.label,
                            column,
                            _("%(label)s %(column)s är %(here)s här men %(there)s i avsnitt %(section)s (%(group)s).")
                            % {**values, "section": other.section, "group": name},
                        )
                    )
                    found[other.pk].append(
                        Warning(
                            "duplicate",
                            name,
                            twin.label,
                            column,
                            _prefix(name)
                            + _("%(label)s %(column)s är %(there)s här men %(here)s i avsnitt %(section)s.")
                            % {**values, "section": whole.section},
                        )
                    )
    return found
