from django.db import models
from django.db.models import Prefetch


class BoardQuerySet(models.QuerySet):
    def resolve(self, name: str):
        """The board a document's spelling refers to, or None."""
        return self.resolver()(name)

    def resolver(self):
        """resolve() for many spellings: the boards and their name variants are read once (two queries).

        A spelling is a board's name or short name, else one of its variants, compared without regard
        to case or runs of whitespace; where several boards match, the first in this queryset's order.
        """
        from .models import BoardNameVariant

        boards = list(self)
        position = {board.pk: index for index, board in enumerate(boards)}
        by_name: dict = {}
        for board in boards:
            by_name.setdefault(board.name.casefold(), board)
            by_name.setdefault(board.short_name.casefold(), board)
        by_variant: dict = {}
        variants = BoardNameVariant.objects.filter(board_id__in=list(position)).values_list("name", "board_id")
        for variant, board_id in sorted(variants, key=lambda row: position[row[1]]):
            by_variant.setdefault(variant.casefold(), boards[position[board_id]])

        def resolve(name: str):
            cleaned = " ".join(name.split()).casefold()
            return by_name.get(cleaned) or by_variant.get(cleaned)

        return resolve


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
        return self.with_boards().prefetch_related(report_prefetch(), status_change_prefetch())

    def for_board(self, board):
        return self.filter(responsibilities__board=board)


def report_prefetch() -> Prefetch:
    """An assignment's status reports in period order, with period, board and author (the timeline's)."""
    from .models import StatusReport

    return Prefetch(
        "status_reports",
        queryset=StatusReport.objects.select_related("period", "board", "author").order_by(
            "period__year", "period__kind", "board__name"
        ),
    )


def status_change_prefetch() -> Prefetch:
    """An assignment's status changes with who made them (the timeline's and the status form's)."""
    from .models import StatusChange

    return Prefetch(
        "status_changes", queryset=StatusChange.objects.select_related("changed_by", "status_report__period")
    )
