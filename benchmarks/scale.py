"""City-sized synthetic data on top of the real fixtures, for the benchmark and for load tests.

At factor 1: about 2,000 assignments, 10,000 status reports, 500 cases with 2,500 motions and
25,000 decision points, cost estimates, financing classes and a financial statement for every
board and period, and a history row for every created object. Everything is generated from one
random.Random(seed), so the same factor and seed give the same data.

Everything synthetic is marked so it cannot be taken for, or collide with, real records:
- texts and titles begin with "[Syntetisk]";
- boards are named "[Syntetisk] …" and have slugs beginning with "syntetisk-";
- case numbers use the series SYNT-ÅÅÅÅ-NNNNN, which the city does not use;
- assignment diarienummer use the years 90–99 (NNNN/90 … NNNN/99), long before the product's
  and the real documents' years.
"""

import datetime
import random
from collections.abc import Callable

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from assignments.models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport
from budget.models import CostEstimate, FinancialStatement, PointFinancing, StatementLine
from goteborg_uppdrag import seed_loader
from motions.models import Case, Decision, DecisionPoint, Meeting, Motion, OfficialProposal, Party

MARK = "[Syntetisk]"
BOARD_SLUG_PREFIX = "syntetisk-"
CASE_SERIES = "SYNT"
DNR_FIRST_YEAR = 90
YEARS = list(range(2016, 2026))
HISTORY_REASON = "Syntetiska data (seed_scale)"

# Proportions at factor 1.
ASSIGNMENTS_PER_FACTOR = 2000
CASES_PER_FACTOR = 500
MOTIONS_PER_CASE = 5
POINTS_PER_PROPOSAL = 10
POINTS_PER_MOTION = 8
SYNTHETIC_BOARDS = 30

_COMMITTEE_NAMES = [
    "Byggnadsnämnden",
    "Fastighetsnämnden",
    "Trafiknämnden",
    "Park- och naturnämnden",
    "Kretslopp- och vattennämnden",
    "Arkivnämnden",
    "Valnämnden",
    "Överförmyndarnämnden",
    "Nämnden för intraservice",
    "Nämnden för konsumentfrågor",
    "Servicenämnden",
    "Räddningsnämnden",
    "Revisorskollegiet",
    "Jämställdhetsnämnden",
    "Nämnden för digitalisering",
    "Nämnden för energi och klimat",
    "Nämnden för havs- och kustfrågor",
    "Nämnden för ungdomsfrågor",
]
_COMPANY_NAMES = [
    "Göteborg Energi AB",
    "Göteborgs Spårvägar AB",
    "Higab AB",
    "Renova AB",
    "Business Region Göteborg AB",
    "Göteborgs Stads Parkering AB",
    "Älvstranden Utveckling AB",
    "Got Event AB",
    "Förvaltnings AB Göteborgslokaler",
    "Gryning Vård AB",
    "Göteborgs Kex Fastighets AB",
    "Stadsnätet i Göteborg AB",
]
_VERBS = [
    "ta fram en plan för",
    "utreda förutsättningarna för",
    "genomföra en översyn av",
    "i samverkan med berörda nämnder utveckla",
    "återkomma med förslag om",
    "säkerställa",
    "stärka arbetet med",
    "kartlägga",
]
_OBJECTS = [
    "barns trygghet i skolmiljön",
    "kompetensförsörjningen inom äldreomsorgen",
    "energieffektivisering av stadens lokaler",
    "fler vägar till arbete för unga vuxna",
    "tillgängligheten i kollektivtrafiken",
    "föreningslivets lokaler",
    "klimatanpassning av kustnära områden",
    "digital service till medborgarna",
    "minskad nedskräpning i parker",
    "upphandling med sociala hänsyn",
    "bostadsförsörjningen för särskilda grupper",
    "kulturverksamhet i stadens ytterområden",
    "förebyggande arbete mot våld i nära relationer",
    "fossilfria transporter i stadens verksamheter",
    "läsfrämjande insatser för barn",
    "trygghet i offentliga miljöer",
]
_CASE_TOPICS = [
    "Yrkande angående",
    "Förslag om",
    "Remiss angående",
    "Motion om",
    "Hemställan om",
    "Svar på motion om",
]
_STATEMENT_ROWS = [
    ("Intäkter", "intakter", 1),
    ("Kostnader", "kostnader", -1),
    ("Kommunbidrag", "kommunbidrag", 1),
    ("Kommuninterna bidrag", "kommuninterna_bidrag", 1),
    ("Resultat", "resultat", 1),
]


