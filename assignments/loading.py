"""Load the shipped data of the assignments app (boards, periods, assignments, status reports)."""

import datetime

from django.db import transaction

from .models import Assignment, Board, BoardNameVariant, ReportingPeriod, Responsibility, StatusReport

# The order of the follow-up sections of the delårsrapport; sort_order keeps assignments in it.
SECTION_ORDER = ["4.1.2.1", "4.1.2.2", "4.1.3.1", "4.1.3.2", "4.1.4.1"]


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_boards(rows) -> dict[str, Board]:
    boards = {}
    for row in rows:
        board, _ = Board.objects.update_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "short_name": row["short_name"], "kind": row["kind"]},
        )
        boards[row["slug"]] = board
        for variant in row.get("variants", []):
            if variant != board.name:
                BoardNameVariant.objects.get_or_create(name=variant, defaults={"board": board})
    for row in rows:
        if row.get("parent"):
            board = boards[row["slug"]]
            board.parent = boards[row["parent"]]
            board.save(update_fields=["parent"])
    return boards


def period_for(year: int, slug: str) -> ReportingPeriod:
    kind = ReportingPeriod.kind_from_slug(slug)
    if kind is None:
        raise ValueError(f"okänd rapportperiod: {slug}")
    period, _ = ReportingPeriod.objects.get_or_create(year=year, kind=kind)
    return period


@transaction.atomic
def load_assignments(data, boards: dict[str, Board]) -> list[Assignment]:
    for row in data.get("periods", []):
        period_for(row["year"], row["kind"])
    created = []
    for row in data["assignments"]:
        origin = row.get("origin") or {}
        section = row.get("report_section")
        sort_order = (SECTION_ORDER.index(section) + 1) * 100 + row.get("position", 0) if section else 0
        assignment = Assignment.objects.create(
            dnr=row["dnr"],
            text=row["text"],
            source=row["source"],
            budget_year=row.get("budget_year"),
            origin_body=boards.get(origin.get("body")) if origin.get("body") else None,
            origin_date=_date(origin.get("date")),
            origin_paragraph=origin.get("paragraph") or "",
            origin_point=origin.get("point") or "",
            addressed_to_all_boards=row.get("all_boards", False),
            deadline=_date(row.get("deadline")),
            deadline_note=row.get("deadline_note") or "",
            status=row["status"],
            sort_order=sort_order,
        )
        for slug in row["responsible"]:
            Responsibility.objects.create(assignment=assignment, board=boards[slug], is_lead=slug == row.get("lead"))
        for report in row.get("reports", []):
            StatusReport.objects.create(
                assignment=assignment,
                period=period_for(report["year"], report["period"]),
                board=boards[report["board"]],
                text=report["text"],
                proposes=report["proposes"],
                decision=report.get("decision") or "",
            )
        created.append(assignment)
    return created
