"""The side-by-side comparison of a case as CSV: the proposal's points, then one column per motion."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.tabular import plain, write_csv


def _column_label(column) -> str:
    label = column.name.label  # motions.naming: the name the pages use
    if column.motion.is_revised:
        label += " " + _("(reviderat)")
    if column.adopted:
        label += " – " + _("bifallet")
    return label


def _cell_text(cell) -> str:
    point_text = f"{_('punkt')} {cell.point.printed_label}: {plain(cell.point.text)}" if cell.point is not None else ""
    if cell.status == "same":
        return f"{_('Oförändrad')} – {point_text}"
    if cell.status == "changed":
        return f"{_('Ändrad')} – {point_text}"
    if cell.status == "kept":
        return f"{_('Bifalls i övrigt')} – {plain(cell.html)}"
    if cell.status == "dropped":
        if cell.merged_into is not None:
            return _("Stryks – sammanförd med yrkandets punkt %(number)s") % {"number": cell.merged_into.printed_label}
        return _("Stryks")
    if cell.status == "not_addressed":
        return _("Tar inte ställning")
    if cell.status == "new":
        return f"{_('Nytt')} – {point_text}" if point_text else f"{_('Nytt')} – {plain(cell.html)}"
    if cell.status == "missing":
        text = _("Text saknas")
        if cell.html:
            text += " – " + _("Enligt protokollet %(decision)s:") % {"decision": cell.note} + " " + plain(cell.html)
        return text
    return ""


def comparison_csv(comparison) -> bytes:
    """Rows: the motions' lead-ins (when one has any), the proposal's points (and points only a motion
    has); one column per shown motion, as the table on the page."""
    columns = comparison.shown_columns
    headers = [_("Punkt"), _("Tjänsteutlåtandet")] + [_column_label(column) for column in columns]
    rows = []
    if comparison.lead_in_columns:
        # The row the table shows first: the text before a motion's points, which they complete.
        rows.append(
            [_("Inledning"), _("Före punkterna")]
            + [plain(column.motion.lead_in) if column.has_text else "" for column in columns]
        )
    for row in comparison.rows:
        if row.kind == "referral":
            first = [_("Återremiss"), ""]
        elif row.kind == "point":
            first = [row.proposal_point.printed_label, plain(row.proposal_point.text)]
        else:
            first = [_("Ny punkt"), ""]
        rows.append(first + [_cell_text(cell) for cell in row.cells])
    return write_csv(headers, rows)
