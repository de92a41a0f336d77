"""Every write of the officer's workflow: status changes and status reports.

Both are guarded by optimistic locking. The form carries the version the user started from; the
first statement of the transaction is a conditional UPDATE on that version, so of two people saving
at once exactly one wins (on PostgreSQL the row lock, on SQLite the database write lock) and the
other gets a ConflictError carrying what is stored now, to show next to their own text.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from core.validators import validate_dnr

from . import roles, workflow
from .models import Assignment, Board, ReportingPeriod, Responsibility, StatusChange, StatusReport


class ConflictError(Exception):
    """Someone else saved first. `current` is the stored object (assignment or status report)."""

    def __init__(self, current):
        super().__init__("conflict")
        self.current = current


def editable_board_ids(user, assignment: Assignment) -> set[int]:
    """The boards whose report on this assignment the user may write (uses prefetched responsibilities)."""
    responsible = {r.board_id for r in assignment.responsibilities.all()}
    if roles.is_secretariat(user):
        return responsible or set(Board.objects.exclude(kind=Board.Kind.DECISION_BODY).values_list("id", flat=True))
    own = roles.officer_board_ids(user)
    if assignment.addressed_to_all_boards:
        return own | (responsible & own)
    return responsible & own


def can_edit_assignment(user, assignment: Assignment) -> bool:
    """May the user change the assignment's status and write its reports (for some board)?"""
    return roles.is_secretariat(user) or bool(editable_board_ids(user, assignment))


def require_assignment_editor(user, assignment: Assignment) -> None:
    if not can_edit_assignment(user, assignment):
        raise PermissionDenied(_("Du har inte behörighet att ändra uppdraget."))


def report_decision_choices(user, assignment: Assignment, current: str = "") -> list[tuple[str, str]]:
    """The board decisions this user may record in a report on the assignment as it stands now.

    "Ej godkänd" on a final report sends the assignment back, the table's secretariat-only step;
    the report form does not offer it to whoever status_report_submit would refuse it. `current`
    is the decision the report already has: keeping it moves nothing, so it is always offered.
    """
    choices = []
    for value, label in StatusReport.Decision.choices:
        target = workflow.status_after_decision(assignment.status, value) if value != current else None
        if target is None or workflow.may_move(assignment.status, target, user=user):
            choices.append((value, label))
    return choices


def _claim_assignment(assignment_id: int, expected_version: int) -> Assignment:
    claimed = Assignment.objects.filter(pk=assignment_id, version=expected_version).update(version=F("version") + 1)
    if not claimed:
        raise ConflictError(Assignment.objects.with_boards().get(pk=assignment_id))
    return Assignment.objects.with_boards().get(pk=assignment_id)


def status_change_record(
    *, assignment: Assignment, from_status: str, to_status: str, user, reason: str, report: StatusReport | None = None
) -> StatusChange:
    """Write down one status change. Every path that changes Assignment.status calls this, because the
    assignment's timeline and the boards' feeds read status changes from here alone."""
    return StatusChange.objects.create(
        assignment=assignment,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        status_report=report,
        changed_by=roles.person_or_none(user),
    )


def _move(assignment: Assignment, target: str, *, user, reason: str, report: StatusReport | None = None) -> None:
    """Record the transition and save the assignment (whose version the caller has already claimed).

    Callers have asked workflow.require_move first."""
    status_change_record(
        assignment=assignment, from_status=assignment.status, to_status=target, user=user, reason=reason, report=report
    )
    assignment.status = target
    assignment._history_user = roles.person_or_none(user)
    assignment._change_reason = reason[:100]
    assignment.save()


def require_admin_editor(user, assignment: Assignment) -> None:
    """The admin's own rule (Django's model permissions), asked again here so no other caller skips it."""
    permission = "assignments.add_assignment" if assignment.pk is None else "assignments.change_assignment"
    person = roles.person_or_none(user)
    if not (roles.is_system(user) or (person is not None and person.has_perm(permission))):
        raise PermissionDenied(_("Du har inte behörighet att ändra uppdraget i administrationen."))


