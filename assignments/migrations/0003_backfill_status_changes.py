"""Backfill StatusChange from the assignments' change history (django-simple-history).

Status changes made before StatusChange existed (or by a plain save, such as an admin edit) are
only in the history. The boards' feeds and the assignments' timelines read StatusChange alone, so
each status change of the history that has no StatusChange row gets one: the time of the
historical row, its user where known, an empty reason (none was asked for then).

Idempotent: a history change counts as recorded when a StatusChange of the same assignment with
the same from and to status lies within a few minutes of it (the workflow writes both in one
transaction); a backfilled row carries the history's exact time, so a second run finds it.
"""

import datetime
from collections import defaultdict

from django.db import migrations

# The workflow writes its StatusChange a moment before the historical row, in the same transaction.
TOLERANCE = datetime.timedelta(minutes=5)


def _history_changes(historical):
    """(assignment id, from, to, when, user id) for each status change the history shows, oldest first."""
    rows = historical.objects.order_by("id", "history_date", "history_id").values_list(
        "id", "status", "history_date", "history_type", "history_user_id"
    )
    previous = {}
    for assignment_id, status, when, kind, user_id in rows.iterator(chunk_size=2000):
        before = previous.get(assignment_id)
        if kind == "~" and before is not None and before != status:
            yield assignment_id, before, status, when, user_id
        if kind == "-":
            previous.pop(assignment_id, None)
        else:
            previous[assignment_id] = status


def backfill_status_changes(apps, schema_editor=None) -> int:
    Assignment = apps.get_model("assignments", "Assignment")
    StatusChange = apps.get_model("assignments", "StatusChange")
    historical = apps.get_model("assignments", "HistoricalAssignment")
    User = StatusChange._meta.get_field("changed_by").related_model

    recorded = defaultdict(list)
    for change in StatusChange.objects.order_by("changed_at", "id").values_list(
        "assignment_id", "from_status", "to_status", "changed_at"
    ):
        recorded[change[0]].append(change[1:])
    existing_assignments = set(Assignment.objects.values_list("id", flat=True))
    existing_users = set(User._default_manager.values_list("pk", flat=True))

    missing = []
    for assignment_id, before, after, when, user_id in _history_changes(historical):
        if assignment_id not in existing_assignments:
            continue
        candidates = recorded[assignment_id]
        match = next(
            (
                index
                for index, (source, target, at) in enumerate(candidates)
                if (source, target) == (before, after) and abs(at - when) <= TOLERANCE
            ),
            None,
        )
        if match is not None:
            candidates.pop(match)  # each recorded change accounts for one history change
            continue
        missing.append((assignment_id, before, after, when, user_id if user_id in existing_users else None))

    for assignment_id, before, after, when, user_id in missing:
        change = StatusChange.objects.create(
            assignment_id=assignment_id, from_status=before, to_status=after, reason="", changed_by_id=user_id
        )
        # changed_at is auto_now_add: set the historical time afterwards.
        StatusChange.objects.filter(pk=change.pk).update(changed_at=when)
    return len(missing)


def forwards(apps, schema_editor):
    backfill_status_changes(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("assignments", "0002_status_change"),
    ]

    operations = [
        # Backwards there is nothing to undo: the rows describe changes that did happen.
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
