from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form with the username's length enforced before anyone authenticates.

    AuthenticationForm sets the field's max_length after the field is built, so the length is never
    checked; an overlong name went on to django-axes, whose record of the failure holds 255
    characters, and PostgreSQL refused it with a server error.
    """

    def clean_username(self):
        username = self.cleaned_data.get("username") or ""
        limit = get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD).max_length
        if len(username) > limit:
            raise forms.ValidationError(
                _("Användarnamnet kan vara högst %(limit)d tecken."), code="max_length", params={"limit": limit}
            )
        return username


def client_ip(request) -> str | None:
    """The visitor's address: REMOTE_ADDR, or behind a trusted proxy the last address in
    X-Forwarded-For that is not itself a trusted proxy (earlier entries can be forged by the client)."""
    remote = request.META.get("REMOTE_ADDR")
    trusted = set(settings.TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if address not in trusted:
            return address
    return remote


def address_failures(ip_address: str | None) -> int:
    """Failed logins from one address within the cool-off time, whatever the user names tried."""
    if not ip_address:
        return 0
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins that come through a request (the login page), plus a
    limit per address across user names against password spraying.

    Programmatic logins without a request (management commands, the test client's login())
    are not web logins and cannot be throttled per request, so they pass on to ModelBackend.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        if address_failures(client_ip(request)) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            # axes' middleware turns the mark into its lockout page; the page tells the two cases apart.
            request.axes_locked_out = True
            request.login_address_throttled = True
            raise AxesBackendPermissionDenied("too many failed logins from this address")
        return super().authenticate(request, username=username, password=password, **kwargs)
