"""The search page (/sok/): one field, optional filters; the same page on PostgreSQL and SQLite."""

from django import forms
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from assignments.models import Board
from motions.fragment_tables import SEARCH_TABLES
from motions.models import Party
from pagecache.cache import request_content_version

from . import queries as search_module


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Sök"),
        max_length=search_module.MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": _("Skriv högst %(limit_value)d tecken.")},
    )
    typ = forms.ChoiceField(
        label=_("Typ"),
        required=False,
        choices=[("", _("Alla typer"))] + list(search_module.KINDS.items()),
        error_messages={"invalid_choice": _("Välj en typ i listan.")},
    )
    namnd = forms.ModelChoiceField(
        label=_("Nämnd eller organ"),
        required=False,
        queryset=Board.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Alla"),
        error_messages={"invalid_choice": _("Välj en nämnd i listan.")},
    )
    parti = forms.ModelChoiceField(
        label=_("Parti"),
        required=False,
        queryset=Party.objects.order_by("sort_order", "abbreviation"),
        to_field_name="abbreviation",
        empty_label=_("Alla"),
        error_messages={"invalid_choice": _("Välj ett parti i listan.")},
    )
    ar = forms.IntegerField(
        label=_("År"),
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": _("Skriv året med fyra siffror, t.ex. 2024."),
            "min_value": _("Året måste vara 2000 eller senare."),
            "max_value": _("Året måste vara 2100 eller tidigare."),
        },
    )

    def params(self) -> search_module.SearchParams:
        data = self.cleaned_data
        return search_module.SearchParams(
            q=" ".join(data["q"].split()),
            kind=data["typ"],
            board=data["namnd"],
            party=data["parti"],
            year=data["ar"],
        )


def search_page(request):
    form = SearchForm(request.GET or None)
    query = ""
    results = None
    if form.is_bound and form.is_valid():
        params = form.params()
        if params.q:
            query = params.q
            # Lazy: when the form and the results are in the fragment cache (search.html), the
            # search is never made.
            results = SimpleLazyObject(lambda: search_module.search(params))
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "full_text": search_module.uses_full_text(),
            "results_version": request_content_version(request, *SEARCH_TABLES),
        },
    )
