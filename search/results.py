"""What a search asks (SearchParams) and what it answers (Results of Hits), for the page to show."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from assignments.models import Board
from motions.models import Party

KINDS = {
    "uppdrag": _("Uppdrag"),
    "arenden": _("Ärenden"),
    "yrkanden": _("Yrkanden"),
    "beslutspunkter": _("Beslutspunkter"),
}
# Kinds that have parties; an assignment has none, so a party filter leaves assignments out.
PARTY_KINDS = {"arenden", "yrkanden", "beslutspunkter"}


@dataclass
class SearchParams:
    q: str = ""
    kind: str = ""
    board: Board | None = None
    party: Party | None = None
    year: int | None = None

    @property
    def kinds(self) -> list[str]:
        kinds = [self.kind] if self.kind else list(KINDS)
        if self.party is not None:
            kinds = [kind for kind in kinds if kind in PARTY_KINDS]
        return kinds


@dataclass
class Hit:
    kind: str
    title: str
    reference: str
    url: str
    snippet: SafeString
    rank: float = 0.0
    parties: list[str] = field(default_factory=list)

    @property
    def kind_label(self):
        return KINDS[self.kind]


@dataclass
class Results:
    params: SearchParams
    hits: list[Hit]
    counts: dict[str, int]  # at most candidate_limit; the kinds in `capped` have more
    candidate_limit: int  # above this many matches of one kind, only this many are ranked
    capped: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def labelled_counts(self) -> list[tuple[str, int, bool]]:
        return [(KINDS[kind], count, kind in self.capped) for kind, count in self.counts.items()]
