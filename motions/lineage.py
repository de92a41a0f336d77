"""Lineage of a decision point, both ways: from the motion's and the proposal's point through the
decision to the assignment it gave, each status report on it and the decision that closed it; and
for an assignment, where it came from (the point's text in the motion and in the proposal, the vote).

A decision point of the minutes (KF 2022-06-16 § 4, punkt 3) rarely carries the number it had in the
proposal or a motion, so its earlier versions are found by the similarity of their words among the
points of the proposal and of the motions the decision adopted (motions.alignment's threshold).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from assignments.links import OriginPassage
from assignments.models import Assignment, StatusChange, StatusReport

from .alignment import MATCH_THRESHOLD, words
from .models import Decision, DecisionPoint, Motion, Vote


@dataclass
class Step:
    kind: str  # proposal, motion, decision, assignment, report, follow_up, completed
    title: str
    date: datetime.date | None = None
    text: str = ""
    url: str = ""
    lines: list[str] = field(default_factory=list)
    lead_in: str = ""  # a motion's text before its points ("Ärendet återremitteras … för att"), read before `text`


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def point_queryset():
    return DecisionPoint.objects.select_related(
        "proposal__case", "motion__case", "decision__case", "decision__meeting__body", "assignment"
    ).prefetch_related("motion__parties")


def _decision_queryset():
    return Decision.objects.select_related("meeting__body", "case").prefetch_related(
        Prefetch("adopted_motions", queryset=Motion.objects.prefetch_related("parties", "points")),
        "adopted_points",
        Prefetch("votes", queryset=Vote.objects.order_by("id")),
        Prefetch("points", queryset=DecisionPoint.objects.select_related("assignment").order_by("number")),
    )


def _case(point: DecisionPoint):
    return (point.proposal or point.motion or point.decision).case


def _parties(motion: Motion) -> str:
    return ", ".join(party.abbreviation for party in motion.ordered_parties) or _("partier som inte är angivna")


def vote_line(vote: Vote) -> str:
    return _("Omröstning: %(proposition)s – %(yes)s ja, %(no)s nej, %(abstain)s avstår, %(absent)s frånvarande") % {
        "proposition": vote.proposition,
        "yes": vote.yes,
        "no": vote.no,
        "abstain": vote.abstain,
        "absent": vote.absent,
    }


def decision_title(decision: Decision) -> str:
    paragraph = f" § {decision.paragraph}" if decision.paragraph else ""
    return _("%(body)s %(date)s%(paragraph)s: %(outcome)s") % {
        "body": decision.meeting.body.name,
        "date": decision.meeting.date.isoformat(),
        "paragraph": paragraph,
        "outcome": decision.get_outcome_display().lower(),
    }


def _closest(text: str, candidates: list[DecisionPoint]) -> DecisionPoint | None:
    scored = [(_similarity(text, candidate.text), candidate) for candidate in candidates]
    scored = [(score, candidate) for score, candidate in scored if score >= MATCH_THRESHOLD]
    return max(scored, key=lambda item: item[0])[1] if scored else None


@dataclass
class Origin:
    """A decision point with the decision it belongs to and its earlier versions."""

    point: DecisionPoint
    decisions: list[Decision]
    proposal_point: DecisionPoint | None
    motion_points: list[tuple[Motion, DecisionPoint | None]]
    assignment: Assignment | None


def trace(point: DecisionPoint) -> Origin:
    """Where a point stands in its case: the decisions that adopted it and its versions (a fixed number of queries)."""
    case = _case(point)
    decisions = list(_decision_queryset().filter(case=case).order_by("meeting__date", "paragraph", "id"))
    proposal_points = list(DecisionPoint.objects.filter(proposal__case=case).select_related("proposal"))
    if point.decision_id:
        adopting = [decision for decision in decisions if decision.pk == point.decision_id]
    else:
        adopting = [
            decision
            for decision in decisions
            if point in decision.adopted_points.all()
            or (point.motion_id and point.motion in decision.adopted_motions.all())
        ]
    proposal_point = point if point.proposal_id else _closest(point.text, proposal_points)
    motion_points: list[tuple[Motion, DecisionPoint | None]] = []
    for decision in adopting:
        for motion in decision.adopted_motions.all():
            own = point if point.motion_id == motion.pk else _closest(point.text, list(motion.points.all()))
            motion_points.append((motion, own))
    if point.motion_id and not any(motion.pk == point.motion_id for motion, _own in motion_points):
        motion_points.insert(0, (point.motion, point))
    assignment = point.assignment
    if assignment is None:
        given = [p for decision in adopting for p in decision.points.all() if p.assignment_id]
        match = _closest(point.text, given)
        assignment = match.assignment if match else None
    return Origin(point, adopting, proposal_point, motion_points, assignment)


def point_lineage(point: DecisionPoint) -> tuple[Origin, list[Step]]:
    """The timeline of a point: its versions, the decision, the assignment, its reports and closing."""
    origin = trace(point)
    steps: list[Step] = []
    if origin.proposal_point is not None:
        proposal = origin.proposal_point.proposal
        steps.append(
            Step(
                "proposal",
                _("Tjänsteutlåtandet, punkt %(number)s") % {"number": origin.proposal_point.printed_label},
                proposal.issued,
                origin.proposal_point.text,
            )
        )
    for motion, own in origin.motion_points:
        title = _("%(kind)s från %(parties)s") % {"kind": motion.get_kind_display(), "parties": _parties(motion)}
        if own is not None:
            title += ", " + _("punkt %(number)s") % {"number": own.printed_label}
        steps.append(
            Step(
                "motion",
                title,
                motion.date,
                own.text if own else motion.justification,
                lead_in=motion.lead_in if own else "",
            )
        )
    for decision in origin.decisions:
        lines = [vote_line(vote) for vote in decision.votes.all()]
        adopted = [
            _("Bifall till %(kind)s från %(parties)s") % {"kind": m.get_kind_display().lower(), "parties": _parties(m)}
            for m in decision.adopted_motions.all()
        ]
        text = point.text if point.decision_id == decision.pk else ""
        steps.append(Step("decision", decision_title(decision), decision.meeting.date, text, lines=adopted + lines))
    if origin.assignment is not None:
        steps.extend(_assignment_steps(origin.assignment))
    return origin, steps


def _assignment_steps(assignment: Assignment) -> list[Step]:
    steps = [
        Step(
            "assignment",
            _("Uppdrag %(dnr)s: %(status)s") % {"dnr": assignment.dnr, "status": assignment.get_status_display()},
            assignment.origin_date,
            assignment.text,
            assignment.get_absolute_url(),
        )
    ]
    reports = StatusReport.objects.filter(assignment=assignment).select_related("period", "board")
    for report in reports.order_by("period__year", "period__kind", "board__name"):
        lines = []
        if report.decision:
            lines.append(
                _("Beslut om redovisningen: %(decision)s") % {"decision": report.get_decision_display().lower()}
            )
        steps.append(
            Step(
                "report",
                _("%(period)s: %(kind)s från %(board)s")
                % {"period": report.period, "kind": report.get_proposes_display().lower(), "board": report.board.name},
                report.period.report_deadline or report.period.closing_date,
                report.text,
                f"{assignment.get_absolute_url()}#rapport-{report.pk}",
                lines,
            )
        )
    follow_ups = (
        DecisionPoint.objects.filter(concerns_assignment=assignment)
        .select_related("proposal__case", "motion__case", "decision__case")
        .prefetch_related("motion__parties")
    )
    cases = {_case(p).pk for p in follow_ups}
    decisions_by_case: dict[int, list[Decision]] = {}
    for decision in (
        Decision.objects.filter(case_id__in=cases)
        .select_related("meeting__body")
        .order_by("meeting__date", "paragraph")
    ):
        decisions_by_case.setdefault(decision.case_id, []).append(decision)
    for follow_up in follow_ups:
        case = _case(follow_up)
        owner = (
            _("tjänsteutlåtandet")
            if follow_up.proposal_id
            else _("yrkande från %(parties)s") % {"parties": _parties(follow_up.motion)}
            if follow_up.motion_id
            else _("beslutet")
        )
        decided = decisions_by_case.get(case.pk, [])
        steps.append(
            Step(
                "follow_up",
                _("Ärende %(case)s, %(owner)s punkt %(number)s")
                % {"case": case.reference, "owner": owner, "number": follow_up.printed_label},
                decided[-1].meeting.date if decided else None,
                follow_up.text,
                case.get_absolute_url(),
                [decision_title(decision) for decision in decided],
            )
        )
    for change in StatusChange.objects.filter(assignment=assignment, to_status=Assignment.Status.COMPLETED):
        steps.append(
            Step("completed", _("Förklarat fullgjort"), timezone.localtime(change.changed_at).date(), change.reason)
        )
    return steps


def origin_passages(assignment_ids: list[int]) -> dict[int, list[OriginPassage]]:
    """For the assignment page (assignments.links): the point that gave it, as the minutes, the
    proposal and the motions word it, and the vote. Queries per assignment: the page shows one."""
    found: dict[int, list[OriginPassage]] = {}
    for point in point_queryset().filter(assignment_id__in=assignment_ids).order_by("decision_id", "id"):
        if point.assignment_id in found:
            continue
        origin = trace(point)
        passages = []
        lineage_url = point_url(point)
        for decision in origin.decisions:
            passages.append(
                OriginPassage(
                    _("Beslutet: %(title)s, punkt %(number)s")
                    % {"title": decision_title(decision), "number": point.printed_label}
                    if point.decision_id == decision.pk
                    else decision_title(decision),
                    point.text if point.decision_id == decision.pk else "",
                    lineage_url,
                    tuple(vote_line(vote) for vote in decision.votes.all()),
                )
            )
        if not origin.decisions:
            passages.append(OriginPassage(_("Punkten"), point.text, lineage_url))
        if origin.proposal_point is not None and origin.proposal_point != point:
            passages.append(
                OriginPassage(
                    _("I tjänsteutlåtandet, punkt %(number)s") % {"number": origin.proposal_point.printed_label},
                    origin.proposal_point.text,
                    point_url(origin.proposal_point),
                )
            )
        elif origin.proposal_point is None:
            passages.append(OriginPassage(_("I tjänsteutlåtandet"), _("Ingen motsvarande punkt är registrerad.")))
        for motion, own in origin.motion_points:
            label = _("I %(kind)s från %(parties)s") % {
                "kind": motion.get_kind_display().lower(),
                "parties": _parties(motion),
            }
            if own is not None and own != point:
                passages.append(
                    OriginPassage(
                        label + ", " + _("punkt %(number)s") % {"number": own.printed_label}, own.text, point_url(own)
                    )
                )
            elif own is None:
                text = motion.justification or _("Yrkandets punkter är inte registrerade.")
                passages.append(OriginPassage(label, text))
        found[point.assignment_id] = passages
    return found


def point_url(point: DecisionPoint) -> str:
    from django.urls import reverse

    return reverse("motions:point", args=[_case(point).url_key, point.pk])
