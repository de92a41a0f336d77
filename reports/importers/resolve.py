"""After the parse: the names it read turned into rows, and what saving would do with each item.

A fixed number of queries whatever the length of the document: the boards and their name variants,
the period, the assignments with the document's dnr (with their boards) and their reports.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from assignments.history_import import HistoryRow, plan_for
from assignments.matching import BoardMatcher
from assignments.models import Assignment, ReportingPeriod, StatusReport

from .history import ParsedHistory, ParsedHistoryItem, read_report_history


def _resolve_name(matcher: BoardMatcher, name: str):
    name = " ".join((name or "").split())
    if not name:
        return None
    board = matcher.resolve(name)
    if board is None and name.endswith("s"):
        board = matcher.resolve(name[:-1])  # "Kulturnämndens årsrapport"
    if board is None:
        named = matcher.named_in(name)
        board = named[0] if len(named) == 1 else None
    return board


def resolve_report_history(parsed: ParsedHistory, matcher: BoardMatcher | None = None) -> ParsedHistory:
    """Fill in the body, the period and each item's boards, existing assignment and action."""
    matcher = matcher or BoardMatcher()
    if parsed.body is None:
        parsed.body = _resolve_name(matcher, parsed.body_name)
    if parsed.body is None:
        message = (
            _("Den rapporterande nämnden ”%(name)s” är okänd – välj den") % {"name": parsed.body_name}
            if parsed.body_name
            else _("Den rapporterande nämnden framgår inte av handlingen – välj den")
        )
        parsed.flag("body", message)
    parsed.period = None
    if parsed.year and parsed.kind:
        parsed.period = ReportingPeriod.objects.filter(year=parsed.year, kind=parsed.kind).first()
        if parsed.period is None:
            parsed.flag(
                "period",
                _("Perioden %(period)s finns inte och skapas (stängd för rapportering) när du sparar")
                % {"period": ReportingPeriod(year=parsed.year, kind=parsed.kind)},
            )
    dnrs = {item.dnr for item in parsed.items if item.dnr}
    existing: dict[str, list[Assignment]] = {}
    for assignment in Assignment.objects.with_boards().filter(dnr__in=dnrs).order_by("id"):
        existing.setdefault(assignment.dnr, []).append(assignment)
    reports = []
    if existing:
        ids = [a.pk for found in existing.values() for a in found]
        reports = list(
            StatusReport.objects.filter(assignment_id__in=ids).values(
                "assignment_id", "period_id", "board_id", "period__year", "period__kind"
            )
        )
    for item in parsed.items:
        if item.origin_body is None and item.origin_body_name:
            item.origin_body = _resolve_name(matcher, item.origin_body_name)
            if item.origin_body is None:
                item.flag("origin", _("Organet ”%(name)s” är okänt") % {"name": item.origin_body_name})
        if not item.responsible:
            if item.all_boards:
                item.responsible = [parsed.body] if parsed.body else []
            elif item.responsible_text:
                item.responsible = matcher.named_in(item.responsible_text)
                if not item.responsible:
                    item.flag(
                        "responsible",
                        _("Ingen känd nämnd i ”%(text)s” – välj den") % {"text": item.responsible_text[:80]},
                    )
        plan = plan_for(
            dnr=item.dnr,
            text=item.text,
            candidates=existing.get(item.dnr, []),
            reports=reports,
            year=parsed.year,
            kind=parsed.kind,
            board=parsed.body,
            status=item.status,
        )
        item.existing, item.action, item.notes = plan.assignment, plan.action, plan.notes
    return parsed


def parse_report_history(text: str) -> ParsedHistory:
    """Read a report's assignment sections and resolve what they name."""
    return resolve_report_history(read_report_history(text))


def history_row(item: ParsedHistoryItem) -> HistoryRow:
    """A resolved item as the save service takes it."""
    return HistoryRow(
        dnr=item.dnr, text=item.text, source=item.source, status=item.status, report_text=item.report_text,
        responsible=list(item.responsible), budget_year=item.budget_year, origin_body=item.origin_body,
        origin_date=item.origin_date, origin_paragraph=item.origin_paragraph, origin_point=item.origin_point,
        all_boards=item.all_boards, deadline=item.deadline, deadline_note=item.deadline_note,
        section=item.section, position=item.position,
    )  # fmt: skip
