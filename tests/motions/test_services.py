"""Saving imported motions and roll calls: all or nothing, with history."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from assignments import roles
from assignments.models import Board
from motions import services
from motions.importers import ImportError_, ParsedPoint, parse_motion_text, parse_rollcall
from motions.models import Case, Decision, Meeting, Member, Motion, Vote

from .conftest import SEED_000, SEED_002, seed_lines


@pytest.mark.django_db
def test_motion_import_saves_motion_points_parties_and_history(real_data, secretariat):
    case = Case.objects.by_url_key("0064-23").get()
    parsed = parse_motion_text(seed_lines(SEED_002, 1, 57))
    motion = services.motion_import(case=case, parsed=parsed, user=secretariat)
    motion.refresh_from_db()
    assert motion.case == case and motion.is_revised and motion.approves_rest
    assert sorted(p.abbreviation for p in motion.parties.all()) == ["MP", "S", "V"]
    assert list(motion.points.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert motion.date == datetime.date(2023, 10, 17)
    record = motion.history.latest()
    assert record.history_change_reason == "Inläst ur text"
    assert record.history_user == secretariat


@pytest.mark.django_db
def test_motion_import_keeps_flags_for_the_user(real_data, secretariat):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    motion = services.motion_import(case=case, parsed=parse_motion_text(seed_lines(SEED_000, 1, 82)), user=secretariat)
    assert "Partiet framgår inte av handlingen" in motion.import_notes
    assert motion.parties.count() == 0 and motion.date is None


@pytest.mark.django_db
def test_motion_import_is_all_or_nothing(real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    parsed = parse_motion_text(seed_lines(SEED_000, 1, 82))
    parsed.points.append(ParsedPoint(number=1, text="Dubblett", line=99))  # violates the unique number
    before = Motion.objects.count()
    with pytest.raises(Exception):  # noqa: B017 - the database refuses the duplicate number
        services.motion_import(case=case, parsed=parsed, user=roles.SYSTEM)
    assert Motion.objects.count() == before


def _new_decision(body):
    meeting = Meeting.objects.create(body=body, date=datetime.date(2030, 6, 1))
    case = Case.objects.create(dnr="0001/30", title="Test")
    return Decision.objects.create(meeting=meeting, paragraph=1, case=case, outcome=Decision.Outcome.ADOPTED)


@pytest.mark.django_db
def test_rollcall_import_creates_the_members_it_needs(real_data):
    body = Board.objects.create(slug="testfullmaktige", name="Testfullmäktige", short_name="TF", kind="decision_body")
    decision = _new_decision(body)
    parsed = parse_rollcall(seed_lines(SEED_000, 1486, 1601))
    vote = services.rollcall_import(decision=decision, parsed=parsed, proposition="Ja för avslag", user=roles.SYSTEM)
    assert (vote.yes, vote.no, vote.abstain, vote.absent) == (39, 21, 19, 2)
    assert vote.records.count() == 81
    assert Member.objects.filter(body=body).count() == 81
    gustafsson = Member.objects.get(body=body, name="Pär Gustafsson")
    assert (gustafsson.party.abbreviation, gustafsson.seat, gustafsson.role) == ("L", 2, "1:e v Ordf")
    assert vote.history.latest().history_change_reason.startswith("Omröstning inläst")


@pytest.mark.django_db
def test_rollcall_import_reuses_the_members_the_body_has(real_data):
    kf = Board.objects.resolve("Kommunfullmäktige")
    members_before = Member.objects.filter(body=kf).count()
    decision = _new_decision(kf)
    services.rollcall_import(
        decision=decision,
        parsed=parse_rollcall(seed_lines(SEED_000, 1486, 1601)),
        proposition="Ja för avslag",
        user=roles.SYSTEM,
    )
    assert Member.objects.filter(body=kf).count() == max(members_before, 81)


@pytest.mark.django_db
def test_rollcall_import_is_all_or_nothing(real_data):
    body = Board.objects.create(slug="testfullmaktige", name="Testfullmäktige", short_name="TF", kind="decision_body")
    decision = _new_decision(body)
    text = seed_lines(SEED_000, 1486, 1601).replace("Veronica  Öjeskär D 51", "Veronica  Öjeskär XYZ 51")
    parsed = parse_rollcall(text)
    with pytest.raises(ImportError_, match="Rad 115: partiet ”XYZ” finns inte"):
        services.rollcall_import(decision=decision, parsed=parsed, proposition="Ja för avslag", user=roles.SYSTEM)
    assert not Vote.objects.filter(decision=decision).exists()
    assert not Member.objects.filter(body=body).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, roles.READER, roles.POLITICIAN, roles.OFFICER])
def test_only_the_secretariat_may_import(real_data, make_user, role):
    user = make_user("lasaren", role) if role else AnonymousUser()
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    before = (Motion.objects.count(), Vote.objects.count())
    with pytest.raises(PermissionDenied):
        services.motion_import(case=case, parsed=parse_motion_text(seed_lines(SEED_000, 1, 82)), user=user)
    with pytest.raises(PermissionDenied):
        services.rollcall_import(
            decision=case.decisions.order_by("id").first(),
            parsed=parse_rollcall(seed_lines(SEED_000, 1486, 1601)),
            proposition="Ja för avslag",
            user=user,
        )
    with pytest.raises(PermissionDenied):
        services.motion_import(case=case, parsed=parse_motion_text(seed_lines(SEED_000, 1, 82)), user=None)
    assert (Motion.objects.count(), Vote.objects.count()) == before
