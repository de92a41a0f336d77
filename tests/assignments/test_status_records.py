"""Every path that changes an assignment's status leaves a StatusChange, and older changes found only
in the change history are backfilled into it once."""

import datetime
import importlib

from django.apps import apps
from django.utils import timezone

from assignments import services
from assignments.models import Assignment, StatusChange, StatusReport

Status = Assignment.Status
backfill = importlib.import_module("assignments.migrations.0003_backfill_status_changes")


def _admin_form_data(instance) -> dict:
    """The fields of the admin's change form, as the revert page posts them."""
    data = {}
    for name in (
        "dnr",
        "text",
        "source",
        "budget_year",
        "origin_body",
        "origin_date",
        "origin_paragraph",
        "origin_point",
        "addressed_to_all_boards",
        "deadline",
        "deadline_note",
        "sort_order",
    ):
        value = getattr(instance, name if name != "origin_body" else "origin_body_id")
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value.isoformat() if hasattr(value, "isoformat") else value
    return data


def _admin_client(client, make_user):
    admin = make_user("admin", superuser=True)
    admin.is_staff = True
    admin.save()
    client.force_login(admin)
    return admin


def test_reverting_in_the_admin_records_the_status_change_and_moves_the_version(
    client, assignment, officer, make_user, periods, boards
):
    """A revert that sends a final report back is the table's send-back step, with the admin's motivering."""
    services.assignment_status_change(
        assignment=assignment, target=Status.IN_PROGRESS, user=officer, reason="Påbörjat", expected_version=1
    )
    services.status_report_submit(
        assignment=Assignment.objects.with_boards().get(pk=assignment.pk),
        period=periods["augusti"],
        board=boards["idrott"],
        author=officer,
        text="Klart.",
        proposes=StatusReport.Proposal.COMPLETE,
        expected_version=0,
    )
    in_progress = assignment.history.filter(status=Status.IN_PROGRESS).get()
    admin = _admin_client(client, make_user)
    url = f"/admin/assignments/assignment/{assignment.pk}/history/{in_progress.history_id}/"
    assert client.get(url).status_code == 200

    response = client.post(url, _admin_form_data(in_progress.instance))
    assert response.status_code == 200 and "Skriv varför" in response.content.decode()
    assert Assignment.objects.get(pk=assignment.pk).status == Status.REPORTED_COMPLETE

    response = client.post(url, _admin_form_data(in_progress.instance) | {"status_reason": "Ej godkänd av KS"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assignment.refresh_from_db()
    assert assignment.status == Status.IN_PROGRESS
    # The version moves on from the stored one (1, +1 start, +1 report), never back to the reverted row's.
    assert assignment.version == 4
    change = StatusChange.objects.order_by("id").last()
    assert (change.from_status, change.to_status, change.changed_by, change.reason) == (
        Status.REPORTED_COMPLETE,
        Status.IN_PROGRESS,
        admin,
        "Ändrad i administrationen: Ej godkänd av KS",
    )


def test_a_revert_to_a_status_the_table_does_not_reach_is_refused_on_the_form(client, assignment, officer, make_user):
    services.assignment_status_change(
        assignment=assignment, target=Status.IN_PROGRESS, user=officer, reason="Påbörjat", expected_version=1
    )
    first = assignment.history.order_by("history_date", "history_id").first()
    assert first.status == Status.NOT_STARTED
    _admin_client(client, make_user)
    url = f"/admin/assignments/assignment/{assignment.pk}/history/{first.history_id}/"
    response = client.post(url, _admin_form_data(first.instance) | {"status_reason": "Fel"})
    assert response.status_code == 200
    assert "kan inte gå från" in response.content.decode()
    assignment.refresh_from_db()
    assert (assignment.status, assignment.version) == (Status.IN_PROGRESS, 2)
    assert StatusChange.objects.count() == 1


def test_an_admin_edit_that_keeps_the_status_records_no_change(client, assignment, make_user):
    _admin_client(client, make_user)
    data = _admin_form_data(assignment) | {"deadline_note": "Ny tidplan"}
    for prefix in ("responsibilities", "status_reports", "status_changes"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data |= {
        "responsibilities-TOTAL_FORMS": "1",
        "responsibilities-INITIAL_FORMS": "1",
        "responsibilities-0-id": assignment.responsibilities.get().pk,
        "responsibilities-0-assignment": assignment.pk,
        "responsibilities-0-board": assignment.responsibilities.get().board_id,
        "responsibilities-0-is_lead": "on",
    }
    response = client.post(f"/admin/assignments/assignment/{assignment.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assignment.refresh_from_db()
    assert assignment.deadline_note == "Ny tidplan" and assignment.version == 2
    assert not StatusChange.objects.exists()


def _plain_status_save(assignment, status, *, user=None, when=None):
    """A status change as the admin made them before StatusChange existed: only a history row."""
    assignment.status = status
    assignment._history_user = user
    assignment.save()
    if when is not None:
        assignment.history.filter(history_id=assignment.history.latest().history_id).update(history_date=when)


def test_backfill_records_changes_found_only_in_the_history_once(assignment, officer, secretariat, periods, boards):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    assignment.history.update(history_date=long_ago - datetime.timedelta(days=30))  # created before that
    _plain_status_save(assignment, Status.IN_PROGRESS, user=secretariat, when=long_ago)
    _plain_status_save(assignment, Status.IN_PROGRESS)  # saved, but the status stayed
    # A change through the workflow already has its row and gets no second one.
    services.status_report_submit(
        assignment=Assignment.objects.with_boards().get(pk=assignment.pk),
        period=periods["augusti"],
        board=boards["idrott"],
        author=officer,
        text="Klart.",
        proposes=StatusReport.Proposal.COMPLETE,
        expected_version=0,
    )

    assert backfill.backfill_status_changes(apps) == 1
    assert backfill.backfill_status_changes(apps) == 0
    changes = list(StatusChange.objects.order_by("changed_at"))
    assert [(c.from_status, c.to_status) for c in changes] == [
        (Status.NOT_STARTED, Status.IN_PROGRESS),
        (Status.IN_PROGRESS, Status.REPORTED_COMPLETE),
    ]
    old = changes[0]
    assert old.changed_at == long_ago and old.changed_by == secretariat and old.reason == ""


def test_backfill_keeps_the_author_unknown_where_the_history_has_none(assignment):
    _plain_status_save(assignment, Status.IN_PROGRESS)
    _plain_status_save(assignment, Status.NOT_STARTED)
    assert backfill.backfill_status_changes(apps) == 2
    assert list(StatusChange.objects.values_list("from_status", "to_status", "changed_by")) == [
        (Status.NOT_STARTED, Status.IN_PROGRESS, None),
        (Status.IN_PROGRESS, Status.NOT_STARTED, None),
    ]


def test_the_real_data_and_the_workflow_leave_nothing_to_backfill(real_data, secretariat):
    """The loaders only create assignments (a creation is not a change); the workflow records its changes."""
    assignment = Assignment.objects.filter(status=Status.REPORTED_COMPLETE).order_by("id").first()
    services.assignment_status_change(
        assignment=assignment, target=Status.COMPLETED, user=secretariat, reason="", expected_version=1
    )
    assert backfill.backfill_status_changes(apps) == 0
