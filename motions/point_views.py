"""The secretariat adds a decision point to a tjänsteutlåtande or removes one (motions.point_registration)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.form_errors import apply_errors

from . import point_registration, registration
from .models import DecisionPoint, OfficialProposal
from .secretariat_forms import PointAddForm
from .selectors import case_for_key


@login_required
@require_http_methods(["GET", "POST"])
def point_add(request, key, proposal_id):
    registration.require_registrar(request.user)
    case = case_for_key(key)
    proposal = get_object_or_404(OfficialProposal, pk=proposal_id, case=case)
    data = request.POST if request.method == "POST" else None
    form = PointAddForm(data, initial={"number": point_registration.next_point_number(proposal)})
    if request.method == "POST" and form.is_valid():
        try:
            point = point_registration.decision_point_add(
                user=request.user, proposal=proposal, number=form.cleaned_data["number"], text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            boards = ", ".join(b.short_name or b.name for b in point.responsible_boards.all()) or _("ingen")
            messages.success(
                request,
                _("Punkt %(number)d är tillagd. Ansvariga enligt texten: %(boards)s. Rätta dem här om det behövs.")
                % {"number": point.number, "boards": boards},
            )
            return redirect(reverse("secretariat:point_edit", args=[case.url_key, point.pk]))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "motions/secretariat/point_add.html",
        {"case": case, "proposal": proposal, "form": form},
        status=status,
    )


@login_required
@require_POST
def point_remove(request, key, point_id):
    registration.require_registrar(request.user)
    case = case_for_key(key)
    point = get_object_or_404(DecisionPoint, pk=point_id, proposal__case=case)
    try:
        point_registration.decision_point_remove(user=request.user, point=point)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(reverse("secretariat:case", args=[case.url_key]) + f"#punkt-{point.pk}")
    messages.success(request, _("Punkt %(number)d är borttagen.") % {"number": point.number})
    return redirect(reverse("secretariat:case", args=[case.url_key]) + "#tjansteutlatande")
