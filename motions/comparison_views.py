"""The side-by-side comparison of a case: as a page, as a PDF (A4 landscape) to bring to a meeting,
and as CSV for a spreadsheet. All three show the same motions (?urval=1&visa=…)."""

import re

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from core.pdf import render_pdf
from core.pdf_cache import RenderBusy, busy_response, cached_pdf
from core.tabular import CSV_CONTENT_TYPE, download

from . import exports
from .comparison import build_comparison
from .models import Case
from .selectors import case_for_key


def selected_motion_ids(request) -> set[int] | None:
    """The motions the reader chose to show (?urval=1&visa=3&visa=5), or None for all of them."""
    if "urval" not in request.GET:
        return None
    # ASCII digits only, and no more than fit an id: "²" passes str.isdigit() but not int().
    return {int(value) for value in request.GET.getlist("visa") if re.fullmatch(r"[0-9]{1,9}", value)}


def _comparison(request, key):
    case = case_for_key(key, Case.objects.with_everything())
    return case, build_comparison(case, shown_ids=selected_motion_ids(request))


def compare(request, key):
    case, comparison = _comparison(request, key)
    return render(request, "motions/compare.html", {"case": case, "comparison": comparison})


def comparison_pdf(request, key):
    case = case_for_key(key)
    shown = selected_motion_ids(request)

    def html() -> str:
        full = case_for_key(key, Case.objects.with_everything())
        comparison = build_comparison(full, shown_ids=shown)
        return render_to_string("motions/compare_pdf.html", {"case": full, "comparison": comparison}, request=request)

    try:
        # Unchanged content comes from storage without building the comparison at all.
        content = cached_pdf(
            identity=("motions:comparison_pdf", case.pk, sorted(shown) if shown is not None else "alla"),
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
    case, comparison = _comparison(request, key)
    return download(exports.comparison_csv(comparison), CSV_CONTENT_TYPE, f"jamforelse-{case.url_key}.csv")
