"""Download of a board's financial statement of a period as Excel: public like the statement page."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from assignments.models import Board
from assignments.selectors import period_by_slug
from core.tabular import XLSX_CONTENT_TYPE, download

from . import exports
from .selectors import central_items_for, statements_for


@require_safe
def statement_xlsx(request, board: str, year: int, period: str):
    board_obj = Board.objects.filter(slug=board).first()
    period_obj = period_by_slug(year, period)
    if board_obj is None or period_obj is None:
        raise Http404(_("Nämnden eller perioden finns inte."))
    statements = statements_for(board_obj, period_obj)
    central_items = central_items_for(board_obj, period_obj)
    if not statements and not central_items:
        raise Http404(_("Det finns ingen resultatredovisning för nämnden och perioden."))
    content = exports.statement_xlsx(board_obj, period_obj, statements, central_items)
    return download(content, XLSX_CONTENT_TYPE, f"resultatredovisning-{board}-{year}-{period}.xlsx")
