"""A server-rendered bar chart of a statement: budget, utfall and prognos per row (inline SVG)."""

from dataclasses import dataclass

from . import statements
from .statements import format_amount, group_lines

# Fills as attributes (the PDF renderer does not apply CSS to SVG shapes); patterns differ too.
SERIES = [
    ("budget_helar", "#5b6770"),
    ("utfall", "#0b5cab"),
    ("prognos", "#1b6e3a"),
]
LABEL_WIDTH = 260
PLOT_WIDTH = 420
BAR_HEIGHT = 9
ROW_GAP = 12


@dataclass
class Bar:
    key: str
    label: str
    x: float
    y: float
    width: float
    fill: str
    text: str


def series_labels():
    return {key: str(statements.column(key).label) for key, _fill in SERIES}


def _group_chart(name, rows, unit) -> dict:
    labels = series_labels()
    largest = max((abs(getattr(ln, key) or 0) for ln in rows for key, _fill in SERIES), default=0) or 1
    has_negative = any((getattr(ln, key) or 0) < 0 for ln in rows for key, _fill in SERIES)
    zero = LABEL_WIDTH + (PLOT_WIDTH / 2 if has_negative else 0)
    scale = (PLOT_WIDTH / 2 if has_negative else PLOT_WIDTH) / largest
    items = []
    y = 46
    for line in rows:
        bars = []
        for index, (key, fill) in enumerate(SERIES):
            value = getattr(line, key)
            if value is None:
                continue
            width = abs(value) * scale
            x = zero - width if value < 0 else zero
            text = format_amount(value, unit, suffix=True)
            bars.append(
                Bar(key, labels[key], round(x, 1), y + index * BAR_HEIGHT, round(max(width, 0.5), 1), fill, text)
            )
        items.append({"label": line.label, "y": y, "text_y": y + BAR_HEIGHT * 2, "bars": bars})
        y += BAR_HEIGHT * len(SERIES) + ROW_GAP
    return {
        "name": name,
        "items": items,
        "width": LABEL_WIDTH + PLOT_WIDTH + 20,
        "height": y + 10,
        "zero": round(zero, 1),
        "label_width": LABEL_WIDTH,
        "legend": [
            {"label": labels[key], "fill": fill, "x": LABEL_WIDTH + i * 140} for i, (key, fill) in enumerate(SERIES)
        ],
    }


def statement_chart(statement, lines) -> list[dict]:
    """One chart per group of rows (each on its own scale, so small sub-rows stay visible)."""
    charted = [line for line in lines if any(getattr(line, key) is not None for key, _fill in SERIES)]
    return [_group_chart(group.name, group.lines, statement.unit) for group in group_lines(charted)]
