"""{% secretariat_field field %}: templates/motions/secretariat/_field.html written in Python.

The review of a decision's assignments (review.html) shows seven fields for each adopted point,
some seventy per page; as includes each was a template render with its context push and for-loops,
the largest part of the page's time (issue 18). The markup is the include's, byte for byte
(tests/motions/test_secretariat_field_tag.py renders every widget type bound, unbound and with
errors both ways and compares). _field.html stays for the other pages that include it.
"""

from django import template
from django.template.base import render_value_in_context
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()

_GROUPS = frozenset({"checkboxselectmultiple", "radioselect"})


@register.simple_tag(takes_context=True)
def secretariat_field(context, field):
    # render_value_in_context: {{ value }} exactly (localized, made a string, escaped unless safe).
    def text(value):
        return render_value_in_context(value, context)

    label = text(field.label)
    help_text = field.help_text
    if field.widget_type == "boardpicker":
        return format_html(
            '\n<fieldset class="field board-picker-field">\n  <legend>{}</legend>\n  {}\n  {}\n  {}\n</fieldset>\n\n',
            label,
            format_html('<p class="help">{}</p>', text(help_text)) if help_text else "",
            format_html_join(
                "",
                '<p class="field-error" id="{}-error">{}</p>',
                ((text(field.auto_id), text(e)) for e in field.errors),
            ),
            text(field),
        )
    if field.widget_type in _GROUPS:
        auto_id = text(field.auto_id)
        choices = format_html_join(
            "",
            '<li><label for="{}">{} {}</label></li>',
            ((text(c.id_for_label), text(c.tag()), text(c.choice_label)) for c in field),
        ) or format_html('<li class="muted">{}</li>', text(gettext("Inget att välja.")))
        return format_html(
            '\n<fieldset class="field field--group">\n  <legend>{}</legend>\n  {}\n  {}\n'
            '  <ul class="choices">{}</ul>\n</fieldset>\n\n',
            label,
            format_html('<p class="help">{}</p>', text(help_text)) if help_text else "",
            format_html_join(
                "", '<p class="field-error" id="{}-error">{}</p>', ((auto_id, text(e)) for e in field.errors)
            ),
            choices,
        )
    id_for_label = text(field.id_for_label)
    return format_html(
        '\n<div class="field">\n  <label for="{}">{}</label>\n  {}\n  {}\n  {}\n</div>\n\n',
        id_for_label,
        label,
        format_html('<p class="help" id="{}_helptext">{}</p>', text(field.auto_id), text(help_text))
        if help_text
        else "",
        text(field),
        format_html_join(
            "", '<p class="field-error" id="{}-error">{}</p>', ((id_for_label, text(e)) for e in field.errors)
        ),
    )
