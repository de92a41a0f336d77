"""A roll-call table grouped under its parties' names written in full ("Socialdemokraterna", then its
members' rows; "Moderaterna, forts." where a page break splits a group), the header naming no party
column ("Namn  Uppdrag  Röst"). Rewritten line for line: the header gains a Parti column at its
end, each row its group's abbreviation, and the group headings are left blank, so that
rollcall.parse_rollcall reads the table as typed (the line numbers stay the document's). Pure."""

from __future__ import annotations

import re

from .marked_table import COLUMN_WORDS, MARK_RESULT, PAGE_TURN_LINES, header_words

# The parties' names in full, as fixtures/parties.json names them (shipped here: the parse makes no
# database query).
PARTY_NAMES = {
    "socialdemokraterna": "S", "moderaterna": "M", "vänsterpartiet": "V", "miljöpartiet": "MP",
    "sverigedemokraterna": "SD", "liberalerna": "L", "centerpartiet": "C", "kristdemokraterna": "KD",
    "demokraterna": "D", "feministiskt initiativ": "FI",
}  # fmt: skip
# A group heading: the party's name, perhaps with the group continued after a page break.
GROUP_RE = re.compile(r"(?i)^(?P<name>[a-zåäö ]+?)(?:\s*[,(]?\s*(?:forts\.?|fortsättning)\)?)?\s*:?$")


def group_party(line: str) -> str | None:
    """The abbreviation of the party a line names as a group heading ("Moderaterna, forts."), or None."""
    match = GROUP_RE.match(" ".join(line.split()))
    return PARTY_NAMES.get(match["name"].lower().strip()) if match else None


def _partyless_header(line: str) -> bool:
    """A one-result-column header with a name and a result and no party ("Namn  Uppdrag  Röst")."""
    words = header_words(line)
    columns = [COLUMN_WORDS.get(w) for w in words]
    return (
        len(words) >= 2 and None not in columns and "name" in columns and "result" in columns and "party" not in columns
    )


def _is_row(line: str, header: str) -> bool:
    """A member's row: a result closing it, and as many cells as the header when the table keeps its
    columns (two or more spaces apart); a sentence ("… 1 avstår.") is none."""
    words, cells = line.split(), re.split(r"\s{2,}|\t", line.strip())
    width = len(re.split(r"\s{2,}|\t", header.strip()))
    return len(words) >= 2 and words[-1].lower() in MARK_RESULT and (len(cells) == 1 or len(cells) == width)


def add_group_parties(lines: list[str]) -> list[str]:
    out = list(lines)
    for index, line in enumerate(lines):
        if not _partyless_header(line):
            continue
        party, gap, rewritten = None, 0, []
        for at in range(index + 1, len(lines)):
            heading = group_party(lines[at])
            if heading:
                party, gap = heading, 0
                rewritten.append((at, ""))
            elif party and _is_row(lines[at], line):
                rewritten.append((at, f"{lines[at].rstrip()}  {party}"))
                gap = 0
            elif lines[at].strip():
                gap += 1
                if gap > PAGE_TURN_LINES:
                    break
        rows = [r for r in rewritten if r[1]]
        if len(rows) < 2:
            continue
        out[index] = f"{line.rstrip()}  Parti"
        for at, text in rewritten[: rewritten.index(rows[-1]) + 1]:
            out[at] = text
    return out
