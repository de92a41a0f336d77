"""Reads of the budget app: cases with costs, a board's costs and a board's statements, in a fixed number of queries.

Adopted (beslutat), as a board's cost page sums it: a point is adopted when a decision with the
outcome "Beslutat" lists it among its adopted points, or adopted the motion it belongs to, or – for
a proposal point – when such a decision on the case adopted neither motions nor points (decided as
proposed). Points kept through a motion's "i övrigt bifall" count only when the decision lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects

from assignments.models import ReportingPeriod
from motions.models import Case, Decision, DecisionPoint
from motions.querysets import comparison_prefetches

from .costs import years_of
from .models import CentralItem, CostEstimate, FinancialStatement, PointFinancing, StatementLine
from .statements import group_lines


def case_for_costs(queryset=None):
    """Cases with what the costs are counted from (budget.costs reads the estimates itself)."""
    queryset = queryset if queryset is not None else Case.objects.all()
    return queryset.for_comparison()


def with_cost_reads(case):
    """A case fetched alone, with what case_for_costs() would have read with it (the same queries)."""
    prefetch_related_objects([case], *comparison_prefetches())
    return case


def cost_case_queryset():
    """Cases with any cost estimate or financing class, newest first."""
    has_costs = CostEstimate.objects.filter(
        Q(decision_point__proposal__case=OuterRef("pk")) | Q(decision_point__motion__case=OuterRef("pk"))
    )
    has_classes = PointFinancing.objects.filter(
        Q(decision_point__proposal__case=OuterRef("pk")) | Q(decision_point__motion__case=OuterRef("pk"))
    )
    return Case.objects.filter(Exists(has_costs) | Exists(has_classes)).order_by("-id")


def adopted_point_ids(**among):
    """The ids of the points matching `among` (DecisionPoint lookups) that are adopted (see the module
    docstring), in one query.

    A union of the three ways a point is adopted, each arm starting from the few points asked
    about: the three as one OR in a WHERE made PostgreSQL hash every adopted point of the city.
    """
    adopted = Decision.Outcome.ADOPTED
    points = DecisionPoint.objects.filter(**among).order_by()
    listed = (
        Decision.adopted_points.through.objects.filter(
            decision__outcome=adopted, **{f"decisionpoint__{lookup}": value for lookup, value in among.items()}
        )
        .order_by()
        .values_list("decisionpoint_id", flat=True)
    )
    through_motions = Decision.adopted_motions.through.objects.filter(
        motion_id=OuterRef("motion_id"), decision__outcome=adopted
    )
    as_proposed = (
        Decision.objects.filter(case_id=OuterRef("proposal__case_id"), outcome=adopted)
        .exclude(Exists(Decision.adopted_motions.through.objects.filter(decision_id=OuterRef("pk"))))
        .exclude(Exists(Decision.adopted_points.through.objects.filter(decision_id=OuterRef("pk"))))
    )
    by_motion = points.filter(motion__isnull=False).filter(Exists(through_motions)).values_list("id", flat=True)
    by_proposal = points.filter(proposal__isnull=False).filter(Exists(as_proposed)).values_list("id", flat=True)
    return listed.union(by_motion, by_proposal)


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


class _Span(NamedTuple):
    """What years_of() reads of an estimate (a model instance per estimate was most of board_costs)."""

    recurrence: str
    first_year: int | None
    last_year: int | None


def _estimate_source(point_id, motion_id) -> str:
    return "motion" if point_id is not None and motion_id is not None else "proposal"


def board_costs(board, page_number=1, per_page: int = BOARD_ESTIMATES_PER_PAGE) -> BoardCosts:
    """Every estimate the board bears summed per year and kind, and one page of them in detail.

    The sums read a few columns of every estimate; only the page's estimates are fetched whole,
    so the page costs the same whatever the number of estimates (four queries).
    """
    adopted_ids = set(adopted_point_ids(cost_estimates__board=board))
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
        span = _Span(recurrence, first_year, last_year)
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


def statement_periods(board) -> list:
    """The periods the board has statements in, newest first."""
    return list(ReportingPeriod.objects.filter(statements__board=board).distinct().order_by("-year", "-kind"))


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
