"""Follow the city's records: RSS and Atom feeds (Django's syndication framework) and an iCalendar feed.

- new decisions, across all cases;
- new motions filed on a case;
- status changes of a board's assignments (StatusChange), with the reason given for each;
- a board's assignment deadlines as an iCalendar file (RFC 5545), for a calendar subscription.

Public like the records themselves; nothing about who made a change is published.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import CharField, F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import linebreaks
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from assignments.models import Assignment, Board, Responsibility, StatusChange
from motions.models import Case, Decision, Motion

ITEMS = 50


def _at_noon(day: datetime.date) -> datetime.datetime:
    """A meeting date as a moment, for feed readers that sort by time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def _assignment_link(assignment_id: int) -> str:
    try:
        return reverse("assignments:detail", args=[assignment_id])
    except NoReverseMatch:
        return reverse("api:assignments-detail", args=[assignment_id])


# Control characters other than tab, newline and carriage return are not allowed in XML 1.0 (nor
# in iCalendar text): Django's feed writer refuses them, which would make a whole feed fail.
_XML_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), 0x7F])


def _clean(text: str) -> str:
    return text.translate(_XML_CONTROLS)


def _html(text: str) -> str:
    """Feed readers render descriptions as HTML: our plain text, escaped, in paragraphs."""
    return linebreaks(_clean(text), autoescape=True)


class _Rss(Feed):
    """Items are identified by their links (unique, absolute): valid RSS guids and Atom ids alike."""

    feed_type = Rss201rev2Feed
    language = "sv"

    def author_name(self):
        # Atom requires an author of the feed.
        return _("Göteborgs Stad")


# --- New decisions ------------------------------------------------------------------------------


class DecisionsFeed(_Rss):
    def title(self):
        return _("Nya beslut – Göteborgs Stad")

    def description(self):
        return _("Beslut i ärenden: vad sammanträdet beslutade, under vilken paragraf.")

    def link(self):
        return reverse("feeds:index")

    def items(self):
        return Decision.objects.select_related("meeting__body", "case").order_by("-meeting__date", "-paragraph", "-id")[
            :ITEMS
        ]

    def item_title(self, item: Decision):
        return _clean(f"{item} – {item.get_outcome_display()}: {item.case.title}")

    def item_description(self, item: Decision):
        return _html(item.text or item.get_outcome_display())

    def item_link(self, item: Decision):
        return f"{item.case.get_absolute_url()}#beslut-{item.pk}"

    def item_pubdate(self, item: Decision):
        return _at_noon(item.meeting.date)

    def item_updateddate(self, item: Decision):
        return item.updated_at

    def item_categories(self, item: Decision):
        return [item.meeting.body.short_name]


class DecisionsAtomFeed(DecisionsFeed):
    feed_type = Atom1Feed
    subtitle = DecisionsFeed.description


# --- New motions on a case ----------------------------------------------------------------------


class CaseMotionsFeed(_Rss):
    def get_object(self, request, key):
        case = Case.objects.by_url_key(key).first()
        if case is None:
            raise Http404(_("Ärendet finns inte."))
        return case

    def title(self, obj: Case):
        return _("Yrkanden i ärende %(reference)s") % {"reference": obj.reference}

    def description(self, obj: Case):
        return obj.title

    def link(self, obj: Case):
        return obj.get_absolute_url()

    def items(self, obj: Case):
        return (
            Motion.objects.filter(case=obj)
            .select_related("case")
            .prefetch_related("parties")
            .order_by("-created_at", "-id")[:ITEMS]
        )

    def item_title(self, item: Motion):
        parties = ", ".join(party.abbreviation for party in item.parties.all())
        title = str(item.get_kind_display())
        if parties:
            title += f" ({parties})"
        if item.date:
            title += f" {item.date.isoformat()}"
        return title

    def item_description(self, item: Motion):
        text = item.justification or item.title
        return _html(Truncator(" ".join(text.split())).words(80))

    def item_link(self, item: Motion):
        return f"{item.case.get_absolute_url()}#yrkande-{item.pk}"

    def item_pubdate(self, item: Motion):
        return item.created_at

    def item_updateddate(self, item: Motion):
        return item.updated_at


class CaseMotionsAtomFeed(CaseMotionsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Case):
        return obj.title


# --- Status changes of a board's assignments ----------------------------------------------------


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


class BoardAssignmentsFeed(_Rss):
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
        return _html(text)

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


# --- iCalendar: a board's assignment deadlines --------------------------------------------------


def ical_escape(text: str) -> str:
    """TEXT value escaping of RFC 5545 3.3.11."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
        .translate(_XML_CONTROLS)
    )


def ical_fold(line: str) -> str:
    """Fold a content line to at most 75 octets per line (RFC 5545 3.1), never splitting a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines begin with a space
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def deadlines_calendar(board: Board, assignments, *, base_url: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Göteborgs Stad//Uppdrag och ärenden//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + ical_escape(_("Slutdatum för uppdrag – %(board)s") % {"board": board.name}),
    ]
    now = _utc_stamp(timezone.now())
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
            f"LAST-MODIFIED:{_utc_stamp(assignment.updated_at)}",
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
    content = deadlines_calendar(
        board, assignments, base_url=request.build_absolute_uri("/").rstrip("/")
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="uppdrag-{board.slug}.ics"'
    return response


# --- The index page of the feeds ----------------------------------------------------------------


def feeds_index(request):
    boards = Board.objects.filter(responsibilities__isnull=False).distinct().order_by("name")
    cases = Case.objects.order_by("-id")[:20]
    return render(request, "feeds/index.html", {"boards": boards, "cases": cases})
