"""The verkställighetsregister: every assignment KF and KS gave, per year and body, and where it stands.

It is the yearly account of open council assignments that auditors ask for, generated from the
records rather than compiled by hand. A row is an assignment; the decision point that gave it (when
the case is registered) links to its case. The year is the year of the decision, or for an
assignment of a KF budget without a known decision date the budget year. The counts per year and
body are one GROUP BY query; the rows (a page of them on screen, all in the PDF and Excel file)
are read with a fixed number of queries, whatever their number (tests/reports/test_register.py).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import Case, Count, Exists, F, Func, IntegerField, OuterRef, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce
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
    def case(self):
        if self.point is None:
            return None
        owner = self.point.decision or self.point.proposal or self.point.motion
        return owner.case


@dataclass
class RegisterGroup:
    """The counts of one year and body (the rows are listed, and paged, apart from them)."""

    year: int | None
    body: Board | None
    tallies: Counter = field(default_factory=Counter)
    total: int = 0
    overdue: int = 0

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [(key, label, self.tallies[key]) for key, label in Tally.LABELS.items()]


@dataclass
class Register:
    groups: list[RegisterGroup]
    year: int | None
    body: Board | None
    today: datetime.date
    bodies: dict[int, Board]

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)

    @property
    def overdue(self) -> int:
        return sum(group.overdue for group in self.groups)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        tallies = sum((group.tallies for group in self.groups), Counter())
        return [(key, label, tallies[key]) for key, label in Tally.LABELS.items()]

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

    def assignments(self):
        """The register's assignments in its order (newest year first, KF before KS), not yet read.

        Whatever slice of it is read (a page, or all in chunks) comes with its boards, reports and
        decision points in four more queries.
        """
        return _with_row_data(_ordered(_annotated(self.bodies, year=self.year, body=self.body), self.bodies))

    def assignments_between(self, start: int, stop: int):
        """The register's assignments start:stop (a page), read from the groups that page falls in.

        The groups are counted in the rows' order (year, then body), so a page lies within the few
        groups whose running totals span it: the database sorts those groups' rows, not the whole
        register's, for every page.
        """
        skipped, seen = 0, 0
        within = Q(pk__in=[])
        for group in self.groups:
            if seen >= stop:
                break
            if seen + group.total <= start:
                skipped += group.total
            else:
                year = Q(register_year=group.year) if group.year is not None else Q(register_year__isnull=True)
                within |= year & Q(register_body=group.body.pk)
            seen += group.total
        return self.assignments().filter(within)[start - skipped : stop - skipped]

    def rows(self, assignments) -> list[RegisterRow]:
        return [self._row(assignment) for assignment in assignments]

    def _row(self, assignment: Assignment) -> RegisterRow:
        reports = assignment.reports_latest_first
        return RegisterRow(
            assignment=assignment,
            year=assignment.register_year,
            body=self.bodies.get(assignment.register_body),
            point=_giving_point(assignment.giving_points),
            last_report=reports[0] if reports else None,
            overdue=is_overdue(assignment, self.today),
        )


def is_overdue(assignment: Assignment, today: datetime.date) -> bool:
    """Past its deadline and not reported done: the rule of the assignment list's "slutdatum passerat"."""
    return bool(assignment.deadline and assignment.deadline < today and assignment.status not in DONE_STATUSES)


class _Year(Func):
    """The year of a date column: EXTRACT on PostgreSQL; on SQLite the first four characters of the ISO
    text the column holds, without the Python function Django's ExtractYear calls there for every row."""

    template = "EXTRACT(YEAR FROM %(expressions)s)"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="CAST(SUBSTR(%(expressions)s, 1, 4) AS integer)", **extra)


def _year_of(field: str):
    return _Year(F(field))


def _annotated(bodies: dict[int, Board], *, year: int | None, body: Board | None):
    """The assignments KF and KS gave, each with the year and body it is registered under."""
    by_slug = {board.slug: board.pk for board in bodies.values()}
    source_body = [
        When(source=source, then=Value(by_slug[slug])) for source, slug in _SOURCE_BODY.items() if slug in by_slug
    ]
    assignments = Assignment.objects.annotate(
        register_year=Coalesce(_year_of("origin_date"), "budget_year", output_field=IntegerField()),
        register_body=Coalesce(
            "origin_body_id", Case(*source_body, default=None, output_field=IntegerField()), output_field=IntegerField()
        ),
    ).filter(register_body__in=list(bodies))
    if body is not None:
        assignments = assignments.filter(register_body=body.pk)
    if year is not None:
        assignments = assignments.filter(register_year=year)
    return assignments


def _ordered(assignments, bodies: dict[int, Board]):
    rank = Case(
        *[When(register_body=pk, then=Value(BODIES.index(board.slug))) for pk, board in bodies.items()],
        default=Value(len(BODIES)),
        output_field=IntegerField(),
    )
    return assignments.annotate(body_rank=rank).order_by(
        F("register_year").desc(nulls_last=True), "body_rank", F("origin_date").asc(nulls_first=True), "dnr", "id"
    )


def _with_row_data(assignments):
    # A row shows which report is the latest, never its text: the texts are most of the bytes.
    reports = (
        StatusReport.objects.select_related("period", "board")
        .only(
            "assignment_id",
            "proposes",
            "updated_at",
            "period__year",
            "period__kind",
            "board__name",
            "board__short_name",
            "board__slug",
        )
        .order_by("-period__year", "-period__kind", "-updated_at", "-id")
    )
    # The point that gave the assignment, from a decision before a proposal or a motion.
    points = (
        DecisionPoint.objects.select_related("decision__case", "proposal__case", "motion__case")
        .defer("text", "decision__text", "proposal__title", "motion__justification", "motion__import_notes")
        .order_by("decision_id", "proposal_id", "id")
    )
    return assignments.with_boards().prefetch_related(
        Prefetch("status_reports", queryset=reports, to_attr="reports_latest_first"),
        Prefetch("decision_points", queryset=points, to_attr="giving_points"),
    )


def build_register(*, year: int | None = None, body: Board | None = None, today: datetime.date) -> Register:
    """The counts per year and body in one GROUP BY query; the rows are read by Register.rows()."""
    bodies = {board.pk: board for board in Board.objects.filter(slug__in=BODIES)}
    reported = Exists(StatusReport.objects.filter(assignment=OuterRef("pk")))
    late = Q(deadline__lt=today) & ~Q(status__in=DONE_STATUSES)
    counts = (
        _annotated(bodies, year=year, body=body)
        .order_by()
        .values_list("register_year", "register_body")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(status=Assignment.Status.COMPLETED)),
            not_started=Count("id", filter=Q(status=Assignment.Status.NOT_STARTED)),
            no_report=Count("id", filter=~reported),
            late=Count("id", filter=late),
        )
    )
    groups = []
    for group_year, group_body, total, done, not_started, no_report, overdue in counts:
        tallies = Counter(
            {
                Tally.DONE: done,
                Tally.NOT_STARTED: not_started,
                Tally.IN_PROGRESS: total - done - not_started,
                Tally.NO_REPORT: no_report,
            }
        )
        groups.append(RegisterGroup(group_year, bodies.get(group_body), tallies, total, overdue))
    groups.sort(key=lambda group: (-(group.year or 0), BODIES.index(group.body.slug) if group.body else len(BODIES)))
    return Register(groups, year, body, today, bodies)


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
