"""A new case typed in from scratch, as the secretariat's services build it (shared by the cycle's tests)."""

import datetime

from assignments.models import Board
from motions import decisions, registration
from motions.importers import parse_motion_text
from motions.models import Meeting
from motions.services import motion_import

POINTS = """1. Socialnämnderna Centrum, Hisingen, Nordost och Sydväst samt nämnden för funktionsstöd får i uppdrag att
ta fram en gemensam plan mot hemlöshet senast 2031-06-30.
2. Kommunstyrelsen uppdras att följa upp planen under 2031.
3. Ärendet förklaras omedelbart justerat."""

MOTION = """Tilläggsyrkande angående en plan mot hemlöshet

Förslag till beslut
Kommunfullmäktige föreslås besluta:
1. Stadsledningskontoret får i uppdrag att redovisa planens kostnader i årsrapporten för 2031.
2. Därutöver bifalla tjänsteutlåtandet.

Yrkandet
Planen behöver en kostnadsbild.

Kommunfullmäktige
Tilläggsyrkande
2030-11-20
Socialdemokraterna
"""


def new_case(user, *, number="SLK-2030-04711", dnr="4711/30"):
    office = Board.objects.get(slug="stadsledningskontoret")
    case = registration.case_register(
        user=user, case_number=number, dnr=dnr, title="Plan mot hemlöshet", responsible_office=office
    )
    registration.proposal_register(
        user=user,
        case=case,
        title="Plan mot hemlöshet",
        issued=datetime.date(2030, 10, 1),
        author_body=office,
        points_text=POINTS,
    )
    return case


def new_motion(user, case):
    return motion_import(case=case, parsed=parse_motion_text(MOTION), user=user)


def new_decision(user, case, *, motion_ids=(), basis=decisions.Basis.PROPOSAL, paragraph=12):
    meeting = Meeting.objects.filter(body__slug="kommunfullmaktige", date=datetime.date(2030, 12, 3)).first()
    if meeting is None:
        meeting = registration.meeting_register(
            user=user, body=Board.objects.get(slug="kommunfullmaktige"), date=datetime.date(2030, 12, 3)
        )
    return decisions.decision_record(
        user=user,
        meeting=meeting,
        case=case,
        paragraph=paragraph,
        basis=basis,
        motion_ids=list(motion_ids),
        adjusted_on=datetime.date(2030, 12, 10),
    )
