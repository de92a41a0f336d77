"""The workflow's writes: allowed transitions only, who and why recorded, reports, optimistic locking."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assignments import services, workflow
from assignments.models import Assignment, StatusChange, StatusReport

from .conftest import add_report

Status = Assignment.Status


def _report(assignment, periods, boards, author, **changes):
    """A first partial report for Idrottsnämnden in August, with `changes` to any argument."""
    arguments = {
        "assignment": assignment,
        "period": periods["augusti"],
        "board": boards["idrott"],
        "author": author,
        "text": "Text",
        "proposes": StatusReport.Proposal.PARTIAL,
        "expected_version": 0,
    }
    return services.status_report_submit(**{**arguments, **changes})


def test_officer_starts_work_and_the_change_records_who_and_why(assignment, officer):
    services.assignment_status_change(
        assignment=assignment, target=Status.IN_PROGRESS, user=officer, reason="Förstudie klar", expected_version=1
    )
    assignment.refresh_from_db()
    assert assignment.status == Status.IN_PROGRESS
    assert assignment.version == 2
    change = StatusChange.objects.get(assignment=assignment)
    assert (change.from_status, change.to_status, change.changed_by, change.reason) == (
        Status.NOT_STARTED,
        Status.IN_PROGRESS,
        officer,
        "Förstudie klar",
    )
    record = assignment.history.latest()
    assert record.history_user == officer
    assert record.status == Status.IN_PROGRESS
    assert record.history_change_reason == "Förstudie klar"


def test_a_transition_not_in_the_state_machine_is_refused_and_nothing_saved(assignment, officer):
    with pytest.raises(ValidationError) as error:
        services.assignment_status_change(
            assignment=assignment, target=Status.COMPLETED, user=officer, reason="", expected_version=1
        )
    assert "kan inte gå från" in str(error.value)
    assignment.refresh_from_db()
    assert (assignment.status, assignment.version) == (Status.NOT_STARTED, 1)
    assert not StatusChange.objects.exists()


def test_an_unknown_status_is_refused(assignment, officer):
    with pytest.raises(ValidationError, match="Okänd status"):
        services.assignment_status_change(
            assignment=assignment, target="klart", user=officer, reason="", expected_version=1
        )


def test_only_the_secretariat_declares_an_assignment_done(assignment, officer, secretariat):
    assignment.status = Status.REPORTED_COMPLETE
    assignment.save()
    with pytest.raises(PermissionDenied):
        services.assignment_status_change(
            assignment=assignment, target=Status.COMPLETED, user=officer, reason="", expected_version=1
        )
    services.assignment_status_change(
        assignment=assignment, target=Status.COMPLETED, user=secretariat, reason="", expected_version=1
    )
    assignment.refresh_from_db()
    assert assignment.status == Status.COMPLETED
    assert StatusChange.objects.get().reason == "Förklara uppdraget fullgjort"


def test_sending_back_needs_a_reason(assignment, secretariat):
    assignment.status = Status.REPORTED_COMPLETE
    assignment.save()
    with pytest.raises(ValidationError, match="Skriv varför"):
        services.assignment_status_change(
            assignment=assignment, target=Status.IN_PROGRESS, user=secretariat, reason="  ", expected_version=1
        )
    services.assignment_status_change(
        assignment=assignment,
        target=Status.IN_PROGRESS,
        user=secretariat,
        reason="Avtalet tecknades inte",
        expected_version=1,
    )
    assignment.refresh_from_db()
    assert assignment.status == Status.IN_PROGRESS


@pytest.mark.parametrize("role_fixture", ["politician", "reader", "other_officer"])
def test_users_outside_the_board_may_not_change_status(request, assignment, role_fixture):
    user = request.getfixturevalue(role_fixture)
    with pytest.raises(PermissionDenied):
        services.assignment_status_change(
            assignment=assignment, target=Status.IN_PROGRESS, user=user, reason="", expected_version=1
        )
    assert Assignment.objects.get(pk=assignment.pk).status == Status.NOT_STARTED


def test_a_stale_version_is_a_conflict_and_changes_nothing(assignment, officer):
    services.assignment_status_change(
        assignment=assignment, target=Status.IN_PROGRESS, user=officer, reason="", expected_version=1
    )
    with pytest.raises(services.ConflictError) as conflict:
        services.assignment_status_change(
            assignment=assignment, target=Status.IN_PROGRESS, user=officer, reason="igen", expected_version=1
        )
    assert conflict.value.current.status == Status.IN_PROGRESS
    assert conflict.value.current.version == 2
    assert StatusChange.objects.count() == 1


def test_manual_transitions_depend_on_role(assignment, officer, secretariat):
    assignment.status = Status.REPORTED_COMPLETE
    assert workflow.manual_transitions(assignment, officer) == []
    targets = {t.target for t in workflow.manual_transitions(assignment, secretariat)}
    assert targets == {Status.COMPLETED, Status.IN_PROGRESS}


def test_a_partial_report_moves_the_assignment_to_partially_reported(assignment, officer, periods, boards):
    report = _report(assignment, periods, boards, officer, text="  Två platser är projekterade.  ")
    assert report.text == "Två platser är projekterade."
    assert report.version == 1
    assignment.refresh_from_db()
    assert assignment.status == Status.PARTIALLY_REPORTED
    change = StatusChange.objects.get()
    assert change.status_report == report
    assert change.changed_by == officer
    assert report.history.latest().history_user == officer


def test_a_final_report_proposes_completion_and_a_rejection_recorded_by_the_secretariat_sends_it_back(
    assignment, officer, secretariat, periods, boards
):
    kwargs = {"assignment": assignment, "period": periods["augusti"], "board": boards["idrott"]}
    report = services.status_report_submit(
        **kwargs, author=officer, text="Klart.", proposes=StatusReport.Proposal.COMPLETE, expected_version=0
    )
    assignment.refresh_from_db()
    assert assignment.status == Status.REPORTED_COMPLETE
    services.status_report_submit(
        **kwargs,
        author=secretariat,
        text="Klart.",
        proposes=StatusReport.Proposal.COMPLETE,
        expected_version=report.version,
        decision=StatusReport.Decision.NOT_APPROVED,
        decided_on=periods["augusti"].closing_date,
    )
    assignment.refresh_from_db()
    assert assignment.status == Status.IN_PROGRESS
    assert list(StatusChange.objects.values_list("to_status", "changed_by")) == [
        (Status.REPORTED_COMPLETE, officer.pk),
        (Status.IN_PROGRESS, secretariat.pk),
    ]


def test_an_officer_cannot_send_back_by_recording_the_rejection(assignment, officer, periods, boards):
    """Sending back is the secretariat's step of the table, also when asked for through a report."""
    kwargs = {"assignment": assignment, "period": periods["augusti"], "board": boards["idrott"], "author": officer}
    report = services.status_report_submit(
        **kwargs, text="Klart.", proposes=StatusReport.Proposal.COMPLETE, expected_version=0
    )
    with pytest.raises(ValidationError) as refusal:
        services.status_report_submit(
            **kwargs,
            text="Klart, men ej godkänt.",
            proposes=StatusReport.Proposal.COMPLETE,
            expected_version=report.version,
            decision=StatusReport.Decision.NOT_APPROVED,
            decided_on=periods["augusti"].closing_date,
        )
    assert "Bara sekretariatet" in refusal.value.message_dict["decision"][0]
    assignment.refresh_from_db()
    assert assignment.status == Status.REPORTED_COMPLETE
    assert StatusReport.objects.get().text == "Klart."  # nothing of the refused save stays
    assert StatusChange.objects.count() == 1


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_an_empty_or_blank_report_is_refused(assignment, officer, periods, boards, text):
    with pytest.raises(ValidationError, match="får inte vara tom"):
        _report(assignment, periods, boards, officer, text=text)
    assert not StatusReport.objects.exists()
    assert Assignment.objects.get(pk=assignment.pk).version == 1


