import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.validators import DNR_PATTERN, validate_dnr

from .querysets import AssignmentQuerySet, BoardQuerySet


class Board(models.Model):
    """A decision body, nämnd, company board or administration of the city."""

    class Kind(models.TextChoices):
        DECISION_BODY = "decision_body", _("Beslutande organ")
        COMMITTEE = "committee", _("Nämnd")
        COMPANY = "company", _("Bolagsstyrelse")
        ADMINISTRATION = "administration", _("Förvaltning")

    slug = models.SlugField(_("kortnamn i adresser"), max_length=80, unique=True)
    name = models.CharField(_("namn"), max_length=200, unique=True)
    short_name = models.CharField(_("kort namn"), max_length=40)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("tillhör"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handläggare"),
        blank=True,
        related_name="officer_boards",
    )
    history = HistoricalRecords()

    objects = BoardQuerySet.as_manager()

    class Meta:
        verbose_name = _("nämnd eller organ")
        verbose_name_plural = _("nämnder och organ")
        ordering = ["name"]

    def __str__(self):
        return self.name


class BoardNameVariant(models.Model):
    """A spelling of a board's name seen in the documents ("Socialnämnd centrum")."""

    board = models.ForeignKey(Board, verbose_name=_("nämnd"), on_delete=models.CASCADE, related_name="variants")
    name = models.CharField(_("stavning"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("namnvariant")
        verbose_name_plural = _("namnvarianter")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ReportingPeriod(models.Model):
    """A follow-up occasion: delårsrapport mars, delårsrapport augusti or årsrapport of a year."""

    class Kind(models.IntegerChoices):
        MARS = 1, _("Delårsrapport mars")
        AUGUSTI = 2, _("Delårsrapport augusti")
        ARSRAPPORT = 3, _("Årsrapport")

    SLUGS = {Kind.MARS: "mars", Kind.AUGUSTI: "augusti", Kind.ARSRAPPORT: "arsrapport"}

    year = models.PositiveSmallIntegerField(_("år"))
    kind = models.PositiveSmallIntegerField(_("rapporttillfälle"), choices=Kind.choices)
    report_deadline = models.DateField(_("sista dag för rapport"), null=True, blank=True)
    is_open = models.BooleanField(_("öppen för rapportering"), default=False)

    class Meta:
        verbose_name = _("rapporteringsperiod")
        verbose_name_plural = _("rapporteringsperioder")
        ordering = ["year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["year", "kind"], name="period_unique_year_kind"),
            models.CheckConstraint(condition=Q(year__gte=2000) & Q(year__lte=2100), name="period_year_plausible"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"

    @property
    def slug(self) -> str:
        return self.SLUGS[self.kind]

    @property
    def closing_date(self):
        """The last day the period covers (mars: 31 March, augusti: 31 August, årsrapport: 31 December)."""
        month, day = {self.Kind.MARS: (3, 31), self.Kind.AUGUSTI: (8, 31)}.get(self.kind, (12, 31))
        return datetime.date(self.year, month, day)

    @classmethod
    def kind_from_slug(cls, slug: str):
        for kind, value in cls.SLUGS.items():
            if value == slug:
                return kind
        return None


class Assignment(models.Model):
    """An uppdrag given by KF or KS to one or more boards."""

    class Source(models.TextChoices):
        KF_BUDGET = "kf_budget", _("Kommunfullmäktiges budget")
        KF_OUTSIDE_BUDGET = "kf_outside_budget", _("Kommunfullmäktige utanför budget")
        KS = "ks", _("Kommunstyrelsen")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Ej påbörjat")
        IN_PROGRESS = "in_progress", _("Pågående")
        PARTIALLY_REPORTED = "partially_reported", _("Delrapporterat")
        REPORTED_COMPLETE = "reported_complete", _("Föreslås förklarat fullgjort")
        COMPLETED = "completed", _("Förklarat fullgjort")

    dnr = models.CharField(_("diarienummer"), max_length=7, validators=[validate_dnr], db_index=True)
    text = models.TextField(_("uppdrag"))
    source = models.CharField(_("källa"), max_length=20, choices=Source.choices)
    budget_year = models.PositiveSmallIntegerField(_("budgetår"), null=True, blank=True)
    origin_body = models.ForeignKey(
        Board,
        verbose_name=_("beslutande organ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments_given",
    )
    origin_date = models.DateField(_("beslutsdatum"), null=True, blank=True)
    origin_paragraph = models.CharField(_("paragraf (§)"), max_length=10, blank=True)
    origin_point = models.CharField(_("punkt"), max_length=10, blank=True)
    responsible_boards = models.ManyToManyField(
        Board,
        verbose_name=_("ansvariga"),
        through="Responsibility",
        related_name="assignments",
    )
    addressed_to_all_boards = models.BooleanField(_("riktat till alla nämnder och styrelser"), default=False)
    deadline = models.DateField(_("slutdatum"), null=True, blank=True, db_index=True)
    deadline_note = models.CharField(_("tidplan enligt beslutet"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED, db_index=True
    )
    sort_order = models.PositiveIntegerField(_("ordning i rapporten"), default=0)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")
        ordering = ["sort_order", "dnr", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(dnr__regex=DNR_PATTERN), name="assignment_dnr_format"),
            models.CheckConstraint(
                condition=Q(budget_year__isnull=True) | Q(source="kf_budget"),
                name="assignment_budget_year_only_for_budget",
            ),
        ]
        indexes = [
            models.Index(fields=["source", "status"], name="assignment_source_status"),
            # The list's default order: its first page is read from the index instead of sorting every row.
            models.Index(fields=["sort_order", "dnr", "id"], name="assignment_list_order"),
        ]

    def __str__(self):
        return f"{self.dnr} {self.short_text}"

    @property
    def short_text(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 90 else text[:87].rstrip() + "…"

    def get_absolute_url(self):
        return reverse("assignments:detail", args=[self.pk])

    @property
    def origin_reference(self) -> str:
        """The decision reference as the city writes it: "KF 2022-06-16 § 4, punkt 3"."""
        if self.origin_body is None:
            return ""
        parts = [self.origin_body.short_name]
        if self.origin_date:
            parts.append(self.origin_date.isoformat())
        if self.origin_paragraph:
            parts.append(f"§ {self.origin_paragraph}")
        text = " ".join(parts)
        if self.origin_point:
            text += f", punkt {self.origin_point}"
        return text


class Responsibility(models.Model):
    assignment = models.ForeignKey(
        Assignment, verbose_name=_("uppdrag"), on_delete=models.CASCADE, related_name="responsibilities"
    )
    board = models.ForeignKey(Board, verbose_name=_("nämnd"), on_delete=models.PROTECT, related_name="responsibilities")
    is_lead = models.BooleanField(_("huvudansvarig"), default=False)
    # When the board was given the assignment, which may be after the assignment was created: the
    # notices to the board's handläggare go by it.
    created_at = models.DateTimeField(_("tilldelat"), default=timezone.now, editable=False, db_index=True)

    class Meta:
        verbose_name = _("ansvar")
        verbose_name_plural = _("ansvariga")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "board"], name="responsibility_unique"),
            models.UniqueConstraint(fields=["assignment"], condition=Q(is_lead=True), name="responsibility_one_lead"),
        ]

    def __str__(self):
        return f"{self.board} – {self.assignment.dnr}"


class StatusReport(models.Model):
    """A board's report on an assignment in one reporting period."""

    class Proposal(models.TextChoices):
        PARTIAL = "partial", _("Delredovisning")
        COMPLETE = "complete", _("Slutredovisning – föreslås förklarat fullgjort")

    class Decision(models.TextChoices):
        PENDING = "", _("Ej beslutad")
        APPROVED = "approved", _("Godkänd")
        NOT_APPROVED = "not_approved", _("Ej godkänd")

    assignment = models.ForeignKey(
        Assignment, verbose_name=_("uppdrag"), on_delete=models.CASCADE, related_name="status_reports"
    )
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="status_reports"
    )
    board = models.ForeignKey(
        Board, verbose_name=_("rapporterande nämnd"), on_delete=models.PROTECT, related_name="status_reports"
    )
    text = models.TextField(_("redovisning"))
    proposes = models.CharField(_("förslag"), max_length=10, choices=Proposal.choices)
    decision = models.CharField(
        _("beslut om redovisningen"), max_length=15, choices=Decision.choices, blank=True, default=""
    )
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("författare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="status_reports",
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("statusrapport")
        verbose_name_plural = _("statusrapporter")
        ordering = ["period__year", "period__kind", "id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "period", "board"], name="status_report_unique_per_period"),
            models.CheckConstraint(condition=~Q(text=""), name="status_report_text_not_empty"),
        ]

    def __str__(self):
        return f"{self.assignment.dnr} – {self.period}"


class StatusChange(models.Model):
    """One step of an assignment through the status workflow: who moved it, from what, to what, and why."""

    assignment = models.ForeignKey(
        Assignment, verbose_name=_("uppdrag"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("från status"), max_length=20, choices=Assignment.Status.choices)
    to_status = models.CharField(_("till status"), max_length=20, choices=Assignment.Status.choices)
    reason = models.TextField(_("motivering"), blank=True)
    status_report = models.ForeignKey(
        StatusReport,
        verbose_name=_("statusrapport"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="status_changes",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ändrad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignment_status_changes",
    )
    changed_at = models.DateTimeField(_("tidpunkt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("statusändring")
        verbose_name_plural = _("statusändringar")
        ordering = ["changed_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(from_status=models.F("to_status")), name="status_change_changes"),
        ]

    def __str__(self):
        return f"{self.assignment.dnr}: {self.get_from_status_display()} → {self.get_to_status_display()}"
