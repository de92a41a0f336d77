"""/sekretariat/historik/las-in/: an earlier delårsrapport or årsrapport in (PDF or text), a preview of
every assignment read out of it — field by field, each uncertainty beside its field, all editable,
with what saving would do — and, once confirmed, the assignments and their status reports saved
(assignments.history_import). Nothing is saved before "Spara"."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assignments.history_import import report_history_import
from assignments.services import require_registrar
from motions.importers import MAX_PDF_BYTES, MAX_UPLOAD_BYTES, ImportError_
from motions.uploads import upload_limit

from .history_forms import (
    HistoryDocumentForm,
    HistoryItemForm,
    HistoryItemFormSet,
    HistoryUploadForm,
    parsed_from_review,
)
from .importers import parse_report_history, resolve_report_history

TEMPLATE = "reports/history_import.html"


def _review_forms(parsed):
    document = HistoryDocumentForm(initial=HistoryDocumentForm.initial_from(parsed))
    rows = HistoryItemFormSet(initial=[HistoryItemForm.initial_from(item) for item in parsed.items], prefix="rad")
    return document, rows


@require_http_methods(["GET", "POST"])
@upload_limit(MAX_UPLOAD_BYTES, pdf_limit=MAX_PDF_BYTES)
@login_required
def history_import(request):
    # Before anything is read, so whoever may not import gets the same 403 for any input.
    require_registrar(request.user)
    parsed = document = rows = outcomes = None
    status = 200
    reviewing = request.method == "POST" and "reviewed" in request.POST
    upload = HistoryUploadForm(
        None if reviewing else (request.POST or None), None if reviewing else (request.FILES or None)
    )
    if reviewing:
        document = HistoryDocumentForm(request.POST)
        rows = HistoryItemFormSet(request.POST, prefix="rad")
        if document.is_valid() and rows.is_valid():
            parsed = resolve_report_history(parsed_from_review(document, rows))
            if "bekrafta" in request.POST:
                chosen = [form for form in rows if form.cleaned_data.get("include")]
                try:
                    outcomes = report_history_import(
                        year=parsed.year,
                        kind=parsed.kind,
                        board=parsed.body,
                        rows=[form.row() for form in chosen],
                        user=request.user,
                        document=parsed.title,
                    )
                except ValidationError as error:
                    for message in error.messages:
                        document.add_error(None, message)
                    status = 400
                else:
                    parsed = document = rows = None
        else:
            status = 400
    elif request.method == "POST" and upload.is_valid():
        try:
            parsed = parse_report_history(upload.cleaned_data["text"])
        except ImportError_ as error:
            upload.add_error("file" if upload.cleaned_data.get("file") else "text", str(error))
        else:
            document, rows = _review_forms(parsed)
    context = {
        "form": upload,
        "parsed": parsed,
        "document": document,
        "document_fields": _fields(document, parsed) if document is not None else [],
        "rows": _rows(rows, parsed) if rows is not None else [],
        "formset": rows,
        "outcomes": outcomes,
        "summary": _summary(outcomes) if outcomes is not None else "",
    }
    return render(request, TEMPLATE, context, status=status)


# Where a flag of the parse is shown: the field it is about.
FLAG_FIELD = {"origin": "origin_body", "period": "kind", "budget_year": "year"}


def _fields(form, flagged) -> list[dict]:
    """The visible fields of a form, each with the uncertainties about it."""
    by_field: dict[str, list[str]] = {}
    for name, messages in flagged.field_flags.items() if flagged is not None else []:
        by_field.setdefault(FLAG_FIELD.get(name, name), []).extend(messages)
    return [{"field": field, "flags": by_field.get(field.name, [])} for field in form if not field.is_hidden]


def _rows(formset, parsed) -> list[dict]:
    items = parsed.items if parsed is not None else []
    rows = []
    for index, form in enumerate(formset):
        item = items[index] if index < len(items) else None
        rows.append({"form": form, "item": item, "fields": _fields(form, item)})
    return rows


def _summary(outcomes) -> str:
    counts = {"create": 0, "add": 0, "skip": 0}
    for outcome in outcomes:
        counts[outcome.action] += 1
    return _("%(created)d nya uppdrag och %(reports)d statusrapporter sparade; %(skipped)d hoppades över.") % {
        "created": counts["create"],
        "reports": counts["create"] + counts["add"],
        "skipped": counts["skip"],
    }
