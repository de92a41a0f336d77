"""{% secretariat_field %} writes what {% include "motions/secretariat/_field.html" %} writes, byte for
byte: every widget type the secretariat's forms use, unbound, bound and valid, and bound with
errors (which add aria attributes to the widget), in Swedish and English, with text that must be
escaped, help texts, and a choice list with nothing to choose."""

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from motions.secretariat_forms import DATE_WIDGET, PointForm, ReviewForm, _Form

INCLUDE = Template('{% include "motions/secretariat/_field.html" with field=field %}')
TAG = Template("{% load secretariat_tags %}{% secretariat_field field %}")

BOARDS = [("1", "Kommunstyrelsen"), ("2", 'Nämnden för <"kultur"> & fritid'), ("3", "Idrotts- och föreningsnämnden")]


class _Everything(_Form):
    """Each widget type once more, with help texts, a label to escape and an empty choice list."""

    title = forms.CharField(label='Rubrik <"a"> & b', max_length=8, help_text="Högst <åtta> tecken.")
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), help_text="Fri & text.")
    count = forms.IntegerField(min_value=1, help_text="Ett heltal.")
    day = forms.DateField(widget=DATE_WIDGET, help_text="ÅÅÅÅ-MM-DD.")
    kind = forms.ChoiceField(choices=[("a", "A & a"), ("b", "<B>")], help_text="Välj en.")
    many = forms.MultipleChoiceField(choices=BOARDS, widget=forms.SelectMultiple, help_text="Flera.")
    ticks = forms.MultipleChoiceField(choices=BOARDS, widget=forms.CheckboxSelectMultiple, help_text="Kryssa.")
    radio = forms.ChoiceField(choices=[("x", "X <x>"), ("y", "Y")], widget=forms.RadioSelect, help_text="En.")
    nothing = forms.MultipleChoiceField(choices=[], widget=forms.CheckboxSelectMultiple, required=False)


VALID_REVIEW = {
    "p7-action": "confirm",
    "p7-text": 'Kommunstyrelsen får i uppdrag att <utreda> "det" & mer.',
    "p7-boards": ["1", "2"],
    "p7-source": "ks",
    "p7-number": "3",
    "p7-deadline": "2025-06-30",
    "p7-deadline_note": "Senast <juni>",
}
INVALID_REVIEW = {
    "p7-action": "nej",
    "p7-text": "",
    "p7-boards": ["99"],
    "p7-source": "okänd",
    "p7-number": "tusen",
    "p7-deadline": "30/6",
    "p7-deadline_note": "x" * 301,
}
INITIAL_REVIEW = {
    "text": "Idrotts- och föreningsnämnden får i uppdrag att <bygga>.",
    "boards": [3],
    "source": "kf_outside_budget",
    "number": 2,
    "deadline": None,
    "deadline_note": "",
    "action": "later",
}
VALID_EVERYTHING = {
    "title": "Ja & <",
    "body": "Rad ett\n<rad två>",
    "count": "4",
    "day": "2024-04-24",
    "kind": "b",
    "many": ["2"],
    "ticks": ["1", "3"],
    "radio": "x",
}
INVALID_EVERYTHING = {
    "title": "alldeles för lång",
    "count": "0",
    "day": "igår",
    "kind": "c",
    "many": ["9"],
    "ticks": ["9"],
}


def _forms():
    review = {"prefix": "p7", "boards": BOARDS}
    return {
        "review-unbound": ReviewForm(initial=INITIAL_REVIEW, **review),
        "review-bound": ReviewForm(VALID_REVIEW, initial=INITIAL_REVIEW, **review),
        "review-errors": ReviewForm(INVALID_REVIEW, initial=INITIAL_REVIEW, **review),
        "point-unbound": PointForm(initial={"text": "T <t>", "boards": [2]}, boards=BOARDS),
        "point-errors": PointForm({"text": "", "boards": ["9"]}, boards=BOARDS),
        "everything-unbound": _Everything(initial={"title": "<i>", "many": ["1"], "radio": "y"}),
        "everything-bound": _Everything(VALID_EVERYTHING),
        "everything-errors": _Everything(INVALID_EVERYTHING),
    }


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("name", list(_forms()))
def test_the_tag_writes_what_the_include_wrote(name, language):
    with translation.override(language):
        form = _forms()[name]
        if form.is_bound:
            assert form.is_valid() is not name.endswith("errors")
        fields = list(form)
        for field in fields:
            old = INCLUDE.render(Context({"field": field}))
            new = TAG.render(Context({"field": field}))
            assert new == old, field.name
        widget_types = {field.widget_type for field in fields}
    assert widget_types & {"radioselect", "checkboxselectmultiple", "boardpicker"}


def test_the_cases_cover_every_widget_type_and_state():
    """The comparison above is only as good as its cases: each widget type of the review page with
    and without errors, escaped text in labels, values and choices, and an empty choice list."""
    rendered = {}
    for name, form in _forms().items():
        form.is_valid() if form.is_bound else None
        rendered[name] = "".join(INCLUDE.render(Context({"field": field})) for field in form)
    review_types = {field.widget_type for field in _forms()["review-bound"]}
    assert review_types == {"textarea", "boardpicker", "select", "number", "date", "text", "radioselect"}
    assert 'aria-invalid="true"' in rendered["review-errors"] and "field-error" in rendered["review-errors"]
    assert "field-error" in rendered["everything-errors"] and 'class="help"' in rendered["everything-errors"]
    assert "field-error" not in rendered["review-bound"] + rendered["everything-bound"]
    assert "&lt;utreda&gt;" in rendered["review-bound"] and "&lt;bygga&gt;" in rendered["review-unbound"]
    assert "&lt;&quot;kultur&quot;&gt; &amp;" in rendered["point-unbound"]
    assert 'class="muted"' in rendered["everything-unbound"]
    assert "checked" in rendered["everything-bound"] and "selected" in rendered["everything-bound"]
