"""The side-by-side comparison of a case: the official proposal and each motion, point by point.

align_case() works on a case read with CaseQuerySet.with_everything() (or for_comparison()) and
runs no queries; build_comparison() adds the cost row, which the budget app provides through
motions.costs, in a fixed number of queries.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from .alignment import align, similarities_for, word_diff
from .costs import Cost, case_costs
from .models import Decision, Motion, VoteRecord
from .naming import MotionName, motion_names

# Motions that propose decisions and therefore get a column.
COMPARABLE_KINDS = (
    Motion.Kind.YRKANDE,
    Motion.Kind.TILLAGGSYRKANDE,
    Motion.Kind.ANDRINGSYRKANDE,
    Motion.Kind.ATERREMISSYRKANDE,
)

SAME, CHANGED, KEPT, DROPPED, NOT_ADDRESSED, NEW, BLANK, MISSING = (
    "same",
    "changed",
    "kept",
    "dropped",
    "not_addressed",
    "new",
    "blank",
    "missing",
)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().rstrip(".,;").lower()


@dataclass
class Column:
    motion: Motion
    parties: list
    name: MotionName
    shown: bool = True
    cost: Cost | None = None
    cost_url: str = ""  # this motion's part of the cost page
    adopted_in: list = field(default_factory=list)

    @property
    def adopted(self) -> bool:
        return bool(self.adopted_in)

    @property
    def is_referral(self) -> bool:
        return self.motion.kind == Motion.Kind.ATERREMISSYRKANDE

    @property
    def has_text(self) -> bool:
        return self.motion.full_text_available

    @property
    def point_count(self) -> int:
        return len(self.motion.points.all())


@dataclass
class Cell:
    status: str
    point: object = None
    html: SafeString | str = ""
    merged_into: object = None
    note: str = ""
    # How the table draws it (comparison_layout.py): a motion without text is one cell down the
    # column, a referral's text runs across the blank cells beside it.
    rowspan: int = 1
    colspan: int = 1
    covered: bool = False
    column: object = None


@dataclass
class Row:
    kind: str  # "referral", "point" (a proposal point) or "new" (a point only a motion has)
    proposal_point: object = None
    cells: list = field(default_factory=list)


@dataclass
class PartyTally:
    party: object
    yes: int = 0
    no: int = 0
    abstain: int = 0
    absent: int = 0

    @property
    def total(self) -> int:
        return self.yes + self.no + self.abstain + self.absent


@dataclass
class VoteSummary:
    vote: object
    tallies: list
    chart: dict


@dataclass
class Outcome:
    decision: Decision
    adopted_columns: list
    votes: list


@dataclass
class Comparison:
    case: object
    proposal: object
    proposal_points: list
    columns: list
    rows: list
    outcomes: list
    other_motions: list
    names: dict = field(default_factory=dict)  # MotionName by motion id, for every motion of the case
    proposal_cost: Cost | None = None
    cost_url: str = ""
    proposal_cost_url: str = ""
    tabled: list = field(default_factory=list)  # decisions that only tabled the case
    hidden_rows: int = 0  # points left out because every shown motion keeps them

    @property
    def undecided(self) -> bool:
        return not self.outcomes

    @property
    def shown_columns(self):
        return [c for c in self.columns if c.shown]

    @property
    def hidden_columns(self):
        return [c for c in self.columns if not c.shown]

    @property
    def columns_without_text(self):
        return [c for c in self.shown_columns if not c.has_text]

    @property
    def other_motion_names(self) -> list:
        return [(motion, self.names[motion.pk]) for motion in self.other_motions]

    @property
    def lead_in_columns(self):
        """The shown motions with a lead-in above their points ("Ärendet återremitteras … för att"),
        which the table shows as a row and the cards as a card before the points."""
        return [c for c in self.shown_columns if c.has_text and c.motion.lead_in]

    @property
    def name_notes(self) -> list[tuple[str, str]]:
        """Each explanation of a lettered name once, with the names it explains ("Yrkande A, Yrkande B")."""
        notes: dict[str, list[str]] = {}
        for column in self.shown_columns:
            if column.name.explanation:
                notes.setdefault(column.name.explanation, []).append(column.name.short)
        return [(", ".join(names), explanation) for explanation, names in notes.items()]


def _points_of(owner) -> list:
    return list(owner.points.all())


def _party_sort_key(party):
    return (party.sort_order, party.abbreviation) if party else (10_000, "")


def _vote_summary(vote) -> VoteSummary:
    tallies: dict = {}
    for record in vote.records.all():
        party = record.member.party
        tally = tallies.setdefault(party.pk if party else None, PartyTally(party=party))
        attribute = {
            VoteRecord.Result.YES: "yes",
            VoteRecord.Result.NO: "no",
            VoteRecord.Result.ABSTAIN: "abstain",
            VoteRecord.Result.ABSENT: "absent",
        }[record.result]
        setattr(tally, attribute, getattr(tally, attribute) + 1)
    rows = sorted(tallies.values(), key=lambda t: _party_sort_key(t.party))
    return VoteSummary(vote=vote, tallies=rows, chart=_chart(rows))


# Geometry of the per-party bar chart (SVG user units).
CHART_LABEL_WIDTH = 60
CHART_BAR_WIDTH = 400
CHART_ROW_HEIGHT = 22
CHART_TOP = 24
# Segment fills, as attributes: the PDF renderer does not apply CSS to SVG shapes.
CHART_FILLS = {"yes": "#1b6e3a", "no": "#a4161a", "abstain": "#c9a400", "absent": "#8c8c8c"}


def _chart(tallies) -> dict:
    """Stacked horizontal bars, one per party, laid out here so the template only draws them."""
    largest = max((t.total for t in tallies), default=0) or 1
    scale = CHART_BAR_WIDTH / largest
    bars = []
    for index, tally in enumerate(tallies):
        y = CHART_TOP + index * CHART_ROW_HEIGHT
        x = CHART_LABEL_WIDTH
        segments = []
        for key, count in (("yes", tally.yes), ("no", tally.no), ("abstain", tally.abstain), ("absent", tally.absent)):
            if count:
                width = count * scale
                segments.append(
                    {"key": key, "x": round(x, 1), "width": round(width, 1), "count": count, "fill": CHART_FILLS[key]}
                )
                x += width
        bars.append({"tally": tally, "y": y, "text_y": y + 14, "segments": segments, "end_x": round(x + 4, 1)})
    height = CHART_TOP + len(tallies) * CHART_ROW_HEIGHT + 8
    width = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 40
    return {"bars": bars, "width": width, "height": height, "label_width": CHART_LABEL_WIDTH, "fills": CHART_FILLS}


def build_comparison(case, *, shown_ids: set[int] | None = None) -> Comparison:
    """The comparison as the pages show it: align_case() and the cost of the proposal and of each motion."""
    comparison = align_case(case, shown_ids=shown_ids)
    costs = case_costs([case])[case.pk]
    comparison.cost_url = costs.url
    if costs.url and comparison.proposal is not None:
        comparison.proposal_cost_url = f"{costs.url}#proposal-{comparison.proposal.pk}"
    comparison.proposal_cost = costs.proposal or Cost()
    for column in comparison.columns:
        column.cost_url = f"{costs.url}#motion-{column.motion.pk}" if costs.url else ""
        # A motion without its text has an unknown cost (None), not zero.
        column.cost = costs.motions.get(column.motion.pk, Cost()) if column.has_text else None
    return comparison


def align_case(case, *, shown_ids: set[int] | None = None) -> Comparison:
    """Align every comparable motion of the case with its latest proposal (no queries, no costs).

    shown_ids: the motions the reader chose to see (None: all of them). The alignment of all of them
    is kept on the case object: a page aligns the case, and then the costs (budget/costs.py) align it
    again for the same read of the case (issue 18: 25–40 ms each on a large case).
    """
    if shown_ids is None:
        kept = getattr(case, "_full_alignment", None)
        if kept is not None:
            return kept
        case._full_alignment = _align_case(case, shown_ids=None)
        return case._full_alignment
    return _align_case(case, shown_ids=shown_ids)


def _align_case(case, *, shown_ids: set[int] | None) -> Comparison:
    proposals = list(case.proposals.all())
    proposal = max(proposals, key=lambda p: (p.revised or p.issued, p.issued)) if proposals else None
    proposal_points = _points_of(proposal) if proposal else []
    motions = list(case.motions.all())
    comparable = [m for m in motions if m.kind in COMPARABLE_KINDS]
    others = [m for m in motions if m.kind not in COMPARABLE_KINDS]
    decisions = list(case.decisions.all())
    names = motion_names(motions)

    columns = []
    for motion in comparable:
        column = Column(
            motion=motion,
            parties=motion.ordered_parties,  # as printed: "V, S, MP", not the parties' usual order
            name=names[motion.pk],
            shown=shown_ids is None or motion.pk in shown_ids,
        )
        column.adopted_in = [d for d in decisions if any(m.pk == motion.pk for m in d.adopted_motions.all())]
        columns.append(column)
    # What was decided comes first, next to the proposal, so it is never the column scrolled out of view.
    columns.sort(key=lambda c: not c.adopted)
    shown = [c for c in columns if c.shown]

    proposal_texts = [p.text for p in proposal_points]
    proposal_numbers = [p.number for p in proposal_points]
    similarities = similarities_for(proposal_texts)
    # Per shown column: cell for each proposal index, and the new points anchored after an index.
    by_proposal: list[list[Cell]] = [[] for _ in proposal_points]
    new_after: dict[int, list[tuple[int, object]]] = defaultdict(list)  # -1: after everything
    referral_cells = []
    for column_index, column in enumerate(shown):
        motion = column.motion
        points = _points_of(motion)
        if not column.has_text:
            for cells in by_proposal:
                cells.append(Cell(status=MISSING))
            referral_cells.append(_referral_cell(column, decisions))
            continue
        if column.is_referral:
            # One row says what the office is asked to do; the proposal's points are not decided.
            for cells in by_proposal:
                cells.append(Cell(status=NOT_ADDRESSED))
            referral_cells.append(_referral_cell(column, decisions))
            continue
        alignment = align(
            proposal_texts,
            [p.text for p in points],
            proposal_numbers=proposal_numbers,
            motion_numbers=[p.number for p in points],
            similarities=similarities,
        )
        matched = {}
        anchor = -1
        for point, index in zip(points, alignment.matches, strict=True):
            if index is None:
                new_after[anchor].append((column_index, point))
                continue
            anchor = index
            proposal_point = proposal_points[index]
            if _normalise(point.text) == _normalise(proposal_point.text):
                matched[index] = Cell(status=SAME, point=point, html=conditional_escape(point.text))
            else:
                matched[index] = Cell(status=CHANGED, point=point, html=word_diff(proposal_point.text, point.text))
        for index, proposal_point in enumerate(proposal_points):
            cell = matched.get(index)
            if cell is None:
                if motion.kind == Motion.Kind.TILLAGGSYRKANDE and not motion.approves_rest:
                    cell = Cell(status=NOT_ADDRESSED)
                elif motion.approves_rest:
                    cell = Cell(status=KEPT, html=conditional_escape(proposal_point.text))
                else:
                    merged = alignment.merged_into.get(index)
                    cell = Cell(status=DROPPED, merged_into=points[merged] if merged is not None else None)
            by_proposal[index].append(cell)
        referral_cells.append(_referral_cell(column, decisions))

    rows = []
    if any(c.is_referral for c in shown):
        rows.append(Row(kind="referral", cells=referral_cells))

    def new_rows(anchor):
        for column_index, point in new_after.get(anchor, []):
            cells = [Cell(status=BLANK) for _ in shown]
            cells[column_index] = Cell(status=NEW, point=point, html=conditional_escape(point.text))
            rows.append(Row(kind="new", cells=cells))

    for index, proposal_point in enumerate(proposal_points):
        rows.append(Row(kind="point", proposal_point=proposal_point, cells=by_proposal[index]))
        new_rows(index)
    new_rows(-1)

    outcomes = []
    tabled = []
    for decision in decisions:
        if decision.outcome == Decision.Outcome.TABLED:
            tabled.append(decision)
            continue
        adopted = {m.pk for m in decision.adopted_motions.all()}
        outcomes.append(
            Outcome(
                decision=decision,
                adopted_columns=[c for c in columns if c.motion.pk in adopted],
                votes=[_vote_summary(v) for v in decision.votes.all()],
            )
        )
    return Comparison(
        case=case,
        proposal=proposal,
        proposal_points=proposal_points,
        columns=columns,
        rows=rows,
        outcomes=outcomes,
        other_motions=others,
        names=names,
        tabled=tabled,
    )


def _referral_cell(column, decisions) -> Cell:
    """What an återremissyrkande asks the office to do: its own text, else the decision that adopted it."""
    if not column.is_referral:
        return Cell(status=BLANK)
    motion = column.motion
    if motion.full_text_available:
        text = "\n".join(f"{p.list_marker} {p.text}" for p in motion.points.all()) or motion.justification
        return Cell(status=NEW, html=conditional_escape(text))
    for decision in decisions:
        if decision.outcome == Decision.Outcome.REFERRED_BACK and any(
            m.pk == motion.pk for m in decision.adopted_motions.all()
        ):
            return Cell(status=MISSING, html=conditional_escape(decision.text), note=str(decision))
    return Cell(status=MISSING)


def adopted_points(comparison: Comparison, motion_ids) -> list:
    """The decision points that stand when a meeting adopts these motions (none: the proposal as it is).

    The comparison's reading of each motion decides, so the page, the costs and the decision agree:
    - a yrkande or ändringsyrkande replaces the proposal: its own points (identical, changed or new)
      stand, and the proposal points it keeps through "i övrigt bifalla" / "därutöver bifalla"
      (approves_rest: KEPT cells); the proposal points it drops fall;
    - a tilläggsyrkande adds its new and changed points to what stands otherwise (the proposal, or the
      adopted yrkande); a changed point takes the place of the proposal point it changes;
    - an återremissyrkande's points are what the office is asked to do; the proposal is not decided.
    Runs no queries on a comparison built by align_case() over all motions (shown_ids None).
    """
    adopted = set(motion_ids)
    columns = [c for c in comparison.columns if c.motion.pk in adopted]
    referrals = [c for c in columns if c.is_referral]
    if referrals:
        return [p for c in referrals for p in _points_of(c.motion)]
    base = [c for c in columns if c.motion.kind != Motion.Kind.TILLAGGSYRKANDE]
    additions = [c for c in columns if c.motion.kind == Motion.Kind.TILLAGGSYRKANDE]
    index = {c.motion.pk: i for i, c in enumerate(comparison.shown_columns)}
    chosen: list = []
    replaced: set = set()

    def take(point):
        if point is not None and all(point.pk != p.pk for p in chosen):
            chosen.append(point)

    if not base:
        standing = list(comparison.proposal_points)
    else:
        standing = []
        for row in comparison.rows:
            for column in base:
                cell = row.cells[index[column.motion.pk]] if row.kind != "referral" else None
                if cell is None:
                    continue
                if cell.status in (SAME, CHANGED, NEW):
                    standing.append(cell.point)
                elif cell.status == KEPT:
                    standing.append(row.proposal_point)
    for row in comparison.rows:
        if row.kind == "referral":
            continue
        for column in additions:
            cell = row.cells[index[column.motion.pk]]
            if cell.status in (CHANGED, NEW):
                if cell.status == CHANGED and row.proposal_point is not None:
                    replaced.add(row.proposal_point.pk)
                standing.append(cell.point)
    for point in standing:
        if point.pk not in replaced:
            take(point)
    return chosen
