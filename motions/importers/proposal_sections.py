"""The addressee sections of a TU's "Förslag till beslut": a proposal may address several bodies in
turn ("I kommunstyrelsen, för egen del:" with points 1–3, then "I kommunfullmäktige:" with point 4,
or "Kommunstyrelsen föreslår kommunfullmäktige besluta"). Every section's points belong to the
proposal; the numbering runs on across the sections. The proposal's body is the first addressee,
read without "för egen del" (which says only that the body decides itself rather than proposing).
"""

import re

from .points import ADDRESSED_RE, Mark, read_mark
from .text import is_furniture

# "I kommunstyrelsen, för egen del:" -> "I kommunstyrelsen:".
_OWN_PART_RE = re.compile(r",?\s+för\s+egen\s+del\b", re.IGNORECASE)
_DECIDES_RE = re.compile(r"\bbeslut(?:a|ar)(?:\s+att)?:?$", re.IGNORECASE)


def without_own_part(addressee: str) -> str:
    """The addressee without the "för egen del" qualifier, its colon kept."""
    return " ".join(_OWN_PART_RE.sub("", addressee).split())


def is_section_line(line: str, blank_before: bool) -> bool:
    """Whether the line, standing between two points, opens a new addressee section: it ends in a
    colon or a decision verb ("… föreslår kommunfullmäktige besluta"), or it is "I <body>" on a
    line of its own after a blank line. The caller checks that a numbered point follows it."""
    if not ADDRESSED_RE.match(line) or len(line) > 120 or re.search(r"[.!?;,]$", line):
        return False
    return line.endswith(":") or bool(_DECIDES_RE.search(line)) or (blank_before and line.startswith("I "))


def _next_text(items: list[tuple[int, str]], index: int, skipped: set[int]) -> str:
    """The first line of text after items[index] (`skipped`: indexes of the header block)."""
    for later in range(index + 1, len(items)):
        text = " ".join(items[later][1].split())
        if later not in skipped and text and not is_furniture(text):
            return text
    return ""


def opens_section(
    line: str, blank: bool, current: dict | None, items: list[tuple[int, str]], index: int, skipped: set[int]
) -> Mark | None:
    """The mark of the point right after items[index] when that line (`line`, cleaned), after a
    finished point (`current`), opens a new addressee section; None otherwise."""
    if current is None or not re.search(r"[.!?]$", current["parts"][-1][-1]) or not is_section_line(line, blank):
        return None
    return read_mark(_next_text(items, index, skipped), current["style"])
