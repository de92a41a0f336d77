"""The form renderer: Django's own, with its commonest widget templates rendered in Python.

Measured on the assignment list (issue 18): of some 300 template renders per page, 217 were the
filter form's widgets — one select_option.html and one attrs.html per <option> of the board and
period selects. Each costs a template render with its context push; the markup is fixed by Django
and tiny. So the input family, select, textarea and the choice options are written here, byte for byte what
Django's templates in django/forms/templates/django/forms/widgets/ produce (tests/core/
test_widget_renderer.py renders every case with both and compares). Any other template, and a
project override of these (templates/django/forms/widgets/…), goes to the template engine.
"""

import html

from django.forms.renderers import DjangoTemplates
from django.template.defaultfilters import stringformat
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

_WIDGETS = "django/forms/widgets/"
# Templates that are `{% include "django/forms/widgets/input.html" %}` and a newline.
_INPUTS = frozenset(
    f"{_WIDGETS}{name}.html"
    for name in (
        "text",
        "number",
        "email",
        "url",
        "password",
        "search",
        "tel",
        "hidden",
        "checkbox",
        "date",
        "datetime",
        "time",
        "color",
    )
)
# Templates that are `{% include "django/forms/widgets/input_option.html" %}` and a newline.
_OPTIONS = frozenset({f"{_WIDGETS}checkbox_option.html", f"{_WIDGETS}radio_option.html"})


def _text(value) -> str:
    """{{ value }}: localized, made a string, escaped unless safe."""
    if type(value) is str:
        # A plain string is neither localized nor converted: escaping is all (the common case,
        # thousands of times on a page of selects, where the calls below were most of the time).
        return html.escape(value)
    return conditional_escape(localize(template_localtime(value)))


def _formatted(value) -> str:
    """{{ value|stringformat:'s' }}."""
    if type(value) is str:
        return html.escape(value)  # "%s" % value is the value itself
    return conditional_escape(stringformat(value, "s"))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is not False:
            parts.append(f" {_text(name)}")
            if value is not True:
                parts.append(f'="{_formatted(value)}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html, with its trailing newline."""
    value = f' value="{_formatted(widget["value"])}"' if widget["value"] is not None else ""
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}{_attrs(widget["attrs"])}>\n'


def _input_option(widget: dict) -> str:
    """django/forms/widgets/input_option.html, with its trailing newline."""
    if not widget.get("wrap_label"):
        return _input(widget)
    label_id = widget["attrs"].get("id")
    label_for = f' for="{_text(label_id)}"' if label_id else ""
    return f"<label{label_for}>{_input(widget)} {_text(widget['label'])}</label>\n"


def _textarea(widget: dict) -> str:
    """django/forms/widgets/textarea.html, with its trailing newline."""
    value = _text(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>\n'


def _select_option(widget: dict) -> str:
    """django/forms/widgets/select_option.html, with its trailing newline."""
    return f'<option value="{_formatted(widget["value"])}"{_attrs(widget["attrs"])}>{_text(widget["label"])}</option>\n'


def _select(widget: dict) -> str | None:
    """django/forms/widgets/select.html; None when an option has a template of its own."""
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            if option["template_name"] != f"{_WIDGETS}select_option.html":
                return None
            parts.append(f"\n  {_select_option(option)}")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


class FastWidgetRenderer(DjangoTemplates):
    """FORM_RENDERER: the widget templates above in Python, everything else as Django renders it."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if len(context) == 1 else None
        if widget is not None and not self._overridden(template_name):
            html = None
            if template_name in _INPUTS or template_name == f"{_WIDGETS}input.html":
                html = _input(widget)
            elif template_name in _OPTIONS:
                html = _input_option(widget)
            elif template_name == f"{_WIDGETS}select.html":
                html = _select(widget)
            elif template_name == f"{_WIDGETS}textarea.html":
                html = _textarea(widget)
            if html is not None:
                # Django's renderer strips what the template wrote, as here.
                return mark_safe(html.strip())  # noqa: S308 - every value escaped above
        return super().render(template_name, context, request)

    def _overridden(self, template_name) -> bool:
        """True when the engine finds the template somewhere other than Django's own forms."""
        cache = self.__dict__.setdefault("_origins", {})
        if template_name not in cache:
            origin = self.get_template(template_name).origin.name
            cache[template_name] = "/django/forms/templates/" not in origin.replace("\\", "/")
        return cache[template_name]
