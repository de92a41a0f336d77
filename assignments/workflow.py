"""The status workflow of an assignment: a small explicit state machine.

ej påbörjat → pågående → delrapporterat → föreslås förklarat fullgjort → förklarat fullgjort.
A board's status report moves the assignment forward (a partial report to delrapporterat, a final
report to föreslås förklarat fullgjort). Only the secretariat, acting for KF/KS, declares an
assignment done, sends it back when the final report was not approved, or reopens it.

TRANSITIONS is the only rule for a status move, whichever path asks for it (the status form, a
filed report, the decision recorded in a report, the admin): each asks require_move.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from . import roles
from .models import Assignment, StatusReport

Status = Assignment.Status


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    label: str
    secretariat_only: bool = False
    reason_required: bool = False
    # Reached by filing a status report rather than by choosing it in the status form.
    by_report: bool = False


TRANSITIONS = [
    Transition(Status.NOT_STARTED, Status.IN_PROGRESS, _("Arbetet har påbörjats")),
    Transition(Status.NOT_STARTED, Status.PARTIALLY_REPORTED, _("Delredovisning lämnad"), by_report=True),
    Transition(Status.IN_PROGRESS, Status.PARTIALLY_REPORTED, _("Delredovisning lämnad"), by_report=True),
    Transition(Status.NOT_STARTED, Status.REPORTED_COMPLETE, _("Slutredovisning lämnad"), by_report=True),
    Transition(Status.IN_PROGRESS, Status.REPORTED_COMPLETE, _("Slutredovisning lämnad"), by_report=True),
    Transition(Status.PARTIALLY_REPORTED, Status.REPORTED_COMPLETE, _("Slutredovisning lämnad"), by_report=True),
    Transition(
        Status.REPORTED_COMPLETE,
        Status.COMPLETED,
        _("Förklara uppdraget fullgjort"),
        secretariat_only=True,
    ),
    Transition(
        Status.REPORTED_COMPLETE,
        Status.IN_PROGRESS,
        _("Redovisningen godkändes inte – tillbaka till pågående"),
        secretariat_only=True,
        reason_required=True,
    ),
    Transition(
        Status.COMPLETED,
        Status.IN_PROGRESS,
        _("Återöppna uppdraget"),
        secretariat_only=True,
        reason_required=True,
    ),
    # Undoes a declaration made when a report was fastställd (reports.adoption), back to where it stood.
    Transition(
        Status.COMPLETED,
        Status.REPORTED_COMPLETE,
        _("Ångra förklarat fullgjort – tillbaka till föreslås förklarat fullgjort"),
        secretariat_only=True,
        reason_required=True,
    ),
]

_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}


def transition(source: str, target: str) -> Transition | None:
    return _BY_PAIR.get((source, target))


def _refusal(source: str, target: str) -> ValidationError:
    return ValidationError(
        {
            "target": _("Uppdraget kan inte gå från ”%(source)s” till ”%(target)s”.")
            % {"source": Status(source).label, "target": Status(target).label}
        }
    )


def may_move(source: str, target: str, *, user, by_report: bool = False) -> bool:
    """Does the table let this user make this move this way (the reason aside)?

    by_report says how the move is asked for: True when filing a status report brings it, False
    when a person chooses it (the status form, the board's decision recorded in a report, the admin).
    """
    step = transition(source, target)
    if step is None or step.by_report != by_report:
        return False
    return not step.secretariat_only or roles.is_secretariat(user)


def require_move(source: str, target: str, *, user, reason: str, by_report: bool = False) -> Transition:
    """The one rule for every status move: the step must be in the table, asked for the way it is
    reached, by someone allowed to, with a reason where it needs one. Returns the step."""
    step = transition(source, target)
    if step is None or step.by_report != by_report:
        raise _refusal(source, target)
    if step.secretariat_only and not roles.is_secretariat(user):
        raise PermissionDenied(_("Bara sekretariatet kan göra den ändringen."))
    if step.reason_required and not (reason or "").strip():
        raise ValidationError({"reason": _("Skriv varför – motiveringen sparas i historiken.")})
    return step


def manual_transitions(assignment: Assignment, user) -> list[Transition]:
    """The transitions this user may choose in the status form for this assignment."""
    return [t for t in TRANSITIONS if t.source == assignment.status and may_move(t.source, t.target, user=user)]


def status_after_report(current: str, proposes_completion: bool) -> str | None:
    """Where filing a status report takes the assignment, or None when it stays where it is."""
    target = Status.REPORTED_COMPLETE if proposes_completion else Status.PARTIALLY_REPORTED
    step = transition(current, target)
    return target if step is not None and step.by_report else None


def status_after_decision(current: str, decision: str) -> str | None:
    """Where the decision recorded in a report takes the assignment, or None when it stays.

    A final report that was not approved sends the assignment back; that is the table's
    secretariat-only step, asked for through the report instead of the status form.
    """
    if decision == StatusReport.Decision.NOT_APPROVED and current == Status.REPORTED_COMPLETE:
        return Status.IN_PROGRESS
    return None
