"""Pages of the budget app: costs of cases, a board's costs and statements, and their editing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from assignments.models import Board
from assignments.selectors import period_or_404
from core.form_errors import apply_errors
from motions.fragment_tables import CASE_TABLES
from motions.models import DecisionPoint
from motions.selectors import case_for_key
from pagecache.cache import request_content_version

from . import services
from .charts import statement_chart
from .checks import check_duplicates, check_statement
from .costs import case_owner_costs
from .forms import (
    CentralItemFormSet,
    CostEstimateForm,
    PointFinancingForm,
    StatementForm,
    StatementLineFormSet,
    amount_text,
)
from .models import CostEstimate, FinancialStatement, PointFinancing
from .selectors import (
    board_costs,
    central_items_for,
    cost_case_queryset,
    statement_periods,
    statements_for,
    with_cost_reads,
)
from .statements import CENTRAL_KEYS, CENTRAL_UNIT, STORED_COLUMNS, central_totals

# The board page's fragment reads the case pages' tables and the board's statements and periods;
# tests/pagecache/test_fragment_dependencies.py fails when it reads another.
BOARD_TABLES = (
    *CASE_TABLES,
    "assignments_assignment",
    "assignments_reportingperiod",
    "budget_financialstatement",
)


def index(request):
    cases = list(cost_case_queryset()[:200])
    boards = list(
        Board.objects.annotate(
            statement_count=Count("statements", distinct=True), estimate_count=Count("cost_estimates", distinct=True)
        )
        .exclude(statement_count=0, estimate_count=0)
        .order_by("name")
    )
    periods = {}
    for statement in FinancialStatement.objects.select_related("period").order_by("-period__year", "-period__kind"):
        periods.setdefault(statement.board_id, [])
        if statement.period not in periods[statement.board_id]:
            periods[statement.board_id].append(statement.period)
    for board in boards:
        board.periods = periods.get(board.pk, [])
    return render(request, "budget/index.html", {"cases": cases, "boards": boards})


def case_costs_page(request, key):
    case = case_for_key(key)
    editable = services.can_estimate_costs(request.user)
    return render(
        request,
        "budget/case_costs.html",
        {
            "case": case,
            # Lazy: when the page's body is in the fragment cache (case_costs.html), nothing more is read.
            "owners": SimpleLazyObject(lambda: case_owner_costs(with_cost_reads(case))),
            "can_edit": editable,
            "content_version": request_content_version(request, *CASE_TABLES),
            "today": timezone.localdate(),
        },
    )


def board_page(request, board):
    board_obj = get_object_or_404(Board, slug=board)
    page_number = request.GET.get("sida")
    return render(
        request,
        "budget/board.html",
        {
            "board": board_obj,
            # Lazy: when the page's body is in the fragment cache (board.html), neither is read.
            "costs": SimpleLazyObject(lambda: board_costs(board_obj, page_number)),
            "periods": SimpleLazyObject(lambda: statement_periods(board_obj)),
            "can_edit": services.can_edit_figures(request.user, board_obj.pk),
            "content_version": request_content_version(request, *BOARD_TABLES),
            "today": timezone.localdate(),
        },
    )


def statement_page(request, board, year, period):
    board_obj = get_object_or_404(Board, slug=board)
    period_obj = period_or_404(year, period)
    statements = statements_for(board_obj, period_obj)
    duplicates = check_duplicates(statements)
    for statement in statements:
        lines = list(statement.lines.all())
        statement.warnings = check_statement(statement, lines) + duplicates[statement.pk]
        statement.chart = statement_chart(statement, lines)
    items = central_items_for(board_obj, period_obj)
    totals = central_totals(items)
    return render(
        request,
        "budget/statement.html",
        {
            "board": board_obj,
            "period": period_obj,
            "statements": statements,
            "central_items": items,
            "central_totals": totals,
            "can_edit": services.can_edit_figures(request.user, board_obj.pk),
        },
    )


# --- editing --------------------------------------------------------------------------------------


@login_required
def point_costs(request, key, point_id):
    """The estimates of one decision point, and a form to add one."""
    case = case_for_key(key)
    point = get_object_or_404(DecisionPoint.objects.select_related("proposal__case", "motion__case"), pk=point_id)
    owner_case = point.proposal.case if point.proposal_id else point.motion.case if point.motion_id else None
    if owner_case is None or owner_case.pk != case.pk:
        raise Http404(_("Punkten hör inte till ärendet."))
    services.require_cost_estimator(request.user)
    estimates = list(point.cost_estimates.select_related("board").order_by("board__name", "id"))
    for estimate in estimates:
        estimate.can_edit = services.can_edit_figures(request.user, estimate.board_id)
    can_classify = services.can_classify(request.user, point)
    try:
        financing = point.financing
    except PointFinancing.DoesNotExist:
        financing = PointFinancing(decision_point=point)
    form = CostEstimateForm(user=request.user, instance=CostEstimate(decision_point=point))
    class_form = PointFinancingForm(instance=financing, prefix="klass")
    if request.method == "POST" and "klass" in request.POST:
        services.require_classifier(request.user, point)
        class_form = PointFinancingForm(request.POST, instance=financing, prefix="klass")
        if class_form.is_valid():
            services.point_financing_save(financing=class_form.save(commit=False), user=request.user)
            messages.success(request, _("Finansieringsklassen sparades."))
            return redirect("budget:point_costs", key=case.url_key, point_id=point.pk)
    elif request.method == "POST":
        form = CostEstimateForm(request.POST, user=request.user, instance=CostEstimate(decision_point=point))
        if form.is_valid():
            estimate = form.save(commit=False)
            services.cost_estimate_save(estimate=estimate, user=request.user)
            messages.success(request, _("Kostnadsberäkningen sparades."))
            return redirect("budget:point_costs", key=case.url_key, point_id=point.pk)
    return render(
        request,
        "budget/point_costs.html",
        {
            "case": case,
            "point": point,
            "estimates": estimates,
            "form": form,
            "class_form": class_form,
            "can_classify": can_classify,
            "financing": financing if financing.pk else None,
        },
    )


@login_required
def estimate_edit(request, pk):
    estimate = get_object_or_404(
        CostEstimate.objects.select_related("board", "decision_point__proposal__case", "decision_point__motion__case"),
        pk=pk,
    )
    services.require_figures_editor(request.user, estimate.board_id)
    point = estimate.decision_point
    if point is None:
        raise Http404(_("Kostnadsberäkningen hör inte till en beslutspunkt."))
    case = point.proposal.case if point.proposal_id else point.motion.case
    if request.method == "POST" and "ta_bort" in request.POST:
        services.cost_estimate_delete(estimate=estimate, user=request.user)
        messages.success(request, _("Kostnadsberäkningen togs bort."))
        return redirect("budget:point_costs", key=case.url_key, point_id=point.pk)
    form = CostEstimateForm(request.POST or None, user=request.user, instance=estimate)
    if request.method == "POST" and form.is_valid():
        services.cost_estimate_save(estimate=form.save(commit=False), user=request.user)
        messages.success(request, _("Kostnadsberäkningen sparades."))
        return redirect("budget:point_costs", key=case.url_key, point_id=point.pk)
    return render(
        request, "budget/estimate_edit.html", {"case": case, "point": point, "estimate": estimate, "form": form}
    )


def _line_initial(statement):
    return [
        {
            "id": line.pk,
            "group": line.group,
            "label": line.label,
            "kind": line.kind,
            **{c: amount_text(getattr(line, c), statement.unit) for c in STORED_COLUMNS},
        }
        for line in statement.lines.all()
    ]


@login_required
def statement_new(request, board, year, period):
    board_obj = get_object_or_404(Board, slug=board)
    period_obj = period_or_404(year, period)
    services.require_figures_editor(request.user, board_obj.pk)
    form = StatementForm(request.POST or None, instance=FinancialStatement(board=board_obj, period=period_obj))
    if request.method == "POST" and form.is_valid():
        try:
            statement = services.statement_create(
                board=board_obj, period=period_obj, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:  # e.g. the same section saved by someone else a moment ago
            apply_errors(form, error)
        else:
            return redirect("budget:statement_edit", pk=statement.pk)
    return render(request, "budget/statement_new.html", {"board": board_obj, "period": period_obj, "form": form})


@login_required
def statement_edit(request, pk):
    statement = get_object_or_404(FinancialStatement.objects.select_related("board", "period"), pk=pk)
    services.require_figures_editor(request.user, statement.board_id)
    kwargs = {"form_kwargs": {"unit": statement.unit}, "prefix": "rader"}
    if request.method == "POST":
        formset = StatementLineFormSet(request.POST, **kwargs)
        if formset.is_valid():
            rows = []
            for form in formset.forms:
                data = form.cleaned_data
                if not data or data.get("DELETE") or not data.get("label"):
                    continue
                rows.append({k: data.get(k) for k in ["id", "group", "label", "kind", *STORED_COLUMNS]})
                rows[-1]["group"] = rows[-1]["group"] or ""
            try:
                services.statement_lines_save(statement=statement, rows=rows, user=request.user)
            except ValidationError as error:  # what the rows could not check alone; nothing was saved
                formset.non_form_errors().extend(error.messages)
            else:
                messages.success(request, _("Resultatredovisningen sparades."))
                return redirect(
                    "budget:statement",
                    board=statement.board.slug,
                    year=statement.period.year,
                    period=statement.period.slug,
                )
    else:
        formset = StatementLineFormSet(initial=_line_initial(statement), **kwargs)
    return render(request, "budget/statement_edit.html", {"statement": statement, "formset": formset})


@login_required
def central_items_edit(request, board, year, period):
    board_obj = get_object_or_404(Board, slug=board)
    period_obj = period_or_404(year, period)
    services.require_figures_editor(request.user, board_obj.pk)
    if request.method == "POST":
        formset = CentralItemFormSet(request.POST, prefix="poster")
        if formset.is_valid():
            rows = [
                {k: f.cleaned_data.get(k) for k in ("id", "label", *CENTRAL_KEYS)}
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("label")
            ]
            try:
                services.central_items_save(board=board_obj, period=period_obj, rows=rows, user=request.user)
            except ValidationError as error:  # e.g. a name saved by someone else a moment ago; nothing was saved
                formset.non_form_errors().extend(error.messages)
            else:
                messages.success(request, _("De kommuncentrala posterna sparades."))
                return redirect("budget:statement", board=board_obj.slug, year=period_obj.year, period=period_obj.slug)
    else:
        initial = [
            {
                "id": item.pk,
                "label": item.label,
                **{c: amount_text(getattr(item, c), CENTRAL_UNIT) for c in CENTRAL_KEYS},
            }
            for item in central_items_for(board_obj, period_obj)
        ]
        formset = CentralItemFormSet(initial=initial, prefix="poster")
    return render(
        request, "budget/central_items_edit.html", {"board": board_obj, "period": period_obj, "formset": formset}
    )
