"""Pages of the motions app: cases and the importers (the comparison: comparison_views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from pagecache.cache import request_content_version

from . import attachments, lineage, services
from .forms import MotionImportForm, MotionReviewForm, RollCallImportForm
from .fragment_tables import CASE_TABLES
from .importers import MAX_PDF_BYTES, MAX_UPLOAD_BYTES, ImportError_, parse_motion_text, parse_rollcall
from .models import Case, Decision
from .selectors import case_for_key, case_page
from .uploads import upload_limit


def case_list(request):
    page = Paginator(Case.objects.order_by("-id"), 50).get_page(request.GET.get("sida"))
    return render(request, "motions/case_list.html", {"page": page, "cases": page.object_list})


def case_detail(request, key):
    case = case_for_key(key)
    return render(
        request,
        "motions/case_detail.html",
        {
            "case": case,
            # Lazy: when the page's body is in the fragment cache (case_detail.html), nothing more is read.
            "detail": SimpleLazyObject(lambda: case_page(case)),
            "can_import": services.can_import(request.user),
            "can_manage_attachments": attachments.can_manage(request.user),
            "content_version": request_content_version(request, *CASE_TABLES),
            "today": timezone.localdate(),
        },
    )


@upload_limit(MAX_UPLOAD_BYTES, pdf_limit=MAX_PDF_BYTES)
@login_required
def motion_import(request, key):
    """Text or a PDF in, a preview of what was read (field by field, each uncertainty flagged and
    every field editable) out; only the confirmed review is saved."""
    # Before the lookups, so whoever may not import gets the same 403 for any case key.
    services.require_importer(request.user)
    case = case_for_key(key)
    parsed = review = None
    reviewing = request.method == "POST" and "reviewed" in request.POST
    form = MotionImportForm(
        None if reviewing else (request.POST or None), None if reviewing else (request.FILES or None)
    )
    if reviewing:
        review = MotionReviewForm(request.POST)
        if review.is_valid():
            parsed = review.parsed()
            if "bekrafta" in request.POST:
                return _save_motion(request, case, parsed, review, review.cleaned_data["document"])
    elif request.method == "POST" and form.is_valid():
        try:
            parsed = parse_motion_text(form.cleaned_data["text"])
        except ImportError_ as error:
            form.add_error("file" if form.cleaned_data.get("file") else "text", str(error))
        else:
            document = form.cleaned_data["document"]
            # A party the table lacks is picked in the review: saved straight away it would be lost.
            if "bekrafta" in request.POST and not parsed.unknown_parties:
                return _save_motion(request, case, parsed, form, document)
            token = attachments.document_stage(document=document, user=request.user)
            review = MotionReviewForm(initial=MotionReviewForm.initial_from(parsed) | {"document": token})
    return render(
        request,
        "motions/motion_import.html",
        {
            "case": case,
            "form": form,
            "parsed": parsed,
            "review": review,
            "pages": getattr(form, "cleaned_data", {}).get("pages", 1),
        },
    )


def _save_motion(request, case, parsed, form, document):
    """Save with the document it was read from (an upload or a review's staged token), or show the
    form again with why not (nothing is kept)."""
    token = document if isinstance(document, str) else None
    try:
        if token is not None:
            document = attachments.document_staged(token, user=request.user)
        motion = services.motion_import(case=case, parsed=parsed, user=request.user, document=document or None)
    except ImportError_ as error:
        form.add_error(None, str(error))
        review = form if isinstance(form, MotionReviewForm) else None
        upload = MotionImportForm() if review else form
        context = {"case": case, "form": upload, "parsed": None, "review": review}
        return render(request, "motions/motion_import.html", context)
    if token is not None:
        attachments.document_unstage(token)
    messages.success(request, _("Yrkandet lästes in med %(count)d punkter.") % {"count": len(parsed.points)})
    return redirect(f"{case.get_absolute_url()}#yrkande-{motion.pk}")


@upload_limit(MAX_UPLOAD_BYTES, pdf_limit=MAX_PDF_BYTES)
@login_required
def rollcall_import(request, key, decision_id):
    # Before the lookups, so whoever may not import gets the same 403 for any case key.
    services.require_importer(request.user)
    case = case_for_key(key)
    decision = get_object_or_404(Decision.objects.select_related("meeting__body"), pk=decision_id, case=case)
    parsed = None
    form = RollCallImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            parsed = parse_rollcall(form.cleaned_data["text"])
            if "bekrafta" in request.POST:
                services.rollcall_import(
                    decision=decision,
                    parsed=parsed,
                    proposition=form.cleaned_data["proposition"],
                    user=request.user,
                    document=form.cleaned_data["document"],
                )
        except ImportError_ as error:
            form.add_error("text", str(error))
            parsed = None
        else:
            if "bekrafta" in request.POST:
                messages.success(
                    request, _("Omröstningen lästes in med %(count)d ledamöter.") % {"count": len(parsed.rows)}
                )
                return redirect(f"{case.get_absolute_url()}#beslut-{decision.pk}")
    return render(
        request, "motions/rollcall_import.html", {"case": case, "decision": decision, "form": form, "parsed": parsed}
    )


def point_lineage_page(request, key, point_id: int):
    """One decision point from motion and proposal through the decision to the assignment and its closing."""
    case = case_for_key(key)
    point = get_object_or_404(
        lineage.point_queryset().filter(Q(proposal__case=case) | Q(motion__case=case) | Q(decision__case=case)),
        pk=point_id,
    )
    origin, steps = lineage.point_lineage(point)
    return render(request, "motions/point.html", {"case": case, "point": point, "origin": origin, "steps": steps})
