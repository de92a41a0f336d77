"""Reading a decision point's text: does it give an assignment, and to which boards?

"X får i uppdrag att …", "X uppdras att …", "X ges i uppdrag att …": X names the boards, in any
spelling the name variants know ("Socialnämnd centrum"), or as the documents group them
("Socialnämnderna Centrum, Hisingen, Nordost och Sydväst samt nämnden för funktionsstöd").
"""

from __future__ import annotations

import re

from .models import Board, BoardNameVariant

ASSIGNMENT_RE = re.compile(
    r"\b(?:får|ges|ge|ger)\s+(?:\w+\s+){0,2}i\s+uppdrag\b|\buppdras\b|\bi\s+uppdrag\s+(?:till|åt)\b",
    re.IGNORECASE,
)
# "Socialnämnderna Centrum, Hisingen och Nordost": one board per name after the plural.
_PLURAL_RE = re.compile(
    r"\b(?P<stem>\w+nämnd)erna\s+(?P<names>[A-ZÅÄÖ]\w+(?:(?:\s*,\s*|\s+och\s+)[A-ZÅÄÖ]\w+)*)", re.UNICODE
)


def gives_assignment(text: str) -> bool:
    return bool(ASSIGNMENT_RE.search(text or ""))


def subject_of(text: str) -> str:
    """The words before the assignment verb: who is given the assignment ("" when none is)."""
    found = ASSIGNMENT_RE.search(text or "")
    return (text or "")[: found.start()] if found else ""


class BoardMatcher:
    """Every spelling of every board, read once (two queries), to find the boards a text names."""

    def __init__(self, boards=None):
        self.boards = list(boards if boards is not None else Board.objects.all())
        by_id = {b.pk: b for b in self.boards}
        spellings: dict[str, Board] = {}
        for board in self.boards:
            spellings.setdefault(board.name.casefold(), board)
            spellings.setdefault(board.short_name.casefold(), board)
        for name, board_id in BoardNameVariant.objects.filter(board_id__in=list(by_id)).values_list("name", "board_id"):
            spellings.setdefault(" ".join(name.split()).casefold(), by_id[board_id])
        self._spellings = sorted(spellings.items(), key=lambda item: len(item[0]), reverse=True)
        self._exact = dict(self._spellings)

    def resolve(self, name: str) -> Board | None:
        return self._exact.get(" ".join(name.split()).casefold())

    def _expand(self, text: str) -> str:
        def one_by_one(match):
            names = re.split(r"\s*,\s*|\s+och\s+", match["names"])
            return ", ".join(f"{match['stem']}en {name}" for name in names)

        return _PLURAL_RE.sub(one_by_one, text)

    def named_in(self, text: str) -> list[Board]:
        """The boards the text names, in the order it names them, each once (longest spelling first,
        so "Socialnämnden Centrum" is not read as a bare "Socialnämnden")."""
        haystack = " ".join(self._expand(text or "").split()).casefold()
        taken = [False] * len(haystack)
        found: list[tuple[int, Board]] = []
        for spelling, board in self._spellings:
            # The substring test first: most spellings are not in the text, and it is far cheaper.
            if len(spelling) < 2 or spelling not in haystack:
                continue
            for match in re.finditer(r"(?<!\w)" + re.escape(spelling) + r"(?!\w)", haystack):
                span = range(match.start(), match.end())
                if any(taken[i] for i in span):
                    continue
                for i in span:
                    taken[i] = True
                found.append((match.start(), board))
        ordered, seen = [], set()
        for _start, board in sorted(found, key=lambda item: item[0]):
            if board.pk not in seen:
                seen.add(board.pk)
                ordered.append(board)
        return ordered

    def responsible_for(self, text: str) -> list[Board]:
        """The boards a point gives its assignment to: those named before the verb, else none."""
        return self.named_in(subject_of(text))
