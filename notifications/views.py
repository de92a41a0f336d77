from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import services
from .forms import PreferencesForm


@login_required
def preferences(request):
    current = services.preferences_for(request.user)
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.notification_preferences_set(user=request.user, **form.cleaned_data)
            messages.success(request, _("Dina val om e-post är sparade."))
            return redirect("notifications:preferences")
    else:
        form = PreferencesForm(
            initial={"new_assignments": current.new_assignments, "report_reminders": current.report_reminders}
        )
    boards = list(request.user.officer_boards.order_by("name"))
    return render(request, "notifications/preferences.html", {"form": form, "boards": boards})
