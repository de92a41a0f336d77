"""The secretariat's pages for the council's cycle: case, proposal and points, meeting, decision,
the assignments it gives. Thin: parse, call a service (motions.registration, motions.decisions),
render. Each asks for the secretariat's right before any lookup, so others get the same 403."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.form_errors import apply_errors
from core.fragment_cache import cached_form_fragment
from pagecache.cache import request_content_version

from . import decisions, registration
from .comparison import COMPARABLE_KINDS
from .fragment_tables import REVIEW_TABLES
from .models import Case, Decision, DecisionPoint, Meeting, Motion, Party
from .querysets import case_page_prefetches
from .secretariat_forms import (
    AdoptedPointsForm,
    CaseFindForm,
    CaseForm,
    DecisionCaseForm,
    DecisionForm,
    MeetingForm,
    NoteForm,
    PointForm,
    ProposalForm,
    ReviewForm,
    board_choices,
)
from .selectors import case_for_key

GET_POST = require_http_methods(["GET", "POST"])


def _secretariat(view):
    """Signed in, and the secretariat (403 for anyone else), before the view looks anything up."""

    @login_required
    def wrapped(request, *args, **kwargs):
        registration.require_registrar(request.user)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _posted(request):
    """The form data when the page was posted (an empty POST too: no box ticked is an answer)."""
    return request.POST if request.method == "POST" else None


def _workspace_url(case: Case) -> str:
    return reverse("secretariat:case", args=[case.url_key])


@require_http_methods(["GET"])
@_secretariat
def index(request):
    form = CaseFindForm(request.GET or None)
    found = registration.case_find(form.cleaned_data["q"]) if form.is_valid() else []
    meetings = Meeting.objects.select_related("body").order_by("-date")[:10]
    return render(
        request,
        "motions/secretariat/index.html",
        {"form": form, "found": found, "searched": form.is_bound, "meetings": meetings},
    )


@GET_POST
@_secretariat
def case_new(request):
    form = CaseForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            case = registration.case_register(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Ärendet %(reference)s är registrerat.") % {"reference": case.reference})
            return redirect(_workspace_url(case))
    status = 400 if request.method == "POST" else 200
    return render(request, "motions/secretariat/case_form.html", {"form": form}, status=status)


def _workspace_case(key):
    return case_for_key(
        key, Case.objects.select_related("responsible_office").prefetch_related(*case_page_prefetches(boards=True))
    )


@require_http_methods(["GET"])
@_secretariat
def case_workspace(request, key):
    case = _workspace_case(key)
    meetings = Meeting.objects.select_related("body").order_by("-date")[:20]
    return render(request, "motions/secretariat/case.html", {"case": case, "meetings": meetings})


@GET_POST
@_secretariat
def proposal_new(request, key):
    case = case_for_key(key)
    form = ProposalForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = registration.proposal_register(
                user=request.user,
                case=case,
                title=data["title"],
                issued=data["issued"],
                author_body=data["author_body"],
                points_text=data["points"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Tjänsteutlåtandet är registrerat med %(count)d punkter. Kontrollera de ansvariga nämnderna.")
                % {"count": proposal.points.count()},
            )
            return redirect(_workspace_url(case) + "#tjansteutlatande")
    status = 400 if request.method == "POST" else 200
    return render(request, "motions/secretariat/proposal_form.html", {"case": case, "form": form}, status=status)


@GET_POST
@_secretariat
def point_edit(request, key, point_id):
    case = case_for_key(key)
    point = get_object_or_404(
        DecisionPoint.objects.prefetch_related("responsible_boards"), pk=point_id, proposal__case=case
    )
    initial = {"text": point.text, "boards": [b.pk for b in point.responsible_boards.all()]}
    form = PointForm(_posted(request), initial=initial, boards=board_choices())
    if request.method == "POST" and form.is_valid():
        try:
            registration.decision_point_update(
                user=request.user, point=point, text=form.cleaned_data["text"], board_ids=form.cleaned_data["boards"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Punkt %(number)d är sparad.") % {"number": point.number})
            return redirect(_workspace_url(case) + f"#punkt-{point.pk}")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "motions/secretariat/point_form.html", {"case": case, "point": point, "form": form}, status=status
    )


@GET_POST
@_secretariat
def meeting_new(request):
    form = MeetingForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = registration.meeting_register(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Sammanträdet %(meeting)s är registrerat.") % {"meeting": meeting})
            return redirect("secretariat:meeting", meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "motions/secretariat/meeting_form.html", {"form": form}, status=status)


@require_http_methods(["GET"])
@_secretariat
def meeting_detail(request, meeting_id):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    decided = Decision.objects.filter(meeting=meeting).select_related("case").order_by("paragraph", "id")
    return render(
        request,
        "motions/secretariat/meeting.html",
        {"meeting": meeting, "decisions": list(decided), "case_form": DecisionCaseForm()},
    )


def _motion_label(motion: Motion) -> str:
    parties = ", ".join(p.abbreviation for p in motion.parties.all())
    date = motion.date.isoformat() if motion.date else ""
    return " – ".join(part for part in (motion.get_kind_display(), parties, date, motion.title) if part)


@GET_POST
@_secretariat
def decision_new(request, meeting_id):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    key = request.GET.get("arende", "")
    case_form = DecisionCaseForm(request.GET if key else None)
    if not key or not case_form.is_valid():
        return render(request, "motions/secretariat/decision_case.html", {"meeting": meeting, "form": case_form})
    case = Case.objects.by_url_key(case_form.cleaned_data["arende"].strip().replace("/", "-")).first()
    if case is None:
        case_form.add_error("arende", _("Ärendet finns inte. Registrera det först."))
        return render(
            request, "motions/secretariat/decision_case.html", {"meeting": meeting, "form": case_form}, status=404
        )
    motions = list(
        Motion.objects.filter(case=case, kind__in=COMPARABLE_KINDS).prefetch_related("parties").order_by("sort_order")
    )
    form = DecisionForm(_posted(request), motions=[(m, _motion_label(m)) for m in motions])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = decisions.decision_record(
                user=request.user,
                meeting=meeting,
                case=case,
                paragraph=data["paragraph"],
                basis=data["basis"],
                motion_ids=[int(i) for i in data["motions"]],
                text=data["text"],
                adjusted_on=data["adjusted_on"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Beslutet %(decision)s är registrerat. Kontrollera de bifallna punkterna.") % {"decision": decision},
            )
            return redirect("secretariat:decision", decision.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "motions/secretariat/decision_form.html",
        {"meeting": meeting, "case": case, "form": form, "has_motions": bool(motions)},
        status=status,
    )


def _decision_heading(decision_id) -> Decision:
    """The decision with its meeting, body and case only: what a page about its points needs
    around them (the review reads the points itself)."""
    return get_object_or_404(
        Decision.objects.select_related("meeting__body", "case__responsible_office"), pk=decision_id
    )


def _decision(decision_id) -> Decision:
    return get_object_or_404(
        Decision.objects.select_related("meeting__body", "case__responsible_office").prefetch_related(
            "adopted_motions__parties",
            Prefetch("adopted_points", queryset=DecisionPoint.objects.select_related("proposal", "motion")),
            "notes__parties",
            "votes",
        ),
        pk=decision_id,
    )


def _point_label(point: DecisionPoint) -> str:
    owner = _("förslaget") if point.proposal_id else point.motion.get_kind_display()
    return f"{owner}, {_('punkt')} {point.printed_label}: {point.text}"


@GET_POST
@_secretariat
def decision_detail(request, decision_id):
    decision = _decision(decision_id)
    points = decisions.case_points(decision.case)
    adopted = [p.pk for p in decision.adopted_points.all()]
    form = AdoptedPointsForm(
        _posted(request),
        initial={"points": [str(i) for i in adopted]},
        points=[(p, _point_label(p)) for p in points],
    )
    if request.method == "POST" and form.is_valid():
        try:
            decisions.decision_points_correct(
                user=request.user, decision=decision, point_ids=[int(i) for i in form.cleaned_data["points"]]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De bifallna punkterna är rättade."))
            return redirect("secretariat:decision", decision.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "motions/secretariat/decision.html",
        {
            "decision": decision,
            "basis": decisions.Basis(decisions.decision_basis(decision)).label,
            "adopted": decisions.computed_order(decision, list(decision.adopted_points.all())),
            "form": form,
            "case": decision.case,
        },
        status=status,
    )


@GET_POST
@_secretariat
def note_new(request, decision_id):
    decision = _decision(decision_id)
    form = NoteForm(_posted(request), parties=Party.objects.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decisions.decision_note_add(
                user=request.user,
                decision=decision,
                kind=data["kind"],
                party_ids=[int(i) for i in data["parties"]],
                members=data["members"],
                text=data["text"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Anteckningen är sparad."))
            return redirect(reverse("secretariat:decision", args=[decision.pk]) + "#anteckningar")
    status = 400 if request.method == "POST" else 200
    return render(request, "motions/secretariat/note_form.html", {"decision": decision, "form": form}, status=status)


def _review_forms(candidates, data=None):
    boards = board_choices()
    forms = []
    for candidate in candidates:
        if candidate.review is not None:
            continue
        initial = {
            "text": candidate.text,
            "boards": candidate.board_ids,
            "source": candidate.source,
            "number": candidate.number,
            "deadline": candidate.deadline,
            "deadline_note": candidate.deadline_note,
            "action": "later",
        }
        form = ReviewForm(data, prefix=f"p{candidate.point.pk}", initial=initial, boards=boards)
        forms.append((candidate, form))
    return forms


REVIEW_BODY = "motions/secretariat/_review_body.html"


@GET_POST
@_secretariat
def assignment_review(request, decision_id):
    decision = _decision_heading(decision_id)
    if request.method == "POST":
        candidates = decisions.assignment_candidates(decision)
        rows = _review_forms(candidates, request.POST)
        if all(form.is_valid() for _candidate, form in rows):
            done = _apply_reviews(request, decision, rows)
            if done is not None:
                confirmed, skipped = done
                messages.success(
                    request,
                    _("%(confirmed)d uppdrag registrerade, %(skipped)d punkter överhoppade.")
                    % {"confirmed": confirmed, "skipped": skipped},
                )
                return redirect("secretariat:review", decision.pk)
        # A posted page shows the posted values and their errors: never cached (no version).
        return _review_page(request, decision, candidates, rows, version=None, status=400)
    # Lazy: when the body is in the fragment cache, neither the points nor the forms are read or built.
    candidates = SimpleLazyObject(lambda: decisions.assignment_candidates(decision))
    rows = SimpleLazyObject(lambda: _review_forms(candidates))
    return _review_page(request, decision, candidates, rows, version=request_content_version(request, *REVIEW_TABLES))


def _review_page(request, decision, candidates, rows, *, version, status=200):
    """The body is a fragment keyed by the content version, the decision and the language: it shows
    nothing of the user's own (every secretariat user sees the same rows), and the CSRF token is
    put in per request."""
    context = {
        "decision": decision,
        "rows": rows,
        "reviewed": SimpleLazyObject(lambda: [c for c in candidates if c.review is not None]),
        "case": decision.case,
    }
    body = cached_form_fragment(
        request,
        "secretariat-review",
        version,
        [decision.pk, get_language()],
        lambda: render_to_string(REVIEW_BODY, context, request),
    )
    return render(request, "motions/secretariat/review.html", {**context, "body": body}, status=status)


def _apply_reviews(request, decision, rows):
    """All rows or none: one refused row leaves every row unsaved, with its message on it."""
    confirmed = skipped = 0
    try:
        with transaction.atomic():
            for candidate, form in rows:
                data = form.cleaned_data
                try:
                    if data["action"] == "confirm":
                        decisions.assignment_review_confirm(
                            user=request.user,
                            decision=decision,
                            point=candidate.point,
                            text=data["text"],
                            board_ids=data["boards"],
                            source=data["source"],
                            deadline=data["deadline"],
                            deadline_note=data["deadline_note"],
                            number=data["number"],
                        )
                        confirmed += 1
                    elif data["action"] == "skip":
                        decisions.assignment_review_skip(user=request.user, decision=decision, point=candidate.point)
                        skipped += 1
                except ValidationError as error:
                    apply_errors(form, error)
            if any(form.errors for _candidate, form in rows):
                raise _Refused
    except _Refused:
        return None
    return confirmed, skipped


class _Refused(Exception):
    pass