def require_admin_status_move(*, assignment: Assignment, user, reason: str, stored_status: str | None = None) -> None:
    """Refuse an admin save whose status (brought back by "revert") the workflow's table does not allow.

    The admin is a path where a person chooses the status, like the status form: by-report steps
    need a report and are refused, secretariat-only steps need the secretariat, and steps that
    need a reason need the admin form's motivering.
    """
    if stored_status is None and assignment.pk is not None:
        stored_status = Assignment.objects.filter(pk=assignment.pk).values_list("status", flat=True).first()
    if stored_status is not None and stored_status != assignment.status:
        last_move = workflow.latest_move(assignment) if assignment.pk is not None else None
        workflow.require_move(stored_status, assignment.status, user=user, reason=reason, last_move=last_move)


def assignment_save_from_admin(*, assignment: Assignment, user, reason: str = "") -> Assignment:
    """Save an assignment edited in the admin.

    The admin shows the status read only, but reverting to an older version (django-simple-history)
    restores the status and version stored then. A changed status must be a move the table allows
    and is recorded like any other, and the version moves on from the stored one so that forms
    opened before the edit get the conflict page instead of overwriting it.
    """
    require_admin_editor(user, assignment)
    reason = (reason or "").strip()
    with transaction.atomic():
        stored = None
        if assignment.pk is not None:
            stored = Assignment.objects.select_for_update().filter(pk=assignment.pk).values("status", "version").first()
        if stored is not None:
            if stored["status"] != assignment.status:
                require_admin_status_move(
                    assignment=assignment, user=user, reason=reason, stored_status=stored["status"]
                )
                status_change_record(
                    assignment=assignment,
                    from_status=stored["status"],
                    to_status=assignment.status,
                    user=user,
                    reason=_("Ändrad i administrationen: %(reason)s") % {"reason": reason}
                    if reason
                    else _("Ändrad i administrationen"),
                )
            assignment.version = stored["version"] + 1
        assignment._history_user = roles.person_or_none(user)
        assignment.save()
    return assignment


def assignment_status_change(
    *, assignment: Assignment, target: str, user, reason: str, expected_version: int
) -> Assignment:
    """Move an assignment along one allowed transition, recording who and why."""
    require_assignment_editor(user, assignment)
    reason = (reason or "").strip()
    if target not in Assignment.Status.values:
        raise ValidationError({"target": _("Okänd status.")})
    with transaction.atomic():
        # Version first: a user who saw an older state gets the conflict page, not a puzzling refusal.
        fresh = _claim_assignment(assignment.pk, expected_version)
        last = (
            StatusChange.objects.filter(assignment=fresh)
            .select_related("status_report")
            .order_by("-changed_at", "-id")
            .first()
        )
        last_move = (last.from_status, last.to_status) if last is not None else None
        step = workflow.require_move(fresh.status, target, user=user, reason=reason, last_move=last_move)
        report = None
        if step.undoes is not None:
            report = last.status_report
            _reopen_decision(report, user=user, reason=reason)
        _move(fresh, target, user=user, reason=reason or str(step.label), report=report)
    return fresh


def _reopen_decision(report: StatusReport | None, *, user, reason: str) -> None:
    """Undoing a send-back undoes its ground: the board's "ej godkänd" goes back to undecided."""
    if report is None or report.decision != StatusReport.Decision.NOT_APPROVED:
        return
    report.decision = StatusReport.Decision.PENDING
    report.decided_on = None
    report.version += 1
    report._history_user = roles.person_or_none(user)
    report._change_reason = (_("Återsändningen ångrad: %(reason)s") % {"reason": reason})[:100]
    report.save(update_fields=["decision", "decided_on", "version", "updated_at"])


