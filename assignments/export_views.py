"""Downloads of the filtered assignment list (CSV, Excel): public like the list they export."""

from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.tabular import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, download

from . import exports
from .filters import AssignmentFilterForm, filter_assignments, sort_assignments
from .models import Assignment


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
        return download(exports.assignments_xlsx(queryset), XLSX_CONTENT_TYPE, f"uppdrag-{stamp}.xlsx")
    return download(exports.assignments_csv(queryset), CSV_CONTENT_TYPE, f"uppdrag-{stamp}.csv")
