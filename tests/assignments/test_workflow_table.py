"""The workflow's table is the one rule for status moves: walked cell by cell through the services.

Every transition is tried by each of six users along the path that reaches it — the status form
(assignment_status_change) for a chosen step, a filed report (status_report_submit) for a by-report
step, and the board's decision recorded in a report for the send-back — and every pair of statuses
the table does not list is refused on every path.
"""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.exceptions import PermissionDenied, ValidationError

from assignments import roles, services, workflow
from assignments.models import Assignment, StatusChange, StatusReport

Status = Assignment.Status
Decision = StatusReport.Decision

USERS = ("secretariat", "officer", "other_officer", "politician", "reader", "anonymous")
# Who may edit the assignment at all (its board is idrott, the officer fixture's board).
EDITORS = {"secretariat", "officer"}
DECIDED_ON = datetime.date(2023, 9, 27)


def _user(request, name):
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


def _at(assignment, status, step=None) -> Assignment:
    """The assignment at status; for an undo step, right after the move it undoes."""
    Assignment.objects.filter(pk=assignment.pk).update(status=status)
    if step is not None and step.undoes is not None:
        StatusChange.objects.create(
            assignment=assignment, from_status=step.undoes[0], to_status=step.undoes[1], reason="Skickat tillbaka"
        )
    return Assignment.objects.with_boards().get(pk=assignment.pk)


def _by_decision(step) -> list[str]:
    return [d for d in Decision.values if workflow.status_after_decision(step.source, d) == step.target]


def _ids(step) -> str:
    return f"{step.source}->{step.target}"


def _assert_stayed(assignment, status):
    assignment.refresh_from_db()
    assert assignment.status == status
    assert not StatusChange.objects.filter(assignment=assignment, from_status=status).exists()


def _report(assignment, user, periods, boards, **changes):
    arguments = {
        "assignment": assignment,
        "period": periods["augusti"],
        "board": boards["idrott"],
        "author": user,
        "text": "Redovisning",
        "proposes": StatusReport.Proposal.PARTIAL,
        "expected_version": 0,
    }
    return services.status_report_submit(**{**arguments, **changes})


CHOSEN = [t for t in workflow.TRANSITIONS if not t.by_report]
BY_REPORT = [t for t in workflow.TRANSITIONS if t.by_report]
BY_DECISION = [t for t in workflow.TRANSITIONS if _by_decision(t)]


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("step", CHOSEN, ids=_ids)
def test_a_chosen_step_through_the_status_form(request, assignment, step, who):
    user = _user(request, who)
    assignment = _at(assignment, step.source, step)
    allowed = who in EDITORS and (who == "secretariat" or not step.secretariat_only)

    def change():
        return services.assignment_status_change(
            assignment=assignment, target=step.target, user=user, reason="Motivering", expected_version=1
        )

    if allowed:
        change()
        assignment.refresh_from_db()
        assert assignment.status == step.target
        assert StatusChange.objects.get(assignment=assignment, from_status=step.source).to_status == step.target
    else:
        with pytest.raises(PermissionDenied):
            change()
        _assert_stayed(assignment, step.source)


@pytest.mark.parametrize("step", [t for t in CHOSEN if t.reason_required], ids=_ids)
def test_a_step_that_needs_a_reason_is_refused_without_one(assignment, secretariat, step):
    assignment = _at(assignment, step.source, step)
    with pytest.raises(ValidationError, match="Skriv varför"):
        services.assignment_status_change(
            assignment=assignment, target=step.target, user=secretariat, reason=" ", expected_version=1
        )
    _assert_stayed(assignment, step.source)


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("step", BY_REPORT, ids=_ids)
def test_a_by_report_step_through_a_filed_report(request, assignment, periods, boards, step, who):
    user = _user(request, who)
    assignment = _at(assignment, step.source)
    proposes = StatusReport.Proposal.COMPLETE if step.target == Status.REPORTED_COMPLETE else "partial"

    if who in EDITORS:
        report = _report(assignment, user, periods, boards, proposes=proposes)
        assignment.refresh_from_db()
        assert assignment.status == step.target
        assert StatusChange.objects.get(assignment=assignment).status_report == report
    else:
        with pytest.raises(PermissionDenied):
            _report(assignment, user, periods, boards, proposes=proposes)
        _assert_stayed(assignment, step.source)
        assert not StatusReport.objects.exists()


