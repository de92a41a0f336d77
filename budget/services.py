"""Every write of the budget app: keyword-only functions that check the user's right, validate, save
atomically and record history. The can_/require_ functions are those rights; views ask the same ones
to hide a link or refuse before a lookup.

Pass user=roles.SYSTEM from a command or a loader, where no person acts.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from assignments import roles
from core.history import with_history

from .models import CentralItem, CostEstimate, FinancialStatement, StatementLine


def can_edit_figures(user, board_id: int) -> bool:
    """May the user write the board's figures: its cost estimates, statements and central items?"""
    return roles.can_edit_board(user, board_id)


def require_figures_editor(user, board_id: int) -> None:
    if not can_edit_figures(user, board_id):
        raise PermissionDenied(_("Du har inte behörighet att ändra nämndens uppgifter."))


def can_estimate_costs(user) -> bool:
    """May the user open a point's estimates at all (the form then offers only their own boards)?"""
    return roles.is_secretariat(user) or bool(roles.officer_board_ids(user))


def require_cost_estimator(user) -> None:
    if not can_estimate_costs(user):
        raise PermissionDenied(_("Du har inte behörighet att ändra kostnadsberäkningar."))


def can_classify(user, point) -> bool:
    """May the user set the financing class of the decision point (an officer of a responsible board)?"""
    if roles.is_secretariat(user):
        return True
    responsible = list(point.responsible_boards.values_list("id", flat=True))
    return bool(responsible) and roles.can_edit_any_of(user, responsible)


def require_classifier(user, point) -> None:
    if not can_classify(user, point):
        raise PermissionDenied(_("Du har inte behörighet att ändra punktens finansieringsklass."))


def _stored_board_id(model, pk) -> int | None:
    return model.objects.filter(pk=pk).values_list("board_id", flat=True).first() if pk else None


@transaction.atomic
def cost_estimate_save(*, estimate: CostEstimate, user) -> CostEstimate:
    """Create or update a cost estimate (validated against the model's constraints).

    Moving an estimate to another board needs the right to both: the one it leaves and the one it gets."""
    stored_board_id = _stored_board_id(CostEstimate, estimate.pk)
    if stored_board_id is not None:
        require_figures_editor(user, stored_board_id)
    require_figures_editor(user, estimate.board_id)
    reason = _("Kostnadsberäkning ändrad") if estimate.pk else _("Kostnadsberäkning tillagd")
    estimate.full_clean()
    with_history(estimate, user, reason).save()
    return estimate


@transaction.atomic
def cost_estimate_delete(*, estimate: CostEstimate, user) -> None:
    require_figures_editor(user, _stored_board_id(CostEstimate, estimate.pk) or estimate.board_id)
    with_history(estimate, user, _("Kostnadsberäkning borttagen")).delete()


@transaction.atomic
def point_financing_save(*, financing, user):
    """Create or update the financing class of a decision point."""
    require_classifier(user, financing.decision_point)
    reason = _("Finansieringsklass ändrad") if financing.pk else _("Finansieringsklass angiven")
    financing.full_clean()
    with_history(financing, user, reason).save()
    return financing


@transaction.atomic
def point_financing_delete(*, financing, user) -> None:
    require_classifier(user, financing.decision_point)
    with_history(financing, user, _("Finansieringsklass borttagen")).delete()


@transaction.atomic
def statement_create(*, board, period, section: str, title: str, unit: str, user) -> FinancialStatement:
    require_figures_editor(user, board.pk)
    statement = FinancialStatement(board=board, period=period, section=section, title=title, unit=unit)
    statement.full_clean()
    with_history(statement, user, _("Resultatredovisning skapad")).save()
    return statement


@transaction.atomic
def statement_lines_save(*, statement: FinancialStatement, rows: list[dict], user) -> FinancialStatement:
    """Replace the rows of a statement with rows (dicts of group, label, kind and the seven amounts), in order."""
    require_figures_editor(user, statement.board_id)
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
def central_items_save(*, board, period, rows: list[dict], user) -> list[CentralItem]:
    """Replace a board's kommuncentrala poster for a period with rows (label, utfall, prognos, budget)."""
    require_figures_editor(user, board.pk)
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
