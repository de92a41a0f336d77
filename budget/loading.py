"""Load the shipped budget data: cost estimates of decision points, statements, central items."""

from django.db import transaction

from assignments.loading import period_for
from motions.models import Case, DecisionPoint

from .amounts import parse_optional
from .models import CentralItem, CostEstimate, FinancialStatement, PointFinancing, StatementLine
from .statements import CENTRAL_KEYS, STORED_COLUMNS


def _point(row) -> DecisionPoint:
    case = Case.objects.by_url_key(row["case"]).get()
    points = DecisionPoint.objects.filter(number=row["point"])
    if row.get("point_owner", "proposal") == "proposal":
        return points.filter(proposal__case=case).get()
    return points.filter(motion__case=case, motion__title=row["point_owner"]).get()


def _years(text):
    parts = [part for part in (text or "").replace("\u2013", "-").split("-") if part.strip()]
    return (int(parts[0]), int(parts[-1])) if parts else (None, None)


@transaction.atomic
def load_budget(data, boards) -> None:
    for row in data.get("cost_estimates", []):
        point = _point(row)
        years = row.get("years") or []
        process_first, process_last = _years(row.get("budget_process_years"))
        # An estimate without a board names the boards that share it; the amount is then unknown per board.
        for slug in [row["board"]] if row.get("board") else row.get("boards", []):
            CostEstimate.objects.create(
                decision_point=point,
                amount_kr=row.get("amount_kr"),
                recurrence=row.get("recurrence") or "",
                first_year=min(years) if years else None,
                last_year=max(years) if years else None,
                board=boards[slug],
                financing=row["financing"],
                budget_process_first_year=process_first,
                budget_process_last_year=process_last,
                note=row.get("note") or "",
            )
    for row in data.get("financing_classes", []):
        process_first, process_last = _years(row.get("budget_process_years"))
        if row["financing"] == "extra_resources" and process_first is None:
            process_first, process_last = _years(data.get("default_budget_process_years"))
        PointFinancing.objects.create(
            decision_point=_point(row),
            financing=row["financing"],
            budget_process_first_year=process_first,
            budget_process_last_year=process_last,
            note=row.get("note") or "",
        )
    for statement_row in data.get("statements", []):
        statement = FinancialStatement.objects.create(
            board=boards[statement_row["board"]],
            period=period_for(statement_row["year"], statement_row["period"]),
            section=statement_row.get("section") or "",
            title=statement_row.get("title") or "Resultatredovisning i sammandrag",
            unit=statement_row["unit"],
        )
        position = 0
        lines = []
        for group in statement_row["groups"]:
            for line in group["rows"]:
                position += 1
                lines.append(
                    StatementLine(
                        statement=statement,
                        group=group.get("name") or "",
                        position=position,
                        label=line["label"],
                        kind=line["kind"],
                        **{column: parse_optional(line.get(column), statement.unit) for column in STORED_COLUMNS},
                    )
                )
        StatementLine.objects.bulk_create(lines)
    for items_row in data.get("central_items", []):
        period = period_for(items_row["year"], items_row["period"])
        for position, line in enumerate(items_row["rows"], start=1):
            CentralItem.objects.create(
                board=boards[items_row["board"]],
                period=period,
                position=position,
                label=line["label"],
                **{column: parse_optional(line.get(column), items_row["unit"]) for column in CENTRAL_KEYS},
            )
