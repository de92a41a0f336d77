"""Attachments: the download anyone who may read the case may make, and the secretariat's pages to
add and remove them. Thin: the rules live in motions.attachments."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from . import attachments
from .attachment_forms import AttachmentRemoveForm, AttachmentUploadForm
from .importers import MAX_PDF_BYTES, MAX_UPLOAD_BYTES, ImportError_
from .models import Attachment
from .selectors import case_for_key
from .uploads import upload_limit


def _attachment(case, attachment_id) -> Attachment:
    return get_object_or_404(Attachment.objects.select_related("case"), pk=attachment_id, case=case)


@require_safe
def download(request, key, attachment_id: int, filename: str) -> HttpResponse:
    """The document exactly as kept: its own type, its original name, its checksum as the ETag."""
    case = case_for_key(key)
    attachment = _attachment(case, attachment_id)
    if filename != attachment.filename:
        return redirect(attachment.get_absolute_url(), permanent=True)
    etag = f'"{attachment.sha256}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        try:
            handle = attachment.file.open("rb")
        except (FileNotFoundError, OSError) as error:
            raise Http404(_("Bilagans fil finns inte.")) from error
        response = FileResponse(handle, content_type=attachment.content_type)
        response["Content-Length"] = str(attachment.size)
        response["Content-Disposition"] = content_disposition_header(False, attachment.filename)
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    response["Repr-Digest"] = f"sha-256=:{base64.b64encode(bytes.fromhex(attachment.sha256)).decode()}:"
    # A public record that only the secretariat can take away: revalidated, never stale.
    response["Cache-Control"] = "public, no-cache"
    return response


def _secretariat(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        attachments.require_manager(request.user)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _workspace_list(case) -> str:
    return reverse("secretariat:case", args=[case.url_key]) + "#bilagor"


@upload_limit(MAX_UPLOAD_BYTES, pdf_limit=MAX_PDF_BYTES)
@require_http_methods(["GET", "POST"])
@_secretariat
def upload(request, key):
    case = case_for_key(key)
    form = AttachmentUploadForm(
        request.POST if request.method == "POST" else None, request.FILES if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            attachment = attachments.attachment_add(
                case=case, data=file.data, filename=file.name, kind=form.cleaned_data["kind"], user=request.user
            )
        except (ImportError_, ValidationError) as error:
            form.add_error("file", error.messages if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, _("Bilagan %(name)s är sparad.") % {"name": attachment.filename})
            return redirect(_workspace_list(case))
    status = 400 if form.errors else 200
    return render(request, "motions/secretariat/attachment_form.html", {"case": case, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
@_secretariat
def remove(request, key, attachment_id: int):
    case = case_for_key(key)
    attachment = _attachment(case, attachment_id)
    form = AttachmentRemoveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            attachments.attachment_remove(
                attachment=attachment,
                user=request.user,
                reason=form.cleaned_data["reason"],
                confirmed=form.cleaned_data["confirm"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Bilagan %(name)s är borttagen.") % {"name": attachment.filename})
            return redirect(_workspace_list(case))
    status = 400 if form.errors else 200
    context = {"case": case, "attachment": attachment, "form": form}
    return render(request, "motions/secretariat/attachment_remove.html", context, status=status)
