"""What a case's proposal and motions cost, as the case pages show it, without this app knowing how.

Costs belong to the budget app, which sits above this one: it registers a provider in its
AppConfig.ready() (as assignments/links.py does for the origin of an assignment), and the
comparison and the case page ask all providers at once for a whole list of cases. The cases
are prefetched here with what the comparison reads, so a provider adds a fixed number of
queries whatever the number of cases, motions and points.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects


@dataclass(frozen=True)
class Cost:
    """A sum of cost estimates: one-off and yearly kronor separately, and how many have no amount."""

    one_off: int = 0
    yearly: int = 0
    unknown: int = 0
    count: int = 0
    from_proposal: int = 0  # estimates a motion carries from the proposal's points

    def __add__(self, other: Cost) -> Cost:
        return Cost(
            self.one_off + other.one_off,
            self.yearly + other.yearly,
            self.unknown + other.unknown,
            self.count + other.count,
            self.from_proposal + other.from_proposal,
        )


@dataclass(frozen=True)
class CostSection:
    """A block of the case page, drawn by the provider's own template."""

    template: str
    context: dict


@dataclass
class CaseCosts:
    """What the providers say about one case.

    motions: by motion id, for the motions that propose decisions; None where the cost is unknown
    (the motion's text is missing), which is not the same as nothing.
    url: the provider's page of the case's costs, which the comparison's cost row links to.
    """

    proposal: Cost | None = None
    motions: dict[int, Cost | None] = field(default_factory=dict)
    sections: list[CostSection] = field(default_factory=list)
    url: str = ""  # the page with every estimate of the case (a motion's part: url#motion-<id>)

    def merge(self, other: CaseCosts) -> None:
        self.proposal = _add(self.proposal, other.proposal)
        self.url = self.url or other.url
        for motion_id, cost in other.motions.items():
            self.motions[motion_id] = _add(self.motions[motion_id], cost) if motion_id in self.motions else cost
        self.sections.extend(other.sections)


def _add(first: Cost | None, second: Cost | None) -> Cost | None:
    if first is None or second is None:
        return first if second is None else second
    return first + second


Provider = Callable[[list], dict[int, CaseCosts]]
_providers: list[Provider] = []


def register_cost_provider(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def case_costs(cases: Iterable) -> dict[int, CaseCosts]:
    """The costs of each case by case id; a case no provider knows gets an empty CaseCosts."""
    from .querysets import comparison_prefetches

    cases = list(cases)
    found: dict[int, CaseCosts] = {case.pk: CaseCosts() for case in cases}
    if not cases or not _providers:
        return found
    # Skipped for what the caller already prefetched (Case.objects.with_everything() reads it all).
    prefetch_related_objects(cases, *comparison_prefetches())
    for provider in _providers:
        for case_id, costs in provider(cases).items():
            found.setdefault(case_id, CaseCosts()).merge(costs)
    return found
