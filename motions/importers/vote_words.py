"""The words every general roll-call reader shares (vote_grid.py, vote_lists.py): results as
printed, counts in digits or in words ("sex (6) ja"), roles, and the page furniture a page break
leaves inside a roll call. Pure: no database query."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from ..models import VoteRecord
from .marked_table import PAGE_NUMBER_RE, RUNNING_LINE_RE
from .number_words import NUMBER_WORDS, WORD_PATTERN
from .rollcall import ParsedRollCall, RollCallRow
from .text import is_furniture

RESULT_WORDS = {
    "ja": VoteRecord.Result.YES, "j": VoteRecord.Result.YES,
    "nej": VoteRecord.Result.NO, "n": VoteRecord.Result.NO,
    "avstår": VoteRecord.Result.ABSTAIN, "avstod": VoteRecord.Result.ABSTAIN, "avstått": VoteRecord.Result.ABSTAIN,
    "a": VoteRecord.Result.ABSTAIN,
    "frånvarande": VoteRecord.Result.ABSENT, "frånv": VoteRecord.Result.ABSENT, "f": VoteRecord.Result.ABSENT,
}  # fmt: skip
WORD = WORD_PATTERN
KEYS = ("ja", "nej", "avstar", "franvarande")
# "sex (6) ja", "6 ja", "sex ja", "en (1) avstår", "1 ledamot avstod": the count before the result.
COUNT_FIRST_RE = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<word>{WORD})\s*\((?P<paren>\d{{1,3}})\)|(?P<digits>\d{{1,3}})|(?P<alone>{WORD}))"
    r"\s+(?:ledamöter\s+|ledamot\s+)?(?:röster\s+för\s+)?(?P<what>ja|nej|avstår|avstod|frånvarande)\b"
)
# "Resultat: Ja 5 – Nej 3 – Avstår 2": the result before its count, only on a totals line.
TOTALS_LINE_RE = re.compile(r"(?i)^\s*(?:resultat|summa|totalt|sammanräkning|röstresultat)\s*:?\s+(?P<rest>.+)$")
WORD_FIRST_RE = re.compile(r"(?i)\b(?P<what>ja|nej|avstår|avstod|frånvarande)\s*:?\s*(?P<n>\d{1,3})\b")
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


def declared_counts(text: str) -> tuple[dict[str, int], list[str]]:
    """The counts a vote's text states, in digits, in words or both ("sex (6) ja"); a word and a
    digit that disagree are no count but a flag."""
    found: dict[str, int] = {}
    flags: list[str] = []
    flat = " ".join(text.split())
    for match in COUNT_FIRST_RE.finditer(flat):
        key = _key(match["what"])
        if match["word"]:
            worded, digits = NUMBER_WORDS[match["word"].lower()], int(match["paren"])
            if worded != digits:
                flags.append(
                    _("”%(text)s”: talet i ord och i siffror stämmer inte – kontrollera antalet.")
                    % {"text": match.group(0)}
                )
                continue
            count = digits
        else:
            count = int(match["digits"]) if match["digits"] else NUMBER_WORDS[match["alone"].lower()]
        found.setdefault(key, count)
    for line in text.split("\n"):
        totals = TOTALS_LINE_RE.match(line.strip())
        if totals:
            for match in WORD_FIRST_RE.finditer(totals["rest"]):
                found.setdefault(_key(match["what"]), int(match["n"]))
    return found, flags


def _key(word: str) -> str:
    return {"ja": "ja", "nej": "nej", "frånvarande": "franvarande"}.get(word.lower(), "avstar")


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
