"""Synthetic financing classes and cost estimates, and a financial statement for every board and period."""

from budget.models import CostEstimate, FinancialStatement, PointFinancing, StatementLine

from .assignments import period_date
from .marks import MARK

_STATEMENT_ROWS = [
    ("Intäkter", "intakter", 1),
    ("Kostnader", "kostnader", -1),
    ("Kommunbidrag", "kommunbidrag", 1),
    ("Kommuninterna bidrag", "kommuninterna_bidrag", 1),
    ("Resultat", "resultat", 1),
]


def create_budget(writer, rng, boards, periods, proposal_points, point_boards, assignments):
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
            statement_dates.append(period_date(period))
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
