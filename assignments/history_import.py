"""Saving the history read out of an earlier delårsrapport or årsrapport (reports.importers reads it).

For each confirmed row: the assignment with that dnr (or a new one), the period's status report of
the reporting board added to it, and the status the report expresses set through the workflow's
table, each move a StatusChange citing the imported report. A report the period already has is
skipped with a message (never duplicated, never overwritten), so importing the same document twice
changes nothing. The status only moves forward, and only from the assignment's newest report: an
older report read after a newer one adds its text to the history and leaves the status alone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from core.validators import validate_dnr

from . import roles, workflow
from .loading import SECTION_ORDER
from .models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport
from .services import require_registrar, status_change_record

Status = Assignment.Status
RANK = {
    Status.NOT_STARTED: 0,
    Status.IN_PROGRESS: 1,
    Status.PARTIALLY_REPORTED: 2,
    Status.REPORTED_COMPLETE: 3,
    Status.COMPLETED: 4,
}
CREATE, ADD, SKIP = "create", "add", "skip"


@dataclass
class HistoryRow:
    dnr: str
    text: str
    source: str
    status: str
    report_text: str
    responsible: list[Board]
    budget_year: int | None = None
    origin_body: Board | None = None
    origin_date: datetime.date | None = None
    origin_paragraph: str = ""
    origin_point: str = ""
    all_boards: bool = False
    deadline: datetime.date | None = None
    deadline_note: str = ""
    section: str = ""
    position: int = 0


@dataclass
class Plan:
    assignment: Assignment | None
    action: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    row: HistoryRow
    action: str
    assignment: Assignment | None = None
    report: StatusReport | None = None
    notes: list[str] = field(default_factory=list)


def _same_text(a: str, b: str) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def status_moves(current: str, target: str) -> list[tuple[str, bool]]:
    """The steps of the table from current to target, each (status, by_report); [] when the import
    leaves the status where it is (the target is not further along)."""
    if not target or RANK[target] <= RANK[current]:
        return []
    if target == Status.IN_PROGRESS:
        return [(Status.IN_PROGRESS, False)]
    if target == Status.COMPLETED:
        if current == Status.REPORTED_COMPLETE:
            return [(Status.COMPLETED, False)]
        return [(Status.REPORTED_COMPLETE, True), (Status.COMPLETED, False)]
    return [(target, True)]


def plan_for(*, dnr, text, candidates, reports, year, kind, board, status) -> Plan:
    """What saving a row would do, from what is stored (read by the caller, no query here)."""
    if not candidates:
        return Plan(None, CREATE, [_("Nytt uppdrag")])
    matching = [a for a in candidates if _same_text(a.text, text)]
    assignment = (matching or candidates)[0]
    notes = []
    if len(candidates) > 1:
        notes.append(
            _("%(count)d uppdrag har dnr %(dnr)s; uppdrag %(id)d används")
            % {"count": len(candidates), "dnr": dnr, "id": assignment.pk}
        )
    if not matching:
        notes.append(_("Uppdragstexten skiljer sig från den sparade; den sparade behålls"))
    own = [r for r in reports if r["assignment_id"] == assignment.pk]
    board_id = board.pk if board is not None else None
    if any(r["period__year"] == year and r["period__kind"] == kind and r["board_id"] == board_id for r in own):
        period = ReportingPeriod(year=year, kind=kind) if year and kind else ""
        notes.append(_("Statusrapporten för %(period)s finns redan – hoppas över") % {"period": period})
        return Plan(assignment, SKIP, notes)
    notes.append(_("Finns (uppdrag %(id)d): statusrapporten läggs till") % {"id": assignment.pk})
    later = [r for r in own if (r["period__year"], r["period__kind"]) > (year or 0, kind or 0)]
    if later:
        notes.append(_("Det finns en senare statusrapport; statusen ändras inte"))
    elif status and not status_moves(assignment.status, status) and status != assignment.status:
        notes.append(_("Statusen är redan ”%(status)s” och ändras inte") % {"status": Status(assignment.status).label})
    return Plan(assignment, ADD, notes)


def _validate(rows: list[HistoryRow], board, year, kind) -> None:
    errors = []
    if board is None:
        errors.append(_("Välj den rapporterande nämnden."))
    if not year or not 2000 <= year <= 2100 or kind not in ReportingPeriod.Kind.values:
        errors.append(_("Ange år och rapporttillfälle."))
    for number, row in enumerate(rows, start=1):
        where = _("Uppdrag %(number)d (%(dnr)s)") % {"number": number, "dnr": row.dnr or _("dnr saknas")}
        problems = []
        try:
            validate_dnr(row.dnr or "")
        except ValidationError:
            problems.append(_("diarienumret ska skrivas som 0921/22"))
        if not (row.text or "").strip():
            problems.append(_("uppdragets text saknas"))
        if row.source not in Assignment.Source.values:
            problems.append(_("välj källa"))
        if row.status not in Status.values:
            problems.append(_("välj status"))
        if not (row.report_text or "").strip():
            problems.append(_("statusrapportens text saknas"))
        if not row.responsible:
            problems.append(_("välj minst en ansvarig nämnd"))
        if row.deadline and row.origin_date and row.deadline < row.origin_date:
            problems.append(_("slutdatumet är före beslutet"))
        if problems:
            errors.append(f"{where}: {', '.join(problems)}.")
    if errors:
        raise ValidationError(errors)


def report_history_import(
    *, year: int, kind: int, board: Board | None, rows: list[HistoryRow], user, document: str = ""
) -> list[Outcome]:
    """Save the confirmed rows of an imported report, all or nothing; the secretariat's alone."""
    require_registrar(user)
    _validate(rows, board, year, kind)
    person = roles.person_or_none(user)
    outcomes = []
    with transaction.atomic():
        period = ReportingPeriod.objects.filter(year=year, kind=kind).first()
        if period is None:
            period = ReportingPeriod.objects.create(year=year, kind=kind)
        label = document or _("%(period)s för %(board)s") % {"period": period, "board": board}
        for row in rows:
            outcomes.append(_save_row(row, period=period, board=board, user=user, person=person, label=label))
    return outcomes


