"""E-mail notices to the handläggare of a board (Board.officers), through Django's e-mail framework.

- an assignment given to a board (a new one, or an older one the board is made responsible for):
  a notice to each of its officers;
- a reporting period open (ReportingPeriod.is_open) while the board has not reported on an
  assignment that needs a report: a reminder to each of its officers, once per period.

Each officer may opt out of either kind (NotificationPreference). Every notice sent is logged
(SentNotice), so running the command again sends nothing twice. Users without an e-mail address
or inactive users get nothing.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from assignments import roles
from assignments.models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport

from .models import NotificationPreference, SentNotice


def can_set_preferences(user) -> bool:
    """Anyone signed in chooses their own notices; nobody chooses for someone else."""
    return roles.person_or_none(user) is not None


def can_send_notices(user) -> bool:
    """Notices go out from the send_notices command alone, run as the system."""
    return roles.is_system(user)


@transaction.atomic
def notification_preferences_set(*, user, new_assignments: bool, report_reminders: bool) -> NotificationPreference:
    if not can_set_preferences(user):
        raise PermissionDenied(_("Logga in för att ändra dina aviseringar."))
    preference = NotificationPreference.objects.select_for_update().filter(user=user).first()
    if preference is None:
        preference = NotificationPreference(user=user)
    preference.new_assignments = new_assignments
    preference.report_reminders = report_reminders
    preference._change_reason = _("Aviseringsval ändrade")
    preference._history_user = user
    preference.save()
    return preference


def preferences_for(user) -> NotificationPreference:
    """The user's saved choice, or the defaults (unsaved) when there is none."""
    return NotificationPreference.objects.filter(user=user).first() or NotificationPreference(user=user)


@dataclass
class _Notice:
    user: object
    items: list = field(default_factory=list)  # (board, assignment) pairs


def _officers_by_board(board_ids) -> dict[int, list]:
    through = Board.officers.through
    officers = defaultdict(list)
    rows = through.objects.filter(board_id__in=set(board_ids), user__is_active=True).exclude(user__email="")
    for row in rows.select_related("user").order_by("user__username"):
        officers[row.board_id].append(row.user)
    return officers


def _opted_out(user_ids, attribute: str) -> set[int]:
    return set(
        NotificationPreference.objects.filter(user_id__in=set(user_ids), **{attribute: False}).values_list(
            "user_id", flat=True
        )
    )


def _assignment_url(base_url: str, assignment: Assignment) -> str:
    return base_url + assignment.get_absolute_url()


def _preferences_url(base_url: str) -> str:
    return base_url + reverse("notifications:preferences")


def _footer(base_url: str) -> str:
    return "\n\n-- \n" + _("Du får det här meddelandet som handläggare. Ändra dina aviseringar: %(url)s") % {
        "url": _preferences_url(base_url)
    }


def _message(subject: str, body: str, user, base_url: str) -> EmailMessage:
    # List-Unsubscribe (RFC 2369): mail programs show it as a button that leads to the choices.
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={"List-Unsubscribe": f"<{_preferences_url(base_url)}>"},
    )


def _send(messages: list[EmailMessage]) -> None:
    if messages:
        get_connection().send_messages(messages)


def _new_assignment_notices_send(*, since: datetime.datetime, base_url: str) -> int:
    """Notify the officers of each board given an assignment at or after `since`: a new assignment,
    or an older one that the board was made responsible for later."""
    responsibilities = list(
        Responsibility.objects.filter(created_at__gte=since)
        .select_related("assignment", "board")
        .order_by("board__name", "assignment__dnr")
    )
    if not responsibilities:
        return 0
    officers = _officers_by_board(r.board_id for r in responsibilities)
    user_ids = {user.pk for users in officers.values() for user in users}
    opted_out = _opted_out(user_ids, "new_assignments")
    already = set(
        SentNotice.objects.filter(
            kind=SentNotice.Kind.NEW_ASSIGNMENT,
            user_id__in=user_ids,
            assignment_id__in={r.assignment_id for r in responsibilities},
        ).values_list("user_id", "board_id", "assignment_id")
    )
    notices: dict[int, _Notice] = {}
    for responsibility in responsibilities:
        for user in officers.get(responsibility.board_id, []):
            if user.pk in opted_out or (user.pk, responsibility.board_id, responsibility.assignment_id) in already:
                continue
            notices.setdefault(user.pk, _Notice(user)).items.append((responsibility.board, responsibility.assignment))
    messages, log = [], []
    with override("sv"):
        for notice in notices.values():
            count = len(notice.items)
            subject = (
                _("Nytt uppdrag till %(board)s: %(dnr)s")
                % {"board": notice.items[0][0].name, "dnr": notice.items[0][1].dnr}
                if count == 1
                else _("%(count)d nya uppdrag till dina nämnder") % {"count": count}
            )
            lines = [_("Hej!"), "", _("Följande uppdrag har getts till en nämnd där du är handläggare:"), ""]
            for board, assignment in notice.items:
                lines += [
                    f"{assignment.dnr} – {board.name}",
                    " ".join(assignment.text.split()),
                ]
                if assignment.deadline:
                    lines.append(_("Slutdatum: %(date)s") % {"date": assignment.deadline.isoformat()})
                lines += [_assignment_url(base_url, assignment), ""]
                log.append(
                    SentNotice(
                        user=notice.user,
                        kind=SentNotice.Kind.NEW_ASSIGNMENT,
                        board=board,
                        assignment=assignment,
                    )
                )
            body = "\n".join(lines).rstrip() + _footer(base_url)
            messages.append(_message(subject, body, notice.user, base_url))
    with transaction.atomic():
        SentNotice.objects.bulk_create(log)
        _send(messages)
    return len(messages)


