"""Reads of the budget app: the costs of a case, a board's costs and statements, in a fixed number of queries.

How costs are counted (shown on the pages too):
- The proposal (tjänsteutlåtande): the cost estimates of its decision points.
- A motion (yrkande): counted exactly as the comparison page counts it (motions.comparison):
  its own points' estimates; a point identical to a proposal point without its own estimate
  carries the proposal point's estimates; if the motion approves the rest of the proposal
  ("i övrigt bifall"), the proposal points it does not address are included too.
- A one-off cost is put in its first year; a yearly cost in every year of its range.
- Adopted (beslutat): a point is adopted when a decision with the outcome "Beslutat" lists it among
  its adopted points, or adopted the motion it belongs to, or – for a proposal point – when such a
  decision on the case adopted neither motions nor points (decided as proposed). Points kept
  through a motion's "i övrigt bifall" count only when the decision lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext as _

from motions.comparison import CHANGED, KEPT, NEW, SAME, build_comparison
from motions.models import Case, Decision, DecisionPoint, Motion

from .models import CentralItem, CostEstimate, FinancialStatement, PointFinancing, StatementLine

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
        return ", ".join(str(line.point.number) for line in self.lines)


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


def _estimates_prefetch():
    return Prefetch(
        "cost_estimates", queryset=CostEstimate.objects.select_related("board").order_by("board__name", "id")
    )


def case_for_costs(queryset=None):
    """Cases with what build_comparison reads and the estimates (with boards) and financing of every point."""
    queryset = queryset if queryset is not None else Case.objects.all()
    points = (
        DecisionPoint.objects.order_by("number").select_related("financing").prefetch_related(_estimates_prefetch())
    )
    from motions.models import OfficialProposal

    return queryset.prefetch_related(
        Prefetch("proposals", queryset=OfficialProposal.objects.prefetch_related(Prefetch("points", queryset=points))),
        Prefetch(
            "motions",
            queryset=Motion.objects.select_related("body").prefetch_related(
                "parties", Prefetch("points", queryset=points)
            ),
        ),
        Prefetch(
            "decisions",
            queryset=Decision.objects.select_related("meeting__body").prefetch_related(
                "adopted_motions", "adopted_points", "votes__records__member__party"
            ),
        ),
    )


def _financing_of(point):
    try:
        return point.financing
    except PointFinancing.DoesNotExist:
        return None


def case_costs(case) -> list[OwnerCosts]:
    """The costs of the case's latest proposal and of each motion that proposes decisions (no queries)."""
    comparison = build_comparison(case)
    result = []
    proposal = comparison.proposal
    frame_year = _frame_year(proposal)
    if proposal is not None:
        lines = [
            CostLine(point=p, estimates=list(p.cost_estimates.all()), financing=_financing_of(p))
            for p in comparison.proposal_points
        ]
        result.append(summarise(OwnerCosts(proposal, "proposal", str(proposal.title), lines, frame_year)))
    shown = comparison.shown_columns
    for column in comparison.columns:
        motion = column.motion
        title = motion.title or motion.get_kind_display()
        if not column.has_text:
            result.append(OwnerCosts(motion, "motion", title, [], frame_year, has_text=False))
            continue
        lines = []
        if column.is_referral:
            lines = [
                CostLine(point=p, estimates=list(p.cost_estimates.all()), financing=_financing_of(p))
                for p in motion.points.all()
            ]
        else:
            index = shown.index(column)
            for row in comparison.rows:
                cell = row.cells[index]
                if cell.status in (CHANGED, NEW):
                    lines.append(
                        CostLine(
                            point=cell.point,
                            estimates=list(cell.point.cost_estimates.all()),
                            financing=_financing_of(cell.point),
                        )
                    )
                elif cell.status == SAME:
                    own = list(cell.point.cost_estimates.all())
                    if own:
                        lines.append(CostLine(point=cell.point, estimates=own, financing=_financing_of(cell.point)))
                    else:
                        source = row.proposal_point
                        lines.append(
                            CostLine(
                                point=cell.point,
                                estimates=list(source.cost_estimates.all()),
                                financing=_financing_of(cell.point) or _financing_of(source),
                                inherited_from=source,
                            )
                        )
                elif cell.status == KEPT:
                    source = row.proposal_point
                    lines.append(
                        CostLine(
                            point=source,
                            estimates=list(source.cost_estimates.all()),
                            financing=_financing_of(source),
                            inherited_from=source,
                        )
                    )
        result.append(summarise(OwnerCosts(motion, "motion", title, lines, frame_year)))
    return result


def cost_case_queryset():
    """Cases with any cost estimate or financing class, newest first."""
    has_costs = CostEstimate.objects.filter(
        Q(decision_point__proposal__case=OuterRef("pk")) | Q(decision_point__motion__case=OuterRef("pk"))
    )
    has_classes = PointFinancing.objects.filter(
        Q(decision_point__proposal__case=OuterRef("pk")) | Q(decision_point__motion__case=OuterRef("pk"))
    )
    return Case.objects.filter(Exists(has_costs) | Exists(has_classes)).order_by("-id")


# --- adopted points -------------------------------------------------------------------------------


