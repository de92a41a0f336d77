"""Every write of the budget app: keyword-only functions that validate, save atomically and record history."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.history import with_history

from .models import CentralItem, CostEstimate, FinancialStatement, StatementLine


@transaction.atomic
def cost_estimate_save(*, estimate: CostEstimate, user=None) -> CostEstimate:
    """Create or update a cost estimate (validated against the model's constraints)."""
    reason = _("Kostnadsberäkning ändrad") if estimate.pk else _("Kostnadsberäkning tillagd")
    estimate.full_clean()
    with_history(estimate, user, reason).save()
    return estimate


@transaction.atomic
def cost_estimate_delete(*, estimate: CostEstimate, user=None) -> None:
    with_history(estimate, user, _("Kostnadsberäkning borttagen")).delete()


@transaction.atomic
def point_financing_save(*, financing, user=None):
    """Create or update the financing class of a decision point."""
    reason = _("Finansieringsklass ändrad") if financing.pk else _("Finansieringsklass angiven")
    financing.full_clean()
    with_history(financing, user, reason).save()
    return financing


@transaction.atomic
def statement_create(*, board, period, section: str, title: str, unit: str, user=None) -> FinancialStatement:
    statement = FinancialStatement(board=board, period=period, section=section, title=title, unit=unit)
    statement.full_clean()
    with_history(statement, user, _("Resultatredovisning skapad")).save()
    return statement


@transaction.atomic
def statement_lines_save(*, statement: FinancialStatement, rows: list[dict], user=None) -> FinancialStatement:
    """Replace the rows of a statement with rows (dicts of group, label, kind and the seven amounts), in order."""
    existing = {line.pk: line for line in statement.lines.all()}
    kept = set()
    # Free the positions first so the new order never collides with the unique (statement, position).
    offset = 10_000
    for line in existing.values():
        line.position += offset
        line.save(update_fields=["position"])
    for position, row in enumerate(rows, start=1):
        line = existing.get(row.get("id")) or StatementLine(statement=statement)
        for key, value in row.items():
            if key != "id":
                setattr(line, key, value)
        line.position = position
        line.full_clean()
        with_history(line, user, _("Rad i resultatredovisningen sparad")).save()
        kept.add(line.pk)
    for pk, line in existing.items():
        if pk not in kept:
            with_history(line, user, _("Rad i resultatredovisningen borttagen")).delete()
    with_history(statement, user, _("Resultatredovisningens rader sparade")).save()
    return statement


@transaction.atomic
def central_items_save(*, board, period, rows: list[dict], user=None) -> list[CentralItem]:
    """Replace a board's kommuncentrala poster for a period with rows (label, utfall, prognos, budget)."""
    existing = {item.pk: item for item in CentralItem.objects.filter(board=board, period=period)}
    wanted = {row.get("id") for row in rows if row.get("id") in existing}
    # Remove the dropped posts first, so a post entered again under its old name does not collide.
    for pk, item in existing.items():
        if pk not in wanted:
            with_history(item, user, _("Kommuncentral post borttagen")).delete()
    for item in existing.values():
        if item.pk in wanted:
            item.position += 10_000
            item.save(update_fields=["position"])
    # A kept post may take the name another kept post leaves (two posts swap names): park the names
    # that change under temporary ones first, or the unique (board, period, label) refuses the first
    # save. A leading space never comes from the form, which strips it. Plain UPDATE: no history rows.
    renamed = [row["id"] for row in rows if row.get("id") in wanted and existing[row["id"]].label != row.get("label")]
    for pk in renamed:
        CentralItem.objects.filter(pk=pk).update(label=f" {pk}")
    saved = []
    for position, row in enumerate(rows, start=1):
        item = existing.get(row.get("id")) if row.get("id") in wanted else None
        item = item or CentralItem(board=board, period=period)
        for key, value in row.items():
            if key != "id":
                setattr(item, key, value)
        item.position = position
        item.full_clean()
        with_history(item, user, _("Kommuncentral post sparad")).save()
        saved.append(item)
    return saved
