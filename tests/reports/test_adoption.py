"""A fastställd report version declares the assignments it proposed done, each one recorded move."""

import datetime

import pytest

from assignments import services as assignment_services
from assignments.models import Assignment, Board, ReportingPeriod, StatusChange, StatusReport
from motions.models import Case, Decision
from reports import services

Status = Assignment.Status


@pytest.fixture
def ks_august(real_data):
    board = Board.objects.get(slug="kommunstyrelsen")
    return board, ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)


def _final_report(board, period, dnr, decision=""):
    assignment = Assignment.objects.get(dnr=dnr)
    Assignment.objects.filter(pk=assignment.pk).update(status=Status.REPORTED_COMPLETE)
    report, _ = StatusReport.objects.update_or_create(
        assignment=assignment,
        period=period,
        board=board,
        defaults={
            "text": "Uppdraget är genomfört.",
            "proposes": StatusReport.Proposal.COMPLETE,
            "decision": decision,
            "decided_on": datetime.date(2023, 9, 20) if decision else None,
        },
    )
    return Assignment.objects.get(pk=assignment.pk), report


def test_adopting_declares_done_and_sends_back_what_was_not_approved(ks_august, secretariat, quick_pdf):
    board, period = ks_august
    done, done_report = _final_report(board, period, "0921/22")
    published, _created = services.report_publish(board=board, period=period, user=secretariat)
    # The board's decision on the report: its case's decision cites the meeting.
    case = Case.objects.get(reports_on_board=board, reports_on_period=period)
    decision = Decision.objects.filter(case=case, outcome=Decision.Outcome.ADOPTED).order_by("-meeting__date").first()

    adopted = services.report_adopt(published=published, user=secretariat)

    done.refresh_from_db()
    assert done.status == Status.COMPLETED
    change = StatusChange.objects.filter(assignment=done).latest("id")
    assert (change.from_status, change.to_status, change.status_report_id) == (
        Status.REPORTED_COMPLETE,
        Status.COMPLETED,
        done_report.pk,
    )
    assert change.reason.startswith("Förklarat fullgjort: Kommunstyrelsen fastställde version 1 av Delårsrapport")
    if decision is not None:
        assert f"{decision.meeting.date.isoformat()}" in change.reason
    assert change.changed_by == secretariat
    done_report.refresh_from_db()
    assert done_report.decision == StatusReport.Decision.APPROVED
    assert done in adopted.effects.completed

    # Reversible by the secretariat, with a reason: one more recorded move.
    assignment_services.assignment_status_change(
        assignment=done,
        target=Status.REPORTED_COMPLETE,
        user=secretariat,
        reason="Fel version fastställd",
        expected_version=done.version,
    )
    done.refresh_from_db()
    assert done.status == Status.REPORTED_COMPLETE


def test_a_report_not_approved_goes_back_and_a_later_one_moves_nothing(ks_august, secretariat, quick_pdf):
    board, period = ks_august
    refused, refused_report = _final_report(board, period, "0921/22", decision=StatusReport.Decision.NOT_APPROVED)
    later, later_report = _final_report(board, period, "1446/22")
    published, _created = services.report_publish(board=board, period=period, user=secretariat)
    # Written after the version was stored: not part of what the body fastställde.
    StatusReport.objects.filter(pk=later_report.pk).update(updated_at=published.published_at + datetime.timedelta(1))

    adopted = services.report_adopt(published=published, user=secretariat)

    refused.refresh_from_db()
    assert refused.status == Status.IN_PROGRESS
    assert (
        StatusChange.objects.filter(assignment=refused)
        .latest("id")
        .reason.startswith("Redovisningen godkändes inte: Kommunstyrelsen fastställde")
    )
    later.refresh_from_db()
    assert later.status == Status.REPORTED_COMPLETE
    assert [r.pk for r in adopted.effects.later] == [later_report.pk]
    assert not StatusChange.objects.filter(assignment=later, changed_at__gte=published.published_at).exists()


def test_a_send_back_by_adoption_is_undone_in_the_status_form(ks_august, secretariat, quick_pdf, client):
    """Both moves of an adoption are reversible in the page: here the send-back, with a reason."""
    board, period = ks_august
    refused, refused_report = _final_report(board, period, "0921/22", decision=StatusReport.Decision.NOT_APPROVED)
    published, _created = services.report_publish(board=board, period=period, user=secretariat, adopt=True)
    refused.refresh_from_db()
    assert refused.status == Status.IN_PROGRESS

    client.force_login(secretariat)
    page = client.get(f"/uppdrag/{refused.pk}/status/").content.decode()
    assert "Ångra återsändningen – tillbaka till föreslås förklarat fullgjort" in page
    response = client.post(
        f"/uppdrag/{refused.pk}/status/",
        {"target": Status.REPORTED_COMPLETE, "reason": "Nämnden godkände redovisningen", "version": refused.version},
    )
    assert response.status_code == 302
    refused.refresh_from_db()
    assert refused.status == Status.REPORTED_COMPLETE
    change = StatusChange.objects.filter(assignment=refused).latest("id")
    assert (change.from_status, change.reason, change.status_report_id) == (
        Status.IN_PROGRESS,
        "Nämnden godkände redovisningen",
        refused_report.pk,
    )
    refused_report.refresh_from_db()
    assert refused_report.decision == StatusReport.Decision.PENDING
    assert "Ångra återsändningen" not in client.get(f"/uppdrag/{refused.pk}/status/").content.decode()


def test_a_declaration_by_adoption_is_undone_in_the_status_form(ks_august, secretariat, quick_pdf, client):
    board, period = ks_august
    done, _report = _final_report(board, period, "0921/22")
    services.report_publish(board=board, period=period, user=secretariat, adopt=True)
    done.refresh_from_db()
    assert done.status == Status.COMPLETED
    client.force_login(secretariat)
    assert "Ångra förklarat fullgjort" in client.get(f"/uppdrag/{done.pk}/status/").content.decode()
    client.post(
        f"/uppdrag/{done.pk}/status/",
        {"target": Status.REPORTED_COMPLETE, "reason": "Fel version fastställd", "version": done.version},
    )
    done.refresh_from_db()
    assert done.status == Status.REPORTED_COMPLETE
    assert StatusChange.objects.filter(assignment=done).latest("id").reason == "Fel version fastställd"
