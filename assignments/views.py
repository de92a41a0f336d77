"""Pages of the officer's workflow: the list, an assignment, its status and reports, a board's overview."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, prefetch_related_objects
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.form_errors import apply_errors
from core.fragment_cache import cached_fragment
from pagecache.cache import request_content_version

from . import roles, services, workflow
from .filters import DONE_STATUSES, DUE_SOON_DAYS, AssignmentFilterForm, filter_assignments, sort_assignments
from .filters import status_counts as count_statuses
from .forms import StatusChangeForm, StatusReportForm
from .history import assignment_history
from .links import origin_links, origin_passages
from .models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport
from .querysets import report_prefetch, status_change_prefetch
from .timeline import build_timeline

PAGE_SIZES = (25, 50, 100, 200)
DEFAULT_PAGE_SIZE = 50

# The tables each fragment reads (its version counts only these: a write elsewhere leaves it valid);
# tests/pagecache/test_fragment_dependencies.py fails when a fragment reads another.
FILTER_TABLES = ("assignments_board", "assignments_reportingperiod")
RESULTS_TABLES = (
    *FILTER_TABLES,
    "assignments_assignment",
    "assignments_responsibility",
    "assignments_statusreport",
    "motions_case",
    "motions_decision",
    "motions_decisionpoint",
    "motions_motion",
    "motions_officialproposal",
)
DETAIL_TABLES = (
    *RESULTS_TABLES,
    "assignments_statuschange",
    "assignments_historicalassignment",  # the change history
    "assignments_historicalstatusreport",
    "motions_meeting",
    "auth_user",  # who wrote a report or changed the status
    "auth_group",  # the reader's right to edit (a vary value)
    "auth_user_groups",
)


def _page_size(request) -> int:
    try:
        size = int(request.GET.get("per_sida", DEFAULT_PAGE_SIZE))
    except ValueError:
        return DEFAULT_PAGE_SIZE
    return size if size in PAGE_SIZES else DEFAULT_PAGE_SIZE


def assignment_list(request):
    # An officer opening the list lands on their own boards; any query string (even an empty
    # board filter, "alla nämnder") is an explicit choice and is respected.
    if not request.GET and roles.is_officer(request.user) and not roles.is_secretariat(request.user):
        slugs = list(Board.objects.filter(officers=request.user).values_list("slug", flat=True))
        if slugs:
            query = QueryDict(mutable=True)
            query.setlist("namnd", slugs)
            return redirect(f"{reverse('assignments:list')}?{query.urlencode()}")

    page_size = _page_size(request)
    version = request_content_version(request, *FILTER_TABLES)
    form = SimpleLazyObject(lambda: AssignmentFilterForm(request.GET))

    def filter_panel():
        # The filter shows the board register and the periods (the content version) and what the
        # query string asked for: the same for everyone with the same query, as are its errors.
        context = {"form": form, "page_sizes": PAGE_SIZES, "page_size": page_size}
        return render_to_string("assignments/_filter_panel.html", context, request), form.is_valid()

    # Lazy: when the filter and the results are both in the fragment cache, the form is never built
    # (its board and period choices never read) nor the assignments queried.
    vary = [get_language(), request.GET.urlencode()]
    panel, valid = cached_fragment("assignment-filter", version, vary, filter_panel)
    context = {"form": form, "filter_panel": panel, "page_sizes": PAGE_SIZES, "page_size": page_size}
    if valid:
        results = SimpleLazyObject(lambda: _list_results(form, request.GET.get("sida"), page_size))
        context.update(
            page=SimpleLazyObject(lambda: results.page),
            status_counts=SimpleLazyObject(lambda: results.status_counts),
            today=timezone.localdate(),
            selected_boards=SimpleLazyObject(lambda: _cleaned(form).get("namnd") or []),
            results_version=request_content_version(request, *RESULTS_TABLES),
        )
        status = 200
    else:
        # No results to show, so none to store (a missing version would be the empty string, a key).
        context["results_version"] = None
        status = 400
    return render(request, "assignments/list.html", context, status=status)


@dataclass
class _ListResults:
    page: object
    status_counts: list


def _cleaned(form) -> dict:
    """The valid filter's data, the form validated first if the cached filter panel spared that."""
    form.is_valid()  # a no-op once validated
    return form.cleaned_data


