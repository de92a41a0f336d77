"""The report's financial parts (3.2 and 4.3): a board's statements and central items as tables.

Columns, grouping and decimals are budget.statements', the same as the statement page's.
"""

from __future__ import annotations

from django.utils.text import slugify
from django.utils.translation import gettext as _

from budget.statements import (
    CENTRAL_COLUMNS,
    CENTRAL_UNIT,
    PARTS,
    cells,
    decimals_for,
    format_amount,
    group_lines,
    values,
)

from .document import AmountTable, Section, TableGroup, TableRow, anchor, level

CENTRAL_ITEMS_NUMBER = "3.2.4"
COMPUTED_MARK = "*"  # after a figure the document does not print; the table's note explains it


def _cells(amounts, unit: str, decimals: int) -> list[str]:
    return [format_amount(amount, unit, decimals=decimals) for amount in amounts]


def statement_tables(statement) -> list[AmountTable]:
    """One table for the period and one for the full year, each in the statement's groups of rows."""
    groups = group_lines(statement.lines.all())
    tables = []
    for part in PARTS:
        columns = part.columns
        table_groups = []
        has_computed = False
        for group in groups:
            # One precision per group, so the figures of a block line up.
            decimals = decimals_for([v for line in group.lines for v in values(line, columns)], statement.unit)
            rows = []
            for line in group.lines:
                shown = cells(line, columns)
                texts = _cells([cell.value for cell in shown], statement.unit, decimals)
                texts = [t + COMPUTED_MARK if cell.computed else t for t, cell in zip(texts, shown, strict=True)]
                has_computed = has_computed or any(cell.computed for cell in shown)
                rows.append(TableRow(line.label, line.kind, texts))
            table_groups.append(TableGroup(name=group.name, rows=rows))
        suffix = str(part.caption)
        tables.append(
            AmountTable(
                caption=f"{statement.title}, {suffix}",
                unit=statement.unit,
                columns=[str(column.short_label) for column in columns],
                groups=table_groups,
                slug=f"{slugify(statement.section or 'tabell')}-{slugify(suffix)}",
                has_computed=has_computed,
            )
        )
    return tables


def central_items_table(items) -> AmountTable:
    decimals = decimals_for([v for item in items for v in values(item, CENTRAL_COLUMNS)], CENTRAL_UNIT)
    return AmountTable(
        caption=_("Kommuncentrala poster"),
        unit=CENTRAL_UNIT,
        columns=[str(column.label) for column in CENTRAL_COLUMNS],
        groups=[
            TableGroup(
                name="",
                rows=[
                    TableRow(item.label, "", _cells(values(item, CENTRAL_COLUMNS), CENTRAL_UNIT, decimals))
                    for item in items
                ],
            )
        ],
        slug="kommuncentrala-poster",
    )


def financial_sections(statements, central_items) -> tuple[Section | None, Section | None]:
    """3 Övrig uppföljning (3.2 Ekonomisk uppföljning) and 4.3 Ekonomisk uppföljning, when data exist."""
    follow_up = Section("3.2", _("Ekonomisk uppföljning"), 2, anchor("avsnitt", "3.2"))
    board_follow_up = Section("4.3", _("Ekonomisk uppföljning"), 2, anchor("avsnitt", "4.3"))
    for statement in statements:
        target = board_follow_up if statement.section.startswith("4") else follow_up
        parts = statement.section.split(".") if statement.section else []
        if len(parts) >= 3:
            target.children.append(
                Section(
                    statement.section,
                    statement.title,
                    level(statement.section),
                    anchor("avsnitt", statement.section),
                    tables=statement_tables(statement),
                )
            )
        else:
            target.tables.extend(statement_tables(statement))
    if central_items:
        follow_up.children.append(
            Section(
                CENTRAL_ITEMS_NUMBER,
                _("Uppföljning av kommuncentrala poster som hanteras genom beslut av andra nämnder"),
                level(CENTRAL_ITEMS_NUMBER),
                anchor("avsnitt", CENTRAL_ITEMS_NUMBER),
                tables=[central_items_table(central_items)],
            )
        )

    def has_content(section):
        return bool(section.tables or section.children)

    return (
        follow_up if has_content(follow_up) else None,
        board_follow_up if has_content(board_follow_up) else None,
    )
