"""The words a roll-call table uses besides its members (rollcall.parse_rollcall): how a result is
written (a word, an abbreviation, a letter, a dash, defined by convention or by a legend such as
"J = Ja, N = Nej, A = Avstår, – = Frånvarande") and the headings of sections whose people are
present but do not vote ("Närvarande ersättare (deltar ej i omröstningen)"); the lines that declare
the counts ("Antal Ja: 39", "Summa 6 4 0 1") are vote_counts.py's. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import VoteRecord
from .text import line_error

# A result written out, as any table prints it (matched lower-cased).
RESULTS = {
    "ja": VoteRecord.Result.YES,
    "nej": VoteRecord.Result.NO,
    "avstår": VoteRecord.Result.ABSTAIN,
    "avstod": VoteRecord.Result.ABSTAIN,
    "avstått": VoteRecord.Result.ABSTAIN,
    "avst": VoteRecord.Result.ABSTAIN,
    "avst.": VoteRecord.Result.ABSTAIN,
    "frånvarande": VoteRecord.Result.ABSENT,
    "frånv": VoteRecord.Result.ABSENT,
    "frånv.": VoteRecord.Result.ABSENT,
}
# The letters Swedish minutes use for the results without saying so (matched as printed: a lower-case
# "a" is no result). "F" is left out on purpose: it is "för" (Ja) as often as "frånvarande".
LETTERS = {"J": VoteRecord.Result.YES, "N": VoteRecord.Result.NO, "A": VoteRecord.Result.ABSTAIN}
# A dash in the result column: the member did not vote. Read as frånvarande, flagged unless a legend
# says so ("– = Frånvarande").
DASHES = {"–", "-", "—"}
# "J = Ja", "– = Frånvarande", "Avst = Avstår": one definition of a legend line.
LEGEND_PAIR_RE = re.compile(r"(?P<token>[^\s=,;]{1,6})\s*=\s*(?P<word>[A-Za-zÅÄÖåäö.]+)")
LEGEND_PREFIX_RE = re.compile(r"(?i)^(?:teckenförklaring|förklaring|förkortningar)\s*:?\s*")

# The heading of a section whose people are present but do not vote: "Närvarande ersättare (deltar
# ej i omröstningen)", "Närvarande ersättare, ej tjänstgörande", "Ej tjänstgörande ersättare",
# "Övriga närvarande". "Närvarande ersättare" alone is such a section: those who serve are
# "tjänstgörande ersättare", unless the heading says so.
NON_VOTING_RE = re.compile(
    r"(?i)\b(?:ej|icke|inte)\s+(?:tjänstgörande|tjänstgör|tjänstgjorde|röstande|röstberättigade?)\b"
    r"|\b(?:deltar|deltog|röstar|röstade)\s+(?:ej|inte)\b|\butan\s+rösträtt\b|^övriga\s+närvarande\b"
    r"|^närvarande\s+ersättare\b(?!.*\btjänstgörande\b)"
)
MAX_HEADING_WORDS = 10


@dataclass
class Results:
    """The result a table's cell stands for: words, the conventional letters, the table's legend."""

    legend: dict[str, str] = field(default_factory=dict)

    def of(self, token: str) -> str | None:
        if token in self.legend:
            return self.legend[token]
        if token in LETTERS:
            return LETTERS[token]
        if token in DASHES:
            return VoteRecord.Result.ABSENT
        return RESULTS.get(token.lower())

    def unsure(self, token: str) -> bool:
        """A dash read as frånvarande with no legend saying so."""
        return token in DASHES and token not in self.legend


def legend_of(line: str) -> dict[str, str] | None:
    """The definitions of a legend line ("J = Ja, N = Nej, A = Avstår, – = Frånvarande"), or None
    when the line is no legend of results (a party legend "S = Socialdemokraterna" is none)."""
    cleaned = LEGEND_PREFIX_RE.sub("", " ".join(line.split()))
    pairs = list(LEGEND_PAIR_RE.finditer(cleaned))
    if not pairs or LEGEND_PAIR_RE.sub("", cleaned).strip(" ,;."):
        return None
    read = {p["token"]: RESULTS.get(p["word"].lower()) or RESULTS.get(p["word"].lower().rstrip(".")) for p in pairs}
    return None if None in read.values() else read


def results_of(lines: list[str], first_line: int = 1) -> Results:
    """The table's results: its legend lines, wherever they stand, define their tokens; a token the
    legends define twice, differently, is refused."""
    legend: dict[str, str] = {}
    for index, raw in enumerate(lines):
        read = legend_of(raw) if "=" in raw else None
        for token, result in (read or {}).items():
            if legend.get(token, result) != result:
                raise line_error(
                    index + first_line,
                    _("Teckenförklaringen anger två olika betydelser för ”%(token)s”.") % {"token": token[:10]},
                )
            legend[token] = result
    return Results(legend)


def is_non_voting_heading(line: str) -> bool:
    """A heading over people present who do not vote: no row, no counts, no sentence."""
    cleaned = " ".join(line.split()).rstrip(":")
    return (
        bool(cleaned)
        and len(cleaned.split()) <= MAX_HEADING_WORDS
        and not cleaned.endswith(".")
        and not re.search(r"\d", cleaned)
        and bool(NON_VOTING_RE.search(cleaned))
    )
