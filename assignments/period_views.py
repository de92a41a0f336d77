"""The secretariat's page for reporting periods: open one (the default for status reports, and the
reminders go out) or close it."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.form_errors import PrintableErrors, apply_errors

from . import periods, services
from .models import ReportingPeriod


class PeriodForm(PrintableErrors, forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    kind = forms.TypedChoiceField(label=_("Rapporttillfälle"), choices=ReportingPeriod.Kind.choices, coerce=int)
    report_deadline = forms.DateField(
        label=_("Sista dag för rapport"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )


def _page(request, form, status=200):
    rows = ReportingPeriod.objects.order_by("-year", "-kind")
    default = periods.open_periods().first()
    return render(
        request, "assignments/periods.html", {"periods": rows, "default": default, "form": form}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def period_list(request):
    services.require_registrar(request.user)
    form = PeriodForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                period = periods.period_register(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request, _("%(period)s är registrerad. Öppna den när rapporteringen börjar.") % {"period": period}
                )
                return redirect("periods:list")
        return _page(request, form, status=400)
    return _page(request, form)


@login_required
@require_http_methods(["POST"])
def period_toggle(request, period_id: int):
    services.require_registrar(request.user)
    period = get_object_or_404(ReportingPeriod, pk=period_id)
    action = request.POST.get("atgard")
    if action == "oppna":
        periods.period_open(period=period, user=request.user)
        messages.success(
            request, _("%(period)s är öppen för rapportering. Påminnelser skickas till nämnderna.") % {"period": period}
        )
    elif action == "stang":
        periods.period_close(period=period, user=request.user)
        messages.success(request, _("%(period)s är stängd för rapportering.") % {"period": period})
    else:
        messages.error(request, _("Välj att öppna eller stänga perioden."))
        return _page(request, PeriodForm(), status=400)
    return redirect("periods:list")
