"""Opening and closing a reporting period, and who hears of it.

An open period is the default for new status reports (the newest open one, see
assignments.views._default_period). Opening one also sends the reminders of boards that have not
reported: notifications, a higher layer, registers what to do in its AppConfig.ready(), so this
app asks without importing it (like assignments.links).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from .models import ReportingPeriod
from .services import require_registrar

OpenedHook = Callable[[ReportingPeriod], None]
_opened_hooks: list[OpenedHook] = []


def register_period_opened(hook: OpenedHook) -> None:
    if hook not in _opened_hooks:
        _opened_hooks.append(hook)


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
