"""The one rule for what a decision point, a motion, a proposal and a case cost (shown on the pages too).

- The proposal (tjänsteutlåtande): the cost estimates of its decision points.
- A motion (yrkande): its own points' estimates; a point identical to a proposal point without its
  own estimate carries the proposal point's estimates; if the motion approves the rest of the
  proposal ("i övrigt bifall"), the proposal points it does not address are included too. Which
  point is identical, changed, new or kept is the comparison's alignment (motions.comparison), so
  the comparison's cost row and the case's cost page count the same points.
- An återremissyrkande: the estimates of the points it asks the office to look into.
- A one-off cost is put in its first year; a yearly cost in every year of its range.

The motions app shows these costs without importing this module: budget/apps.py registers
cost_provider with motions.costs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from motions.comparison import CHANGED, KEPT, NEW, SAME, align_case
from motions.costs import CaseCosts, Cost, CostSection
from motions.models import DecisionPoint

from .models import CostEstimate, PointFinancing

UNCLASSIFIED = "unclassified"


@dataclass
class CostLine:
    """One decision point as counted for a proposal or motion, with the estimates it carries."""

    point: DecisionPoint
    estimates: list
    financing: PointFinancing | None = None
    inherited_from: DecisionPoint | None = None  # the proposal point whose estimates are used


@dataclass
class BoardYears:
    board: object
    one_off: int = 0
    yearly: int = 0
    unknown: int = 0
    by_year: dict = field(default_factory=dict)

    def cells(self, years):
        return [self.by_year.get(year) for year in years]


@dataclass
class FinancingGroup:
    key: tuple
    label: str
    lines: list = field(default_factory=list)
    one_off: int = 0
    yearly: int = 0
    unknown: int = 0

    @property
    def point_numbers(self) -> str:
        return ", ".join(line.point.printed_label for line in self.lines)


@dataclass
class OwnerCosts:
    """The costs of one proposal or motion."""

    owner: object
    kind: str  # "proposal" or "motion"
    title: str
    lines: list
    frame_year: int | None
    has_text: bool = True
    one_off: int = 0
    yearly: int = 0
    unknown: int = 0
    count: int = 0
    inherited: int = 0
    boards: list = field(default_factory=list)
    years: list = field(default_factory=list)
    year_totals: list = field(default_factory=list)
    financing: list = field(default_factory=list)
    name: object = None  # a motion's MotionName (motions.naming), the same as on the comparison

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.owner.pk}"


def years_of(estimate) -> list[int]:
    if estimate.first_year is None:
        return []
    last = estimate.last_year or estimate.first_year
    if estimate.recurrence == CostEstimate.Recurrence.YEARLY:
        return list(range(estimate.first_year, last + 1))
    return [estimate.first_year]


def financing_label(financing: str, first: int | None, last: int | None, frame_year: int | None) -> str:
    if financing == CostEstimate.Financing.WITHIN_FRAME:
        return _("Inom budgetram %(year)s") % {"year": frame_year} if frame_year else _("Inom budgetram")
    if financing == CostEstimate.Financing.LIMITED_WITHIN_FRAME:
        if frame_year:
            return _("Begränsad omfattning inom budgetram %(year)s") % {"year": frame_year}
        return _("Begränsad omfattning inom budgetram")
    if financing == CostEstimate.Financing.EXTRA_RESOURCES:
        if first and last and last != first:
            return _("Kräver extra resurser: budgetprocessen %(first)s–%(last)s") % {"first": first, "last": last}
        if first:
            return _("Kräver extra resurser: budgetprocessen %(first)s") % {"first": first}
        return _("Kräver extra resurser (budgetprocessen)")
    return _("Ej klassade")


FINANCING_ORDER = {
    CostEstimate.Financing.WITHIN_FRAME: 0,
    CostEstimate.Financing.LIMITED_WITHIN_FRAME: 1,
    CostEstimate.Financing.EXTRA_RESOURCES: 2,
    UNCLASSIFIED: 3,
}


def _classify(line: CostLine):
    source = line.financing
    if source is None and line.estimates:
        source = line.estimates[0]
    if source is None:
        return (UNCLASSIFIED, None, None)
    return (source.financing, source.budget_process_first_year, source.budget_process_last_year)


def summarise(owner_costs: OwnerCosts) -> OwnerCosts:
    boards: dict[int, BoardYears] = {}
    years: set[int] = set()
    groups: dict[tuple, FinancingGroup] = {}
    for line in owner_costs.lines:
        key = _classify(line)
        group = groups.get(key)
        if group is None:
            group = groups[key] = FinancingGroup(key=key, label=financing_label(*key, owner_costs.frame_year))
        group.lines.append(line)
        for estimate in line.estimates:
            owner_costs.count += 1
            if line.inherited_from is not None:
                owner_costs.inherited += 1
            row = boards.get(estimate.board_id)
            if row is None:
                row = boards[estimate.board_id] = BoardYears(board=estimate.board)
            if estimate.amount_kr is None or not estimate.recurrence:
                owner_costs.unknown += 1
                group.unknown += 1
                row.unknown += 1
                continue
            if estimate.recurrence == CostEstimate.Recurrence.YEARLY:
                owner_costs.yearly += estimate.amount_kr
                group.yearly += estimate.amount_kr
                row.yearly += estimate.amount_kr
            else:
                owner_costs.one_off += estimate.amount_kr
                group.one_off += estimate.amount_kr
                row.one_off += estimate.amount_kr
            for year in years_of(estimate):
                years.add(year)
                row.by_year[year] = row.by_year.get(year, 0) + estimate.amount_kr
    owner_costs.years = sorted(years)
    owner_costs.boards = sorted(boards.values(), key=lambda b: b.board.name)
    owner_costs.year_totals = [sum(b.by_year.get(year, 0) for b in owner_costs.boards) for year in owner_costs.years]
    owner_costs.financing = sorted(groups.values(), key=lambda g: (FINANCING_ORDER[g.key[0]], g.key[1] or 0))
    return owner_costs


def _frame_year(proposal) -> int | None:
    if proposal is None:
        return None
    return (proposal.revised or proposal.issued).year


@dataclass
class _PointData:
    """The estimates (boards read) and the financing class of the points of some cases, by point id."""

    estimates: dict = field(default_factory=lambda: defaultdict(list))
    financing: dict = field(default_factory=dict)

    @classmethod
    def read(cls, cases) -> _PointData:
        point_ids = [
            point.pk
            for case in cases
            for owner in [*case.proposals.all(), *case.motions.all()]
            for point in owner.points.all()
        ]
        data = cls()
        if not point_ids:
            return data
        estimates = CostEstimate.objects.filter(decision_point_id__in=point_ids).select_related("board")
        for estimate in estimates.order_by("board__name", "id"):
            data.estimates[estimate.decision_point_id].append(estimate)
        for financing in PointFinancing.objects.filter(decision_point_id__in=point_ids):
            data.financing[financing.decision_point_id] = financing
        return data

    def line(self, point: DecisionPoint, *, inherited_from: DecisionPoint | None = None) -> CostLine:
        """The point as counted, with the estimates of the point it takes them from."""
        source = inherited_from or point
        financing = self.financing.get(point.pk) or self.financing.get(source.pk)
        return CostLine(point, list(self.estimates[source.pk]), financing, inherited_from)


def _motion_lines(comparison, column, data: _PointData) -> list[CostLine]:
    if column.is_referral:
        return [data.line(point) for point in column.motion.points.all()]
    index = comparison.shown_columns.index(column)
    lines = []
    for row in comparison.rows:
        cell = row.cells[index]
        if cell.status in (CHANGED, NEW):
            lines.append(data.line(cell.point))
        elif cell.status == SAME:
            own = data.estimates[cell.point.pk]
            lines.append(data.line(cell.point) if own else data.line(cell.point, inherited_from=row.proposal_point))
        elif cell.status == KEPT:
            source = row.proposal_point
            lines.append(data.line(source, inherited_from=source))
    return lines


def _case_owner_costs(case, data: _PointData) -> list[OwnerCosts]:
    comparison = align_case(case)
    result = []
    proposal = comparison.proposal
    frame_year = _frame_year(proposal)
    if proposal is not None:
        lines = [data.line(point) for point in comparison.proposal_points]
        result.append(summarise(OwnerCosts(proposal, "proposal", str(proposal.title), lines, frame_year)))
    # In the case's order: the comparison puts the adopted motion first, the cost page lists as the case does.
    order = {motion.pk: index for index, motion in enumerate(case.motions.all())}
    for column in sorted(comparison.columns, key=lambda c: order[c.motion.pk]):
        motion = column.motion
        title = motion.title or motion.get_kind_display()
        if not column.has_text:
            result.append(OwnerCosts(motion, "motion", title, [], frame_year, has_text=False, name=column.name))
            continue
        lines = _motion_lines(comparison, column, data)
        result.append(summarise(OwnerCosts(motion, "motion", title, lines, frame_year, name=column.name)))
    return result


def owner_costs_of_cases(cases) -> dict[int, list[OwnerCosts]]:
    """The costs of each case's latest proposal and of each motion that proposes decisions, by case id.

    The cases carry what the comparison reads (Case.objects.for_comparison()); the estimates and
    financing classes of all their points are two more queries, whatever the number of cases.
    """
    cases = list(cases)
    data = _PointData.read(cases)
    return {case.pk: _case_owner_costs(case, data) for case in cases}


def case_owner_costs(case) -> list[OwnerCosts]:
    return owner_costs_of_cases([case])[case.pk]


def as_cost(owner: OwnerCosts) -> Cost | None:
    """The sums the comparison's cost row shows; None where the cost is unknown."""
    if not owner.has_text:
        return None
    return Cost(owner.one_off, owner.yearly, owner.unknown, owner.count, owner.inherited)


def cost_provider(cases) -> dict[int, CaseCosts]:
    """Registered with motions.costs: the comparison's cost row and the case page's cost section."""
    by_id = {case.pk: case for case in cases}
    found = {}
    for case_id, owners in owner_costs_of_cases(cases).items():
        costs = CaseCosts(url=reverse("budget:case", args=[by_id[case_id].url_key]))
        for owner in owners:
            if owner.kind == "proposal":
                costs.proposal = as_cost(owner)
            else:
                costs.motions[owner.owner.pk] = as_cost(owner)
        costs.sections.append(CostSection("budget/_case_costs.html", {"case": by_id[case_id], "owners": owners}))
        found[case_id] = costs
    return found
