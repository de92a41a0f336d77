"""A meeting's decision on a new case: adopted points computed, corrected, and made assignments once."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from assignments import roles
from assignments.models import Assignment, Board
from motions import decisions
from motions.decisions import Basis
from motions.models import AssignmentReview, Decision, DecisionNote, DecisionPoint, Party
from tests.motions.cycle import new_case, new_decision, new_motion


@pytest.fixture
def case(real_data, secretariat):
    return new_case(secretariat)


def _numbers(decision):
    return sorted((("tu" if p.proposal_id else "yrk"), p.number) for p in decision.adopted_points.all())


def test_bifall_to_the_proposal_adopts_its_points(case, secretariat):
    decision = new_decision(secretariat, case)
    assert decision.outcome == Decision.Outcome.ADOPTED
    assert _numbers(decision) == [("tu", 1), ("tu", 2), ("tu", 3)]
    assert decisions.decision_basis(decision) == Basis.PROPOSAL


def test_bifall_with_tillagg_adds_the_motion_points(case, secretariat):
    motion = new_motion(secretariat, case)
    decision = new_decision(secretariat, case, motion_ids=[motion.pk], basis=Basis.ADDITION)
    assert _numbers(decision) == [("tu", 1), ("tu", 2), ("tu", 3), ("yrk", 1)]
    assert decisions.decision_basis(decision) == Basis.ADDITION


def test_a_yrkande_with_i_ovrigt_bifalla_keeps_the_points_it_does_not_address(case, secretariat):
    from motions.models import Motion

    motion = new_motion(secretariat, case)
    Motion.objects.filter(pk=motion.pk).update(kind=Motion.Kind.YRKANDE)
    point = motion.points.get()
    point.text = "Kommunstyrelsen uppdras att följa upp planen under 2032."  # changes proposal point 2
    point.save()
    decision = new_decision(secretariat, case, motion_ids=[motion.pk], basis=Basis.MOTION)
    assert _numbers(decision) == [("tu", 1), ("tu", 3), ("yrk", 1)]
    Motion.objects.filter(pk=motion.pk).update(approves_rest=False)
    without_rest = new_decision(secretariat, case, motion_ids=[motion.pk], basis=Basis.MOTION, paragraph=13)
    assert _numbers(without_rest) == [("yrk", 1)]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"paragraph": 12}, "paragraph", "§ 12 är redan använd vid sammanträdet KF 2030-12-03."),
        ({"paragraph": 0}, "paragraph", "Ange beslutets paragraf (§), ett heltal från 1."),
        ({"adjusted_on": datetime.date(2030, 12, 1)}, "adjusted_on", "Protokollet kan inte justeras före"),
        ({"basis": Basis.MOTION}, "motions", "Välj yrkandet som bifölls."),
        ({"basis": "okant"}, "basis", "Välj hur mötet beslutade."),
        ({"motion_ids": [999_999]}, "motions", "Ett valt yrkande hör inte till ärendet."),
    ],
)
def test_bad_decisions_are_refused_and_nothing_is_saved(case, secretariat, changes, field, message):
    first = new_decision(secretariat, case)
    arguments = {
        "user": secretariat,
        "meeting": first.meeting,
        "case": case,
        "paragraph": 14,
        "basis": Basis.PROPOSAL,
        "motion_ids": [],
        "adjusted_on": None,
        **changes,
    }
    with pytest.raises(ValidationError) as refused:
        decisions.decision_record(**arguments)
    assert refused.value.message_dict[field][0].startswith(message)
    assert Decision.objects.filter(case=case).count() == 1


def test_the_computed_points_can_be_corrected_and_notes_added(case, secretariat):
    decision = new_decision(secretariat, case)
    keep = DecisionPoint.objects.filter(proposal__case=case, number__in=[1, 2])
    decisions.decision_points_correct(user=secretariat, decision=decision, point_ids=[p.pk for p in keep])
    assert _numbers(decision) == [("tu", 1), ("tu", 2)]
    other = DecisionPoint.objects.exclude(proposal__case=case).exclude(motion__case=case).first()
    with pytest.raises(ValidationError):
        decisions.decision_points_correct(user=secretariat, decision=decision, point_ids=[other.pk])
    assert _numbers(decision) == [("tu", 1), ("tu", 2)]
    note = decisions.decision_note_add(
        user=secretariat,
        decision=decision,
        kind=DecisionNote.Kind.RESERVATION,
        party_ids=[Party.objects.get(abbreviation="SD").pk],
        members="",
        text="Vi reserverar oss.",
    )
    assert list(note.parties.values_list("abbreviation", flat=True)) == ["SD"]
    with pytest.raises(ValidationError) as refused:
        decisions.decision_note_add(
            user=secretariat, decision=decision, kind="reservation", party_ids=[], members="", text="X"
        )
    assert "parties" in refused.value.message_dict


def test_the_review_offers_the_points_that_give_assignments(case, secretariat, django_assert_max_num_queries):
    motion = new_motion(secretariat, case)
    decision = new_decision(secretariat, case, motion_ids=[motion.pk], basis=Basis.ADDITION)
    with django_assert_max_num_queries(10):
        candidates = decisions.assignment_candidates(Decision.objects.get(pk=decision.pk))
    assert [c.number for c in candidates] == [1, 2, 4]  # point 3 ("förklaras omedelbart justerat") gives none
    first, second, third = candidates
    assert [b.slug for b in first.boards][0] == "socialnamnden-centrum"  # the one the text names first leads
    assert len(first.boards) == 5 and first.deadline == datetime.date(2031, 6, 30)
    assert (second.deadline, second.deadline_note) == (datetime.date(2031, 12, 31), "under 2031")
    assert [b.slug for b in third.boards] == ["stadsledningskontoret"]  # read from the motion point's text
    assert (third.deadline, third.deadline_note) == (datetime.date(2031, 12, 31), "i årsrapporten för 2031")
    assert first.source == Assignment.Source.KF_OUTSIDE_BUDGET


def _confirm(user, decision, candidate, **changes):
    arguments = {
        "user": user,
        "decision": decision,
        "point": candidate.point,
        "text": candidate.text,
        "board_ids": candidate.board_ids,
        "source": candidate.source,
        "deadline": candidate.deadline,
        "deadline_note": candidate.deadline_note,
        "number": candidate.number,
        **changes,
    }
    return decisions.assignment_review_confirm(**arguments)


def test_confirming_creates_the_assignment_once_with_its_origin(case, secretariat):
    decision = new_decision(secretariat, case)
    first, second = decisions.assignment_candidates(decision)
    assignment = _confirm(secretariat, decision, first)
    assert assignment.dnr == "4711/30"
    assert assignment.origin_reference == "KF 2030-12-03 § 12, punkt 1"
    assert assignment.deadline == datetime.date(2031, 6, 30)
    assert assignment.responsibilities.get(is_lead=True).board.slug == "socialnamnden-centrum"
    assert assignment.responsibilities.count() == 5
    assert DecisionPoint.objects.get(pk=first.point.pk).assignment == assignment
    with pytest.raises(decisions.AlreadyReviewed):
        _confirm(secretariat, decision, first)
    assert Assignment.objects.filter(dnr="4711/30").count() == 1
    decisions.assignment_review_skip(user=secretariat, decision=decision, point=second.point)
    again = decisions.assignment_candidates(decision)
    assert [c.review.assignment for c in again] == [assignment, None]
    assert again[1].review.skipped


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"deadline": datetime.date(2030, 1, 1)}, "deadline", "Slutdatumet 2030-01-01 är före beslutet 2030-12-03."),
        ({"board_ids": [999_999]}, "boards", "Punkten är riktad till en nämnd som inte finns i nämndregistret."),
        ({"board_ids": []}, "boards", "Välj minst en ansvarig nämnd."),
        ({"text": " "}, "text", "Skriv uppdragets text."),
    ],
)
def test_a_bad_assignment_is_refused_and_the_point_stays_open(case, secretariat, changes, field, message):
    decision = new_decision(secretariat, case)
    first = decisions.assignment_candidates(decision)[0]
    before = Assignment.objects.count()
    with pytest.raises(ValidationError) as refused:
        _confirm(secretariat, decision, first, **changes)
    assert refused.value.message_dict[field] == [message]
    assert Assignment.objects.count() == before
    assert not AssignmentReview.objects.filter(decision=decision).exists()
    assert decisions.assignment_candidates(decision)[0].review is None


def test_an_officer_may_not_record_decisions(case, make_user):
    officer = make_user("officer", roles.OFFICER, boards=[Board.objects.get(slug="kommunstyrelsen")])
    with pytest.raises(PermissionDenied):
        new_decision(officer, case)


def test_a_referral_gives_the_office_its_points(case, secretariat):
    from motions.models import Motion

    motion = new_motion(secretariat, case)
    Motion.objects.filter(pk=motion.pk).update(kind=Motion.Kind.ATERREMISSYRKANDE)
    decision = new_decision(secretariat, case, motion_ids=[motion.pk], basis=Basis.REFERRED)
    assert decision.outcome == Decision.Outcome.REFERRED_BACK
    [candidate] = decisions.assignment_candidates(decision)
    assert [b.slug for b in candidate.boards] == ["stadsledningskontoret"]
    assert candidate.source == Assignment.Source.KS


# --- two secretaries confirming the same point at once ----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_secretaries_confirming_at_once_create_one_assignment(make_user):
    from goteborg_uppdrag.seed_loader import load_all

    load_all()
    one, two = make_user("sekr1", roles.SECRETARIAT), make_user("sekr2", roles.SECRETARIAT)
    case = new_case(one)
    decision = new_decision(one, case)
    candidate = decisions.assignment_candidates(decision)[0]
    barrier = threading.Barrier(2)
    outcomes = []

    def confirm(user):
        try:
            barrier.wait(timeout=10)
            _confirm(user, decision, candidate)
            outcomes.append("created")
        except decisions.AlreadyReviewed:
            outcomes.append("already")
        except Exception as error:  # SQLite: the second writer may find the database locked
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(user,)) for user in (one, two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("created") == 1, outcomes
    if connection.vendor == "postgresql":
        assert sorted(outcomes) == ["already", "created"]
    assert Assignment.objects.filter(dnr="4711/30").count() == 1
    assert AssignmentReview.objects.filter(decision=decision).count() == 1