def test_an_officer_cannot_report_for_another_board(assignment, officer, periods, boards):
    with pytest.raises(PermissionDenied):
        _report(assignment, periods, boards, officer, board=boards["miljo"])


def test_two_new_reports_for_the_same_period_conflict(assignment, officer, secretariat, periods, boards):
    theirs = add_report(assignment, periods["augusti"], boards["idrott"], text="Deras text")
    with pytest.raises(services.ConflictError) as conflict:
        _report(assignment, periods, boards, officer, text="Min text")
    assert conflict.value.current == theirs
    assert StatusReport.objects.get().text == "Deras text"


def test_an_edit_from_an_old_version_conflicts_then_succeeds_with_the_current_version(
    assignment, officer, secretariat, periods, boards
):
    report = add_report(assignment, periods["augusti"], boards["idrott"], text="Första")
    kwargs = {"assignment": assignment, "period": periods["augusti"], "board": boards["idrott"]}
    services.status_report_submit(
        **kwargs, author=secretariat, text="Sekretariatets", proposes="partial", expected_version=report.version
    )
    with pytest.raises(services.ConflictError) as conflict:
        services.status_report_submit(
            **kwargs, author=officer, text="Handläggarens", proposes="partial", expected_version=report.version
        )
    assert conflict.value.current.text == "Sekretariatets"
    services.status_report_submit(
        **kwargs,
        author=officer,
        text="Sekretariatets och handläggarens",
        proposes="partial",
        expected_version=conflict.value.current.version,
    )
    assert StatusReport.objects.get().text == "Sekretariatets och handläggarens"


def test_no_report_on_a_completed_assignment(assignment, officer, periods, boards):
    assignment.status = Status.COMPLETED
    assignment.save()
    with pytest.raises(ValidationError, match="redan förklarat fullgjort"):
        _report(assignment, periods, boards, officer)


def test_a_decision_needs_its_date(assignment, officer, periods, boards):
    with pytest.raises(ValidationError, match="datum"):
        _report(assignment, periods, boards, officer, decision=StatusReport.Decision.APPROVED)


def test_assignment_to_all_boards_is_reportable_by_any_board_officer(make_assignment, boards, other_officer):
    assignment = make_assignment(boards["ks"], addressed_to_all_boards=True)
    assignment = Assignment.objects.with_boards().get(pk=assignment.pk)
    assert services.editable_board_ids(other_officer, assignment) == {boards["miljo"].pk}
    assert services.can_edit_assignment(other_officer, assignment)