def missing_reports(period: ReportingPeriod):
    """Responsibilities of assignments not yet completed that have no status report in the period."""
    reported = StatusReport.objects.filter(
        assignment_id=OuterRef("assignment_id"), board_id=OuterRef("board_id"), period=period
    )
    return (
        Responsibility.objects.exclude(assignment__status=Assignment.Status.COMPLETED)
        .filter(~Exists(reported))
        .select_related("assignment", "board")
        .order_by("board__name", "assignment__sort_order", "assignment__dnr")
    )


def _report_reminders_send(*, base_url: str, periods=None) -> int:
    """Remind the officers of boards that have not reported in an open period, once per period."""
    sent = 0
    if periods is None:
        periods = ReportingPeriod.objects.filter(is_open=True).order_by("year", "kind")
    for period in periods:
        missing = list(missing_reports(period))
        if not missing:
            continue
        by_board = defaultdict(list)
        for responsibility in missing:
            by_board[responsibility.board].append(responsibility.assignment)
        officers = _officers_by_board(board.pk for board in by_board)
        user_ids = {user.pk for users in officers.values() for user in users}
        opted_out = _opted_out(user_ids, "report_reminders")
        already = set(
            SentNotice.objects.filter(
                kind=SentNotice.Kind.REPORT_REMINDER, period=period, user_id__in=user_ids
            ).values_list("user_id", "board_id")
        )
        per_user: dict[int, _Notice] = {}
        for board, assignments in by_board.items():
            for user in officers.get(board.pk, []):
                if user.pk in opted_out or (user.pk, board.pk) in already:
                    continue
                per_user.setdefault(user.pk, _Notice(user)).items += [(board, a) for a in assignments]
        messages, log = [], []
        with override("sv"):
            for notice in per_user.values():
                subject = _("Påminnelse: statusrapporter saknas för %(period)s") % {"period": period}
                lines = [
                    _("Hej!"),
                    "",
                    _("Rapporteringen för %(period)s är öppen, och följande uppdrag saknar statusrapport:")
                    % {"period": period},
                ]
                if period.report_deadline:
                    lines.append(_("Sista dag för rapport: %(date)s") % {"date": period.report_deadline.isoformat()})
                current_board = None
                for board, assignment in notice.items:
                    if board != current_board:
                        lines += ["", board.name]
                        current_board = board
                        log.append(
                            SentNotice(
                                user=notice.user, kind=SentNotice.Kind.REPORT_REMINDER, board=board, period=period
                            )
                        )
                    lines.append(
                        f"- {assignment.dnr} {assignment.short_text} ({_assignment_url(base_url, assignment)})"
                    )
                body = "\n".join(lines) + _footer(base_url)
                messages.append(_message(subject, body, notice.user, base_url))
        with transaction.atomic():
            SentNotice.objects.bulk_create(log)
            _send(messages)
        sent += len(messages)
    return sent


def notices_send(*, user, since: datetime.datetime | None = None, base_url: str = "") -> dict[str, int]:
    """Send both kinds of notice; user is roles.SYSTEM (the send_notices command)."""
    if not can_send_notices(user):
        raise PermissionDenied(_("Aviseringar skickas bara av systemet, med kommandot send_notices."))
    since = since or timezone.now() - datetime.timedelta(days=7)
    base_url = base_url.rstrip("/")
    return {
        "new_assignments": _new_assignment_notices_send(since=since, base_url=base_url),
        "report_reminders": _report_reminders_send(base_url=base_url),
    }


def period_opened_reminders_send(period: ReportingPeriod) -> int:
    """The reminders of one period, sent as the secretariat opens it (assignments.periods asks this
    through its hook). The log keeps send_notices from sending them again."""
    if not period.is_open:
        return 0
    return _report_reminders_send(
        base_url=getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/"), periods=[period]
    )
