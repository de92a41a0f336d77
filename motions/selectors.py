"""Reads of the motions app that pages in several apps share."""

from django.http import Http404
from django.utils.translation import gettext as _

from .models import Case


def case_for_key(key: str, queryset=None) -> Case:
    """The case a URL names (ärendenummer or dnr), or a 404 with a Swedish message."""
    queryset = queryset if queryset is not None else Case.objects.all()
    case = queryset.by_url_key(key).first()
    if case is None:
        raise Http404(_("Ärendet finns inte."))
    return case
