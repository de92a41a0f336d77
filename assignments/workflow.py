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
    # An undo: offered only while the assignment's latest move is this (from, to) pair.
    undoes: tuple[str, str] | None = None


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
    # Undoes a send-back (the board did not approve the final report, registered by hand or by a
    # fastställd report): back to where it stood. Only right after the send-back, or the secretariat
    # could propose any pågående assignment as done without a final report.
    Transition(
        Status.IN_PROGRESS,
        Status.REPORTED_COMPLETE,
        _("Ångra återsändningen – tillbaka till föreslås förklarat fullgjort"),
        secretariat_only=True,
        reason_required=True,
        undoes=(Status.REPORTED_COMPLETE, Status.IN_PROGRESS),
    ),
]

_BY_KEY = {(t.source, t.target, t.by_report): t for t in TRANSITIONS}


def transition(source: str, target: str, by_report: bool | None = None) -> Transition | None:
    """The table's step from source to target (asked the given way; either way when None)."""
    if by_report is None:
        return _BY_KEY.get((source, target, False)) or _BY_KEY.get((source, target, True))
    return _BY_KEY.get((source, target, by_report))


def latest_move(assignment: Assignment) -> tuple[str, str] | None:
    """The assignment's latest recorded move as (from, to), from the prefetched changes when there are."""
    cached = getattr(assignment, "_prefetched_objects_cache", {}).get("status_changes")
    if cached is not None:
        changes = sorted(cached, key=lambda c: (c.changed_at, c.id))
        last = changes[-1] if changes else None
    else:
        last = assignment.status_changes.order_by("-changed_at", "-id").first()
    return (last.from_status, last.to_status) if last is not None else None


def _refusal(source: str, target: str) -> ValidationError:
    return ValidationError(
        {
            "target": _("Uppdraget kan inte gå från ”%(source)s” till ”%(target)s”.")
            % {"source": Status(source).label, "target": Status(target).label}
        }
    )


def may_move(
    source: str, target: str, *, user, by_report: bool = False, last_move: tuple[str, str] | None = None
) -> bool:
    """Does the table let this user make this move this way (the reason aside)?

    by_report says how the move is asked for: True when filing a status report brings it, False
    when a person chooses it (the status form, the board's decision recorded in a report, the admin).
    last_move is the assignment's latest move, which an undo needs to be.
    """
    step = transition(source, target, by_report)
    if step is None or (step.undoes is not None and last_move != step.undoes):
        return False
    return not step.secretariat_only or roles.is_secretariat(user)


def require_move(
    source: str,
    target: str,
    *,
    user,
    reason: str,
    by_report: bool = False,
    last_move: tuple[str, str] | None = None,
) -> Transition:
    """The one rule for every status move: the step must be in the table, asked for the way it is
    reached, by someone allowed to, with a reason where it needs one; an undo only right after the
    move it undoes (last_move, the assignment's latest). Returns the step."""
    step = transition(source, target, by_report)
    if step is None:
        raise _refusal(source, target)
    if step.undoes is not None and last_move != step.undoes:
        raise ValidationError(
            {
                "target": _(
                    "Bara en återsändning som är uppdragets senaste statusändring kan ångras. "
                    "Annars går uppdraget vidare genom en ny slutredovisning."
                )
            }
        )
    if step.secretariat_only and not roles.is_secretariat(user):
        raise PermissionDenied(_("Bara sekretariatet kan göra den ändringen."))
    if step.reason_required and not (reason or "").strip():
        raise ValidationError({"reason": _("Skriv varför – motiveringen sparas i historiken.")})
    return step


def manual_transitions(assignment: Assignment, user) -> list[Transition]:
    """The transitions this user may choose in the status form for this assignment."""
    steps = [t for t in TRANSITIONS if t.source == assignment.status and not t.by_report]
    last = latest_move(assignment) if any(t.undoes for t in steps) else None
    return [t for t in steps if may_move(t.source, t.target, user=user, last_move=last)]


def status_after_report(current: str, proposes_completion: bool) -> str | None:
    """Where filing a status report takes the assignment, or None when it stays where it is."""
    target = Status.REPORTED_COMPLETE if proposes_completion else Status.PARTIALLY_REPORTED
    return target if transition(current, target, by_report=True) is not None else None


def status_after_decision(current: str, decision: str) -> str | None:
    """Where the decision recorded in a report takes the assignment, or None when it stays.

    A final report that was not approved sends the assignment back; that is the table's
    secretariat-only step, asked for through the report instead of the status form.
    """
    if decision == StatusReport.Decision.NOT_APPROVED and current == Status.REPORTED_COMPLETE:
        return Status.IN_PROGRESS
    return None