def _list_results(form, page_number, page_size) -> _ListResults:
    """The page of assignments the valid filter asks for, and the counts per status without the
    status filter (each status's count says what ticking it would give)."""
    data = _cleaned(form)
    without_status = filter_assignments(Assignment.objects.all(), {**data, "status": None})
    filtered = without_status.filter(status__in=data["status"]) if data.get("status") else without_status
    paginator = Paginator(sort_assignments(filtered, data.get("sortera")).with_boards(), page_size)
    return _ListResults(
        page=SimpleLazyObject(lambda: paginator.get_page(page_number)),
        status_counts=SimpleLazyObject(lambda: count_statuses(without_status)),
    )


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user else _("okänd")


def _assignment(pk: int) -> Assignment:
    return get_object_or_404(Assignment.objects.for_detail(), pk=pk)


def assignment_detail(request, pk: int):
    # The facts and the timeline with the history are fragments cached by the content version
    # (detail.html): everything only they show is read lazily, so a cached page reads none of it.
    assignment = get_object_or_404(Assignment.objects.with_boards(), pk=pk)
    links = SimpleLazyObject(lambda: origin_links([assignment.pk]).get(assignment.pk, []))
    can_edit = services.can_edit_assignment(request.user, assignment)
    if can_edit:
        # The status form's undo step looks at the latest change (workflow.latest_move).
        prefetch_related_objects([assignment], status_change_prefetch())
    transitions = workflow.manual_transitions(assignment, request.user) if can_edit else []

    def timeline():
        prefetch_related_objects([assignment], report_prefetch(), status_change_prefetch())
        return build_timeline(assignment, links)

    return render(
        request,
        "assignments/detail.html",
        {
            "assignment": assignment,
            "links": links,
            "passages": SimpleLazyObject(lambda: origin_passages([assignment.pk]).get(assignment.pk, [])),
            "timeline": SimpleLazyObject(timeline),
            "history": SimpleLazyObject(lambda: assignment_history(assignment)),
            "content_version": request_content_version(request, *DETAIL_TABLES),
            "can_edit": can_edit,
            "status_form": StatusChangeForm(transitions=transitions, initial={"version": assignment.version})
            if transitions
            else None,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def status_change(request, pk: int):
    assignment = _assignment(pk)
    services.require_assignment_editor(request.user, assignment)
    transitions = workflow.manual_transitions(assignment, request.user)
    data = request.POST if request.method == "POST" else None
    form = StatusChangeForm(data, transitions=transitions, initial={"version": assignment.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_status_change(
                assignment=assignment,
                target=form.cleaned_data["target"],
                user=request.user,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except services.ConflictError as conflict:
            current = _assignment(pk)
            latest = list(current.status_changes.all())[-1:]
            return render(
                request,
                "assignments/conflict.html",
                {
                    "assignment": current,
                    "kind": "status",
                    "latest_change": latest,
                    "saved_by": _person(latest[0].changed_by) if latest else _("okänd"),
                    "form": StatusChangeForm(
                        transitions=workflow.manual_transitions(current, request.user),
                        initial={
                            "version": conflict.current.version,
                            "reason": form.cleaned_data["reason"],
                        },
                    ),
                    "mine": {
                        "target": Assignment.Status(form.cleaned_data["target"]).label,
                        "reason": form.cleaned_data["reason"],
                    },
                },
                status=409,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Statusen är ändrad."))
            return redirect(assignment.get_absolute_url() + "#tidslinje")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "assignments/status_form.html",
        {"assignment": assignment, "form": form, "transitions": transitions},
        status=status,
    )


def _report_boards(request, assignment):
    return Board.objects.filter(pk__in=services.editable_board_ids(request.user, assignment)).order_by("name")


def _stored_decision(assignment, period_id, board_id) -> str:
    """The decision the report for this period and board already has ("" when none, or the ids are not ids)."""
    try:
        reports = StatusReport.objects.filter(assignment=assignment, period_id=int(period_id), board_id=int(board_id))
    except (TypeError, ValueError):
        return ""
    return reports.values_list("decision", flat=True).first() or ""


def _report_form(request, assignment, data=None, *, boards=None, current_decision="", **kwargs) -> StatusReportForm:
    decisions = services.report_decision_choices(request.user, assignment, current=current_decision)
    if boards is None:
        boards = _report_boards(request, assignment)
    return StatusReportForm(data, boards=boards, decisions=decisions, **kwargs)


def _default_period():
    return (
        ReportingPeriod.objects.filter(is_open=True).order_by("-year", "-kind").first()
        or ReportingPeriod.objects.order_by("-year", "-kind").first()
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk: int):
    assignment = _assignment(pk)
    services.require_assignment_editor(request.user, assignment)
    if request.method == "POST":
        stored = _stored_decision(assignment, request.POST.get("period"), request.POST.get("board"))
        form = _report_form(request, assignment, request.POST, current_decision=stored)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.status_report_submit(
                    assignment=assignment,
                    period=data["period"],
                    board=data["board"],
                    author=request.user,
                    text=data["text"],
                    proposes=data["proposes"],
                    expected_version=data["version"],
                    decision=data["decision"],
                    decided_on=data["decided_on"],
                )
            except services.ConflictError as conflict:
                theirs = conflict.current
                kept = _report_form(
                    request,
                    _assignment(pk),
                    current_decision=theirs.decision,
                    initial={**data, "version": theirs.version, "board": data["board"].pk, "period": data["period"].pk},
                )
                return render(
                    request,
                    "assignments/conflict.html",
                    {
                        "assignment": assignment,
                        "kind": "report",
                        "theirs": theirs,
                        "saved_by": _person(theirs.author),
                        "form": kept,
                        "mine": data,
                    },
                    status=409,
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Statusrapporten för %(period)s är sparad.") % {"period": data["period"]},
                )
                return redirect(assignment.get_absolute_url() + "#tidslinje")
        return render(
            request,
            "assignments/report_form.html",
            {"assignment": assignment, "form": form, "existing": None},
            status=400,
        )

    boards = _report_boards(request, assignment)
    period = _default_period()
    board = boards.first()
    try:
        if request.GET.get("period"):
            period = ReportingPeriod.objects.get(pk=int(request.GET["period"]))
        if request.GET.get("namnd"):
            board = boards.get(pk=int(request.GET["namnd"]))
    except (ValueError, ReportingPeriod.DoesNotExist, Board.DoesNotExist):
        messages.error(request, _("Perioden eller nämnden finns inte för det här uppdraget. Välj i formuläret."))
    existing = (
        StatusReport.objects.filter(assignment=assignment, period=period, board=board).first()
        if period and board
        else None
    )
    initial = {"period": period, "board": board, "version": 0, "proposes": StatusReport.Proposal.PARTIAL}
    if existing:
        initial.update(
            text=existing.text,
            proposes=existing.proposes,
            decision=existing.decision,
            decided_on=existing.decided_on,
            version=existing.version,
        )
    form = _report_form(
        request, assignment, boards=boards, initial=initial, current_decision=existing.decision if existing else ""
    )
    return render(
        request,
        "assignments/report_form.html",
        {"assignment": assignment, "form": form, "existing": existing},
    )


def board_index(request):
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    active = ~Q(responsibilities__assignment__status__in=DONE_STATUSES)
    boards = (
        Board.objects.filter(responsibilities__isnull=False)
        .annotate(
            total=Count("responsibilities", distinct=True),
            overdue=Count(
                "responsibilities", filter=active & Q(responsibilities__assignment__deadline__lt=today), distinct=True
            ),
            due_soon=Count(
                "responsibilities",
                filter=active
                & Q(
                    responsibilities__assignment__deadline__gte=today, responsibilities__assignment__deadline__lte=soon
                ),
                distinct=True,
            ),
        )
        .order_by("name")
    )
    return render(request, "assignments/board_index.html", {"boards": boards})


def board_overview(request, slug: str):
    board = get_object_or_404(Board, slug=slug)
    today = timezone.localdate()
    period = _default_period()
    assignments = Assignment.objects.filter(
        Exists(Responsibility.objects.filter(assignment=OuterRef("pk"), board=board))
    ).exclude(status__in=DONE_STATUSES)
    overdue = sort_assignments(assignments.filter(deadline__lt=today), "slutdatum").with_boards()
    due_soon = sort_assignments(
        assignments.filter(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=DUE_SOON_DAYS)),
        "slutdatum",
    ).with_boards()
    missing = (
        assignments.exclude(
            Exists(StatusReport.objects.filter(assignment=OuterRef("pk"), period=period, board=board))
        ).with_boards()
        if period
        else Assignment.objects.none()
    )
    return render(
        request,
        "assignments/board_overview.html",
        {
            "board": board,
            "today": today,
            "period": period,
            "overdue": list(overdue),
            "due_soon": list(due_soon),
            "missing": list(missing),
            "can_edit": roles.can_edit_board(request.user, board.pk),
            "total": Responsibility.objects.filter(board=board).count(),
        },
    )
