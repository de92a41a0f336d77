"""The secretariat's writes for a case: register it, attach its tjänsteutlåtande with numbered
decision points (responsible boards read from each point's text), correct a point, register a meeting.

Each checks the right first (the secretariat's, as for importing), refuses bad input with a Swedish
message on the field it concerns, and saves all or nothing with the history's who and why.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from assignments import roles
from assignments.matching import BoardMatcher
from assignments.models import Board
from core.history import with_history
from core.validators import validate_case_number, validate_dnr

from .models import Case, DecisionPoint, Meeting, OfficialProposal

MAX_POINTS = 60
POINT_LINE_RE = re.compile(r"^\s*(?P<number>\d{1,2})\s*[.)]\s+(?P<text>\S.*)$")


def can_register(user) -> bool:
    """Registering cases, proposals, meetings and decisions is the secretariat's."""
    return roles.is_secretariat(user)


def require_registrar(user) -> None:
    if not can_register(user):
        raise PermissionDenied(_("Bara sekretariatet kan registrera ärenden, sammanträden och beslut."))


def _clean_identifier(value: str) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def case_register(*, user, case_number: str = "", dnr: str = "", title: str, responsible_office: Board | None) -> Case:
    """A new case known by its ärendenummer and/or diarienummer."""
    require_registrar(user)
    case_number, dnr, title = _clean_identifier(case_number), _clean_identifier(dnr), " ".join((title or "").split())
    errors = {}
    if not case_number and not dnr:
        errors["case_number"] = _("Ange ärendenummer, diarienummer eller båda.")
    for field, value, validator in (("case_number", case_number, validate_case_number), ("dnr", dnr, validate_dnr)):
        if value:
            try:
                validator(value)
            except ValidationError as error:
                errors[field] = error.messages[0]
    if not title:
        errors["title"] = _("Skriv ärendemeningen.")
    elif len(title) > 400:
        errors["title"] = _("Ärendemeningen får vara högst 400 tecken.")
    if not errors:
        if case_number and Case.objects.filter(case_number=case_number).exists():
            errors["case_number"] = _("Ärendet %(number)s finns redan.") % {"number": case_number}
        if dnr and Case.objects.filter(dnr=dnr).exists():
            errors["dnr"] = _("Ett ärende med diarienummer %(dnr)s finns redan.") % {"dnr": dnr}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case = with_history(
            Case(case_number=case_number, dnr=dnr, title=title, responsible_office=responsible_office),
            user,
            _("Registrerat av sekretariatet"),
        )
        case.save()
    return case


def case_find(query: str, limit: int = 50):
    """Cases whose ärendenummer, diarienummer or title holds the words asked for, newest first."""
    words = (query or "").split()[:8]
    cases = Case.objects.select_related("responsible_office").order_by("-id")
    for word in words:
        cases = cases.filter(Q(case_number__icontains=word) | Q(dnr__icontains=word) | Q(title__icontains=word))
    return list(cases[:limit]) if words else []


@dataclass
class PointDraft:
    number: int
    text: str


def parse_points(text: str) -> list[PointDraft]:
    """Numbered lines ("1. …", "2) …"); a line without a number continues the point above it."""
    points: list[PointDraft] = []
    for line_number, raw in enumerate((text or "").splitlines(), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        found = POINT_LINE_RE.match(line)
        if found:
            number = int(found["number"])
            if number < 1:
                raise ValidationError({"points": _("Rad %(line)d: punkterna numreras från 1.") % {"line": line_number}})
            if any(p.number == number for p in points):
                raise ValidationError(
                    {
                        "points": _("Rad %(line)d: punkt %(number)d finns redan.")
                        % {"line": line_number, "number": number}
                    }
                )
            points.append(PointDraft(number, found["text"]))
        elif points:
            points[-1].text = f"{points[-1].text} {line}"
        else:
            raise ValidationError(
                {
                    "points": _(
                        "Rad %(line)d: börja med punktens nummer, t.ex. ”1. Kommunstyrelsen får i uppdrag att …”."
                    )
                    % {"line": line_number}
                }
            )
    if not points:
        raise ValidationError({"points": _("Skriv minst en numrerad beslutspunkt.")})
    if len(points) > MAX_POINTS:
        raise ValidationError({"points": _("Högst %(max)d punkter.") % {"max": MAX_POINTS}})
    return points


def proposal_register(
    *,
    user,
    case: Case,
    title: str,
    issued: datetime.date,
    author_body: Board | None,
    points_text: str,
) -> OfficialProposal:
    """The tjänsteutlåtande with its points; each point's responsible boards are read from its text
    (BoardMatcher) and can be corrected with decision_point_update."""
    require_registrar(user)
    title = " ".join((title or "").split())
    errors = {}
    if not title:
        errors["title"] = _("Skriv tjänsteutlåtandets rubrik.")
    if issued is None:
        errors["issued"] = _("Ange datum för tjänsteutlåtandet.")
    elif case.proposals.filter(issued=issued).exists():
        errors["issued"] = _("Ärendet har redan ett tjänsteutlåtande daterat %(date)s.") % {"date": issued.isoformat()}
    try:
        drafts = parse_points(points_text)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    matcher = BoardMatcher()
    reason = _("Registrerat av sekretariatet")
    with transaction.atomic():
        proposal = with_history(
            OfficialProposal(case=case, title=title[:400], issued=issued, author_body=author_body), user, reason
        )
        proposal.save()
        for draft in drafts:
            point = with_history(DecisionPoint(proposal=proposal, number=draft.number, text=draft.text), user, reason)
            point.save()
            point.responsible_boards.set(matcher.responsible_for(draft.text))
    return proposal


def decision_point_update(*, user, point: DecisionPoint, text: str, board_ids: list[int]) -> DecisionPoint:
    """Correct a point's text and its responsible boards by hand."""
    require_registrar(user)
    text = " ".join((text or "").split())
    errors = {}
    if not text:
        errors["text"] = _("Punkten får inte vara tom.")
    boards = list(Board.objects.filter(pk__in=set(board_ids)))
    if len(boards) != len(set(board_ids)):
        errors["boards"] = _("Punkten är riktad till en nämnd som inte finns i nämndregistret.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        point.text = text
        with_history(point, user, _("Rättad av sekretariatet")).save()
        point.responsible_boards.set(boards)
    return point


def meeting_register(*, user, body: Board, date: datetime.date) -> Meeting:
    """A meeting of a decision body (KF, KS) on a day; the same body meets once a day."""
    require_registrar(user)
    errors = {}
    if body is None or body.kind != Board.Kind.DECISION_BODY:
        errors["body"] = _("Välj ett beslutande organ (kommunfullmäktige eller kommunstyrelsen).")
    if date is None:
        errors["date"] = _("Ange sammanträdesdatum.")
    if not errors and Meeting.objects.filter(body=body, date=date).exists():
        errors["date"] = _("%(body)s har redan ett sammanträde %(date)s.") % {
            "body": body.name,
            "date": date.isoformat(),
        }
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = with_history(Meeting(body=body, date=date), user, _("Registrerat av sekretariatet"))
        meeting.save()
    return meeting
