"""Opening and closing a reporting period, and who hears of it.

An open period is the default for new status reports (the newest open one, see
assignments.views._default_period). Opening one also sends the reminders of boards that have not
reported: notifications, a higher layer, registers what to do in its AppConfig.ready(), so this
app asks without importing it (like assignments.links).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ReportingPeriod
from .services import require_registrar

OpenedHook = Callable[[ReportingPeriod], None]
_opened_hooks: list[OpenedHook] = []


def register_period_opened(hook: OpenedHook) -> None:
    if hook not in _opened_hooks:
        _opened_hooks.append(hook)


def period_register(*, user, year: int, kind: int, report_deadline=None) -> ReportingPeriod:
    """A new reporting period (closed until it is opened); a year has each kind once."""
    require_registrar(user)
    errors = {}
    if kind not in ReportingPeriod.Kind.values:
        errors["kind"] = _("Välj rapporttillfälle.")
    if year is None or not 2000 <= year <= 2100:
        errors["year"] = _("Ange ett år mellan 2000 och 2100.")
    if not errors and ReportingPeriod.objects.filter(year=year, kind=kind).exists():
        errors["kind"] = _("%(period)s finns redan.") % {"period": ReportingPeriod(year=year, kind=kind)}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return ReportingPeriod.objects.create(year=year, kind=kind, report_deadline=report_deadline)


def _set_open(period: ReportingPeriod, is_open: bool) -> ReportingPeriod:
    locked = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if locked.is_open == is_open:
        return locked
    locked.is_open = is_open
    locked.save(update_fields=["is_open"])
    return locked


def period_open(*, period: ReportingPeriod, user) -> ReportingPeriod:
    """Open the period for status reports; once committed, the reminders go out."""
    require_registrar(user)
    with transaction.atomic():
        was_open = ReportingPeriod.objects.filter(pk=period.pk, is_open=True).exists()
        opened = _set_open(period, True)
        if not was_open:
            transaction.on_commit(lambda: [hook(opened) for hook in list(_opened_hooks)])
    return opened


def period_close(*, period: ReportingPeriod, user) -> ReportingPeriod:
    """Close the period: it is no longer the default, and no reminders go out for it."""
    require_registrar(user)
    with transaction.atomic():
        return _set_open(period, False)


def open_periods():
    return ReportingPeriod.objects.filter(is_open=True).order_by("-year", "-kind")
