"""The admin base of every model with history (django-simple-history)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose history pages answer 404 for an id that is no id of the model.

    simple-history's history views pass the URL's object id straight to the database, so
    /admin/…/Ä/history/ was a server error (int() of "Ä"); Django's own change view says 404.
    """

    def _require_valid_id(self, object_id) -> None:
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except (ValidationError, ValueError, TypeError, OverflowError) as error:
            raise Http404(_("Posten finns inte.")) from error

    def history_view(self, request, object_id, extra_context=None):
        self._require_valid_id(object_id)
        return super().history_view(request, object_id, extra_context=extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._require_valid_id(object_id)
        try:
            int(version_id)
        except (ValueError, TypeError) as error:
            raise Http404(_("Posten finns inte.")) from error
        return super().history_form_view(request, object_id, version_id, extra_context=extra_context)
