"""The timeline of an assignment: decision → status reports per period → the board's decision on
each report → status changes → completion. Built from rows the detail queryset already prefetched."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from core.worddiff import word_diff

from .links import OriginLink
from .models import Assignment, StatusReport


@dataclass
class TimelineEvent:
    date: datetime.date
    kind: str  # decision, report, report_decision, status, completed
    title: str
    text: str = ""
    who: str = ""
    links: tuple[OriginLink, ...] = ()
    report: StatusReport | None = None
    anchor: str = ""  # the id of the event on the page, which the boards' feeds link to
    # What changed since the same board's report of the period before: a word diff (<ins>/<del>).
    diff: str = ""
    diff_from: StatusReport | None = None


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def build_timeline(assignment: Assignment, links: list[OriginLink]) -> list[TimelineEvent]:
    events: list[tuple[datetime.date, int, TimelineEvent]] = []
    if assignment.origin_reference or links:
        date = assignment.origin_date or (
            datetime.date(assignment.budget_year, 1, 1) if assignment.budget_year else assignment.created_at.date()
        )
        title = _("Beslut: %(reference)s") % {
            "reference": assignment.origin_reference or assignment.get_source_display()
        }
        events.append((date, 0, TimelineEvent(date, "decision", title, links=tuple(links))))
    previous_by_board: dict[int, StatusReport] = {}
    # Prefetched in period order (AssignmentQuerySet.for_detail): the previous report of a board is the one before.
    for report in sorted(assignment.status_reports.all(), key=lambda r: (r.period.year, r.period.kind, r.pk)):
        previous = previous_by_board.get(report.board_id)
        previous_by_board[report.board_id] = report
        date = report.period.report_deadline or report.period.closing_date
        title = _("%(period)s: %(kind)s från %(board)s") % {
            "period": report.period,
            "kind": report.get_proposes_display().lower(),
            "board": report.board.short_name or report.board.name,
        }
        events.append(
            (
                date,
                1,
                TimelineEvent(
                    date,
                    "report",
                    title,
                    report.text,
                    _person(report.author),
                    report=report,
                    anchor=f"rapport-{report.pk}",
                    diff=word_diff(previous.text, report.text) if previous else "",
                    diff_from=previous,
                ),
            )
        )
        if report.decision and report.decided_on:
            title = _("%(board)s beslutade om redovisningen: %(decision)s") % {
                "board": report.board.short_name or report.board.name,
                "decision": report.get_decision_display().lower(),
            }
            events.append((report.decided_on, 2, TimelineEvent(report.decided_on, "report_decision", title)))
    for change in assignment.status_changes.all():
        date = timezone.localtime(change.changed_at).date()
        completed = change.to_status == Assignment.Status.COMPLETED
        title = (
            _("Förklarat fullgjort")
            if completed
            else _("Status: %(old)s → %(new)s")
            % {"old": change.get_from_status_display(), "new": change.get_to_status_display()}
        )
        kind = "completed" if completed else "status"
        event = TimelineEvent(
            date, kind, title, change.reason, _person(change.changed_by), anchor=f"statusandring-{change.pk}"
        )
        events.append((date, 3, event))
    events.sort(key=lambda item: (item[0], item[1]))
    return [event for _date, _order, event in events]
