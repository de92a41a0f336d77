"""The secretariat's TU import page (/sekretariat/arenden/<key>/tjansteutlatande/las-in/): the city's PDF
or text in, a preview of what was read out (every field editable, every uncertainty beside its field),
and nothing saved until "Spara". It lives in budget, above motions, because saving also writes the
accepted cost estimates (budget.proposal_import, one transaction)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assignments.models import Board
from core.form_errors import apply_errors
from motions import attachments
from motions.importers import MAX_PDF_BYTES, MAX_UPLOAD_BYTES, ImportError_
from motions.importers.proposal_resolve import parse_proposal_text
from motions.registration import require_registrar
from motions.selectors import case_for_key
from motions.uploads import upload_limit

from .proposal_import import proposal_import_with_costs, revision_preview
from .proposal_import_forms import (
    CostFormSet,
    PointFormSet,
    ProposalReviewForm,
    ProposalUploadForm,
    cost_drafts_from,
    dropped,
    financing_drafts_from,
    initial_from,
    reviewed,
)

TEMPLATE = "budget/proposal_import.html"


def _review_forms(data, boards, initial=None):
    choices = [(pk, board.name) for pk, board in boards.items()]
    proposal, points, costs = initial or (None, None, None)
    return (
        ProposalReviewForm(data, initial=proposal, boards=choices),
        PointFormSet(data, initial=points, prefix="punkt", boards=choices),
        CostFormSet(data, initial=costs, prefix="kostnad", boards=choices),
    )


@require_http_methods(["GET", "POST"])
@upload_limit(MAX_UPLOAD_BYTES, pdf_limit=MAX_PDF_BYTES)
@login_required
def proposal_import_page(request, key):
    # Before the lookups, so whoever may not register gets the same 403 for any case key.
    require_registrar(request.user)
    case = case_for_key(key)
    boards = {board.pk: board for board in Board.objects.order_by("name")}
    context = {
        "case": case,
        "parsed": None,
        "review": None,
        "carried_flags": [],
        "points": None,
        "costs": None,
        "revision": None,
    }
    status = 200
    if request.method == "POST" and "reviewed" in request.POST:
        review, points, costs = _review_forms(request.POST, boards)
        context.update(form=ProposalUploadForm(), review=review, points=points, costs=costs)
        if review.is_valid() and points.is_valid() and costs.is_valid():
            parsed, drafts, financing = reviewed(review, points, costs, boards)
            drop = dropped(request.POST)
            context["revision"] = revision_preview(case, parsed, drafts, financing, drop)
            if "bekrafta" in request.POST:
                token = review.cleaned_data.get("document") or None
                try:
                    # The document read is kept with the proposal as the case's attachment.
                    document = attachments.document_staged(token, user=request.user) if token else None
                    proposal_import_with_costs(
                        user=request.user,
                        case=case,
                        parsed=parsed,
                        costs=drafts,
                        financing=financing,
                        document=document,
                        drop=drop,
                    )
                except ValidationError as error:
                    apply_errors(review, error)
                    status = 400
                except ImportError_ as error:
                    review.add_error(None, str(error))
                    status = 400
                else:
                    if token:
                        attachments.document_unstage(token)
                    messages.success(
                        request,
                        _("Tjänsteutlåtandet är inläst med %(points)d punkter och %(costs)d kostnadsberäkningar.")
                        % {"points": len(parsed.points), "costs": len(drafts)},
                    )
                    url = reverse("secretariat:case", args=[case.url_key])
                    return redirect(f"{url}#tjansteutlatande")
        else:
            status = 400
    elif request.method == "POST":
        form = ProposalUploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            try:
                parsed = parse_proposal_text(form.cleaned_data["text"])
            except ImportError_ as error:
                form.add_error("file" if form.cleaned_data.get("file") else "text", str(error))
                status = 400
            else:
                if parsed.case_number and case.case_number and parsed.case_number != case.case_number:
                    parsed.flag("case", _("Handlingen gäller %(other)s, inte %(this)s") % {
                        "other": parsed.case_number, "this": case.case_number})  # fmt: skip
                if parsed.dnr and case.dnr and parsed.dnr != case.dnr:
                    parsed.flag("case", _("Handlingen gäller diarienummer %(other)s, inte %(this)s") % {
                        "other": parsed.dnr, "this": case.dnr})  # fmt: skip
                proposal, point_rows, cost_rows = initial_from(parsed)
                token = attachments.document_stage(document=form.cleaned_data["document"], user=request.user)
                review, points, costs = _review_forms(
                    None, boards, (proposal | {"document": token}, point_rows, cost_rows)
                )
                revision = revision_preview(case, parsed, cost_drafts_from(parsed), financing_drafts_from(parsed))
                context.update(parsed=parsed, review=review, points=points, costs=costs, revision=revision)
        else:
            status = 400
    else:
        context["form"] = ProposalUploadForm()
    if context["review"] is not None and context["parsed"] is None:
        flags = context["review"].data.get("flags", "") if context["review"].is_bound else ""
        context["carried_flags"] = [f for f in flags.splitlines() if f.strip()]
    return render(request, TEMPLATE, context, status=status)
