from django.shortcuts import render

from assignments.models import Assignment, Board
from motions.models import Case


def start(request):
    """The start page: the cases and assignments in the system."""
    cases = Case.objects.order_by("-id")[:20]
    assignments = Assignment.objects.with_boards().order_by("sort_order", "dnr")[:50]
    return render(
        request,
        "goteborg_uppdrag/start.html",
        {
            "cases": cases,
            "assignments": assignments,
            "case_count": Case.objects.count(),
            "assignment_count": Assignment.objects.count(),
        },
    )


def feeds_index(request):
    """What can be followed: decisions, each case's motions, each board's assignments and deadlines."""
    boards = Board.objects.filter(responsibilities__isnull=False).distinct().order_by("name")
    cases = Case.objects.order_by("-id")[:20]
    return render(request, "feeds/index.html", {"boards": boards, "cases": cases})


def csrf_failure(request, reason=""):
    """A Swedish page for a refused form (expired page or cookies blocked), never a stack trace."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)
