from django.db import models
from django.db.models import Prefetch


class BoardQuerySet(models.QuerySet):
    def resolve(self, name: str):
        """The board a document's spelling refers to, or None."""
        cleaned = " ".join(name.split())
        board = self.filter(models.Q(name__iexact=cleaned) | models.Q(short_name__iexact=cleaned)).first()
        if board is None:
            board = self.filter(variants__name__iexact=cleaned).first()
        return board


class AssignmentQuerySet(models.QuerySet):
    def with_boards(self):
        from .models import Responsibility

        return self.select_related("origin_body").prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("board").order_by("-is_lead", "board__name"),
            )
        )

    def for_detail(self):
        """One assignment page: boards, status reports with period, board and author, status changes."""
        from .models import StatusChange, StatusReport

        return self.with_boards().prefetch_related(
            Prefetch(
                "status_reports",
                queryset=StatusReport.objects.select_related("period", "board", "author").order_by(
                    "period__year", "period__kind", "board__name"
                ),
            ),
            Prefetch(
                "status_changes",
                queryset=StatusChange.objects.select_related("changed_by", "status_report__period"),
            ),
        )

    def for_board(self, board):
        return self.filter(responsibilities__board=board)
