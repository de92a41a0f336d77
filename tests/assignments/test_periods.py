"""Opening a reporting period makes it the default for status reports and sends the reminders once."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from assignments import periods, roles
from assignments.models import Board, ReportingPeriod


@pytest.fixture
def officer_with_mail(real_data, make_user):
    user = make_user("handlaggare-ks", roles.OFFICER, boards=[Board.objects.get(slug="kommunstyrelsen")])
    user.email = "handlaggare@example.org"
    user.save()
    return user


def test_opening_sends_the_reminders_and_makes_it_the_default(
    officer_with_mail, secretariat, django_capture_on_commit_callbacks
):
    ReportingPeriod.objects.update(is_open=False)
    period = ReportingPeriod.objects.create(year=2031, kind=ReportingPeriod.Kind.MARS)
    with django_capture_on_commit_callbacks(execute=True):
        periods.period_open(period=period, user=secretariat)
    assert periods.open_periods().first() == period
    assert [m.to for m in mail.outbox] == [["handlaggare@example.org"]]
    assert "Delårsrapport mars 2031" in mail.outbox[0].subject

    # Opening it again (or closing and reopening) sends nothing twice: the log remembers.
    periods.period_close(period=period, user=secretariat)
    assert not periods.open_periods().exists()
    with django_capture_on_commit_callbacks(execute=True):
        periods.period_open(period=period, user=secretariat)
    assert len(mail.outbox) == 1


def test_the_default_status_report_period_is_the_open_one(officer_with_mail, secretariat, client):
    from assignments.models import Assignment

    ReportingPeriod.objects.update(is_open=False)
    period = ReportingPeriod.objects.create(year=2031, kind=ReportingPeriod.Kind.MARS)
    periods.period_open(period=period, user=secretariat)
    client.force_login(officer_with_mail)
    response = client.get(f"/uppdrag/{Assignment.objects.get(dnr='0921/22').pk}/rapport/")
    assert response.context["form"].initial["period"] == period


@pytest.mark.parametrize("role", [roles.OFFICER, roles.POLITICIAN, roles.READER])
def test_only_the_secretariat_opens_and_closes(real_data, make_user, role):
    user = make_user("someone", role)
    period = ReportingPeriod.objects.first()
    with pytest.raises(PermissionDenied):
        periods.period_open(period=period, user=user)
    with pytest.raises(PermissionDenied):
        periods.period_close(period=period, user=user)


def test_a_period_is_registered_once(real_data, secretariat):
    from django.core.exceptions import ValidationError

    period = periods.period_register(user=secretariat, year=2031, kind=ReportingPeriod.Kind.ARSRAPPORT)
    assert not period.is_open
    with pytest.raises(ValidationError) as refused:
        periods.period_register(user=secretariat, year=2031, kind=ReportingPeriod.Kind.ARSRAPPORT)
    assert refused.value.message_dict["kind"] == ["Årsrapport 2031 finns redan."]
