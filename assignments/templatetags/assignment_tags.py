"""Template tags of the assignment pages."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from assignments.filters import DONE_STATUSES

register = template.Library()


@register.simple_tag
def deadline(assignment, today=None):
    """The deadline cell: the date, flagged when passed and the assignment not done; else the note.

    A tag rather than an include: the list renders it once per row (50–200 a page), and an include
    is a template render of its own (issue 18). The trailing newline is the one the include wrote.
    """
    if assignment.deadline:
        html = date_filter(assignment.deadline, "Y-m-d")
        if assignment.status not in DONE_STATUSES and today is not None and assignment.deadline < today:
            html += format_html(' <span class="flag flag--overdue">{}</span>', gettext("passerat"))
        return mark_safe(html + "\n")  # noqa: S308 - a formatted date and escaped markup
    if assignment.deadline_note:
        return format_html('<span class="muted">{}</span>\n', assignment.deadline_note)
    return mark_safe("–\n")
