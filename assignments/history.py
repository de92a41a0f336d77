"""Field-by-field change history of an assignment and its status reports, from django-simple-history.

The diffs are computed in memory from the historical rows, with the related names looked up in
one query per related model, so the page's query count does not grow with the number of changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Assignment, Board, ReportingPeriod, StatusReport

# Bookkeeping, not content: showing them would bury the real changes.
IGNORED = {"id", "version", "created_at", "updated_at", "sort_order"}
KIND_LABELS = {"+": _("Skapad"), "~": _("Ändrad"), "-": _("Borttagen")}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: object
    user: str
    subject: str
    kind: str
    reason: str = ""
    changes: list[FieldChange] = field(default_factory=list)


def _names(model, ids):
    ids = {i for i in ids if i is not None}
    return {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)} if ids else {}


def _fields(model):
    return [f for f in model._meta.concrete_fields if f.name not in IGNORED]


def _display(f, value, lookups):
    if value in (None, ""):
        return "–"
    if f.is_relation:
        return lookups.get(f.related_model, {}).get(value, str(value))
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nej"))
    return str(value)


def _entries(records, model, subject_of, lookups):
    entries, previous = [], {}
    fields = _fields(model)
    for record in records:
        before = previous.get(record.id)
        changes = []
        for f in fields:
            new = getattr(record, f.attname)
            old = getattr(before, f.attname) if before is not None else None
            if before is None and new in (None, "", False):
                continue
            if before is None or old != new:
                changes.append(FieldChange(str(f.verbose_name), _display(f, old, lookups), _display(f, new, lookups)))
        previous[record.id] = record
        if before is not None and not changes and record.history_type == "~":
            continue
        entries.append(
            HistoryEntry(
                when=record.history_date,
                user=lookups["users"].get(record.history_user_id, str(_("systemet"))),
                subject=subject_of(record),
                kind=str(KIND_LABELS.get(record.history_type, record.history_type)),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries


def assignment_history(assignment: Assignment) -> list[HistoryEntry]:
    """Newest first: every saved change to the assignment and to its status reports."""
    own = list(assignment.history.order_by("history_date", "history_id"))
    reports = list(StatusReport.history.filter(assignment_id=assignment.pk).order_by("history_date", "history_id"))
    user_ids = {r.history_user_id for r in own + reports} | {r.author_id for r in reports}
    board_ids = {r.origin_body_id for r in own} | {r.board_id for r in reports}
    lookups = {
        "users": {u.pk: u.get_full_name() or u.username for u in get_user_model().objects.filter(pk__in=user_ids)},
        Board: _names(Board, board_ids),
        ReportingPeriod: _names(ReportingPeriod, {r.period_id for r in reports}),
        Assignment: {assignment.pk: assignment.dnr},
    }
    lookups[get_user_model()] = lookups["users"]
    periods = lookups[ReportingPeriod]
    boards = lookups[Board]
    entries = _entries(own, Assignment, lambda r: str(_("Uppdraget")), lookups)
    entries += _entries(
        reports,
        StatusReport,
        lambda r: (
            str(_("Statusrapport %(period)s, %(board)s"))
            % {"period": periods.get(r.period_id, ""), "board": boards.get(r.board_id, "")}
        ),
        lookups,
    )
    return sorted(entries, key=lambda e: e.when, reverse=True)
