"""The secretariat registers a case, its tjänsteutlåtande with points and boards, and a meeting."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assignments import roles
from assignments.models import Board
from motions import registration
from motions.models import Case, DecisionPoint, Meeting, OfficialProposal
from tests.motions.cycle import new_case


def test_a_case_with_its_proposal_points_and_their_boards(real_data, secretariat):
    case = new_case(secretariat)
    assert (case.case_number, case.dnr, case.responsible_office.slug) == (
        "SLK-2030-04711",
        "4711/30",
        "stadsledningskontoret",
    )
    points = list(case.proposals.get().points.order_by("number"))
    assert [p.number for p in points] == [1, 2, 3]
    assert points[0].text.endswith("ta fram en gemensam plan mot hemlöshet senast 2031-06-30.")  # lines joined
    assert {b.slug for b in points[0].responsible_boards.all()} == {
        "socialnamnden-centrum",
        "socialnamnden-hisingen",
        "socialnamnden-nordost",
        "socialnamnden-sydvast",
        "namnden-for-funktionsstod",
    }
    assert [b.slug for b in points[1].responsible_boards.all()] == ["kommunstyrelsen"]
    assert not points[2].responsible_boards.exists()
    assert case.history.first().history_user == secretariat
    assert registration.case_find("hemlöshet") == [case]
    assert registration.case_find("4711/30") == [case]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"case_number": "", "dnr": ""}, "case_number", "Ange ärendenummer, diarienummer eller båda."),
        ({"case_number": "SLK-22-1"}, "case_number", "Ärendenumret ska skrivas som"),
        ({"dnr": "921/22"}, "dnr", "Diarienumret ska skrivas som"),
        ({"case_number": "SLK-2022-00921"}, "case_number", "Ärendet SLK-2022-00921 finns redan."),
        ({"title": "  "}, "title", "Skriv ärendemeningen."),
    ],
)
def test_a_bad_case_is_refused_in_swedish(real_data, secretariat, fields, field, message):
    before = Case.objects.count()
    arguments = {"case_number": "SLK-2030-00001", "dnr": "", "title": "Titel", "responsible_office": None, **fields}
    with pytest.raises(ValidationError) as refused:
        registration.case_register(user=secretariat, **arguments)
    assert refused.value.message_dict[field][0].startswith(message)
    assert Case.objects.count() == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Kommunstyrelsen får i uppdrag att X", "Rad 1: börja med punktens nummer"),
        ("1. A\n1. B", "Rad 2: punkt 1 finns redan."),
        ("", "Skriv minst en numrerad beslutspunkt."),
    ],
)
def test_bad_points_save_nothing(real_data, secretariat, text, message):
    case = registration.case_register(user=secretariat, dnr="4712/30", title="T", responsible_office=None)
    with pytest.raises(ValidationError) as refused:
        registration.proposal_register(
            user=secretariat,
            case=case,
            title="TU",
            issued=datetime.date(2030, 1, 1),
            author_body=None,
            points_text=text,
        )
    assert refused.value.message_dict["points"][0].startswith(message)
    assert not OfficialProposal.objects.filter(case=case).exists()


def test_a_point_corrected_by_hand_and_an_unknown_board_refused(real_data, secretariat):
    case = new_case(secretariat)
    point = DecisionPoint.objects.get(proposal__case=case, number=3)
    ks = Board.objects.get(slug="kommunstyrelsen")
    registration.decision_point_update(user=secretariat, point=point, text="  Ny   text ", board_ids=[ks.pk])
    point.refresh_from_db()
    assert point.text == "Ny text" and list(point.responsible_boards.all()) == [ks]
    with pytest.raises(ValidationError) as refused:
        registration.decision_point_update(user=secretariat, point=point, text="Annan", board_ids=[ks.pk, 999_999])
    assert "som inte finns i nämndregistret" in refused.value.message_dict["boards"][0]
    point.refresh_from_db()
    assert point.text == "Ny text"


def test_a_meeting_once_per_body_and_day(real_data, secretariat):
    kf = Board.objects.get(slug="kommunfullmaktige")
    meeting = registration.meeting_register(user=secretariat, body=kf, date=datetime.date(2030, 12, 3))
    assert str(meeting) == "KF 2030-12-03"
    with pytest.raises(ValidationError) as refused:
        registration.meeting_register(user=secretariat, body=kf, date=datetime.date(2030, 12, 3))
    assert refused.value.message_dict["date"] == ["Kommunfullmäktige har redan ett sammanträde 2030-12-03."]
    with pytest.raises(ValidationError):
        registration.meeting_register(
            user=secretariat, body=Board.objects.get(slug="kulturnamnden"), date=datetime.date(2030, 12, 4)
        )
    assert Meeting.objects.filter(date__gte=datetime.date(2030, 1, 1)).count() == 1


@pytest.mark.parametrize("role", [roles.OFFICER, roles.POLITICIAN, roles.READER])
def test_only_the_secretariat_registers(real_data, make_user, role):
    user = make_user("someone", role, boards=[Board.objects.get(slug="kommunstyrelsen")])
    with pytest.raises(PermissionDenied):
        registration.case_register(user=user, dnr="4713/30", title="T", responsible_office=None)
    with pytest.raises(PermissionDenied):
        registration.meeting_register(
            user=user, body=Board.objects.get(slug="kommunfullmaktige"), date=datetime.date(2030, 1, 1)
        )
