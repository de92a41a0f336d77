"""Widgets shared by the apps' forms."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext


class BoardPicker(forms.CheckboxSelectMultiple):
    """Responsible boards as checkboxes in a scrolling list, the chosen ones first.

    A multi-select needs Ctrl-click, hides what is chosen once it scrolls, and is hard to use on a
    phone; the city has some 55 boards and companies. static/js/board_picker.js adds a filter box
    (the chosen boards always stay visible). Templates render it inside a fieldset whose legend is
    the field's label (widget_type "boardpicker").

    Written in Python, not as a template with an include per option: the assignment review shows
    ten of these with 57 boards each (issue 18).
    """

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        # Stable: the chosen boards first, each part in the choices' own (alphabetical) order.
        return sorted(groups, key=lambda group: not any(option["selected"] for option in group[1]))

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        list_id = f"{widget['attrs']['id']}_list" if widget["attrs"].get("id") else ""
        options = [option for _group, group_options, _index in widget["optgroups"] for option in group_options]
        items = format_html_join(
            "",
            '\n<li><label{}><input type="checkbox" name="{}" value="{}"{}> {}</label></li>',
            (
                (
                    flatatt({"for": option["attrs"]["id"]}) if option["attrs"].get("id") else "",
                    option["name"],
                    str(option["value"]),
                    flatatt(option["attrs"]),
                    option["label"],
                )
                for option in options
            ),
        ) or format_html('\n<li class="muted">{}</li>', gettext("Inget att välja."))
        return format_html(
            '<div class="board-picker" data-board-picker>\n<input type="search" class="board-picker__filter"'
            ' data-board-filter hidden autocomplete="off" aria-label="{}" placeholder="{}"{}>\n'
            '<ul class="board-picker__list"{}>{}\n</ul>\n'
            '<p class="board-picker__none muted" data-board-none hidden>{}</p>\n</div>',
            gettext("Filtrera nämnderna"),
            gettext("Filtrera nämnderna…"),
            flatatt({"aria-controls": list_id}) if list_id else "",
            flatatt({"id": list_id}) if list_id else "",
            items,
            gettext("Ingen nämnd matchar. De valda visas alltid."),
        )
