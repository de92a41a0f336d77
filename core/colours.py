"""Colour contrast (WCAG 2.1, 1.4.3 and 1.4.11): the one home for choosing a label's colour on a coloured
background. Party colours come from data, so the label colour is computed, never picked by hand."""

from __future__ import annotations

import re
from functools import lru_cache

HEX = re.compile(r"^#(?P<r>[0-9a-fA-F]{2})(?P<g>[0-9a-fA-F]{2})(?P<b>[0-9a-fA-F]{2})$")
BLACK = "#000000"
WHITE = "#ffffff"
AA_TEXT = 4.5  # the least contrast for normal text (1.4.3)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    match = HEX.match(colour.strip())
    if not match:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    r, g, b = (_channel(int(match[key], 16)) for key in "rgb")
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@lru_cache(maxsize=256)  # a pure function of a few party colours, asked for every party label of a page
def text_colour_on(background: str) -> str:
    """Black or white, whichever contrasts more with the background; one of them always reaches 4.5:1."""
    return BLACK if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background) else WHITE
