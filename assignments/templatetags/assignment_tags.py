"""Template tags of the assignment pages."""

import datetime
import unicodedata

from django import template
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from assignments.filters import DONE_STATUSES
from assignments.models import Assignment

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


# The assignment page's timeline and change history, one <li> per event or change, written here
# rather than by a {% for %} in detail.html: a long history is hundreds of rows, and in the template
# each costs a dozen variable lookups, filters and translations (issue 18). The markup is the
# template block's, byte for byte (tests/assignments/test_detail_cache.py keeps that block).


def _ymd(value) -> str:
    """{{ value|date:"Y-m-d" }}."""
    if type(value) is datetime.date:
        return value.isoformat()
    return date_filter(value, "Y-m-d")


def _truncated(value: str) -> str:
    """{{ value|truncatechars:300 }} before escaping: short NFC text comes back as it is."""
    if len(value) <= 300 and unicodedata.is_normalized("NFC", value):
        return value
    return truncatechars(value, 300)


@register.simple_tag
def timeline_events(timeline, assignment, can_edit):
    report_url = (
        reverse("assignments:report", args=[assignment.pk])
        if can_edit and assignment.status != Assignment.Status.COMPLETED
        else None
    )
    edit_label = diff_note = None
    parts = []
    for event in timeline:
        parts.append(f'\n    <li class="timeline__event timeline__event--{conditional_escape(event.kind)}"')
        if event.anchor:
            parts.append(f' id="{conditional_escape(event.anchor)}"')
        date = _ymd(event.date)
        title = conditional_escape(event.title)
        parts.append(
            f'>\n      <p class="timeline__date"><time datetime="{date}">{date}</time></p>\n'
            f'      <h3 class="timeline__title">{title}</h3>\n      '
        )
        for link in event.links:
            parts.append(f'<p><a href="{conditional_escape(link.url)}">{conditional_escape(link.label)}</a></p>')
        parts.append("\n      ")
        if event.text:
            parts.append(f'<div class="timeline__text">{linebreaks(event.text, autoescape=True)}</div>')
        parts.append("\n      ")
        if event.diff_from:
            if diff_note is None:
                diff_note = gettext(
                    "Borttagen text är överstruken och markerad som borttagen, "
                    "ny text understruken och markerad som infogad."
                )
            since = gettext("Vad som ändrats sedan %(period)s") % {"period": conditional_escape(event.diff_from.period)}
            parts.append(
                f'\n      <details class="report-diff">\n        <summary>{since}</summary>\n'
                f'        <p class="muted">{diff_note}</p>\n'
                f'        <p class="word-diff">{conditional_escape(event.diff)}</p>\n      </details>\n      '
            )
        parts.append("\n      ")
        if event.who:
            parts.append('<p class="muted">' + gettext("Av %(who)s") % {"who": conditional_escape(event.who)} + "</p>")
        parts.append("\n      ")
        if event.report and report_url is not None:
            if edit_label is None:
                edit_label = gettext("Redigera rapporten")
            parts.append(
                f'<p><a href="{report_url}?period={event.report.period_id}&amp;namnd={event.report.board_id}">'
                f'{edit_label}<span class="visually-hidden"> {title}</span></a></p>'
            )
        parts.append("\n    </li>\n    ")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


@register.simple_tag
def history_entries(history):
    headings = None
    parts = []
    for entry in history:
        when = timezone.localtime(entry.when) if timezone.is_aware(entry.when) else entry.when
        parts.append(
            f'\n    <li>\n      <p><time datetime="{when.isoformat()}">'
            f"{when.year:04d}-{when.month:02d}-{when.day:02d} {when.hour:02d}:{when.minute:02d}</time>"
            f" · {conditional_escape(entry.user)} · {conditional_escape(entry.kind)}:"
            f" {conditional_escape(entry.subject)}"
        )
        if entry.reason:
            parts.append(f" – <em>{conditional_escape(entry.reason)}</em>")
        parts.append("</p>\n      ")
        if entry.changes:
            if headings is None:
                headings = (
                    '\n      <table class="table history__changes">\n'
                    f'        <caption class="visually-hidden">{gettext("Ändrade fält")}</caption>\n'
                    f'        <thead><tr><th scope="col">{gettext("Fält")}</th><th scope="col">{gettext("Före")}</th>'
                    f'<th scope="col">{gettext("Efter")}</th></tr></thead>\n        <tbody>'
                )
            parts.append(headings)
            for change in entry.changes:
                old, new = conditional_escape(_truncated(change.old)), conditional_escape(_truncated(change.new))
                parts.append(
                    f'<tr><th scope="row">{conditional_escape(change.label)}</th><td>{old}</td><td>{new}</td></tr>'
                )
            parts.append("</tbody>\n      </table>\n      ")
        parts.append("\n    </li>\n    ")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
