from axes.backends import AxesStandaloneBackend
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
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


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins that come through a request (the login page).

    Programmatic logins without a request (management commands, the test client's login())
    are not web logins and cannot be throttled per request, so they pass on to ModelBackend.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