def adopted_points_q() -> Q:
    """Q on DecisionPoint: the point is adopted (see the module docstring)."""
    adopted = Decision.Outcome.ADOPTED
    through_points = Decision.adopted_points.through.objects.filter(
        decisionpoint_id=OuterRef("pk"), decision__outcome=adopted
    )
    through_motions = Decision.adopted_motions.through.objects.filter(
        motion_id=OuterRef("motion_id"), decision__outcome=adopted
    )
    as_proposed = (
        Decision.objects.filter(case_id=OuterRef("proposal__case_id"), outcome=adopted)
        .exclude(Exists(Decision.adopted_motions.through.objects.filter(decision_id=OuterRef("pk"))))
        .exclude(Exists(Decision.adopted_points.through.objects.filter(decision_id=OuterRef("pk"))))
    )
    return (
        Q(Exists(through_points))
        | Q(motion__isnull=False) & Q(Exists(through_motions))
        | Q(proposal__isnull=False) & Q(Exists(as_proposed))
    )


@dataclass
class BoardYearRow:
    year: int | None
    proposal: int = 0
    motion: int = 0
    adopted: int = 0


@dataclass
class BoardCosts:
    board: object
    count: int  # every estimate the board bears
    page: object  # the estimates shown now (django.core.paginator.Page), grouped in `cases`
    years: list
    one_off: dict
    yearly: dict
    unknown: dict
    cases: list

    @property
    def estimates(self) -> list:
        return list(self.page)


BOARD_ESTIMATES_PER_PAGE = 50


def _estimate_source(point_id, motion_id) -> str:
    return "motion" if point_id is not None and motion_id is not None else "proposal"


def board_costs(board, page_number=1, per_page: int = BOARD_ESTIMATES_PER_PAGE) -> BoardCosts:
    """Every estimate the board bears summed per year and kind, and one page of them in detail.

    The sums read a few columns of every estimate; only the page's estimates are fetched whole,
    so the page costs the same whatever the number of estimates (four queries).
    """
    adopted_ids = set(
        DecisionPoint.objects.filter(cost_estimates__board=board)
        .filter(adopted_points_q())
        .values_list("id", flat=True)
    )
    rows: dict = {}
    totals = {key: {"proposal": 0, "motion": 0, "adopted": 0} for key in ("one_off", "yearly", "unknown")}
    lean = CostEstimate.objects.filter(board=board).values_list(
        "decision_point_id", "decision_point__motion_id", "amount_kr", "recurrence", "first_year", "last_year"
    )
    for point_id, motion_id, amount, recurrence, first_year, last_year in lean:
        source = _estimate_source(point_id, motion_id)
        adopted = point_id is not None and point_id in adopted_ids
        if amount is None or not recurrence:
            totals["unknown"][source] += 1
            if adopted:
                totals["unknown"]["adopted"] += 1
            continue
        key = "yearly" if recurrence == CostEstimate.Recurrence.YEARLY else "one_off"
        totals[key][source] += amount
        if adopted:
            totals[key]["adopted"] += amount
        span = CostEstimate(recurrence=recurrence, first_year=first_year, last_year=last_year)
        for year in years_of(span) or [None]:
            row = rows.setdefault(year, BoardYearRow(year))
            setattr(row, source, getattr(row, source) + amount)
            if adopted:
                row.adopted += amount
    ordered = (
        CostEstimate.objects.filter(board=board)
        .select_related(
            "decision_point__proposal__case",
            "decision_point__motion__case",
            "decision_point__decision__case",
            "assignment",
        )
        .order_by(
            "-decision_point__proposal__case_id", "-decision_point__motion__case_id", "decision_point__number", "id"
        )
    )
    page = Paginator(ordered, per_page).get_page(page_number)
    cases: dict = {}
    for estimate in page:
        point = estimate.decision_point
        case = None
        if point is not None:
            if point.motion_id:
                case = point.motion.case
            elif point.proposal_id:
                case = point.proposal.case
            elif point.decision_id:
                case = point.decision.case
        estimate.adopted = point is not None and point.pk in adopted_ids
        estimate.source = _estimate_source(estimate.decision_point_id, point.motion_id if point else None)
        cases.setdefault(case.pk if case else None, (case, []))[1].append(estimate)
    return BoardCosts(
        board=board,
        count=page.paginator.count,
        page=page,
        years=sorted(rows.values(), key=lambda r: (r.year is None, r.year or 0)),
        one_off=totals["one_off"],
        yearly=totals["yearly"],
        unknown=totals["unknown"],
        cases=list(cases.values()),
    )


# --- statements -----------------------------------------------------------------------------------


@dataclass
class LineGroup:
    name: str
    lines: list


def group_lines(lines) -> list[LineGroup]:
    groups: list[LineGroup] = []
    for line in lines:
        if not groups or groups[-1].name != line.group:
            groups.append(LineGroup(line.group, []))
        groups[-1].lines.append(line)
    return groups


def statements_for(board, period) -> list[FinancialStatement]:
    """The board's statements of a period with their lines (two queries); line groups on .groups."""
    statements = list(
        FinancialStatement.objects.filter(board=board, period=period)
        .select_related("board", "period")
        .prefetch_related(Prefetch("lines", queryset=StatementLine.objects.order_by("position")))
        .order_by("section", "id")
    )
    for statement in statements:
        statement.groups = group_lines(statement.lines.all())
    return statements


def statement_for(board, period, section: str = ""):
    """One statement of a board and period with its lines grouped (.groups), or None."""
    return next((s for s in statements_for(board, period) if s.section == section), None)


def central_items_for(board, period) -> list[CentralItem]:
    return list(CentralItem.objects.filter(board=board, period=period).order_by("position"))
