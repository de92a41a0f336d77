"""The pages the benchmark measures, found in the data and in the URLconf as it is today.

A page is measured only when its URL resolves (the pages land one by one); each page names
the reference it is compared with in the same run.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import Resolver404, resolve

from assignments.models import Assignment, Board, ReportingPeriod, StatusReport
from motions.models import Case

ADMIN_ASSIGNMENTS = "/admin/assignments/assignment/"
TRIVIAL = "/bench/trivial/"


@dataclass
class Page:
    key: str
    label: str
    path: str
    kind: str = "html"  # "html" or "pdf"
    admin_reference: str | None = None  # the admin changelist of the same rows
    throughput: bool = True  # measured under gunicorn too
    notes: list[str] = field(default_factory=list)


def resolves(path: str) -> bool:
    try:
        resolve(path.split("?")[0])
    except Resolver404:
        return False
    return True


def _first_resolving(*paths):
    for path in paths:
        if path and resolves(path):
            return path
    return None


def _busiest_assignment():
    return (
        Assignment.objects.filter(text__startswith="[Syntetisk]")
        .annotate(reports=Count("status_reports"))
        .order_by("-reports", "id")
        .first()
    ) or Assignment.objects.order_by("id").first()


def _busiest_report():
    """The board and period with the most status reports: the heaviest report there is."""
    row = (
        StatusReport.objects.values("board", "period").annotate(n=Count("id")).order_by("-n", "board", "period").first()
    )
    if row is None:
        return None, None, 0
    return Board.objects.get(pk=row["board"]), ReportingPeriod.objects.get(pk=row["period"]), row["n"]


def _busiest_case():
    return (
        Case.objects.filter(case_number__startswith="SYNT-").annotate(n=Count("motions")).order_by("-n", "id").first()
        or Case.objects.order_by("id").first()
    )


def _filtered_list_path(board) -> str:
    """/uppdrag/ filtered on status "pågående" and one board, with the names the list's own filter form uses."""
    import re
    from urllib.parse import urlencode

    from django.test import Client

    params = {"status": "in_progress", "namnd": board.slug}  # the guess when the form cannot be read
    try:
        html = Client().get("/uppdrag/").content.decode()
    except Exception:  # noqa: BLE001 - a page under construction: keep the guess
        return "/uppdrag/?" + urlencode(params)
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, flags=re.S):
        values = set(re.findall(r'<option[^>]*value="([^"]*)"', body))
        if "in_progress" in values:
            params.pop("status", None)
            params[name] = "in_progress"
        elif board.slug in values or str(board.pk) in values:
            params.pop("namnd", None)
            params[name] = board.slug if board.slug in values else str(board.pk)
    return "/uppdrag/?" + urlencode(params)


