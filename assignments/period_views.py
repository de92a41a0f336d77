"""The secretariat's page for reporting periods: open one (the default for status reports, and the
reminders go out) or close it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import periods, services
from .models import ReportingPeriod


@login_required
@require_http_methods(["GET"])
def period_list(request):
    services.require_registrar(request.user)
    rows = ReportingPeriod.objects.order_by("-year", "-kind")
    default = periods.open_periods().first()
    return render(request, "assignments/periods.html", {"periods": rows, "default": default})


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
        return render(
            request,
            "assignments/periods.html",
            {"periods": ReportingPeriod.objects.order_by("-year", "-kind"), "default": periods.open_periods().first()},
            status=400,
        )
    return redirect("periods:list")