def status_report_submit(
    *,
    assignment: Assignment,
    period: ReportingPeriod,
    board: Board,
    author,
    text: str,
    proposes: str,
    expected_version: int,
    decision: str = "",
    decided_on: datetime.date | None = None,
) -> StatusReport:
    """Write (or rewrite) a board's status report for a period; move the assignment's status with it.

    expected_version is the report's version the user started from, 0 for a new report. Filing
    the report takes the table's by-report step; a final report recorded as not approved asks for
    the secretariat's send-back step instead, and is refused (nothing saved) for anyone else.
    """
    text = (text or "").strip()
    errors = {}
    if not text:
        errors["text"] = _("Skriv själva redovisningen – den får inte vara tom.")
    if proposes not in StatusReport.Proposal.values:
        errors["proposes"] = _("Välj om rapporten är en delredovisning eller en slutredovisning.")
    if decision not in StatusReport.Decision.values:
        errors["decision"] = _("Okänt beslut om redovisningen.")
    if decision and decided_on is None:
        errors["decided_on"] = _("Ange datum för nämndens beslut.")
    if errors:
        raise ValidationError(errors)
    if board.pk not in editable_board_ids(author, assignment):
        raise PermissionDenied(_("Du har inte behörighet att rapportera för %(board)s.") % {"board": board})
    if assignment.status == Assignment.Status.COMPLETED:
        raise ValidationError(
            {"__all__": _("Uppdraget är redan förklarat fullgjort. Sekretariatet kan återöppna det.")}
        )

    with transaction.atomic():
        # A decision moves the status when it is recorded, not each time its report is saved again.
        recorded = (
            StatusReport.objects.filter(assignment=assignment, period=period, board=board)
            .values_list("decision", flat=True)
            .first()
        )
        report = _save_report(
            assignment=assignment,
            period=period,
            board=board,
            author=author,
            text=text,
            proposes=proposes,
            expected_version=expected_version,
            decision=decision,
            decided_on=decided_on if decision else None,
        )
        # A report is a change to the assignment too: a status form opened before it must not win.
        Assignment.objects.filter(pk=assignment.pk).update(version=F("version") + 1)
        fresh = Assignment.objects.get(pk=assignment.pk)
        target = workflow.status_after_decision(fresh.status, decision) if decision != recorded else None
        if target is not None:
            reason = _("Redovisningen godkändes inte enligt beslut %(date)s (statusrapport för %(period)s)") % {
                "date": decided_on.isoformat(),
                "period": period,
            }
            try:
                workflow.require_move(fresh.status, target, user=author, reason=reason)
            except PermissionDenied as refusal:
                # On the form, where the officer's text stays, rather than a bare 403 page.
                raise ValidationError(
                    {
                        "decision": _(
                            "Bara sekretariatet kan registrera att slutredovisningen inte godkändes, eftersom "
                            "uppdraget då skickas tillbaka till pågående. Spara rapporten utan det beslutet "
                            "och kontakta sekretariatet."
                        )
                    }
                ) from refusal
        else:
            target = workflow.status_after_report(fresh.status, proposes == StatusReport.Proposal.COMPLETE)
            reason = _("Statusrapport för %(period)s") % {"period": period}
            if target is not None:
                workflow.require_move(fresh.status, target, user=author, reason=reason, by_report=True)
        if target is not None:
            _move(fresh, target, user=author, reason=reason, report=report)
    return report


def _save_report(*, assignment, period, board, author, text, proposes, expected_version, decision, decided_on):
    fields = {"text": text, "proposes": proposes, "decision": decision, "decided_on": decided_on}
    existing = StatusReport.objects.filter(assignment=assignment, period=period, board=board)
    if expected_version == 0:
        if existing.exists():
            raise ConflictError(existing.select_related("author", "board", "period").get())
        try:
            with transaction.atomic():
                report = StatusReport(
                    assignment=assignment, period=period, board=board, author=roles.person_or_none(author), **fields
                )
                report._history_user = roles.person_or_none(author)
                report.save()
        except IntegrityError as error:
            # Someone created the same report between our check and our insert.
            raise ConflictError(existing.select_related("author", "board", "period").get()) from error
        return report
    if not existing.filter(version=expected_version).update(version=F("version") + 1):
        current = existing.select_related("author", "board", "period").first()
        if current is None:
            raise ValidationError({"__all__": _("Statusrapporten finns inte längre.")})
        raise ConflictError(current)
    report = existing.get()
    for name, value in fields.items():
        setattr(report, name, value)
    report.author = roles.person_or_none(author)
    report._history_user = roles.person_or_none(author)
    report.save()
    return report