@pytest.mark.parametrize("step", BY_REPORT, ids=_ids)
def test_a_by_report_step_cannot_be_chosen_in_the_status_form_even_by_the_secretariat(assignment, secretariat, step):
    assignment = _at(assignment, step.source)
    # pågående → föreslås förklarat fullgjort is also the undo of a send-back, refused unless it follows one.
    with pytest.raises(ValidationError, match="kan inte gå från|Bara en återsändning"):
        services.assignment_status_change(
            assignment=assignment, target=step.target, user=secretariat, reason="Motivering", expected_version=1
        )
    _assert_stayed(assignment, step.source)


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("step", BY_DECISION, ids=_ids)
def test_a_step_caused_by_the_decision_in_a_report(request, assignment, periods, boards, step, who):
    """The send-back asked for by recording "Ej godkänd": the secretariat's alone, like in the status form."""
    user = _user(request, who)
    assignment = _at(assignment, step.source)
    allowed = who in EDITORS and (who == "secretariat" or not step.secretariat_only)
    decision = _by_decision(step)[0]

    def submit():
        return _report(assignment, user, periods, boards, proposes="complete", decision=decision, decided_on=DECIDED_ON)

    if allowed:
        submit()
        assignment.refresh_from_db()
        assert assignment.status == step.target
        change = StatusChange.objects.get(assignment=assignment)
        assert "godkändes inte" in change.reason and "2023-09-27" in change.reason
    elif who in EDITORS:  # may report, may not make the move: refused on the form, nothing saved
        with pytest.raises(ValidationError) as refusal:
            submit()
        assert "Bara sekretariatet" in refusal.value.message_dict["decision"][0]
        _assert_stayed(assignment, step.source)
        assert not StatusReport.objects.exists()
    else:
        with pytest.raises(PermissionDenied):
            submit()
        _assert_stayed(assignment, step.source)


@pytest.mark.parametrize("step", BY_DECISION, ids=_ids)
def test_the_report_form_offers_the_decision_only_to_whoever_may_make_its_move(assignment, officer, secretariat, step):
    assignment = _at(assignment, step.source)
    decision = _by_decision(step)[0]
    assert decision in dict(services.report_decision_choices(secretariat, assignment))
    assert decision not in dict(services.report_decision_choices(officer, assignment))
    # A report that already carries the decision keeps it: saving it again moves nothing.
    assert decision in dict(services.report_decision_choices(officer, assignment, current=decision))


def test_saving_a_report_again_with_the_decision_it_has_moves_nothing(assignment, officer, periods, boards):
    report = StatusReport.objects.create(
        assignment=assignment,
        period=periods["augusti"],
        board=boards["idrott"],
        text="Slutredovisning",
        proposes=StatusReport.Proposal.COMPLETE,
        decision=Decision.NOT_APPROVED,
        decided_on=DECIDED_ON,
    )
    assignment = _at(assignment, Status.REPORTED_COMPLETE)
    _report(
        assignment,
        officer,
        periods,
        boards,
        text="Rättat stavfel",
        proposes="complete",
        decision=Decision.NOT_APPROVED,
        decided_on=DECIDED_ON,
        expected_version=report.version,
    )
    _assert_stayed(assignment, Status.REPORTED_COMPLETE)
    assert StatusReport.objects.get().text == "Rättat stavfel"


NOT_IN_TABLE = [
    (source, target)
    for source, target in itertools.product(Status.values, repeat=2)
    if workflow.transition(source, target) is None
]


@pytest.mark.parametrize(("source", "target"), NOT_IN_TABLE, ids=[f"{s}->{t}" for s, t in NOT_IN_TABLE])
def test_a_move_the_table_does_not_list_is_refused_on_every_path(assignment, secretariat, source, target):
    assert not workflow.may_move(source, target, user=roles.SYSTEM)
    assert not workflow.may_move(source, target, user=roles.SYSTEM, by_report=True)
    assignment = _at(assignment, source)
    with pytest.raises(ValidationError, match="kan inte gå från"):
        services.assignment_status_change(
            assignment=assignment, target=target, user=secretariat, reason="Motivering", expected_version=1
        )
    _assert_stayed(assignment, source)
    if source != target:
        admin = _admin(secretariat)
        assignment.status = target  # as "revert" in the admin brings back an older status
        with pytest.raises(ValidationError, match="kan inte gå från"):
            services.assignment_save_from_admin(assignment=assignment, user=admin, reason="Motivering")
        _assert_stayed(assignment, source)


