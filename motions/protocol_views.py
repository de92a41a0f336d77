"""The secretariat's protocol import: the extract in (PDF or text), a preview of what was read with
every uncertainty flagged and every field editable, and nothing saved until it is confirmed."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.form_errors import apply_errors

from . import attachments
from .importers import MAX_PDF_BYTES, MAX_UPLOAD_BYTES, ImportError_
from .importers.protocol import parse_protocol
from .protocol_forms import ProtocolReviewForm, ProtocolUploadForm
from .protocol_import import protocol_import, protocol_match
from .secretariat_views import _secretariat
from .selectors import case_for_key
from .uploads import upload_limit

TEMPLATE = "motions/secretariat/protocol_import.html"


@upload_limit(MAX_UPLOAD_BYTES, pdf_limit=MAX_PDF_BYTES)
@require_http_methods(["GET", "POST"])
@_secretariat
def protocol_upload(request, key):
    case = case_for_key(key)
    reviewing = request.method == "POST" and "reviewed" in request.POST
    upload = ProtocolUploadForm(
        None if reviewing else (request.POST or None), None if reviewing else (request.FILES or None)
    )
    context = {"case": case, "form": upload, "parsed": None, "review": None, "match": None, "pages": 1}
    try:
        if reviewing:
            source = request.POST.get("source", "")
            parsed = parse_protocol(source)
        elif request.method == "POST" and upload.is_valid():
            source = upload.cleaned_data["text"]
            context["pages"] = upload.cleaned_data.get("pages", 1)
            parsed = parse_protocol(source)
        else:
            return render(request, TEMPLATE, context, status=400 if request.method == "POST" else 200)
    except ImportError_ as error:
        upload = ProtocolUploadForm(None) if reviewing else upload
        upload.add_error(None if reviewing else ("file" if upload.cleaned_data.get("file") else "text"), str(error))
        context["form"] = upload
        return render(request, TEMPLATE, context, status=400)
    match = protocol_match(parsed, case)
    if reviewing:
        review = ProtocolReviewForm(request.POST, parsed=parsed, match=match)
        if review.is_valid() and "bekrafta" in request.POST:
            saved = _save(request, case, parsed, review)
            if saved is not None:
                return saved
    else:
        token = attachments.document_stage(document=upload.cleaned_data["document"], user=request.user)
        initial = ProtocolReviewForm.initial_from(parsed, match, source) | {"document": token}
        review = ProtocolReviewForm(initial=initial, parsed=parsed, match=match)
    context.update(
        {
            "form": ProtocolUploadForm(None),
            "parsed": parsed,
            "review": review,
            "match": match,
            "header_rows": review.header_rows(parsed),
            "votes": list(zip(parsed.votes, review.vote_rows(), strict=True)),
            "notes": review.note_rows(),
        }
    )
    return render(request, TEMPLATE, context, status=400 if review.errors else 200)


def _save(request, case, parsed, review):
    data = review.cleaned_data
    votes, notes = review.drafts(parsed)
    token = data.get("document") or None
    try:
        # The document the extract was read from is kept with the decision (a refused save keeps nothing).
        document = attachments.document_staged(token, user=request.user) if token else None
        decision = protocol_import(
            user=request.user,
            case=case,
            body=data["body"],
            date=data["date"],
            paragraph=data["paragraph"],
            basis=data["basis"],
            motion_ids=[int(i) for i in data["motions"]],
            text=data["text"],
            points=data["points"],
            adjusted_on=data["adjusted_on"],
            votes=votes,
            notes=notes,
            document=document,
        )
    except ValidationError as error:
        apply_errors(review, error)
        return None
    except ImportError_ as error:
        review.add_error(None, str(error))
        return None
    if token:
        attachments.document_unstage(token)
    messages.success(
        request,
        _("Protokollsutdraget är inläst som %(decision)s med %(votes)d omröstningar och %(notes)d anteckningar.")
        % {"decision": decision, "votes": len(votes), "notes": len(notes)},
    )
    return redirect("secretariat:decision", decision.pk)