def can_register(user) -> bool:
    """May the user register assignments from decisions and open and close periods? The secretariat."""
    return roles.is_secretariat(user)


def require_registrar(user) -> None:
    if not can_register(user):
        raise PermissionDenied(_("Bara sekretariatet kan registrera uppdrag och rapporteringsperioder."))


def assignment_create(
    *,
    user,
    dnr: str,
    text: str,
    source: str,
    board_ids: list[int],
    origin_body: Board,
    origin_date: datetime.date,
    origin_paragraph: str = "",
    origin_point: str = "",
    deadline: datetime.date | None = None,
    deadline_note: str = "",
    reason: str = "",
) -> Assignment:
    """A new assignment given by a decision, with its responsible boards (the first is the lead).

    Refused, nothing saved: no text, an unknown source or board, no board, a deadline before the
    decision. Callers that link the assignment to something call this inside their own transaction.
    """
    require_registrar(user)
    text = (text or "").strip()
    errors = {}
    if not text:
        errors["text"] = _("Skriv uppdragets text.")
    if source not in Assignment.Source.values:
        errors["source"] = _("Välj uppdragets källa.")
    try:
        validate_dnr(dnr or "")
    except ValidationError:
        errors["dnr"] = _("Diarienumret ska skrivas som 0921/22.")
    boards = {b.pk: b for b in Board.objects.filter(pk__in=set(board_ids or []))}
    unknown = [i for i in board_ids or [] if i not in boards]
    if unknown:
        errors["boards"] = _("Punkten är riktad till en nämnd som inte finns i nämndregistret.")
    elif not board_ids:
        errors["boards"] = _("Välj minst en ansvarig nämnd.")
    if deadline is not None and origin_date is not None and deadline < origin_date:
        errors["deadline"] = _("Slutdatumet %(deadline)s är före beslutet %(date)s.") % {
            "deadline": deadline.isoformat(),
            "date": origin_date.isoformat(),
        }
    if len(deadline_note or "") > 300:
        errors["deadline_note"] = _("Tidplanen får vara högst 300 tecken.")
    if errors:
        raise ValidationError(errors)
    person = roles.person_or_none(user)
    with transaction.atomic():
        assignment = Assignment(
            dnr=dnr,
            text=text,
            source=source,
            budget_year=origin_date.year + 1 if source == Assignment.Source.KF_BUDGET else None,
            origin_body=origin_body,
            origin_date=origin_date,
            origin_paragraph=origin_paragraph,
            origin_point=origin_point,
            deadline=deadline,
            deadline_note=deadline_note or "",
        )
        assignment._history_user = person
        assignment._change_reason = (reason or _("Registrerat ur beslut"))[:100]
        assignment.save()
        seen = []
        for board_id in board_ids:
            if board_id not in seen:
                seen.append(board_id)
        Responsibility.objects.bulk_create(
            Responsibility(assignment=assignment, board=boards[board_id], is_lead=index == 0)
            for index, board_id in enumerate(seen)
        )
    return assignment


def assignment_status_move(
    *, assignment: Assignment, target: str, user, reason: str, report: StatusReport | None = None
) -> Assignment:
    """One move of the workflow asked for by a decision rather than a form (no version from a page):
    the row is locked, the move checked against the table and recorded, the version moved on."""
    with transaction.atomic():
        fresh = Assignment.objects.select_for_update().get(pk=assignment.pk)
        workflow.require_move(fresh.status, target, user=user, reason=reason)
        fresh.version += 1
        _move(fresh, target, user=user, reason=reason, report=report)
    return fresh