def _save_row(row: HistoryRow, *, period, board, user, person, label) -> Outcome:
    candidates = list(Assignment.objects.select_for_update().filter(dnr=row.dnr).order_by("id"))
    reports = list(
        StatusReport.objects.filter(assignment__in=candidates).values(
            "assignment_id", "period_id", "board_id", "period__year", "period__kind"
        )
    )
    plan = plan_for(
        dnr=row.dnr, text=row.text, candidates=candidates, reports=reports, year=period.year,
        kind=period.kind, board=board, status=row.status,
    )  # fmt: skip
    if plan.action == SKIP:
        return Outcome(row, SKIP, plan.assignment, notes=plan.notes)
    reason = _("Inläst ur %(document)s") % {"document": label}
    if row.section:
        reason += _(", avsnitt %(section)s") % {"section": row.section}
    assignment = plan.assignment or _create(row, person=person, reason=reason)
    report = StatusReport(
        assignment=assignment,
        period=period,
        board=board,
        text=row.report_text.strip(),
        proposes=StatusReport.Proposal.COMPLETE
        if row.status in (Status.REPORTED_COMPLETE, Status.COMPLETED)
        else StatusReport.Proposal.PARTIAL,
        author=person,
    )
    report._history_user = person
    report._change_reason = reason[:100]
    report.save()
    newest = not any((r["period__year"], r["period__kind"]) > (period.year, period.kind) for r in reports)
    moves = status_moves(assignment.status, row.status) if newest else []
    # A report is a change to the assignment: a status form opened before the import must not win.
    Assignment.objects.filter(pk=assignment.pk).update(version=F("version") + 1)
    assignment.refresh_from_db(fields=["version", "status"])
    for target, by_report in moves:
        workflow.require_move(assignment.status, target, user=user, reason=reason, by_report=by_report)
        status_change_record(
            assignment=assignment, from_status=assignment.status, to_status=target, user=user, reason=reason,
            report=report,
        )  # fmt: skip
        assignment.status = target
    if moves:
        assignment._history_user = person
        assignment._change_reason = reason[:100]
        assignment.save(update_fields=["status", "updated_at"])
    return Outcome(row, CREATE if plan.assignment is None else ADD, assignment, report, plan.notes)


def _create(row: HistoryRow, *, person, reason: str) -> Assignment:
    sort_order = (SECTION_ORDER.index(row.section) + 1) * 100 + row.position if row.section in SECTION_ORDER else 0
    assignment = Assignment(
        dnr=row.dnr,
        text=" ".join(row.text.split()),
        source=row.source,
        budget_year=row.budget_year if row.source == Assignment.Source.KF_BUDGET else None,
        origin_body=row.origin_body,
        origin_date=row.origin_date,
        origin_paragraph=row.origin_paragraph or "",
        origin_point=row.origin_point or "",
        addressed_to_all_boards=row.all_boards,
        deadline=row.deadline,
        deadline_note=(row.deadline_note or "")[:300],
        sort_order=sort_order,
    )
    assignment._history_user = person
    assignment._change_reason = reason[:100]
    assignment.save()
    seen = list(dict.fromkeys(b.pk for b in row.responsible))
    by_id = {b.pk: b for b in row.responsible}
    Responsibility.objects.bulk_create(
        Responsibility(assignment=assignment, board=by_id[pk], is_lead=index == 0) for index, pk in enumerate(seen)
    )
    return assignment
