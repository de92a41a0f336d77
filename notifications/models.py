"""E-mail notices to a board's handläggare: their opt-out, and a log so nothing is sent twice."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class NotificationPreference(models.Model):
    """A user's choice of e-mail notices. No row means the defaults: every notice is sent."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    new_assignments = models.BooleanField(_("nya uppdrag till mina nämnder"), default=True)
    report_reminders = models.BooleanField(_("påminnelser om statusrapporter som saknas"), default=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aviseringsval")
        verbose_name_plural = _("aviseringsval")

    def __str__(self):
        return str(self.user)


class SentNotice(models.Model):
    """One notice e-mailed to one user, so that running send_notices again sends it only once."""

    class Kind(models.TextChoices):
        NEW_ASSIGNMENT = "new_assignment", _("Nytt uppdrag")
        REPORT_REMINDER = "report_reminder", _("Påminnelse om statusrapport")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("användare"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    board = models.ForeignKey("assignments.Board", verbose_name=_("nämnd"), on_delete=models.CASCADE, related_name="+")
    assignment = models.ForeignKey(
        "assignments.Assignment",
        verbose_name=_("uppdrag"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    period = models.ForeignKey(
        "assignments.ReportingPeriod",
        verbose_name=_("period"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("skickad"), auto_now_add=True)

    class Meta:
        verbose_name = _("skickad avisering")
        verbose_name_plural = _("skickade aviseringar")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "board", "assignment"],
                condition=Q(kind="new_assignment"),
                name="notice_once_per_new_assignment",
            ),
            models.UniqueConstraint(
                fields=["user", "board", "period"],
                condition=Q(kind="report_reminder"),
                name="notice_once_per_reminder_period",
            ),
            models.CheckConstraint(
                condition=(Q(kind="new_assignment") & Q(assignment__isnull=False))
                | (Q(kind="report_reminder") & Q(period__isnull=False)),
                name="notice_has_its_subject",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.user}"
