"""The words every general roll-call reader shares (vote_grid.py, vote_lists.py): results as
printed, roles, and the page furniture a page break leaves inside a roll call; the counts a vote's
text states are vote_counts.py's. Pure: no database query."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from ..models import VoteRecord
from .marked_table import PAGE_NUMBER_RE, RUNNING_LINE_RE
from .rollcall import ParsedRollCall, RollCallRow
from .text import is_furniture

RESULT_WORDS = {
    "ja": VoteRecord.Result.YES, "j": VoteRecord.Result.YES,
    "nej": VoteRecord.Result.NO, "n": VoteRecord.Result.NO,
    "avstår": VoteRecord.Result.ABSTAIN, "avstod": VoteRecord.Result.ABSTAIN, "avstått": VoteRecord.Result.ABSTAIN,
    "a": VoteRecord.Result.ABSTAIN,
    "frånvarande": VoteRecord.Result.ABSENT, "frånv": VoteRecord.Result.ABSENT, "f": VoteRecord.Result.ABSENT,
}  # fmt: skip
KEYS = ("ja", "nej", "avstar", "franvarande")
# Furniture a page break leaves inside a roll call besides what text.is_furniture knows.
SIGN_RE = re.compile(r"(?i)^(?:justerandes?\s+sign\w*\.?|utdragsbestyrkande)(?:\s|[.…_]|$)")
PAGE_PAREN_RE = re.compile(r"^\d{1,3}\s*\(\d{1,3}\)$")
BREAK_REACH = 6
# Role words as a roll call prints them, definite or plural forms taken back to the role.
ROLE_RE = re.compile(
    r"(?i)^(?:(?:den|det)\s+)?(?P<role>(?:tjänstgörande\s+|tjg\.?\s+)?(?:ersättar(?:e|en|na)|ers\.?)"
    r"|(?:(?:förste|andre|förste|1:e|2:e|3:e|1:a|2:a)\s+)?(?:vice\s+)?ordförande(?:n)?"
    r"|ledamot(?:en)?|ledamöterna)$"
)
DEFAULT_ROLE = "ledamot"


def role_of(text: str) -> str | None:
    """The role a roll call prints, as a role ("ersättaren" -> "ersättare", "tjg ers" ->
    "tjänstgörande ersättare"); None when the words are no role."""
    found = ROLE_RE.match(" ".join(text.split()).strip(" ,.()"))
    if not found:
        return None
    role = found["role"].lower()
    role = re.sub(r"^tjg\.?\s+", "tjänstgörande ", role)
    role = re.sub(r"\bers\.?$|ersättar(?:en|na)$", "ersättare", role)
    role = re.sub(r"ordföranden$", "ordförande", role)
    return "ledamot" if role.startswith("ledam") else role


def is_break_furniture(lines: list[str], index: int) -> bool:
    """A line a page break left: a page number, the signature boxes, the running line next to a
    form feed. A dated line is furniture only within a few lines of the form feed."""
    stripped = " ".join(lines[index].split())
    if _is_feed(lines[index]):
        return True
    if not stripped:
        return False
    if is_furniture(stripped) or PAGE_NUMBER_RE.match(stripped) or PAGE_PAREN_RE.match(stripped):
        return True
    if SIGN_RE.match(stripped):
        return True
    near = lines[max(0, index - BREAK_REACH) : index + BREAK_REACH + 1]
    return bool(RUNNING_LINE_RE.search(stripped) or "§" in stripped) and any(_is_feed(x) for x in near)


def _is_feed(line: str) -> bool:
    """A form feed alone on its line (str.strip takes the form feed away too)."""
    return "\f" in line and not line.replace("\f", "").strip()


def rollcall_of(rows: list[RollCallRow], declared: dict[str, int]) -> ParsedRollCall:
    totals = {key: sum(1 for r in rows if r.result == key) for key in KEYS}
    return ParsedRollCall(rows=rows, totals=totals, declared_totals=declared)


def duplicate_flags(rows: list[RollCallRow]) -> list[str]:
    seen: dict[str, int] = {}
    flags = []
    for row in rows:
        if row.name.lower() in seen:
            flags.append(
                _("Rad %(line)d: %(name)s står redan på rad %(other)d – kontrollera namnlistan.")
                % {"line": row.line, "name": row.name, "other": seen[row.name.lower()]}
            )
        seen.setdefault(row.name.lower(), row.line)
    return flags
