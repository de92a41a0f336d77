"""Download views of the exports (see exports.py): thin, public like the pages they export."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from assignments.filters import AssignmentFilterForm, filter_assignments, sort_assignments
from assignments.models import Assignment, Board, ReportingPeriod
from budget.models import CentralItem, FinancialStatement
from motions.comparison import build_comparison
from motions.models import Case
from motions.views import selected_motion_ids

from . import exports


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _bad_request(form) -> HttpResponseBadRequest:
    messages = [
        f"{form.fields[name].label}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
        for name, errors in form.errors.items()
    ]
    text = _("Exporten kunde inte göras.") + "\n" + "\n".join(messages) + "\n"
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")


@require_safe
def assignments_export(request, fmt: str):
    form = AssignmentFilterForm(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    queryset = sort_assignments(
        filter_assignments(Assignment.objects.with_boards(), form.cleaned_data), form.cleaned_data.get("sortera")
    )
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        return _download(exports.assignments_xlsx(queryset), exports.XLSX_CONTENT_TYPE, f"uppdrag-{stamp}.xlsx")
    return _download(exports.assignments_csv(queryset), exports.CSV_CONTENT_TYPE, f"uppdrag-{stamp}.csv")


@require_safe
def comparison_csv(request, key: str):
    case = Case.objects.with_everything().by_url_key(key).first()
    if case is None:
        raise Http404(_("Ärendet finns inte."))
    comparison = build_comparison(case, shown_ids=selected_motion_ids(request))
    return _download(exports.comparison_csv(comparison), exports.CSV_CONTENT_TYPE, f"jamforelse-{case.url_key}.csv")


@require_safe
def statement_xlsx(request, board: str, year: int, period: str):
    board_obj = Board.objects.filter(slug=board).first()
    kind = ReportingPeriod.kind_from_slug(period)
    period_obj = ReportingPeriod.objects.filter(year=year, kind=kind).first() if kind else None
    if board_obj is None or period_obj is None:
        raise Http404(_("Nämnden eller perioden finns inte."))
    statements = list(
        FinancialStatement.objects.filter(board=board_obj, period=period_obj)
        .order_by("section", "id")
        .prefetch_related("lines")
    )
    central_items = list(CentralItem.objects.filter(board=board_obj, period=period_obj).order_by("position"))
    if not statements and not central_items:
        raise Http404(_("Det finns ingen resultatredovisning för nämnden och perioden."))
    content = exports.statement_xlsx(board_obj, period_obj, statements, central_items)
    return _download(content, exports.XLSX_CONTENT_TYPE, f"resultatredovisning-{board}-{year}-{period}.xlsx")
