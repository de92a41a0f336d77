from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assignments.models import Assignment, Board, ReportingPeriod
from motions.models import DecisionPoint


class CostEstimate(models.Model):
    """What a decision point (or an assignment) is estimated to cost, and how it is to be financed."""

    class Recurrence(models.TextChoices):
        ONE_OFF = "one_off", _("Engångskostnad")
        YEARLY = "yearly", _("Årlig kostnad")

    class Financing(models.TextChoices):
        WITHIN_FRAME = "within_frame", _("Inom budgetram")
        LIMITED_WITHIN_FRAME = "limited_within_frame", _("Begränsad omfattning inom budgetram")
        EXTRA_RESOURCES = "extra_resources", _("Kräver extra resurser (budgetprocess)")

    decision_point = models.ForeignKey(
        DecisionPoint,
        verbose_name=_("beslutspunkt"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cost_estimates",
    )
    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("uppdrag"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cost_estimates",
    )
    amount_kr = models.BigIntegerField(
        _("belopp (kr)"), null=True, blank=True, help_text=_("Tomt när underlaget inte anger ett belopp.")
    )
    recurrence = models.CharField(
        _("typ av kostnad"), max_length=10, choices=Recurrence.choices, blank=True, help_text=_("Tomt när okänt.")
    )
    first_year = models.PositiveSmallIntegerField(_("från år"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("till och med år"), null=True, blank=True)
    board = models.ForeignKey(Board, verbose_name=_("bärs av"), on_delete=models.PROTECT, related_name="cost_estimates")
    financing = models.CharField(_("finansiering"), max_length=25, choices=Financing.choices)
    budget_process_first_year = models.PositiveSmallIntegerField(_("budgetprocess från år"), null=True, blank=True)
    budget_process_last_year = models.PositiveSmallIntegerField(_("budgetprocess till år"), null=True, blank=True)
    note = models.TextField(_("källa och kommentar"), blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kostnadsberäkning")
        verbose_name_plural = _("kostnadsberäkningar")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_kr__isnull=True) | Q(amount_kr__gte=0), name="cost_amount_non_negative"
            ),
            models.CheckConstraint(
                condition=Q(decision_point__isnull=False) | Q(assignment__isnull=False),
                name="cost_has_point_or_assignment",
            ),
            models.CheckConstraint(
                condition=Q(first_year__isnull=True)
                | Q(last_year__isnull=True)
                | Q(last_year__gte=models.F("first_year")),
                name="cost_year_range_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.board.short_name}: {self.amount_kr if self.amount_kr is not None else '?'} kr"


class PointFinancing(models.Model):
    """How the proposal classes a decision point: within the frame, limited within it, or extra resources."""

    decision_point = models.OneToOneField(
        DecisionPoint, verbose_name=_("beslutspunkt"), on_delete=models.CASCADE, related_name="financing"
    )
    financing = models.CharField(_("finansiering"), max_length=25, choices=CostEstimate.Financing.choices)
    budget_process_first_year = models.PositiveSmallIntegerField(_("budgetprocess från år"), null=True, blank=True)
    budget_process_last_year = models.PositiveSmallIntegerField(_("budgetprocess till år"), null=True, blank=True)
    note = models.TextField(_("motivering"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("finansieringsklass")
        verbose_name_plural = _("finansieringsklasser")

    def __str__(self):
        return self.get_financing_display()


class FinancialStatement(models.Model):
    """A board's result statement (resultatredovisning) for a reporting period."""

    board = models.ForeignKey(Board, verbose_name=_("nämnd"), on_delete=models.PROTECT, related_name="statements")
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="statements"
    )
    title = models.CharField(_("rubrik"), max_length=200, default="Resultatredovisning i sammandrag")
    section = models.CharField(_("avsnitt"), max_length=20, blank=True)
    unit = models.CharField(
        _("enhet i rapporten"), max_length=5, choices=[("mnkr", "mnkr"), ("tkr", "tkr"), ("kr", "kr")], default="mnkr"
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("resultatredovisning")
        verbose_name_plural = _("resultatredovisningar")
        constraints = [
            models.UniqueConstraint(fields=["board", "period", "section"], name="statement_unique_section"),
        ]

    def __str__(self):
        return f"{self.board.short_name} {self.period} {self.section}".strip()


class StatementLine(models.Model):
    """One row of a statement; amounts in kronor, as the document prints them.

    The deviation (avvikelse) is stored as printed: the document computes it from unrounded
    figures, so utfall − budget of the printed ones can differ by a rounding step, and where the
    document disagrees with its own figures budget.checks says so. Left empty, it is computed.
    """

    class Kind(models.TextChoices):
        INTAKTER = "intakter", _("Intäkter")
        KOSTNADER = "kostnader", _("Kostnader")
        KOMMUNBIDRAG = "kommunbidrag", _("Kommunbidrag")
        KOMMUNINTERNA_BIDRAG = "kommuninterna_bidrag", _("Kommuninterna bidrag")
        RESULTAT = "resultat", _("Resultat")
        SUBROW = "subrow", _("Delrad")
        SUMMA = "summa", _("Summa")

    statement = models.ForeignKey(
        FinancialStatement, verbose_name=_("resultatredovisning"), on_delete=models.CASCADE, related_name="lines"
    )
    group = models.CharField(_("grupp"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("ordning"))
    label = models.CharField(_("rad"), max_length=200)
    kind = models.CharField(_("radtyp"), max_length=25, choices=Kind.choices)
    utfall = models.BigIntegerField(_("utfall perioden"), null=True, blank=True)
    budget = models.BigIntegerField(_("budget perioden"), null=True, blank=True)
    avvikelse = models.BigIntegerField(
        _("avvikelse perioden"),
        null=True,
        blank=True,
        help_text=_("Som handlingen anger. Tomt: beräknas som utfall − budget och visas som beräknad."),
    )
    utfall_fg_ar = models.BigIntegerField(_("utfall fg år"), null=True, blank=True)
    prognos = models.BigIntegerField(_("prognos helår"), null=True, blank=True)
    fg_prognos = models.BigIntegerField(_("fg prognos"), null=True, blank=True)
    budget_helar = models.BigIntegerField(_("budget helår"), null=True, blank=True)
    bokslut_fg_ar = models.BigIntegerField(_("bokslut fg år"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rad")
        verbose_name_plural = _("rader")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "position"], name="statement_line_unique_position"),
        ]

    def __str__(self):
        return self.label

    @property
    def avvikelse_computed(self):
        """utfall − budget of the stored figures: the stand-in for an unprinted avvikelse, and its check."""
        if self.utfall is None or self.budget is None:
            return None
        return self.utfall - self.budget


class CentralItem(models.Model):
    """A kommuncentral post followed up by a board (amounts in kronor, shown in tkr)."""

    board = models.ForeignKey(Board, verbose_name=_("nämnd"), on_delete=models.PROTECT, related_name="central_items")
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="central_items"
    )
    position = models.PositiveSmallIntegerField(_("ordning"))
    label = models.CharField(_("kommuncentral post"), max_length=200)
    utfall = models.BigIntegerField(_("utfall perioden"), null=True, blank=True)
    prognos = models.BigIntegerField(_("prognos helår"), null=True, blank=True)
    budget = models.BigIntegerField(_("budgeterat belopp helår"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kommuncentral post")
        verbose_name_plural = _("kommuncentrala poster")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["board", "period", "label"], name="central_item_unique_label"),
        ]

    def __str__(self):
        return self.label
