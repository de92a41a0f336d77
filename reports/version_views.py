"""What changed between two stored versions of a report: public, like the versions themselves."""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from assignments.selectors import board_and_period_or_404

from .composition import REPORT_LANGUAGE, report_title
from .models import PublishedReport
from .snapshot import compare_snapshots


@require_GET
def version_compare(request, board, year, period, version, other):
    """Version `version` against `other`, always shown from the earlier to the later one."""
    board, period = board_and_period_or_404(board, year, period)
    versions = {
        v.version: v
        for v in PublishedReport.objects.filter(
            board=board, period=period, version__in=[version, other]
        ).select_related("published_by", "adopted_by")
    }
    if version not in versions or other not in versions:
        raise Http404(_("Versionen finns inte."))
    old, new = versions[min(version, other)], versions[max(version, other)]
    for v in (old, new):  # the template links them without asking for board and period again
        v.board, v.period = board, period
    without_snapshot = [v for v in (old, new) if v.snapshot is None]
    comparison = None
    if old.pk != new.pk and not without_snapshot:
        comparison = compare_snapshots(old.snapshot, new.snapshot)
    with translation.override(REPORT_LANGUAGE):
        title = report_title(board, period)
    return render(
        request,
        "reports/version_compare.html",
        {
            "board": board,
            "period": period,
            "old": old,
            "new": new,
            "title": title,
            "without_snapshot": without_snapshot,
            "comparison": comparison,
        },
    )
