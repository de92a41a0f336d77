"""The Python widget renderer writes exactly what Django's widget templates write, for every case."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.widget_renderer import FastWidgetRenderer

CHOICES = [
    ("", "Alla"),
    ("a&b", 'Citat "och" <tagg>'),
    (3, 2025),
    ("lazy", gettext_lazy("Uppdrag")),
    ("safe", mark_safe("<em>säker</em>")),  # noqa: S308 - a test of how safe labels pass
]
GROUPED = [("Grupp <1>", [("x", "X"), ("y", "Y")]), ("z", "Z")]


class Everything(forms.Form):
    text = forms.CharField(max_length=20, help_text="hjälp", widget=forms.TextInput(attrs={"class": "a<b"}))
    number = forms.IntegerField(min_value=1, max_value=3000, required=False)
    email = forms.EmailField(required=False, disabled=True)
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "autofocus": True}))
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(widget=forms.HiddenInput)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    checkbox = forms.BooleanField(required=False)
    one = forms.ChoiceField(choices=CHOICES, required=False)
    grouped = forms.ChoiceField(choices=GROUPED)
    many = forms.MultipleChoiceField(choices=CHOICES, required=False)
    boxes = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple, required=False)
    radios = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)
    grouped_boxes = forms.MultipleChoiceField(choices=GROUPED, widget=forms.CheckboxSelectMultiple)
    notes = forms.CharField(widget=forms.Textarea)


DATA = [
    {},
    {
        "text": 'x"<y>&',
        "number": "12",
        "search": "skola",
        "secret": "hemligt",
        "hidden": "42",
        "day": "2025-13-01",
        "checkbox": "on",
        "one": "a&b",
        "grouped": "y",
        "many": ["3", "safe"],
        "boxes": ["", "lazy"],
        "radios": "3",
        "grouped_boxes": ["x", "z"],
        "notes": '<b>\n& "rad två"',
    },
]


def _html(form) -> list[str]:
    out = [str(bound) for bound in form]
    for name in ("boxes", "radios", "grouped_boxes"):
        for option in form[name]:
            out += [option.tag(), str(option), option.tag(wrap_label=True)]
    out.append(form.as_div())
    return out


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("bound", [True, False])
def test_every_widget_renders_byte_for_byte_as_djangos_templates(data, bound):
    initial = {"day": datetime.date(2025, 3, 31), "text": "början", "checkbox": True}
    make = lambda renderer: Everything(data if bound else None, initial=initial, renderer=renderer)  # noqa: E731
    expected = _html(make(DjangoTemplates()))
    assert _html(make(FastWidgetRenderer())) == expected


def test_the_settings_use_it_and_an_option_with_its_own_template_falls_back():
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), FastWidgetRenderer)

    class Special(forms.Select):
        option_template_name = "django/forms/widgets/input.html"  # any other template than Django's option

    widget = Special(choices=[("a", "A")])
    assert widget.render("x", "a", renderer=FastWidgetRenderer()) == widget.render("x", "a", renderer=DjangoTemplates())


def test_the_python_path_is_taken():
    """Guards the speed-up itself: the select and its options, an input and a textarea render without
    the template engine."""
    renderer = FastWidgetRenderer()
    calls = []
    original = DjangoTemplates.render

    def counting(self, template_name, context, request=None):
        calls.append(template_name)
        return original(self, template_name, context, request)

    DjangoTemplates.render = counting
    try:
        forms.Select(choices=CHOICES).render("x", "3", renderer=renderer)
        forms.TextInput().render("y", "z", renderer=renderer)
        forms.Textarea().render("t", "<rad>\nrad", renderer=renderer)
    finally:
        DjangoTemplates.render = original
    assert calls == []
