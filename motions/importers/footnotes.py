"""Footnotes in a motion's or TU's text: the digits glued to a word ("grooming3", "regionalt.11")
and the footnote lines themselves ("1 Se Länsstyrelsen …"), which stand where a page ended, often
inside a paragraph. The digits are taken out of the text and kept as the point's notes."""

import re

from .joining import join_lines

# Footnote digits glued to a word or to the punctuation after it: "grooming3", "regionalt.11", and
# to the full stop after a year or a date ("i september 2025.2", "senast 2025-12-31.4"); after
# other digits they are a section number ("avsnitt 4.1.2") and stay.
FOOTNOTE_RES = [
    re.compile(r"(?<=[^\W\d_]{3})\d{1,2}(?=[\s,;:)]|$|\.(?:\s|$))"),
    re.compile(r"(?<=[^\W\d_][.,;:])\d{1,2}(?=\s|$)"),
    re.compile(r"(?<=[^\d.,]\d{4}\.)\d{1,2}(?=\s|$)"),
    re.compile(r"(?<=[^\d.,]\d{4}-\d\d-\d\d\.)\d{1,2}(?=\s|$)"),
]
# Footnote marks set as superscripts ("nivå¹", "programmet.²"), kept as their plain digits; after
# fewer than three letters a superscript is a unit's power ("m²", "km²") and stays.
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
SUPERSCRIPT_RE = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_][.,;:]))[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}")
# A word broken at the line end by a hyphen, the typesetter's or a plain one.
_BROKEN_WORD_RE = re.compile(r"(?P<left>[^\W\d_]+)[-\u2010\u00ad]$")
# The rule the typesetter draws above a page's footnotes ("__________", "– – – –", "──────").
_RULE_RE = re.compile(r"^(?:[_\-–—‐─=]\s?){5,}$")
_FOOTNOTE_BODY_RE = re.compile(r"^(?P<digit>\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})\s+(?P<text>[A-ZÅÄÖ\"”“].{2,})$")


def strip_footnotes(text: str) -> tuple[str, list[str]]:
    """The text without footnote digits glued to words, and the digits removed (kept as notes)."""
    removed = [m.group(0).translate(_SUPERSCRIPTS) for m in SUPERSCRIPT_RE.finditer(text)]
    text = SUPERSCRIPT_RE.sub("", text)
    for pattern in FOOTNOTE_RES:
        removed += [m.group(0) for m in pattern.finditer(text)]
        text = pattern.sub("", text)
    return text, removed


def footnote_bodies(items: list[tuple[int, str]]) -> dict[int, tuple[str, str]]:
    """The lines that are footnotes ("1 Se Länsstyrelsen …"), by index: a line that starts with
    the digits of a footnote glued to a word elsewhere in the text, then a capital; and the rule
    drawn right above one (kept with an empty text)."""
    glued: set[str] = set()
    for position, (_n, line) in enumerate(items):
        if not _FOOTNOTE_BODY_RE.match(line.strip()):
            glued.update(strip_footnotes(line)[1])
            # The typesetter may hyphenate the word a footnote's digits are glued to ("Götebor-⏎g1."):
            # the word, joined again, is what carries them.
            broken = _BROKEN_WORD_RE.search(line.rstrip())
            rest = items[position + 1][1].split() if broken and position + 1 < len(items) else []
            if rest and rest[0][:1].islower():
                glued.update(strip_footnotes(broken["left"] + rest[0])[1])
    found = {}
    index = 0
    while index < len(items):
        match = _FOOTNOTE_BODY_RE.match(items[index][1].strip())
        if match and match["digit"].translate(_SUPERSCRIPTS) in glued:
            digit, body, first = match["digit"].translate(_SUPERSCRIPTS), [match["text"]], index
            # A footnote the typesetter hyphenated runs on to the next line ("Storgöte-⏎borg.").
            while index + 1 < len(items) and body[-1].rstrip().endswith(("-", "\u2010", "\u00ad")):
                index += 1
                body.append(items[index][1])
                found[index] = (digit, "")
            found[first] = (digit, join_lines(body))
            above = next((j for j in range(first - 1, -1, -1) if items[j][1].strip()), None)
            if above is not None and above not in found and _RULE_RE.match(items[above][1].strip()):
                found[above] = (digit, "")  # the rule over the footnote: no text of the page
        index += 1
    return found
