"""The filters of the assignment list (/uppdrag/), shared by the page, its exports and the feeds.

Every filter is a URL parameter with a Swedish name, so a filtered view can be bookmarked and sent
to a colleague. Filters on related rows use EXISTS subqueries rather than joins: no DISTINCT is
needed, and the counts per status stay one GROUP BY query.
"""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.form_errors import PrintableErrors

from .models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport
from .selectors import period_by_slug

DUE_SOON_DAYS = 30
DONE_STATUSES = (Assignment.Status.REPORTED_COMPLETE, Assignment.Status.COMPLETED)
STATUS_ORDER = [value for value, _label in Assignment.Status.choices]


class Deadline:
    PASSED = "passerad"
    SOON = "snart"
    CHOICES = [
        ("", _("Alla")),
        (PASSED, _("Slutdatum passerat")),
        (SOON, _("Slutdatum inom 30 dagar")),
    ]


class ReportState:
    HAS = "finns"
    MISSING = "saknas"
    CHOICES = [
        ("", _("Alla")),
        (HAS, _("Har statusrapport för perioden")),
        (MISSING, _("Saknar statusrapport för perioden")),
    ]


SORTS = {
    "": (_("Ordning i rapporten"), ["sort_order", "dnr", "id"]),
    "dnr": (_("Diarienummer, stigande"), ["dnr", "id"]),
    "-dnr": (_("Diarienummer, fallande"), ["-dnr", "-id"]),
    "slutdatum": (_("Slutdatum, tidigast först"), ["deadline", "sort_order", "id"]),
    "-slutdatum": (_("Slutdatum, senast först"), ["-deadline", "sort_order", "id"]),
    "status": (_("Status i arbetsgången"), ["status_rank", "sort_order", "id"]),
    "andrad": (_("Senast ändrad först"), ["-updated_at", "-id"]),
}


def period_choices():
    return [("", _("Alla perioder"))] + [
        (f"{period.year}-{period.slug}", str(period)) for period in ReportingPeriod.objects.order_by("-year", "-kind")
    ]


def parse_period(value: str) -> ReportingPeriod | None:
    year, _sep, slug = value.partition("-")
    # ASCII digits only and no more than a year has: "²" passes str.isdigit() but not int().
    if not (year.isascii() and year.isdigit() and len(year) <= 4):
        return None
    return period_by_slug(int(year), slug)


class AssignmentFilterForm(PrintableErrors, forms.Form):
    q = forms.CharField(label=_("Sök på diarienummer eller ord i texten"), required=False, max_length=200)
    namnd = forms.ModelMultipleChoiceField(
        label=_("Ansvarig nämnd"),
        required=False,
        queryset=Board.objects.order_by("name"),
        to_field_name="slug",
        error_messages={"invalid_choice": _("Nämnden %(value)s finns inte.")},
    )
    status = forms.MultipleChoiceField(
        label=_("Status"),
        required=False,
        choices=Assignment.Status.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Okänd status: %(value)s.")},
    )
    kalla = forms.ChoiceField(
        label=_("Källa"),
        required=False,
        choices=[("", _("Alla källor"))] + list(Assignment.Source.choices),
        error_messages={"invalid_choice": _("Okänd källa: %(value)s.")},
    )
    ar = forms.IntegerField(
        label=_("Beslutsår eller budgetår"),
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={"invalid": _("Skriv året med fyra siffror, till exempel 2023.")},
    )
    period = forms.ChoiceField(
        label=_("Rapporteringsperiod"),
        required=False,
        error_messages={"invalid_choice": _("Perioden %(value)s finns inte.")},
    )
    rapport = forms.ChoiceField(
        label=_("Statusrapport"),
        required=False,
        choices=ReportState.CHOICES,
        error_messages={"invalid_choice": _("Okänt val för statusrapport: %(value)s.")},
    )
    frist = forms.ChoiceField(
        label=_("Slutdatum"),
        required=False,
        choices=Deadline.CHOICES,
        error_messages={"invalid_choice": _("Okänt val för slutdatum: %(value)s.")},
    )
    sortera = forms.ChoiceField(
        label=_("Sortera efter"),
        required=False,
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
        error_messages={"invalid_choice": _("Okänd sortering: %(value)s.")},
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and hasattr(data, "getlist"):
            # "?namnd=" is the explicit "all boards" of the clear-filter link, not an unknown board.
            data = data.copy()
            data.setlist("namnd", [value for value in data.getlist("namnd") if value.strip()])
        super().__init__(data, *args, **kwargs)
        self.fields["period"].choices = period_choices()

    def clean(self):
        data = super().clean()
        if data.get("period"):
            data["period"] = parse_period(data["period"])
            if data["period"] is None:
                self.add_error("period", _("Perioden finns inte."))
        if data.get("rapport") and not data.get("period"):
            self.add_error("rapport", _("Välj en rapporteringsperiod för att filtrera på statusrapport."))
        return data


def filter_assignments(queryset: QuerySet, data: dict, *, today: datetime.date | None = None) -> QuerySet:
    """Apply the cleaned filters of AssignmentFilterForm (all but the sorting)."""
    today = today or timezone.localdate()
    if data.get("q"):
        for word in data["q"].split():
            queryset = queryset.filter(Q(text__icontains=word) | Q(dnr__icontains=word))
    boards = data.get("namnd")
    if boards:
        board_ids = [board.pk for board in boards] if not isinstance(boards, Board) else [boards.pk]
        queryset = queryset.filter(
            Exists(Responsibility.objects.filter(assignment=OuterRef("pk"), board_id__in=board_ids))
        )
    if data.get("status"):
        queryset = queryset.filter(status__in=data["status"])
    if data.get("kalla"):
        queryset = queryset.filter(source=data["kalla"])
    if data.get("ar"):
        queryset = queryset.filter(Q(budget_year=data["ar"]) | Q(origin_date__year=data["ar"]))
    period = data.get("period")
    if isinstance(period, ReportingPeriod):
        reported = Exists(StatusReport.objects.filter(assignment=OuterRef("pk"), period=period))
        queryset = queryset.filter(~reported if data.get("rapport") == ReportState.MISSING else reported)
    frist = data.get("frist")
    if frist == Deadline.PASSED:
        queryset = queryset.filter(deadline__lt=today).exclude(status__in=DONE_STATUSES)
    elif frist == Deadline.SOON:
        queryset = queryset.filter(
            deadline__gte=today, deadline__lte=today + datetime.timedelta(days=DUE_SOON_DAYS)
        ).exclude(status__in=DONE_STATUSES)
    return queryset


def sort_assignments(queryset: QuerySet, key: str) -> QuerySet:
    _label, order = SORTS.get(key or "", SORTS[""])
    if "status_rank" in order:
        queryset = queryset.annotate(
            status_rank=Case(
                *[When(status=value, then=Value(rank)) for rank, value in enumerate(STATUS_ORDER)],
                output_field=IntegerField(),
            )
        )
    return queryset.order_by(*order)


def status_counts(queryset: QuerySet) -> list[dict]:
    """How many of the filtered assignments are in each status, in workflow order, zeros included."""
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("id")))
    return [
        {"value": value, "label": label, "count": counts.get(value, 0)} for value, label in Assignment.Status.choices
    ]