def discover() -> list[Page]:
    pages: list[Page] = []
    if resolves("/uppdrag/"):
        pages.append(Page("list", "Uppdragslista", "/uppdrag/", admin_reference=ADMIN_ASSIGNMENTS))
        busy_board = (
            Board.objects.filter(slug__startswith="syntetisk-")
            .annotate(n=Count("responsibilities"))
            .order_by("-n", "id")
            .first()
        )
        if busy_board is not None:
            pages.append(
                Page(
                    "list_filtered",
                    "Uppdragslista, filtrerad",
                    _filtered_list_path(busy_board),
                    admin_reference=f"{ADMIN_ASSIGNMENTS}?status__exact=in_progress"
                    f"&responsible_boards__id__exact={busy_board.pk}",
                )
            )
    assignment = _busiest_assignment()
    if assignment is not None:
        path = f"/uppdrag/{assignment.pk}/"
        if resolves(path):
            reports = assignment.status_reports.count()
            pages.append(Page("detail", f"Uppdrag ({reports} statusrapporter)", path))
    case = _busiest_case()
    if case is not None:
        size = f"{case.motions.count()} yrkanden"
        path = f"/arenden/{case.url_key}/"
        if resolves(path):
            pages.append(Page("case", f"Ärende ({size})", path))
        path = f"/arenden/{case.url_key}/jamfor/"
        if resolves(path):
            pages.append(Page("compare", f"Jämförelse ({size})", path))
        pdf = _first_resolving(f"/arenden/{case.url_key}/jamfor.pdf", f"/arenden/{case.url_key}/jamfor/pdf/")
        if pdf:
            pages.append(Page("compare_pdf", f"Jämförelse, PDF ({size})", pdf, kind="pdf", throughput=False))
    board, period, reports = _busiest_report()
    if board is not None:
        base = f"/rapporter/{board.slug}/{period.year}/{period.slug}/"
        if resolves(base):
            pages.append(Page("report", f"Rapport, förhandsvisning ({reports} statusrapporter)", base))
        pdf = _first_resolving(base.rstrip("/") + ".pdf", base + "pdf/", base + "rapport.pdf")
        if pdf:
            pages.append(
                Page("report_pdf", f"Rapport, PDF ({reports} statusrapporter)", pdf, kind="pdf", throughput=False)
            )
    if case is not None and resolves(f"/budget/arenden/{case.url_key}/"):
        pages.append(Page("budget_case", "Ärendets kostnader", f"/budget/arenden/{case.url_key}/"))
    if board is not None:
        path = f"/budget/namnder/{board.slug}/"
        if resolves(path):
            pages.append(Page("budget_board", "Nämndens ekonomi", path))
        path = f"/budget/namnder/{board.slug}/{period.year}/{period.slug}/"
        if resolves(path):
            pages.append(Page("budget_statement", "Resultatredovisning", path))
    pages.extend(_register_pages())
    pages.extend(_secretariat_pages())
    search = _first_resolving("/sok/", "/sok/?q=skola")
    if search:
        pages.append(Page("search", "Sökning", "/sok/?q=trygghet"))
    return pages


def _register_pages() -> list[Page]:
    """The verkställighetsregister: everything (counts and the first page of rows), one year and
    body, and the PDF of the smallest year and body that a PDF may hold."""
    path = "/rapporter/verkstallighetsregister/"
    if not resolves(path):
        return []
    from django.utils import timezone

    from reports.register import build_register
    from reports.register_views import MAX_PDF_ROWS

    pages = [Page("register", "Verkställighetsregister", path, admin_reference=ADMIN_ASSIGNMENTS)]
    groups = [group for group in build_register(today=timezone.localdate()).groups if group.year and group.body]
    if groups:
        busiest = max(groups, key=lambda group: group.total)
        query = f"?ar={busiest.year}&organ={busiest.body.slug}"
        pages.append(
            Page("register_filtered", f"Verkställighetsregister, ett år ({busiest.total} uppdrag)", path + query)
        )
        small = [group for group in groups if group.total <= MAX_PDF_ROWS]
        if small:
            group = min(small, key=lambda group: group.total)
            pdf = f"/rapporter/verkstallighetsregister.pdf?ar={group.year}&organ={group.body.slug}"
            pages.append(
                Page(
                    "register_pdf",
                    f"Verkställighetsregister, PDF ({group.total} uppdrag)",
                    pdf,
                    kind="pdf",
                    throughput=False,
                )
            )
    return pages


def _secretariat_pages() -> list[Page]:
    """The secretariat's registration pages: the start page, the meeting with most decisions and
    the review of the decision with most adopted points (the heaviest instances there are)."""
    from motions.models import Decision, Meeting

    pages = []
    if resolves("/sekretariat/"):
        pages.append(Page("secretariat", "Sekretariatet", "/sekretariat/"))
    meeting = Meeting.objects.annotate(n=Count("decisions")).order_by("-n", "id").first()
    if meeting is not None and resolves(f"/sekretariat/sammantraden/{meeting.pk}/"):
        pages.append(Page("meeting", f"Sammanträde ({meeting.n} beslut)", f"/sekretariat/sammantraden/{meeting.pk}/"))
    decision = Decision.objects.annotate(n=Count("adopted_points")).order_by("-n", "id").first()
    if decision is not None and resolves(f"/sekretariat/beslut/{decision.pk}/uppdrag/"):
        pages.append(
            Page(
                "review",
                f"Beslutets uppdrag, granskning ({decision.n} bifallna punkter)",
                f"/sekretariat/beslut/{decision.pk}/uppdrag/",
            )
        )
    return pages
