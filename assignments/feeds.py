"""Feeds of the assignments app: a board's new assignments and status changes (RSS, Atom), and
its assignment deadlines as an iCalendar file for a calendar subscription.

Public like the records themselves; nothing about who made a change is published.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import CharField, F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.feeds import ITEMS, RssFeed, html_paragraphs, ical_escape, ical_fold, utc_stamp

from .models import Assignment, Board, Responsibility, StatusChange


def _assignment_link(assignment_id: int) -> str:
    return reverse("assignments:detail", args=[assignment_id])


@dataclass
class BoardEvent:
    """A status change (StatusChange) of one of the board's assignments, or an assignment given to it."""

    kind: str  # "status" or "given"
    event_id: int  # the StatusChange's id, or the assignment's when given
    assignment_id: int
    dnr: str
    text: str
    old_status: str | None  # None: the assignment was given to the board
    new_status: str
    reason: str
    date: datetime.datetime

    @staticmethod
    def label(status: str | None) -> str:
        return str(Assignment.Status(status).label) if status else ""


def status_changes(board: Board, limit: int = ITEMS) -> list[BoardEvent]:
    """The latest status changes of the board's assignments, and the assignments given to the board,
    newest first, in one query.

    Status changes come from StatusChange, which every path that changes a status writes (the
    workflow, the admin, and a migration for the older changes found only in the history). An
    assignment is given to the board when the board is made responsible for it (usually as it is
    created, sometimes later), with the status it had then.
    """
    # The status when the board was given the assignment: where the next change started from.
    status_then = StatusChange.objects.filter(
        assignment=OuterRef("assignment_id"), changed_at__gte=OuterRef("created_at")
    ).order_by("changed_at", "id")
    text = CharField()
    changes = (
        StatusChange.objects.filter(assignment__responsibilities__board=board)
        .order_by()
        .values(
            event_kind=Value("status", output_field=text),
            event_id=F("id"),
            event_assignment=F("assignment_id"),
            event_dnr=F("assignment__dnr"),
            event_text=F("assignment__text"),
            event_old=F("from_status"),
            event_new=F("to_status"),
            event_reason=F("reason"),
            event_date=F("changed_at"),
        )
    )
    creations = (
        Responsibility.objects.filter(board=board)
        .order_by()
        .values(
            event_kind=Value("given", output_field=text),
            event_id=F("assignment_id"),
            event_assignment=F("assignment_id"),
            event_dnr=F("assignment__dnr"),
            event_text=F("assignment__text"),
            event_old=Value(None, output_field=text),
            event_new=Coalesce(Subquery(status_then.values("from_status")[:1]), F("assignment__status")),
            event_reason=Value("", output_field=TextField()),
            event_date=F("created_at"),
        )
    )
    rows = changes.union(creations, all=True).order_by("-event_date", "-event_kind", "-event_id")[:limit]
    return [BoardEvent(*(row[key] for key in _EVENT_KEYS)) for row in rows]


_EVENT_KEYS = (
    "event_kind",
    "event_id",
    "event_assignment",
    "event_dnr",
    "event_text",
    "event_old",
    "event_new",
    "event_reason",
    "event_date",
)


class BoardAssignmentsFeed(RssFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Board, slug=slug)

    def title(self, obj: Board):
        return _("Uppdrag för %(board)s – statusändringar") % {"board": obj.name}

    def description(self, obj: Board):
        return _("Nya uppdrag och ändrad status för uppdrag där %(board)s är ansvarig.") % {"board": obj.name}

    def link(self, obj: Board):
        # The board's page: it is also the Atom id of the feed, which must differ from other feeds'.
        return reverse("assignments:board", args=[obj.slug])

    def items(self, obj: Board):
        return status_changes(obj)

    def item_title(self, item: BoardEvent):
        if item.old_status is None:
            return _("%(dnr)s: nytt uppdrag (%(status)s)") % {
                "dnr": item.dnr,
                "status": item.label(item.new_status),
            }
        return f"{item.dnr}: {item.label(item.old_status)} → {item.label(item.new_status)}"

    def item_description(self, item: BoardEvent):
        text = Truncator(" ".join(item.text.split())).words(60)
        if item.reason:
            text = _("Motivering: %(reason)s") % {"reason": item.reason} + "\n\n" + text
        return html_paragraphs(text)

    def item_link(self, item: BoardEvent):
        # Unique per item, so it is the item's id too (a permalink): the assignment for its
        # creation, the event on its timeline for a status change.
        link = _assignment_link(item.assignment_id)
        return link if item.kind == "given" else f"{link}#statusandring-{item.event_id}"

    def item_pubdate(self, item: BoardEvent):
        return item.date

    def item_updateddate(self, item: BoardEvent):
        return item.date


class BoardAssignmentsAtomFeed(BoardAssignmentsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Board):
        return self.description(obj)


def deadlines_calendar(board: Board, assignments, *, base_url: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Göteborgs Stad//Uppdrag och ärenden//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + ical_escape(_("Slutdatum för uppdrag – %(board)s") % {"board": board.name}),
    ]
    now = utc_stamp(timezone.now())
    for assignment in assignments:
        summary = _("Slutdatum: %(dnr)s %(text)s") % {"dnr": assignment.dnr, "text": assignment.short_text}
        description = " ".join(assignment.text.split())
        description += "\n" + _("Status: %(status)s") % {"status": assignment.get_status_display()}
        if assignment.deadline_note:
            description += "\n" + _("Tidplan enligt beslutet: %(note)s") % {"note": assignment.deadline_note}
        lines += [
            "BEGIN:VEVENT",
            # The same event has the same UID under every host name the calendar is fetched from.
            f"UID:uppdrag-{assignment.pk}-slutdatum@{settings.CALENDAR_UID_DOMAIN}",
            f"DTSTAMP:{now}",
            f"LAST-MODIFIED:{utc_stamp(assignment.updated_at)}",
            f"DTSTART;VALUE=DATE:{assignment.deadline.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(assignment.deadline + datetime.timedelta(days=1)).strftime('%Y%m%d')}",
            "SUMMARY:" + ical_escape(summary),
            "DESCRIPTION:" + ical_escape(description),
            "URL:" + base_url + _assignment_link(assignment.pk),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(ical_fold(line) + "\r\n" for line in lines)


def board_deadlines_ics(request, slug):
    board = get_object_or_404(Board, slug=slug)
    assignments = (
        Assignment.objects.filter(responsibilities__board=board, deadline__isnull=False)
        .order_by("deadline", "dnr", "id")
        .distinct()
    )
    content = deadlines_calendar(board, assignments, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="uppdrag-{board.slug}.ics"'
    return response
