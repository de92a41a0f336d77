"""Tells the assignment pages which cases an assignment belongs to (see assignments/links.py)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from assignments.links import OriginLink
from assignments.models import Assignment

from .models import Case, DecisionPoint


def case_links(assignment_ids: list[int]) -> dict[int, list[OriginLink]]:
    """The case whose decision point created the assignment, and the case registered under its dnr."""
    found: dict[int, dict[str, OriginLink]] = {}
    points = DecisionPoint.objects.filter(assignment_id__in=assignment_ids).select_related(
        "proposal__case", "motion__case", "decision__case", "decision__meeting"
    )
    for point in points:
        owner = point.proposal or point.motion or point.decision
        case = owner.case
        label = _("%(case)s, punkt %(number)s") % {"case": case.reference, "number": point.printed_label}
        found.setdefault(point.assignment_id, {})[case.get_absolute_url()] = OriginLink(label, case.get_absolute_url())
    dnrs = dict(Assignment.objects.filter(pk__in=assignment_ids).values_list("pk", "dnr"))
    by_dnr: dict[str, list[Case]] = {}
    for case in Case.objects.filter(Q(dnr__in=set(dnrs.values()))):
        by_dnr.setdefault(case.dnr, []).append(case)
    for assignment_id, dnr in dnrs.items():
        for case in by_dnr.get(dnr, []):
            url = case.get_absolute_url()
            found.setdefault(assignment_id, {}).setdefault(
                url, OriginLink(_("Ärende %(case)s: %(title)s") % {"case": case.reference, "title": case.title}, url)
            )
    return {assignment_id: list(links.values()) for assignment_id, links in found.items()}
