"""The verkställighetsregister as a page, a PDF and an Excel file, all filtered the same way (?ar=&organ=).

Public like the decisions and assignments it lists (architecture.md, "Users and rights").
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from core.pdf import render_pdf
from core.tabular import XLSX_CONTENT_TYPE, download

from .register import RegisterFilterForm, build_register
from .register_exports import register_xlsx

REGISTER_LANGUAGE = "sv"


def _register(request):
    form = RegisterFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return form, None
    data = form.cleaned_data if request.GET else {}
    return form, build_register(year=data.get("ar"), body=data.get("organ"), today=timezone.localdate())


@require_safe
def register_page(request):
    form, register = _register(request)
    return render(
        request,
        "reports/register.html",
        {"form": form, "register": register},
        status=200 if register is not None else 400,
    )


def _refused(request, form):
    return render(request, "reports/register.html", {"form": form, "register": None}, status=400)


@require_safe
def register_pdf(request):
    form, register = _register(request)
    if register is None:
        return _refused(request, form)
    # The document is the city's record in Swedish, whatever language the reader browses in.
    with translation.override(REGISTER_LANGUAGE):
        html = render_to_string("reports/register_pdf.html", {"register": register})
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{register.filename}.pdf"'
    return response


@require_safe
def register_excel(request):
    form, register = _register(request)
    if register is None:
        return _refused(request, form)
    with translation.override(REGISTER_LANGUAGE):
        content = register_xlsx(register)
    return download(content, XLSX_CONTENT_TYPE, f"{register.filename}.xlsx")
