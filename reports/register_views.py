"""The verkställighetsregister as a page, a PDF and an Excel file, all filtered the same way (?ar=&organ=).

Public like the decisions and assignments it lists (architecture.md, "Users and rights").
"""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.pdf import render_pdf
from core.pdf_cache import RenderBusy, busy_response, cached_pdf
from core.tabular import XLSX_CONTENT_TYPE, download
from pagecache.cache import request_content_version

from .register import RegisterFilterForm, build_register
from .register_exports import register_xlsx

# What the register's results read (their version counts only these); checked by
# tests/pagecache/test_fragment_dependencies.py.
REGISTER_TABLES = (
    "assignments_assignment",
    "assignments_board",
    "assignments_reportingperiod",
    "assignments_responsibility",
    "assignments_statusreport",
    "motions_case",
    "motions_decision",
    "motions_decisionpoint",
    "motions_motion",
    "motions_officialproposal",
)

REGISTER_LANGUAGE = "sv"
PAGE_SIZE = 50
# A PDF past this many rows is hundreds of pages nobody prints; the page asks for a narrower choice
# (a year, a body) and the Excel file holds everything.
MAX_PDF_ROWS = 500


def _register(request):
    """The filter form and the register it selects (lazy: read when something asks for it), or None
    when the form is invalid."""
    form = RegisterFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return form, None
    data = form.cleaned_data if request.GET else {}
    today = timezone.localdate()
    return form, SimpleLazyObject(lambda: build_register(year=data.get("ar"), body=data.get("organ"), today=today))


class _PagedRegister:
    """The register's rows as the Paginator slices them: the count is known from the groups (no second
    COUNT over the register) and a page is read from the groups it falls in (Register.assignments_between)."""

    def __init__(self, register):
        self.register = register

    def count(self) -> int:
        return self.register.total

    def __getitem__(self, bounds: slice):
        return self.register.assignments_between(bounds.start, bounds.stop)


def _page(request, form, register, *, status=200, error=""):
    context = {"form": form, "register": register, "error": error}
    if register is not None:

        def page():
            paginator = Paginator(_PagedRegister(register), PAGE_SIZE)
            return paginator.get_page(request.GET.get("sida"))

        page = SimpleLazyObject(page)
        # Lazy: when the counts and rows are in the fragment cache (register.html), none of their
        # queries is made.
        context.update(
            page=page,
            rows=SimpleLazyObject(lambda: register.rows(page.object_list)),
            max_pdf_rows=MAX_PDF_ROWS,
            today=timezone.localdate(),
            results_version=request_content_version(request, *REGISTER_TABLES),
        )
    return render(request, "reports/register.html", context, status=status)


@require_safe
def register_page(request):
    form, register = _register(request)
    return _page(request, form, register, status=200 if register is not None else 400)


@require_safe
def register_pdf(request):
    form, register = _register(request)
    if register is None:
        return _page(request, form, None, status=400)
    if register.total > MAX_PDF_ROWS:
        error = _(
            "Urvalet har %(count)s uppdrag; en PDF rymmer högst %(max)s. Välj ett år eller ett organ, "
            "eller ladda ned Excelfilen som har alla."
        ) % {"count": register.total, "max": MAX_PDF_ROWS}
        return _page(request, form, register, status=400, error=error)

    def html() -> str:
        rows = register.rows(register.assignments())
        return render_to_string("reports/register_pdf.html", {"register": register, "rows": rows})

    # The document is the city's record in Swedish, whatever language the reader browses in. Like
    # the other PDFs it is rendered in the render pool (a process of its own: a render of some
    # hundred rows grows a process by tens of MB that it keeps) and unchanged content comes from
    # storage.
    try:
        with translation.override(REGISTER_LANGUAGE):
            content = cached_pdf(
                identity=("reports:register_pdf", register.year, register.body.pk if register.body else ""),
                html=html,
                render=render_pdf,
            )
    except RenderBusy:
        return busy_response()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{register.filename}.pdf"'
    return response


@require_safe
def register_excel(request):
    form, register = _register(request)
    if register is None:
        return _page(request, form, None, status=400)
    with translation.override(REGISTER_LANGUAGE):
        content = register_xlsx(register)
    return download(content, XLSX_CONTENT_TYPE, f"{register.filename}.xlsx")
