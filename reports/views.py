"""The delårsrapport: choose, check, preview, download, store versions and mark one fastställd.

Reading (the choice page, the preview, the PDF, stored versions) is public like the records the
report is made of; storing and adopting versions is for the secretariat.
"""

import re
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from assignments.models import Board, ReportingPeriod
from assignments.selectors import board_and_period_or_404
from core.fragment_cache import cached_fragment
from core.pdf import render_pdf
from core.pdf_cache import RenderBusy, busy_response, cached_pdf
from pagecache.cache import request_content_version

from . import services
from .composition import compose_report, report_filename
from .document import ReportHeading
from .forms import PublishForm, ReportChoiceForm
from .models import PublishedReport
from .rendering import report_body_html, report_document_html

# What the composed report reads (the preview's version counts only these); checked by
# tests/pagecache/test_fragment_dependencies.py.
PREVIEW_TABLES = (
    "assignments_assignment",
    "assignments_board",
    "assignments_reportingperiod",
    "assignments_responsibility",
    "assignments_statuschange",
    "assignments_statusreport",
    "budget_centralitem",
    "budget_costestimate",
    "budget_financialstatement",
    "budget_statementline",
    "motions_case",
    "motions_decision",
    "motions_decisionpoint",
    "motions_motion",
    "motions_officialproposal",
)

# The browser's "genererar…" state: reports.js adds ?token=…, the response sets it as a cookie.
DOWNLOAD_COOKIE = "pdf_download"
_TOKEN = re.compile(r"^[A-Za-z0-9]{1,40}$")


def _versions(board, period):
    return (
        PublishedReport.objects.filter(board=board, period=period)
        .select_related("board", "period", "published_by", "adopted_by")
        .order_by("-version")
    )


def _index_url(board: Board, period: ReportingPeriod) -> str:
    query = urlencode({"namnd": board.slug, "period": f"{period.year}-{period.slug}"})
    return f"{reverse('reports:index')}?{query}#versioner"


@require_GET
def index(request):
    form = ReportChoiceForm(request.GET or None)
    context = {"form": form, "can_publish": services.can_publish(request.user)}
    if form.is_valid():
        board, period = form.cleaned_data["namnd"], form.cleaned_data["period"]
        report = compose_report(board, period)
        versions = list(_versions(board, period))
        context.update(report=report, versions=versions, publish_form=PublishForm())
        if versions:
            # Has anything in the report changed since the latest stored version?
            context["latest_version"] = versions[0]
            context["changed_since_latest"] = (
                services.content_sha256(report_document_html(report)) != versions[0].content_sha256
            )
    else:
        context["recent_versions"] = PublishedReport.objects.select_related("board", "period", "published_by").order_by(
            "-published_at"
        )[:20]
    return render(request, "reports/index.html", context)


@require_GET
def preview(request, board, year, period):
    board, period = board_and_period_or_404(board, year, period)
    # The composed report, its check and its body are the same for everyone: cached by the content
    # version (never stale), the request's language (the check's), and the day (an undated report
    # is dated today).
    title, check, body = cached_fragment(
        "reports:preview",
        request_content_version(request, *PREVIEW_TABLES),
        [board.pk, period.pk, get_language(), timezone.localdate().isoformat()],
        lambda: _preview_parts(board, period),
    )
    return render(
        request,
        "reports/preview.html",
        {
            "report": ReportHeading(board=board, period=period, title=title),
            "report_check": check,
            "report_body": body,
            "versions": _versions(board, period),
        },
    )


def _preview_parts(board: Board, period: ReportingPeriod) -> tuple[str, str, str]:
    report = compose_report(board, period)
    return report.title, render_to_string("reports/_check.html", {"report": report}), report_body_html(report)


@require_GET
def pdf(request, board, year, period):
    board, period = board_and_period_or_404(board, year, period)
    try:
        # Unchanged content comes from storage without composing the report at all.
        content = cached_pdf(
            identity=("reports:pdf", board.pk, period.pk),
            html=lambda: report_document_html(compose_report(board, period)),
            render=render_pdf,
        )
    except RenderBusy:
        return busy_response()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report_filename(board, period)}"'
    token = request.GET.get("token", "")
    if _TOKEN.match(token):
        response.set_cookie(DOWNLOAD_COOKIE, token, max_age=120, samesite="Lax", secure=request.is_secure())
    return response


@require_GET
def version_pdf(request, board, year, period, version):
    board, period = board_and_period_or_404(board, year, period)
    published = get_object_or_404(PublishedReport, board=board, period=period, version=version)
    try:
        handle = published.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("Filen för version %(version)s saknas i lagringen.") % {"version": version}) from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=_version_filename(published),
        content_type="application/pdf",
    )
    response["ETag"] = f'"{published.sha256}"'
    response["X-Checksum-SHA256"] = published.sha256
    return response


def _version_filename(published: PublishedReport) -> str:
    return (
        f"{published.period.slug}-{published.period.year}-{published.board.slug}-version-{published.version}"
        f"{'-faststalld' if published.is_adopted else ''}.pdf"
    )


@login_required
@require_POST
def publish(request, board, year, period):
    services.require_publisher(request.user)
    board, period = board_and_period_or_404(board, year, period)
    form = PublishForm(request.POST)
    adopt = form.is_valid() and form.cleaned_data["adopt"]
    try:
        published, created = services.report_publish(board=board, period=period, user=request.user, adopt=adopt)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(_index_url(board, period))
    if created:
        messages.success(request, _("Version %(version)s är sparad.") % {"version": published.version})
    else:
        messages.info(
            request,
            _("Rapporten är oförändrad sedan version %(version)s; ingen ny version sparades.")
            % {"version": published.version},
        )
    return redirect(_index_url(board, period))


@login_required
@require_POST
def adopt(request, board, year, period, version):
    services.require_publisher(request.user)
    board, period = board_and_period_or_404(board, year, period)
    published = get_object_or_404(PublishedReport, board=board, period=period, version=version)
    try:
        services.report_adopt(published=published, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Version %(version)s är fastställd.") % {"version": version})
    return redirect(_index_url(board, period))
