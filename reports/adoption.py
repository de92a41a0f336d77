"""What a fastställd report decides for its assignments.

When the body fastställer a stored version, the decision proposals in it take effect: each final
report (slutredovisning) in that version whose assignment is föreslås förklarat fullgjort becomes
förklarat fullgjort, and one the board did not approve goes back to pågående. Each is one move of
assignments.workflow, recorded with a reason that cites the decision, and the secretariat can undo
it in the status form (with a reason). A status report written after the version was stored was
not part of what was fastställt and moves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from assignments import roles
from assignments import services as assignment_services
from assignments.models import Assignment, StatusReport
from core.history import with_history
from motions.models import Case, Decision

from .models import PublishedReport

Status = Assignment.Status


@dataclass
class AdoptionEffects:
    completed: list = field(default_factory=list)
    sent_back: list = field(default_factory=list)
    later: list = field(default_factory=list)  # reports written after the version: not decided


def adopting_decision(published: PublishedReport) -> Decision | None:
    """The meeting's decision on the report's case (Case.reports_on_board/period), the latest adopted one."""
    case = Case.objects.filter(reports_on_board=published.board, reports_on_period=published.period).first()
    if case is None:
        return None
    return (
        Decision.objects.filter(case=case, outcome=Decision.Outcome.ADOPTED)
        .select_related("meeting__body")
        .order_by("-meeting__date", "-paragraph")
        .first()
    )


def _citation(published: PublishedReport, decision: Decision | None) -> str:
    text = _("%(board)s fastställde version %(version)d av %(period)s") % {
        "board": published.board.name,
        "version": published.version,
        "period": published.period,
    }
    if decision is not None:
        text += f" ({decision.meeting.body.short_name} {decision.meeting.date.isoformat()}"
        text += f" § {decision.paragraph})" if decision.paragraph else ")"
    return text


def adoption_apply(*, published: PublishedReport, user) -> AdoptionEffects:
    """Called by reports.services.report_adopt inside its transaction, after the version is marked."""
    effects = AdoptionEffects()
    decision = adopting_decision(published)
    citation = _citation(published, decision)
    decided_on = decision.meeting.date if decision is not None else timezone.localdate(published.adopted_at)
    reports = (
        StatusReport.objects.filter(
            board=published.board, period=published.period, proposes=StatusReport.Proposal.COMPLETE
        )
        .select_related("assignment")
        .order_by("assignment__sort_order", "assignment__dnr", "id")
    )
    for report in reports:
        if report.updated_at > published.published_at:
            effects.later.append(report)
            continue
        assignment = report.assignment
        if assignment.status != Status.REPORTED_COMPLETE:
            continue
        if report.decision == StatusReport.Decision.NOT_APPROVED:
            reason = _("Redovisningen godkändes inte: %(citation)s") % {"citation": citation}
            assignment_services.assignment_status_move(
                assignment=assignment, target=Status.IN_PROGRESS, user=user, reason=reason, report=report
            )
            effects.sent_back.append(assignment)
            continue
        if report.decision == StatusReport.Decision.PENDING:
            report.decision = StatusReport.Decision.APPROVED
            report.decided_on = decided_on
            with_history(report, roles.person_or_none(user), citation[:100]).save(
                update_fields=["decision", "decided_on", "updated_at"]
            )
        reason = _("Förklarat fullgjort: %(citation)s") % {"citation": citation}
        assignment_services.assignment_status_move(
            assignment=assignment, target=Status.COMPLETED, user=user, reason=reason, report=report
        )
        effects.completed.append(assignment)
    return effects
