from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assignments.models import Board, ReportingPeriod


def published_report_path(instance, filename):
    """Where a stored version lives in the default storage (a local folder or an object store)."""
    return (
        f"rapporter/{instance.board.slug}/{instance.period.year}/{instance.period.slug}/"
        f"v{instance.version}-{instance.sha256[:12]}.pdf"
    )


class PublishedReport(models.Model):
    """A stored, numbered version of a board's report for a period: the PDF exactly as exported.

    The file is written once and never rewritten; it is served from storage unchanged even when the
    data it was generated from changes afterwards. A version marked fastställd is the adopted one.
    """

    board = models.ForeignKey(
        Board, verbose_name=_("nämnd"), on_delete=models.PROTECT, related_name="published_reports"
    )
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="published_reports"
    )
    version = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("fil"), upload_to=published_report_path, max_length=300)
    size = models.PositiveIntegerField(_("storlek (byte)"))
    sha256 = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64)
    content_sha256 = models.CharField(
        _("kontrollsumma för innehållet"),
        max_length=64,
        help_text=_("SHA-256 av rapportens HTML; samma innehåll ger ingen ny version."),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sparad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_reports",
    )
    published_at = models.DateTimeField(_("sparad"))
    is_adopted = models.BooleanField(_("fastställd"), default=False)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fastställd av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_at = models.DateTimeField(_("fastställd den"), null=True, blank=True)
    # What the version contains, for comparing versions (reports.snapshot). Empty for versions stored
    # before it was kept: their content is only in the PDF, and the comparison page says so.
    snapshot = models.JSONField(_("innehåll för jämförelse"), null=True, blank=True, editable=False)
    # The snapshot never changes after the version is stored; history need not copy it on every save.
    history = HistoricalRecords(excluded_fields=["snapshot"])

    class Meta:
        verbose_name = _("sparad rapportversion")
        verbose_name_plural = _("sparade rapportversioner")
        ordering = ["board__name", "-period__year", "-period__kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["board", "period", "version"], name="published_report_unique_version"),
            models.CheckConstraint(condition=Q(version__gte=1), name="published_report_version_positive"),
            models.CheckConstraint(
                condition=Q(is_adopted=False) | Q(adopted_at__isnull=False), name="published_report_adopted_has_date"
            ),
        ]

    def __str__(self):
        return f"{self.board.short_name} {self.period} v{self.version}"

    @property
    def label(self) -> str:
        return _("Fastställd") if self.is_adopted else _("Sparad version")

    def get_absolute_url(self):
        return reverse(
            "reports:version_pdf",
            kwargs={
                "board": self.board.slug,
                "year": self.period.year,
                "period": self.period.slug,
                "version": self.version,
            },
        )
