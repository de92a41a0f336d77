"""E-mail notices to handläggare: new assignments and reminders, once each, honouring the opt-out."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from assignments import roles
from assignments.models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport
from notifications import services
from notifications.models import NotificationPreference, SentNotice

BASE = "https://uppdrag.example"


@pytest.fixture
def board(db):
    return Board.objects.create(slug="idrott", name="Idrotts- och föreningsnämnden", short_name="IFN", kind="committee")


@pytest.fixture
def officer(make_user, board):
    user = make_user("handlaggare1", "handläggare", boards=[board])
    user.email = "handlaggare1@goteborg.example"
    user.save()
    return user


def _assignment(board, dnr="0100/24", status=Assignment.Status.IN_PROGRESS, **kwargs):
    assignment = Assignment.objects.create(
        dnr=dnr, text=f"Uppdrag {dnr} om föreningsbidrag", source="ks", status=status, **kwargs
    )
    Responsibility.objects.create(assignment=assignment, board=board, is_lead=True)
    return assignment


def test_new_assignment_is_sent_to_the_boards_officers_once(board, officer, make_user):
    outsider = make_user("annan", "handläggare")
    outsider.email = "annan@goteborg.example"
    outsider.save()
    assignment = _assignment(board, deadline=datetime.date(2025, 6, 30))
    counts = services.notices_send(base_url=BASE, user=roles.SYSTEM)
    assert counts["new_assignments"] == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["handlaggare1@goteborg.example"]
    assert message.subject == f"Nytt uppdrag till {board.name}: {assignment.dnr}"
    assert "Uppdrag 0100/24 om föreningsbidrag" in message.body
    assert "Slutdatum: 2025-06-30" in message.body
    assert f"{BASE}/konto/aviseringar/" in message.body
    # Running again sends nothing new.
    assert services.notices_send(base_url=BASE, user=roles.SYSTEM)["new_assignments"] == 0
    assert len(mail.outbox) == 1
    assert SentNotice.objects.filter(user=officer, assignment=assignment).count() == 1


def _long_ago():
    """Everything so far was given a month ago."""
    month_ago = timezone.now() - datetime.timedelta(days=30)
    Assignment.objects.update(created_at=month_ago)
    Responsibility.objects.update(created_at=month_ago)


def test_old_assignments_are_not_new(board, officer):
    _assignment(board)
    _long_ago()
    assert services.notices_send(base_url=BASE, user=roles.SYSTEM)["new_assignments"] == 0
    assert mail.outbox == []


def test_an_old_assignment_given_to_the_board_now_is_new_to_it(board, officer, make_user):
    other = Board.objects.create(slug="miljo", name="Miljö- och klimatnämnden", short_name="MKN", kind="committee")
    assignment = _assignment(other)
    _long_ago()
    Responsibility.objects.create(assignment=assignment, board=board)
    assert services.notices_send(base_url=BASE, user=roles.SYSTEM)["new_assignments"] == 1
    assert mail.outbox[0].to == [officer.email]
    assert mail.outbox[0].subject == f"Nytt uppdrag till {board.name}: {assignment.dnr}"


def test_every_notice_leads_to_the_choices(board, officer):
    _assignment(board)
    services.notices_send(base_url=BASE, user=roles.SYSTEM)
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe"] == f"<{BASE}/konto/aviseringar/>"
    assert f"Ändra dina aviseringar: {BASE}/konto/aviseringar/" in message.body


def test_several_new_assignments_come_in_one_message(board, officer):
    _assignment(board, "0101/24")
    _assignment(board, "0102/24")
    services.notices_send(base_url=BASE, user=roles.SYSTEM)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "2 nya uppdrag till dina nämnder"
    assert "0101/24" in mail.outbox[0].body and "0102/24" in mail.outbox[0].body


def test_opt_out_of_new_assignments_is_honoured(board, officer):
    services.notification_preferences_set(user=officer, new_assignments=False, report_reminders=True)
    _assignment(board)
    assert services.notices_send(base_url=BASE, user=roles.SYSTEM)["new_assignments"] == 0
    assert mail.outbox == []


def test_users_without_email_or_inactive_get_nothing(board, officer, make_user):
    officer.email = ""
    officer.save()
    inactive = make_user("slutat", "handläggare", boards=[board])
    inactive.email = "slutat@goteborg.example"
    inactive.is_active = False
    inactive.save()
    _assignment(board)
    services.notices_send(base_url=BASE, user=roles.SYSTEM)
    assert mail.outbox == []


def test_reminder_when_a_period_is_open_without_the_boards_report(board, officer):
    period = ReportingPeriod.objects.create(
        year=2024, kind=ReportingPeriod.Kind.MARS, is_open=True, report_deadline=datetime.date(2024, 3, 15)
    )
    missing = _assignment(board, "0103/24")
    reported = _assignment(board, "0104/24")
    done = _assignment(board, "0105/24", status=Assignment.Status.COMPLETED)
    StatusReport.objects.create(assignment=reported, period=period, board=board, text="Klart snart", proposes="partial")
    _long_ago()
    counts = services.notices_send(base_url=BASE, user=roles.SYSTEM)
    assert counts == {"new_assignments": 0, "report_reminders": 1}
    message = mail.outbox[0]
    assert message.subject == "Påminnelse: statusrapporter saknas för Delårsrapport mars 2024"
    assert missing.dnr in message.body
    assert reported.dnr not in message.body and done.dnr not in message.body
    assert "Sista dag för rapport: 2024-03-15" in message.body
    assert services.notices_send(base_url=BASE, user=roles.SYSTEM)["report_reminders"] == 0
    assert len(mail.outbox) == 1


def test_no_reminder_for_closed_periods_or_opted_out_officers(board, officer):
    ReportingPeriod.objects.create(year=2024, kind=ReportingPeriod.Kind.MARS, is_open=False)
    _assignment(board)
    _long_ago()
    assert services.notices_send(base_url=BASE, user=roles.SYSTEM)["report_reminders"] == 0
    ReportingPeriod.objects.update(is_open=True)
    services.notification_preferences_set(user=officer, new_assignments=True, report_reminders=False)
    assert services.notices_send(base_url=BASE, user=roles.SYSTEM)["report_reminders"] == 0
    assert mail.outbox == []


def test_set_preferences_records_history(officer):
    services.notification_preferences_set(user=officer, new_assignments=False, report_reminders=False)
    services.notification_preferences_set(user=officer, new_assignments=True, report_reminders=False)
    preference = NotificationPreference.objects.get(user=officer)
    assert preference.new_assignments and not preference.report_reminders
    assert preference.history.count() == 2
    assert preference.history.first().history_user == officer


def test_command_sends_and_reports(board, officer, capsys):
    _assignment(board)
    call_command("send_notices", "--base-url", BASE)
    assert len(mail.outbox) == 1
    assert "Skickade 1 meddelanden om nya uppdrag" in capsys.readouterr().out


@pytest.mark.parametrize("officers", [2, 8])
def test_query_count_does_not_grow_with_officers_and_assignments(
    board, make_user, django_assert_max_num_queries, officers
):
    for index in range(officers):
        user = make_user(f"h{index}", "handläggare", boards=[board])
        user.email = f"h{index}@goteborg.example"
        user.save()
    for index in range(10):
        _assignment(board, f"02{index:02d}/24")
    ReportingPeriod.objects.create(year=2024, kind=ReportingPeriod.Kind.MARS, is_open=True)
    with django_assert_max_num_queries(16):
        services.notices_send(base_url=BASE, user=roles.SYSTEM)
    assert len(mail.outbox) == 2 * officers


def test_the_migration_dates_existing_responsibilities_from_their_assignment(board, officer):
    """Dated at the migration, every board's assignments would look new: a flood of e-mail."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("assignments.migrations.0004_responsibility_created_at")
    assignment = _assignment(board)
    Assignment.objects.update(created_at=timezone.now() - datetime.timedelta(days=300))
    migration.date_from_the_assignment(apps, None)
    assert Responsibility.objects.get(assignment=assignment).created_at == Assignment.objects.get().created_at
    assert services.notices_send(base_url=BASE, user=roles.SYSTEM)["new_assignments"] == 0


def test_notices_are_sent_by_the_system_alone_and_preferences_by_their_owner(officer):
    """A person, even of the secretariat, does not send notices; nobody anonymous chooses them."""
    with pytest.raises(PermissionDenied):
        services.notices_send(base_url=BASE, user=officer)
    with pytest.raises(PermissionDenied):
        services.notification_preferences_set(user=AnonymousUser(), new_assignments=False, report_reminders=False)
    assert not SentNotice.objects.exists() and not NotificationPreference.objects.exists()