def _admin(user):
    """The user, allowed in the admin to change assignments (the secretariat has no model permissions by default)."""
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(Permission.objects.get(codename="change_assignment"))
    return type(user).objects.get(pk=user.pk)  # fresh, without the cached permissions


@pytest.mark.parametrize("who", ["secretariat", "officer"])
@pytest.mark.parametrize("step", CHOSEN + BY_REPORT, ids=_ids)
def test_an_admin_save_that_changes_the_status_obeys_the_table(request, assignment, step, who):
    admin = _admin(request.getfixturevalue(who))
    stored = _at(assignment, step.source, step)
    stored.status = step.target
    allowed = not step.by_report and (who == "secretariat" or not step.secretariat_only)
    if allowed:
        services.assignment_save_from_admin(assignment=stored, user=admin, reason="Återställd")
        assignment.refresh_from_db()
        assert assignment.status == step.target
        assert StatusChange.objects.get(from_status=step.source).reason == "Ändrad i administrationen: Återställd"
    else:
        with pytest.raises((PermissionDenied, ValidationError)):
            services.assignment_save_from_admin(assignment=stored, user=admin, reason="Återställd")
        _assert_stayed(assignment, step.source)


def test_an_admin_save_needs_the_admins_permission(assignment, secretariat, officer):
    """The secretariat's group holds the permission (roles.grant_secretariat_permissions); an officer has none."""
    with pytest.raises(PermissionDenied):
        services.assignment_save_from_admin(assignment=assignment, user=officer)
    services.assignment_save_from_admin(assignment=assignment, user=secretariat)


def test_the_system_acts_with_the_secretariats_rights_and_none_is_nobody(assignment):
    assignment = _at(assignment, Status.REPORTED_COMPLETE)
    with pytest.raises(PermissionDenied):
        services.assignment_status_change(
            assignment=assignment, target=Status.COMPLETED, user=None, reason="", expected_version=1
        )
    services.assignment_status_change(
        assignment=assignment, target=Status.COMPLETED, user=roles.SYSTEM, reason="", expected_version=1
    )
    change = StatusChange.objects.get()
    assert change.to_status == Status.COMPLETED and change.changed_by is None


def test_undoing_a_send_back_is_offered_only_right_after_it(assignment, secretariat, periods, boards):
    """The send-back (the board did not approve) is reversed with a reason; the report's decision reopens."""
    undo = workflow.transition(Status.IN_PROGRESS, Status.REPORTED_COMPLETE, by_report=False)
    assignment = _at(assignment, Status.IN_PROGRESS)
    assert undo not in workflow.manual_transitions(assignment, secretariat)
    with pytest.raises(ValidationError, match="Bara en återsändning"):
        services.assignment_status_change(
            assignment=assignment, target=Status.REPORTED_COMPLETE, user=secretariat, reason="Fel", expected_version=1
        )

    assignment = _at(assignment, Status.REPORTED_COMPLETE)
    report = StatusReport.objects.create(
        assignment=assignment,
        period=periods["augusti"],
        board=boards["idrott"],
        text="Klart",
        proposes=StatusReport.Proposal.COMPLETE,
        decision=Decision.NOT_APPROVED,
        decided_on=DECIDED_ON,
    )
    services.assignment_status_move(
        assignment=assignment, target=Status.IN_PROGRESS, user=secretariat, reason="Ej godkänd", report=report
    )
    assignment = Assignment.objects.for_detail().get(pk=assignment.pk)
    assert undo in workflow.manual_transitions(assignment, secretariat)

    services.assignment_status_change(
        assignment=assignment,
        target=Status.REPORTED_COMPLETE,
        user=secretariat,
        reason="Nämnden godkände – fel registrerat",
        expected_version=assignment.version,
    )
    assignment.refresh_from_db()
    assert assignment.status == Status.REPORTED_COMPLETE
    change = StatusChange.objects.filter(assignment=assignment).latest("id")
    assert (change.from_status, change.reason, change.status_report) == (
        Status.IN_PROGRESS,
        "Nämnden godkände – fel registrerat",
        report,
    )
    report.refresh_from_db()
    assert (report.decision, report.decided_on) == (Decision.PENDING, None)
    # Once undone, it is not offered again.
    assignment = _at(assignment, Status.IN_PROGRESS)
    assert undo not in workflow.manual_transitions(Assignment.objects.for_detail().get(pk=assignment.pk), secretariat)
