"""What the reader chose to see of a comparison, read from the URL, and how the table is drawn.

The choices are GET parameters, so a view can be bookmarked and sent on, and works without
JavaScript; the page, its PDF and its CSV read them with the same function:

- ``urval=1&visa=<id>&visa=<id>``: the motions to show (the picker's checkboxes);
- ``jamfor=<id>&jamfor=<id>``: exactly two motions side by side (wins over ``visa``);
- ``skillnader=1``: only the points where some shown motion differs from the proposal.

A value that names no motion of the case, or is no number, is left out and said so in Swedish
(Selection.messages); nothing is a server error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from .comparison import BLANK, CHANGED, DROPPED, MISSING, NEW, Cell

# A row differs when a motion changes, drops or adds a point; unchanged, kept and not addressed do not.
DIFFERING = {CHANGED, DROPPED, NEW}
ID_PATTERN = re.compile(r"[0-9]{1,9}")  # ASCII digits that fit an id: "²" passes str.isdigit() but not int()


@dataclass
class Selection:
    shown_ids: set[int] | None = None  # None: every motion
    pair: tuple[int, int] | None = None
    only_differences: bool = False
    messages: list[str] = field(default_factory=list)
    query: str = ""  # the valid choices as a query string, for the PDF and CSV links

    @property
    def is_default(self) -> bool:
        return self.shown_ids is None and not self.only_differences


def _ids(values, known: set[int], messages: list[str], parameter: str) -> list[int]:
    found = []
    for value in values:
        if ID_PATTERN.fullmatch(value) and int(value) in known:
            if int(value) not in found:
                found.append(int(value))
            continue
        shown = value if len(value) <= 20 else value[:20] + "…"
        messages.append(
            _("”%(value)s” i %(parameter)s är inget yrkande i ärendet och har hoppats över.")
            % {"value": shown, "parameter": parameter}
        )
    return found


def parse_selection(params, motion_ids) -> Selection:
    """The reader's choices from a QueryDict, checked against the ids of the case's comparable motions."""
    known = set(motion_ids)
    selection = Selection()
    messages = selection.messages
    query: list[tuple[str, object]] = []

    if "jamfor" in params:
        pair = _ids(params.getlist("jamfor"), known, messages, "jamfor")
        if len(pair) == 2:
            selection.pair = (pair[0], pair[1])
            selection.shown_ids = set(pair)
            query += [("jamfor", pair[0]), ("jamfor", pair[1])]
        else:
            messages.append(_("Välj två olika yrkanden att jämföra. Jämförelsen visar i stället alla valda yrkanden."))
    if selection.pair is None and "urval" in params:
        shown = _ids(params.getlist("visa"), known, messages, "visa")
        selection.shown_ids = set(shown)
        query += [("urval", 1)] + [("visa", pk) for pk in shown]

    value = params.get("skillnader", "")
    if value == "1":
        selection.only_differences = True
        query.append(("skillnader", 1))
    elif value not in ("", "0"):
        messages.append(_("”skillnader” kan bara vara 1 (visa bara punkter som skiljer sig); alla punkter visas."))
    selection.query = urlencode(query)
    return selection


def keep_only_differences(comparison) -> None:
    """Drop the point rows where every shown motion says what the proposal says (or nothing)."""
    kept = []
    for row in comparison.rows:
        if row.kind != "point" or any(cell.status in DIFFERING for cell in row.cells):
            kept.append(row)
    comparison.hidden_rows = len(comparison.rows) - len(kept)
    comparison.rows = kept


def lay_out(comparison) -> None:
    """Spans for the table: a motion without its text says so once down its column instead of in every
    row, and a referral's text runs over the blank cells to its right instead of standing in a tall
    narrow cell of a row that is otherwise empty."""
    rows = comparison.rows
    for index, column in enumerate(comparison.shown_columns):
        for row in rows:
            row.cells[index].column = column
        if column.has_text:
            continue
        body = [row for row in rows if row.kind != "referral"]
        if not body:
            continue
        body[0].cells[index] = Cell(status=MISSING, rowspan=len(body), column=column)
        for row in body[1:]:
            row.cells[index].covered = True
    for row in rows:
        if row.kind != "referral":
            continue
        owner = None
        for cell in row.cells:
            if cell.status != BLANK:
                owner = cell
            elif owner is not None:
                owner.colspan += 1
                cell.covered = True
