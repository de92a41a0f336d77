"""The verkställighetsregister: every assignment KF and KS gave, per year and body, and where it stands.

It is the yearly account of open council assignments that auditors ask for, generated from the
records rather than compiled by hand. A row is an assignment; the decision point that gave it (when
the case is registered) links to its case. The year is the year of the decision, or for an
assignment of a KF budget without a known decision date the budget year. One query per table,
whatever the number of rows (see tests/reports/test_register.py).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from assignments.filters import DONE_STATUSES
from assignments.models import Assignment, Board, StatusReport
from core.form_errors import PrintableErrors
from motions.models import DecisionPoint

# The bodies that give assignments; a row whose origin body is unknown falls back on its source.
BODIES = ("kommunfullmaktige", "kommunstyrelsen")
_SOURCE_BODY = {
    Assignment.Source.KF_BUDGET: "kommunfullmaktige",
    Assignment.Source.KF_OUTSIDE_BUDGET: "kommunfullmaktige",
    Assignment.Source.KS: "kommunstyrelsen",
}


class Tally:
    """The four counts of the register, in the order the page shows them."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    NO_REPORT = "no_report"
    LABELS = {
        DONE: _("Förklarade fullgjorda"),
        IN_PROGRESS: _("Pågående"),
        NOT_STARTED: _("Ej påbörjade"),
        NO_REPORT: _("Utan statusrapport"),
    }


def tally_of(status: str) -> str:
    if status == Assignment.Status.COMPLETED:
        return Tally.DONE
    if status == Assignment.Status.NOT_STARTED:
        return Tally.NOT_STARTED
    return Tally.IN_PROGRESS


@dataclass
class RegisterRow:
    assignment: Assignment
    year: int | None
    body: Board | None
    point: DecisionPoint | None
    last_report: StatusReport | None
    overdue: bool

    @property
    def boards(self) -> list[Board]:
        return [responsibility.board for responsibility in self.assignment.responsibilities.all()]

    @property
    def lead(self) -> Board | None:
        return next((r.board for r in self.assignment.responsibilities.all() if r.is_lead), None)

    @property
    def case(self):
        if self.point is None:
            return None
        owner = self.point.decision or self.point.proposal or self.point.motion
        return owner.case


@dataclass
class RegisterGroup:
    year: int | None
    body: Board | None
    rows: list[RegisterRow] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return counts_of(self.rows)


@dataclass
class Register:
    groups: list[RegisterGroup]
    year: int | None
    body: Board | None
    today: datetime.date

    @property
    def rows(self) -> list[RegisterRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return counts_of(self.rows)

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.rows if row.overdue)

    @property
    def title(self) -> str:
        parts = [str(_("Verkställighetsregister"))]
        if self.body:
            parts.append(self.body.name)
        if self.year:
            parts.append(str(self.year))
        return " – ".join(parts)

    @property
    def filename(self) -> str:
        parts = ["verkstallighetsregister"]
        if self.body:
            parts.append(self.body.slug)
        if self.year:
            parts.append(str(self.year))
        return "-".join(parts)


def counts_of(rows: list[RegisterRow]) -> list[tuple[str, str, int]]:
    found = Counter(tally_of(row.assignment.status) for row in rows)
    found[Tally.NO_REPORT] = sum(1 for row in rows if row.last_report is None)
    return [(key, label, found[key]) for key, label in Tally.LABELS.items()]


def _year(assignment: Assignment) -> int | None:
    if assignment.origin_date:
        return assignment.origin_date.year
    return assignment.budget_year


def _body_filter(slug: str) -> Q:
    sources = [source for source, body in _SOURCE_BODY.items() if body == slug]
    return Q(origin_body__slug=slug) | Q(origin_body__isnull=True, source__in=sources)


def register_assignments(*, year: int | None = None, body: Board | None = None):
    """The assignments of the register, read with everything a row shows (four queries in all)."""
    assignments = Assignment.objects.filter(_body_filter(BODIES[0]) | _body_filter(BODIES[1]))
    if body is not None:
        assignments = assignments.filter(_body_filter(body.slug))
    if year is not None:
        assignments = assignments.filter(Q(origin_date__year=year) | Q(origin_date__isnull=True, budget_year=year))
    reports = StatusReport.objects.select_related("period", "board").order_by(
        "-period__year", "-period__kind", "-updated_at", "-id"
    )
    # The point that gave the assignment, from a decision before a proposal or a motion.
    points = DecisionPoint.objects.select_related(
        "decision__case", "decision__meeting", "proposal__case", "motion__case"
    ).order_by("decision_id", "proposal_id", "id")
    return assignments.with_boards().prefetch_related(
        Prefetch("status_reports", queryset=reports, to_attr="reports_latest_first"),
        Prefetch("decision_points", queryset=points, to_attr="giving_points"),
    )


def build_register(*, year: int | None = None, body: Board | None = None, today: datetime.date) -> Register:
    bodies = {board.slug: board for board in Board.objects.filter(slug__in=BODIES)}
    groups: dict[tuple, RegisterGroup] = {}
    for assignment in register_assignments(year=year, body=body):
        origin = assignment.origin_body or bodies.get(_SOURCE_BODY.get(assignment.source, ""))
        row = RegisterRow(
            assignment=assignment,
            year=_year(assignment),
            body=origin,
            point=_giving_point(assignment.giving_points),
            last_report=assignment.reports_latest_first[0] if assignment.reports_latest_first else None,
            overdue=bool(
                assignment.deadline and assignment.deadline < today and assignment.status not in DONE_STATUSES
            ),
        )
        key = (row.year, origin.slug if origin else "")
        groups.setdefault(key, RegisterGroup(row.year, origin)).rows.append(row)
    ordered = sorted(
        groups.values(),
        key=lambda group: (-(group.year or 0), BODIES.index(group.body.slug) if group.body in bodies.values() else 9),
    )
    for group in ordered:
        group.rows.sort(key=lambda row: (row.assignment.origin_date or datetime.date.min, row.assignment.dnr))
    return Register(ordered, year, body, today)


def _giving_point(points: list[DecisionPoint]) -> DecisionPoint | None:
    decided = [point for point in points if point.decision_id]
    return (decided or points or [None])[0]


class RegisterFilterForm(PrintableErrors, forms.Form):
    """?ar=2023&organ=kommunfullmaktige: both optional, both bookmarkable."""

    ar = forms.IntegerField(label=_("År"), required=False, min_value=2000, max_value=2100)
    organ = forms.ModelChoiceField(
        label=_("Beslutande organ"),
        queryset=Board.objects.filter(slug__in=BODIES),
        to_field_name="slug",
        required=False,
        empty_label=_("KF och KS"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ar"].error_messages.update(
            invalid=_("Ange året med fyra siffror, t.ex. 2023."),
            min_value=_("Året måste vara 2000 eller senare."),
            max_value=_("Året måste vara 2100 eller tidigare."),
        )
        self.fields["organ"].error_messages["invalid_choice"] = _(
            "Välj kommunfullmäktige eller kommunstyrelsen; det organet finns inte i registret."
        )
