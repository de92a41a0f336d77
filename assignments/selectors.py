"""Reads that pages of several apps share: a board or a reporting period as a URL names them."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Board, ReportingPeriod


def period_by_slug(year: int, slug: str) -> ReportingPeriod | None:
    """The reporting period a URL or a form names by year and slug (2023 + "augusti"), or None."""
    kind = ReportingPeriod.kind_from_slug(slug)
    if kind is None:
        return None
    return ReportingPeriod.objects.filter(year=year, kind=kind).first()


def period_or_404(year: int, slug: str) -> ReportingPeriod:
    period = period_by_slug(year, slug)
    if period is None:
        raise Http404(_("Perioden finns inte."))
    return period


def board_and_period_or_404(board: str, year: int, period: str) -> tuple[Board, ReportingPeriod]:
    return get_object_or_404(Board, slug=board), period_or_404(year, period)
