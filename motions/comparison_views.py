"""The side-by-side comparison of a case: as a page, as a PDF (A4 landscape) to bring to a meeting,
and as CSV for a spreadsheet. All three read the same choices from the URL (comparison_layout.py)."""

from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from core.pdf import render_pdf
from core.pdf_cache import RenderBusy, busy_response, cached_pdf
from core.tabular import CSV_CONTENT_TYPE, download
from pagecache.cache import request_content_version

from . import exports
from .comparison import COMPARABLE_KINDS, build_comparison
from .comparison_layout import keep_only_differences, lay_out, parse_selection
from .fragment_tables import CASE_TABLES
from .querysets import comparison_page_prefetches
from .selectors import case_for_key


def _comparison(request, case):
    """The comparison of a case read on its own (case_for_key), as the reader chose it in the URL."""
    prefetch_related_objects([case], *comparison_page_prefetches())
    comparable = [motion.pk for motion in case.motions.all() if motion.kind in COMPARABLE_KINDS]
    selection = parse_selection(request.GET, comparable)
    comparison = build_comparison(case, shown_ids=selection.shown_ids)
    if selection.only_differences:
        keep_only_differences(comparison)
    lay_out(comparison)
    return {"case": case, "comparison": comparison, "selection": selection}


@require_safe
def compare(request, key):
    case = case_for_key(key)  # the 404 and the page title; all the rest is in the fragment
    # Lazy: when compare.html finds the comparison in the fragment cache, nothing of it is read or built.
    built = SimpleLazyObject(lambda: _comparison(request, case))
    context = {
        "case": case,
        "comparison": SimpleLazyObject(lambda: built["comparison"]),
        "selection": SimpleLazyObject(lambda: built["selection"]),
        "comparison_version": request_content_version(request, *CASE_TABLES),
    }
    return render(request, "motions/compare.html", context)


@require_safe
def comparison_pdf(request, key):
    case = case_for_key(key)
    comparable = [motion.pk for motion in case.motions.all() if motion.kind in COMPARABLE_KINDS]
    selection = parse_selection(request.GET, comparable)

    def html() -> str:
        return render_to_string("motions/compare_pdf.html", _comparison(request, case), request=request)

    try:
        # Unchanged content comes from storage without building the comparison at all; the
        # reader's choices (and what was said about refused ones) are part of what was rendered.
        content = cached_pdf(
            identity=("motions:comparison_pdf", case.pk, selection.query, tuple(selection.messages)),
            html=html,
            render=render_pdf,
        )
    except RenderBusy:
        return busy_response()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="jamforelse-{case.url_key}.pdf"'
    return response


@require_safe
def comparison_csv(request, key: str):
    context = _comparison(request, case_for_key(key))
    filename = f"jamforelse-{context['case'].url_key}.csv"
    return download(exports.comparison_csv(context["comparison"]), CSV_CONTENT_TYPE, filename)
