"""Synthetic boards, reporting periods, assignments, responsibilities and status reports."""

import datetime
import random

from assignments.models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport

from .marks import ASSIGNMENTS_PER_FACTOR, BOARD_SLUG_PREFIX, DNR_FIRST_YEAR, MARK, SYNTHETIC_BOARDS, YEARS
from .words import COMMITTEE_NAMES, COMPANY_NAMES, OBJECTS, sentence
from .writer import Writer


def create_boards(writer: Writer, rng: random.Random) -> list[Board]:
    names = [(name, Board.Kind.COMMITTEE) for name in COMMITTEE_NAMES] + [
        (name, Board.Kind.COMPANY) for name in COMPANY_NAMES
    ]
    boards = []
    for index, (name, kind) in enumerate(names[:SYNTHETIC_BOARDS], start=1):
        words = [word for word in name.replace("-", " ").split() if word[0].isupper() or len(word) > 3]
        short = "".join(word[0] for word in words).upper()[:4] or "SYN"
        boards.append(
            Board(
                slug=f"{BOARD_SLUG_PREFIX}{index:02d}",
                name=f"{MARK} {name}",
                short_name=f"S-{short}{index}",
                kind=kind,
            )
        )
    return writer.create(Board, boards, dates=[datetime.date(YEARS[0], 1, 1)] * len(boards))


def create_periods(writer: Writer) -> list[ReportingPeriod]:
    existing = {(p.year, p.kind): p for p in ReportingPeriod.objects.all()}
    missing = []
    for year in YEARS:
        for kind in ReportingPeriod.Kind:
            if (year, kind.value) not in existing:
                deadline = {1: datetime.date(year, 4, 15), 2: datetime.date(year, 9, 15)}.get(
                    kind.value, datetime.date(year + 1, 2, 15)
                )
                missing.append(ReportingPeriod(year=year, kind=kind.value, report_deadline=deadline))
    ReportingPeriod.objects.bulk_create(missing)
    writer.counts[ReportingPeriod._meta.label] = len(missing)
    return list(ReportingPeriod.objects.filter(year__in=YEARS).order_by("year", "kind"))


def period_date(period: ReportingPeriod) -> datetime.date:
    return {1: datetime.date(period.year, 3, 31), 2: datetime.date(period.year, 8, 31)}.get(
        period.kind, datetime.date(period.year, 12, 31)
    )


def _dnr(index: int) -> str:
    number = index % 9999 + 1
    year = DNR_FIRST_YEAR + (index // 9999) % 10
    return f"{number:04d}/{year:02d}"


def create_assignments(writer, rng, factor, boards, periods, kf, ks):
    count = max(1, round(ASSIGNMENTS_PER_FACTOR * factor))
    statuses = [
        (Assignment.Status.NOT_STARTED, 10),
        (Assignment.Status.IN_PROGRESS, 40),
        (Assignment.Status.PARTIALLY_REPORTED, 20),
        (Assignment.Status.REPORTED_COMPLETE, 15),
        (Assignment.Status.COMPLETED, 15),
    ]
    status_values = [s for s, _ in statuses]
    status_weights = [w for _, w in statuses]
    plans = []
    assignments = []
    dates = []
    for index in range(count):
        start = rng.randrange(0, len(periods) - 8)
        year = periods[start].year
        source = rng.choices(
            [Assignment.Source.KF_BUDGET, Assignment.Source.KF_OUTSIDE_BUDGET, Assignment.Source.KS], [50, 25, 25]
        )[0]
        origin = ks if source == Assignment.Source.KS else kf
        origin_date = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        responsible = rng.sample(boards, rng.choices([1, 2, 3], [60, 30, 10])[0])
        lead = responsible[0]
        status = rng.choices(status_values, status_weights)[0]
        has_deadline = rng.random() < 0.7
        assignments.append(
            Assignment(
                dnr=_dnr(index),
                text=f"{MARK} {lead.name.removeprefix(MARK + ' ')} får i uppdrag att {sentence(rng)}.",
                source=source,
                budget_year=year if source == Assignment.Source.KF_BUDGET else None,
                origin_body=origin,
                origin_date=origin_date,
                origin_paragraph=str(rng.randint(1, 400)),
                origin_point=str(rng.randint(1, 12)) if rng.random() < 0.6 else "",
                addressed_to_all_boards=rng.random() < 0.03,
                deadline=origin_date + datetime.timedelta(days=rng.randint(180, 1100)) if has_deadline else None,
                deadline_note="" if has_deadline else "Enligt tidplan i beslutet",
                status=status,
                sort_order=10000 + index,
            )
        )
        dates.append(origin_date)
        reports = 0 if status == Assignment.Status.NOT_STARTED else rng.randint(3, 7)
        plans.append((responsible, start, reports, status))
    assignments = writer.create(Assignment, assignments, dates=dates)

    responsibilities = []
    reports = []
    report_dates = []
    for assignment, (responsible, start, report_count, status) in zip(assignments, plans, strict=True):
        for position, board in enumerate(responsible):
            responsibilities.append(Responsibility(assignment=assignment, board=board, is_lead=position == 0))
        for offset in range(report_count):
            period = periods[start + offset]
            last = offset == report_count - 1
            complete = last and status in (Assignment.Status.REPORTED_COMPLETE, Assignment.Status.COMPLETED)
            if last and status == Assignment.Status.REPORTED_COMPLETE:
                decision = StatusReport.Decision.PENDING
            else:
                decision = StatusReport.Decision.APPROVED if rng.random() < 0.9 else StatusReport.Decision.NOT_APPROVED
            reporters = responsible[:1] if len(responsible) == 1 or rng.random() < 0.7 else responsible[:2]
            for board in reporters:
                reports.append(
                    StatusReport(
                        assignment=assignment,
                        period=period,
                        board=board,
                        text=(
                            f"{MARK} Under {period.get_kind_display().lower()} {period.year} har arbetet med att "
                            f"{sentence(rng)} fortsatt. {rng.choice(OBJECTS).capitalize()} har följts upp "
                            f"tillsammans med berörda förvaltningar."
                        ),
                        proposes=StatusReport.Proposal.COMPLETE if complete else StatusReport.Proposal.PARTIAL,
                        decision=decision,
                        decided_on=period_date(period) + datetime.timedelta(days=45) if decision else None,
                    )
                )
                report_dates.append(period_date(period))
    writer.create(Responsibility, responsibilities)
    writer.create(StatusReport, reports, dates=report_dates)
    return assignments
