"""Widgets shared by the apps' forms (their templates are in core/templates/: the form renderer
reads app templates, not the project's templates/ folder)."""

from django import forms


class BoardPicker(forms.CheckboxSelectMultiple):
    """Responsible boards as checkboxes in a scrolling list, the chosen ones first.

    A multi-select needs Ctrl-click, hides what is chosen once it scrolls, and is hard to use on a
    phone; the city has some 55 boards and companies. static/js/board_picker.js adds a filter box
    (the chosen boards always stay visible). Templates render it inside a fieldset whose legend is
    the field's label (widget_type "boardpicker").
    """

    template_name = "core/widgets/board_picker.html"

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        # Stable: the chosen boards first, each part in the choices' own (alphabetical) order.
        return sorted(groups, key=lambda group: not any(option["selected"] for option in group[1]))
