import re

from django.db import models
from django.db.models import Prefetch


def comparison_prefetches() -> list:
    """What motions.comparison reads of a case: its proposals, motions, points, decisions and votes.

    Flat lookups, so that prefetch_related_objects() can skip each one a richer read (such as
    CaseQuerySet.with_everything()) has already fetched.
    """
    from .models import Decision, DecisionPoint, Vote, VoteRecord

    points = DecisionPoint.objects.order_by("number")
    return [
        "proposals",
        Prefetch("proposals__points", queryset=points),
        "motions",
        "motions__parties",
        Prefetch("motions__points", queryset=points),
        Prefetch("decisions", queryset=Decision.objects.select_related("meeting__body")),
        "decisions__adopted_motions",
        Prefetch("decisions__votes", queryset=Vote.objects.order_by("id")),
        Prefetch("decisions__votes__records", queryset=VoteRecord.objects.select_related("member__party")),
    ]


def comparison_page_prefetches() -> list:
    """What the comparison page reads of a case fetched on its own: what with_everything() reads but
    the attachments and the decisions' own points, which the page does not show.

    For prefetch_related_objects() on a case already read (the page reads the bare case first, so
    that a comparison answered from the fragment cache reads nothing more).
    """
    return case_page_prefetches(attachments=False, decision_points=False)


def case_page_prefetches(*, attachments: bool = True, decision_points: bool = True) -> list:
    """What the case page reads of a case: CaseQuerySet.with_everything(), or prefetch_related_objects()
    on a case fetched alone (motions.selectors.case_page)."""
    from .models import (
        Attachment,
        Decision,
        DecisionNote,
        DecisionPoint,
        Motion,
        OfficialProposal,
        Vote,
        VoteRecord,
    )

    points = DecisionPoint.objects.order_by("number")
    decision_extra = [Prefetch("points", queryset=DecisionPoint.objects.order_by("number"))] if decision_points else []
    return [
        *([Prefetch("attachments", queryset=Attachment.objects.order_by("created_at", "id"))] if attachments else []),
        Prefetch(
            "proposals",
            queryset=OfficialProposal.objects.select_related("author_body").prefetch_related(
                Prefetch("points", queryset=points)
            ),
        ),
        Prefetch(
            "motions",
            queryset=Motion.objects.select_related("body", "meeting__body").prefetch_related(
                "parties", Prefetch("points", queryset=points)
            ),
        ),
        Prefetch(
            "decisions",
            queryset=Decision.objects.select_related("meeting__body")
            .order_by("meeting__date", "paragraph", "id")
            .prefetch_related(
                Prefetch("adopted_motions", queryset=Motion.objects.prefetch_related("parties")),
                Prefetch("adopted_points", queryset=DecisionPoint.objects.select_related("proposal", "motion")),
                *decision_extra,
                # By id: the minutes' order, as the importer and the secretariat store them.
                Prefetch("notes", queryset=DecisionNote.objects.order_by("id").prefetch_related("parties")),
                Prefetch(
                    "votes",
                    queryset=Vote.objects.order_by("id").prefetch_related(
                        Prefetch("records", queryset=VoteRecord.objects.select_related("member__party"))
                    ),
                ),
            ),
        ),
    ]


class CaseQuerySet(models.QuerySet):
    def by_url_key(self, key: str):
        """Find a case by ärendenummer (SLK-2022-00921) or dnr written 0921-22 or 0921/22."""
        if re.fullmatch(r"[0-9]{4}[-/][0-9]{2}", key):
            return self.filter(dnr=key.replace("-", "/"))
        return self.filter(case_number=key)

    def for_comparison(self):
        """Cases with what the comparison reads, and no more (see comparison_prefetches)."""
        return self.prefetch_related(*comparison_prefetches())

    def with_everything(self):
        """A case with its proposals, motions, points and decisions with votes, as the case pages show them.

        A fixed number of queries whatever the number of motions, points, votes and members. Costs are
        not read here: they belong to the budget app, which the pages ask through motions.costs.
        """
        return self.prefetch_related(*case_page_prefetches())
