"""Reads of the motions app that pages in several apps share."""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Case
from .naming import in_case_order, motion_names
from .querysets import case_page_prefetches


def case_for_key(key: str, queryset=None) -> Case:
    """The case a URL names (ärendenummer or dnr), or a 404 with a Swedish message."""
    queryset = queryset if queryset is not None else Case.objects.all()
    case = queryset.by_url_key(key).first()
    if case is None:
        raise Http404(_("Ärendet finns inte."))
    return case


@dataclass
class CaseDetail:
    """What the case page shows of a case beyond its own fields, read in one go (case_page())."""

    case: Case  # with everything prefetched (CaseQuerySet.with_everything())
    motions: list  # (motion, MotionName) in the case's order
    decisions: list
    proposals: list
    attachments: list


def case_page(case: Case) -> CaseDetail:
    """The case's proposals, motions, decisions and attachments, prefetched on the case itself.

    Read on a case fetched alone, so that a page whose body comes from the fragment cache asks for
    none of it; the queries are those of Case.objects.with_everything().
    """
    prefetch_related_objects([case], *case_page_prefetches())
    motions = in_case_order(case.motions.all())
    names = motion_names(motions)
    return CaseDetail(
        case=case,
        motions=[(motion, names[motion.pk]) for motion in motions],
        decisions=list(case.decisions.all()),
        proposals=list(case.proposals.all()),
        attachments=list(case.attachments.all()),
    )