class AlreadySeeded(Exception):
    """The database already holds synthetic data; seed a fresh database instead."""


def is_seeded() -> bool:
    return Board.objects.filter(slug__startswith=BOARD_SLUG_PREFIX).exists()


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)), datetime.UTC)


class _Writer:
    """Insert objects and their "+" history rows, dated when the object came about.

    Rows go in with executemany and explicit primary keys (continuing after the largest one),
    which is several times faster than bulk_create's per-value SQL compilation; PostgreSQL's
    sequences are moved past the new keys at the end (finish()).
    """

    def __init__(self, batch_size: int, log: Callable[[str], None]):
        self.batch_size = batch_size
        self.log = log
        self.counts: dict[str, int] = {}
        self.models = []

    def _count(self, label, number):
        self.counts[label] = self.counts.get(label, 0) + number

    def _insert(self, model, rows_of_values, fields):
        if not rows_of_values:
            return
        quote = connection.ops.quote_name
        sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - quoted names from the models
            quote(model._meta.db_table),
            ", ".join(quote(field.column) for field in fields),
            ", ".join(["%s"] * len(fields)),
        )
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY: one round trip for all rows instead of one per row.
                copy_sql = "COPY {} ({}) FROM STDIN".format(
                    quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields)
                )
                with cursor.cursor.copy(copy_sql) as copy:
                    for row in rows_of_values:
                        copy.write_row(row)
                return
            for first in range(0, len(rows_of_values), self.batch_size):
                cursor.executemany(sql, rows_of_values[first : first + self.batch_size])

    @staticmethod
    def _adapters(fields):
        ops = connection.ops
        adapters = []
        for field in fields:
            internal = field.get_internal_type()
            if internal == "DateTimeField":
                adapters.append(ops.adapt_datetimefield_value)
            elif internal == "DateField":
                adapters.append(ops.adapt_datefield_value)
            else:
                adapters.append(None)
        return adapters

    @staticmethod
    def _values(obj, fields, adapters):
        values = []
        for field, adapt in zip(fields, adapters, strict=True):
            value = getattr(obj, field.attname)
            values.append(adapt(value) if adapt is not None and value is not None else value)
        return values

    def create(self, model, objs, dates=None):
        if not objs:
            return objs
        largest = model.objects.aggregate(largest=Max("pk"))["largest"] or 0
        stamp_fields = [
            f for f in model._meta.concrete_fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        now = timezone.now()
        for index, obj in enumerate(objs):
            obj.pk = largest + 1 + index
            for field in stamp_fields:
                setattr(obj, field.attname, _aware(dates[index]) if dates else now)
        fields = list(model._meta.concrete_fields)
        adapters = self._adapters(fields)
        self._insert(model, [self._values(obj, fields, adapters) for obj in objs], fields)
        self.models.append(model)
        self._count(model._meta.label, len(objs))
        history = getattr(model, "history", None)
        if history is not None:
            historical = history.model
            hist_fields = [f for f in historical._meta.concrete_fields if f.name != "history_id"]
            tail = {f.name for f in hist_fields if f.name.startswith("history_")}
            own = [f for f in hist_fields if f.name not in tail]
            source_fields = [model._meta.get_field(f.name) for f in own]
            history_fields = [
                historical._meta.get_field(name) for name in ("history_date", "history_type", "history_change_reason")
            ]
            if "history_user" in tail:
                history_fields.append(historical._meta.get_field("history_user"))
            adapters = self._adapters(source_fields)
            date_adapt = connection.ops.adapt_datetimefield_value
            rows = []
            for index, obj in enumerate(objs):
                extra = [date_adapt(_aware(dates[index]) if dates else now), "+", HISTORY_REASON]
                if len(history_fields) == 4:
                    extra.append(None)
                rows.append(self._values(obj, source_fields, adapters) + extra)
            self._insert(historical, rows, own + history_fields)
            self._count(f"{model._meta.label} (historik)", len(rows))
        self.log(f"  {model._meta.verbose_name_plural}: {len(objs)}")
        return objs

    def through(self, relation, pairs):
        """Rows of a many-to-many table from (from_id, to_id) pairs."""
        through = relation.through
        fields = [f for f in through._meta.concrete_fields if not f.primary_key]
        self._insert(through, [list(pair) for pair in pairs], fields)
        self.models.append(through)
        self._count(through._meta.label, len(pairs))

    def finish(self):
        """Move PostgreSQL's id sequences past the keys given explicitly."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(dict.fromkeys(self.models)))
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"


def _boards(writer: _Writer, rng: random.Random) -> list[Board]:
    names = [(name, Board.Kind.COMMITTEE) for name in _COMMITTEE_NAMES] + [
        (name, Board.Kind.COMPANY) for name in _COMPANY_NAMES
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


def _periods(writer: _Writer) -> list[ReportingPeriod]:
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


def _period_date(period: ReportingPeriod) -> datetime.date:
    return {1: datetime.date(period.year, 3, 31), 2: datetime.date(period.year, 8, 31)}.get(
        period.kind, datetime.date(period.year, 12, 31)
    )


def _dnr(index: int) -> str:
    number = index % 9999 + 1
    year = DNR_FIRST_YEAR + (index // 9999) % 10
    return f"{number:04d}/{year:02d}"


def _assignments(writer, rng, factor, boards, periods, kf, ks):
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
                text=f"{MARK} {lead.name.removeprefix(MARK + ' ')} får i uppdrag att {_sentence(rng)}.",
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
                            f"{_sentence(rng)} fortsatt. {rng.choice(_OBJECTS).capitalize()} har följts upp "
                            f"tillsammans med berörda förvaltningar."
                        ),
                        proposes=StatusReport.Proposal.COMPLETE if complete else StatusReport.Proposal.PARTIAL,
                        decision=decision,
                        decided_on=_period_date(period) + datetime.timedelta(days=45) if decision else None,
                    )
                )
                report_dates.append(_period_date(period))
    writer.create(Responsibility, responsibilities)
    writer.create(StatusReport, reports, dates=report_dates)
    return assignments


def _meetings(writer, ks, needed):
    """KS meetings every other Wednesday, skipping dates the real data already uses."""
    taken = set(Meeting.objects.filter(body=ks).values_list("date", flat=True))
    day = datetime.date(YEARS[0], 1, 6)
    meetings = []
    while len(meetings) < needed:
        if day not in taken:
            meetings.append(Meeting(body=ks, date=day))
        day += datetime.timedelta(days=14)
    return writer.create(Meeting, meetings)


def _cases(writer, rng, factor, boards, ks, slk, parties, assignments):
    count = max(1, round(CASES_PER_FACTOR * factor))
    meetings = _meetings(writer, ks, max(1, count // 8))
    cases, case_dates, plans = [], [], []
    for index in range(count):
        meeting = meetings[index * len(meetings) // count]
        topic = rng.choice(_OBJECTS)
        cases.append(
            Case(
                case_number=f"{CASE_SERIES}-{meeting.date.year}-{index + 1:05d}",
                title=f"{MARK} {rng.choice(_CASE_TOPICS)} {topic}",
            )
        )
        case_dates.append(meeting.date - datetime.timedelta(days=30))
        plans.append((meeting, topic))
    cases = writer.create(Case, cases, dates=case_dates)

    proposals = [
        OfficialProposal(
            case=case,
            title=f"{MARK} Tjänsteutlåtande: {topic}",
            author_body=slk,
            issued=meeting.date - datetime.timedelta(days=30),
            addressed_to="Kommunstyrelsen",
        )
        for case, (meeting, topic) in zip(cases, plans, strict=True)
    ]
    proposals = writer.create(OfficialProposal, proposals, dates=[p.issued for p in proposals])

    kinds = [
        Motion.Kind.YRKANDE,
        Motion.Kind.TILLAGGSYRKANDE,
        Motion.Kind.ANDRINGSYRKANDE,
        Motion.Kind.ATERREMISSYRKANDE,
    ]
    motions, motion_dates, motion_parties = [], [], []
    for case, (meeting, topic) in zip(cases, plans, strict=True):
        for position in range(MOTIONS_PER_CASE):
            motions.append(
                Motion(
                    case=case,
                    kind=rng.choices(kinds, [60, 20, 15, 5])[0],
                    title=f"{MARK} Yrkande angående {topic}",
                    date=meeting.date - datetime.timedelta(days=1),
                    body=ks,
                    meeting=meeting,
                    approves_rest=rng.random() < 0.3,
                    justification=f"{MARK} Vi vill {_sentence(rng)} och därför {_sentence(rng)}.",
                    sort_order=position + 1,
                )
            )
            motion_dates.append(meeting.date - datetime.timedelta(days=1))
            motion_parties.append(rng.sample(parties, rng.choices([1, 2, 3], [50, 30, 20])[0]))
    motions = writer.create(Motion, motions, dates=motion_dates)
    writer.through(
        Motion.parties,
        [(motion.pk, party.pk) for motion, chosen in zip(motions, motion_parties, strict=True) for party in chosen],
    )

    points, point_dates, point_boards = [], [], []
    assignment_iter = iter(assignments)
    for proposal in proposals:
        for number in range(1, POINTS_PER_PROPOSAL + 1):
            board = rng.choice(boards)
            points.append(
                DecisionPoint(
                    proposal=proposal,
                    number=number,
                    text=f"{MARK} {board.name.removeprefix(MARK + ' ')} får i uppdrag att {_sentence(rng)}.",
                    assignment=next(assignment_iter, None) if number == 1 else None,
                )
            )
            point_dates.append(proposal.issued)
            point_boards.append(board)
    proposal_point_count = len(points)
    for motion in motions:
        for number in range(1, POINTS_PER_MOTION + 1):
            points.append(
                DecisionPoint(
                    motion=motion,
                    number=number,
                    text=f"{MARK} Att {_sentence(rng)}.",
                )
            )
            point_dates.append(motion.date)
    points = writer.create(DecisionPoint, points, dates=point_dates)
    writer.through(
        DecisionPoint.responsible_boards,
        [(point.pk, board.pk) for point, board in zip(points[:proposal_point_count], point_boards, strict=True)],
    )

    outcomes = [Decision.Outcome.ADOPTED, Decision.Outcome.REFERRED_BACK, Decision.Outcome.TABLED]
    decisions = []
    paragraph = {}
    for case, (meeting, _topic) in zip(cases, plans, strict=True):
        paragraph[meeting.pk] = paragraph.get(meeting.pk, 0) + 1
        decisions.append(
            Decision(
                meeting=meeting,
                paragraph=paragraph[meeting.pk],
                case=case,
                outcome=rng.choices(outcomes, [80, 10, 10])[0],
                text=f"{MARK} Kommunstyrelsen beslutar i enlighet med förslaget.",
            )
        )
    decisions = writer.create(Decision, decisions, dates=[d.meeting.date for d in decisions])
    adopted_motions, adopted_points = [], []
    for index, decision in enumerate(decisions):
        if decision.outcome != Decision.Outcome.ADOPTED:
            continue
        adopted_motions.append((decision.pk, motions[index * MOTIONS_PER_CASE].pk))
        for point in points[index * POINTS_PER_PROPOSAL : (index + 1) * POINTS_PER_PROPOSAL]:
            adopted_points.append((decision.pk, point.pk))
    writer.through(Decision.adopted_motions, adopted_motions)
    writer.through(Decision.adopted_points, adopted_points)
    return points[:proposal_point_count], point_boards


def _budget(writer, rng, boards, periods, proposal_points, point_boards, assignments):
    financings = [
        CostEstimate.Financing.WITHIN_FRAME,
        CostEstimate.Financing.LIMITED_WITHIN_FRAME,
        CostEstimate.Financing.EXTRA_RESOURCES,
    ]
    point_financing = []
    estimates, estimate_dates = [], []
    for point, board in zip(proposal_points, point_boards, strict=True):
        financing = rng.choices(financings, [60, 25, 15])[0]
        year = point.proposal.issued.year
        extra = financing == CostEstimate.Financing.EXTRA_RESOURCES
        point_financing.append(
            PointFinancing(
                decision_point=point,
                financing=financing,
                budget_process_first_year=year + 1 if extra else None,
                budget_process_last_year=year + 3 if extra else None,
            )
        )
        if rng.random() < 0.3:
            recurrence = rng.choice([CostEstimate.Recurrence.ONE_OFF, CostEstimate.Recurrence.YEARLY])
            estimates.append(
                CostEstimate(
                    decision_point=point,
                    amount_kr=rng.randrange(50, 5000) * 10_000,
                    recurrence=recurrence,
                    first_year=year + 1,
                    last_year=year + (1 if recurrence == CostEstimate.Recurrence.ONE_OFF else 4),
                    board=board,
                    financing=financing,
                    note=f"{MARK} Uppskattning i tjänsteutlåtandet.",
                )
            )
            estimate_dates.append(point.proposal.issued)
    for assignment in assignments[::10]:
        estimates.append(
            CostEstimate(
                assignment=assignment,
                amount_kr=rng.randrange(10, 2000) * 10_000,
                recurrence=CostEstimate.Recurrence.YEARLY,
                first_year=assignment.origin_date.year,
                last_year=assignment.origin_date.year + 2,
                board=assignment.origin_body,
                financing=rng.choice(financings),
                note=f"{MARK} Kostnad för uppdraget.",
            )
        )
        estimate_dates.append(assignment.origin_date)
    writer.create(PointFinancing, point_financing, dates=[p.decision_point.proposal.issued for p in point_financing])
    writer.create(CostEstimate, estimates, dates=estimate_dates)

    taken = set(FinancialStatement.objects.values_list("board_id", "period_id"))
    statements, statement_dates, statement_sizes = [], [], []
    for board in boards:
        size = rng.randint(200, 20000)  # mnkr of yearly costs
        for period in periods:
            if (board.pk, period.pk) in taken:
                continue
            statements.append(FinancialStatement(board=board, period=period, unit="mnkr"))
            statement_dates.append(_period_date(period))
            statement_sizes.append(size)
    statements = writer.create(FinancialStatement, statements, dates=statement_dates)
    lines, line_dates = [], []
    for statement, size, day in zip(statements, statement_sizes, statement_dates, strict=True):
        share = {1: 0.25, 2: 0.66}.get(statement.period.kind, 1.0)
        year_cost = size * 1_000_000
        values = {}
        for position, (label, kind, sign) in enumerate(_STATEMENT_ROWS, start=1):
            if kind == "resultat":
                budget = sum(values.values())
                utfall = budget + rng.randint(-3, 3) * 1_000_000
            else:
                base = {"intakter": 0.2, "kostnader": 1.0, "kommunbidrag": 0.75, "kommuninterna_bidrag": 0.05}[kind]
                budget = round(sign * year_cost * base * share, -5)
                utfall = round(budget * rng.uniform(0.95, 1.05), -5)
                values[kind] = budget
            lines.append(
                StatementLine(
                    statement=statement,
                    position=position,
                    label=label,
                    kind=kind,
                    utfall=int(utfall),
                    budget=int(budget),
                    utfall_fg_ar=int(round(utfall * 0.97, -5)),
                    prognos=int(round(utfall / share, -5)),
                    fg_prognos=int(round(utfall / share * 1.01, -5)),
                    budget_helar=int(round(budget / share, -5)),
                    bokslut_fg_ar=int(round(budget / share * 0.98, -5)),
                )
            )
            line_dates.append(day)
    writer.create(StatementLine, lines, dates=line_dates)


def seed_scale(
    factor: float,
    *,
    seed: int = 2023,
    batch_size: int = 2000,
    log: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Generate the synthetic data set; returns the number of rows created per model."""
    if factor <= 0:
        raise ValueError("factor must be positive")
    log = log or (lambda message: None)
    if not seed_loader.is_loaded():
        log("Läser in de verkliga uppgifterna först.")
        seed_loader.load_all()
    if is_seeded():
        raise AlreadySeeded
    rng = random.Random(seed)
    writer = _Writer(batch_size, log)
    with transaction.atomic():
        kf = Board.objects.get(slug="kommunfullmaktige")
        ks = Board.objects.get(slug="kommunstyrelsen")
        slk = Board.objects.filter(slug="stadsledningskontoret").first() or ks
        synthetic = _boards(writer, rng)
        real = list(
            Board.objects.filter(kind__in=[Board.Kind.COMMITTEE, Board.Kind.COMPANY])
            .exclude(slug__startswith=BOARD_SLUG_PREFIX)
            .order_by("slug")
        )
        boards = real + [ks] + synthetic
        periods = _periods(writer)
        parties = list(Party.objects.order_by("sort_order", "abbreviation"))
        assignments = _assignments(writer, rng, factor, boards, periods, kf, ks)
        proposal_points, point_boards = _cases(writer, rng, factor, boards, ks, slk, parties, assignments)
        # Every board has a statement for every period; below factor 0.1 (tests) only for the latest ones.
        statement_periods = periods[-max(1, round(len(periods) * min(1.0, factor * 10))) :]
        _budget(writer, rng, boards, statement_periods, proposal_points, point_boards, assignments)
        writer.finish()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return writer.counts
