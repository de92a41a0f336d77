"""The status workflow of an assignment: a small explicit state machine.

ej påbörjat → pågående → delrapporterat → föreslås förklarat fullgjort → förklarat fullgjort.
A board's status report moves the assignment forward (a partial report to delrapporterat, a final
report to föreslås förklarat fullgjort). Only the secretariat, acting for KF/KS, declares an
assignment done, sends it back when the final report was not approved, or reopens it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import roles
from .models import Assignment

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
]

_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}


def transition(source: str, target: str) -> Transition | None:
    return _BY_PAIR.get((source, target))


def manual_transitions(assignment: Assignment, user) -> list[Transition]:
    """The transitions this user may choose in the status form for this assignment."""
    secretariat = roles.is_secretariat(user)
    return [
        t
        for t in TRANSITIONS
        if t.source == assignment.status and not t.by_report and (secretariat or not t.secretariat_only)
    ]


def status_after_report(current: str, proposes_completion: bool) -> str | None:
    """Where a filed status report takes the assignment, or None when it stays where it is."""
    target = Status.REPORTED_COMPLETE if proposes_completion else Status.PARTIALLY_REPORTED
    return target if transition(current, target) else None
