"""Snippets of a hit's text with the query's words marked, as safe HTML.

On SQLite the window is cut and marked here; on PostgreSQL ts_headline cuts it and only its
markers are turned into <mark> tags.
"""

from __future__ import annotations

import re
import secrets

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_CHARS = 220


def query_words(q: str) -> list[str]:
    return [word for word in re.split(r"\s+", q.strip()) if word]


def headline_marks() -> tuple[str, str]:
    """Markers for ts_headline's highlights, new for every search.

    ts_headline's output is escaped before its markers become <mark> tags, so no markup can come
    from a record; and because the markers hold a random nonce, no record's text can contain them
    either, so stored text cannot steer what is highlighted (a fixed private-use character could
    be typed into a point's text and printed as a stray <mark>).
    """
    nonce = secrets.token_hex(8)
    return f"\ue000{nonce}\ue001", f"\ue001{nonce}\ue000"


def highlight_headline(text: str, marks: tuple[str, str]) -> SafeString:
    """ts_headline output (with the search's own markers) to safe HTML."""
    start, end = marks
    return mark_safe(escape(text).replace(start, "<mark>").replace(end, "</mark>"))  # noqa: S308 - escaped above


def python_snippet(text: str, words: list[str], length: int = SNIPPET_CHARS) -> SafeString:
    """A window of the text around the first match, escaped, with every match marked."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in words if word and lowered.find(word.lower()) >= 0]
    start = max(0, min(positions) - length // 3) if positions else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    window = text[start : start + length]
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    if not words:
        return mark_safe(escape(prefix + window + suffix))  # noqa: S308 - escaped
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(window):
        parts.append(escape(window[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(window[last:]))
    return mark_safe(escape(prefix) + "".join(parts) + escape(suffix))  # noqa: S308 - every part escaped
