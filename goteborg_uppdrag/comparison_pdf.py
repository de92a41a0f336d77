"""The side-by-side comparison of a case as a PDF (A4 landscape), for politicians to bring to a meeting.

It lives in the top layer because PDFs of the product are composed here; the comparison itself is
motions.comparison, and the rendering goes through goteborg_uppdrag.pdf.render_pdf.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string

from motions.comparison import build_comparison
from motions.models import Case
from motions.views import case_for_key, selected_motion_ids

from .pdf import render_pdf


def comparison_pdf(request, key):
    case = case_for_key(key, Case.objects.with_everything())
    comparison = build_comparison(case, shown_ids=selected_motion_ids(request))
    html = render_to_string("motions/compare_pdf.html", {"case": case, "comparison": comparison}, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="jamforelse-{case.url_key}.pdf"'
    return response
