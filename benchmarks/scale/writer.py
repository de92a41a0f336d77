"""Fast inserts of synthetic rows, with the history row simple-history would have written for each."""

import contextlib
import datetime
from collections.abc import Callable, Iterable

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from pagecache import triggers as pagecache_triggers

from .marks import HISTORY_REASON


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)), datetime.UTC)


class Writer:
    """Insert objects and their "+" history rows, dated when the object came about.

    Rows go in with executemany and explicit primary keys (continuing after the largest one),
    which is several times faster than bulk_create's per-value SQL compilation; PostgreSQL's
    sequences are moved past the new keys at the end (finish()).
    """

    def __init__(self, batch_size: int, log: Callable[[str], None]):
        self.batch_size = batch_size
        self.log = log
        self.counts: dict[str, int] = {}
        self.models = []

    def _count(self, label, number):
        self.counts[label] = self.counts.get(label, 0) + number

    def _insert(self, model, rows_of_values, fields):
        if not rows_of_values:
            return
        quote = connection.ops.quote_name
        sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - quoted names from the models
            quote(model._meta.db_table),
            ", ".join(quote(field.column) for field in fields),
            ", ".join(["%s"] * len(fields)),
        )
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY: one round trip for all rows instead of one per row.
                copy_sql = "COPY {} ({}) FROM STDIN".format(
                    quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields)
                )
                with cursor.cursor.copy(copy_sql) as copy:
                    for row in rows_of_values:
                        copy.write_row(row)
                return
            for first in range(0, len(rows_of_values), self.batch_size):
                cursor.executemany(sql, rows_of_values[first : first + self.batch_size])

    @staticmethod
    def _adapters(fields):
        ops = connection.ops
        adapters = []
        for field in fields:
            internal = field.get_internal_type()
            if internal == "DateTimeField":
                adapters.append(ops.adapt_datetimefield_value)
            elif internal == "DateField":
                adapters.append(ops.adapt_datefield_value)
            elif internal == "JSONField":
                # A list or dict is no SQL value: the field's own adaptation (JSON text, or Jsonb on PostgreSQL).
                adapters.append(lambda value, field=field: field.get_db_prep_value(value, connection))
            else:
                adapters.append(None)
        return adapters

    @staticmethod
    def _values(obj, fields, adapters):
        values = []
        for field, adapt in zip(fields, adapters, strict=True):
            value = getattr(obj, field.attname)
            values.append(adapt(value) if adapt is not None and value is not None else value)
        return values

    def create(self, model, objs, dates=None):
        if not objs:
            return objs
        largest = model.objects.aggregate(largest=Max("pk"))["largest"] or 0
        stamp_fields = [
            f for f in model._meta.concrete_fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        now = timezone.now()
        for index, obj in enumerate(objs):
            obj.pk = largest + 1 + index
            for field in stamp_fields:
                setattr(obj, field.attname, _aware(dates[index]) if dates else now)
        fields = list(model._meta.concrete_fields)
        adapters = self._adapters(fields)
        self._insert(model, [self._values(obj, fields, adapters) for obj in objs], fields)
        self.models.append(model)
        self._count(model._meta.label, len(objs))
        history = getattr(model, "history", None)
        if history is not None:
            historical = history.model
            hist_fields = [f for f in historical._meta.concrete_fields if f.name != "history_id"]
            tail = {f.name for f in hist_fields if f.name.startswith("history_")}
            own = [f for f in hist_fields if f.name not in tail]
            source_fields = [model._meta.get_field(f.name) for f in own]
            history_fields = [
                historical._meta.get_field(name) for name in ("history_date", "history_type", "history_change_reason")
            ]
            if "history_user" in tail:
                history_fields.append(historical._meta.get_field("history_user"))
            adapters = self._adapters(source_fields)
            date_adapt = connection.ops.adapt_datetimefield_value
            rows = []
            for index, obj in enumerate(objs):
                extra = [date_adapt(_aware(dates[index]) if dates else now), "+", HISTORY_REASON]
                if len(history_fields) == 4:
                    extra.append(None)
                rows.append(self._values(obj, source_fields, adapters) + extra)
            self._insert(historical, rows, own + history_fields)
            self._count(f"{model._meta.label} (historik)", len(rows))
        self.log(f"  {model._meta.verbose_name_plural}: {len(objs)}")
        return objs

    def through(self, relation, pairs):
        """Rows of a many-to-many table from (from_id, to_id) pairs."""
        through = relation.through
        fields = [f for f in through._meta.concrete_fields if not f.primary_key]
        self._insert(through, [list(pair) for pair in pairs], fields)
        self.models.append(through)
        self._count(through._meta.label, len(pairs))

    def finish(self):
        """Move PostgreSQL's id sequences past the keys given explicitly."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(dict.fromkeys(self.models)))
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


@contextlib.contextmanager
def bulk_load(tables: Iterable[str]):
    """On PostgreSQL, load without per-row triggers and check the foreign keys once, in bulk.

    Measured at factor 10 (issue 18): the rows themselves go in quickly with COPY, but every
    inserted row queues deferred trigger events (Django's foreign keys are DEFERRABLE INITIALLY
    DEFERRED, and pagecache_bump is a deferred constraint trigger) — about two million of them,
    all fired one by one at COMMIT, each a query of its own. That commit took 19–25 s of a
    68–105 s build (2 s without the triggers) and grew faster than the data.

    So, as pg_restore does: the foreign keys of the tables written are dropped inside the seeding
    transaction and added again at its end with their own definitions (ADD CONSTRAINT checks every
    row in one join, and fails the whole load if a single row is wrong); the page cache trigger is
    switched off meanwhile and the version and every table's counter moved once
    (pagecache.triggers.bump), which is what the trigger does once per transaction anyway.
    Everything happens in the caller's transaction: nobody else ever sees the tables without their
    constraints. It locks the tables it touches, which is fine for seed_scale (a fresh database).
    SQLite checks its keys at commit with a counter, not a query per row, and keeps its triggers.
    """
    if connection.vendor != "postgresql":
        yield
        return
    tables = sorted(set(tables))
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # Checks still pending from earlier in the transaction (a test's fixtures) run now: a table
        # with pending trigger events cannot be altered. The rest of the transaction checks at once.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype = 'f' AND t.relname = ANY(%s) "
            "AND t.relnamespace = to_regnamespace(current_schema())::oid ORDER BY 1, 2",
            [tables],
        )
        foreign_keys = cursor.fetchall()
        cursor.execute(
            "SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
            "WHERE g.tgname = %s AND c.relname = ANY(%s) AND c.relnamespace = to_regnamespace(current_schema())::oid",
            [pagecache_triggers.TRIGGER, tables],
        )
        triggered = [row[0] for row in cursor.fetchall()]
        for table, name, _definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
        for table in triggered:
            cursor.execute(f"ALTER TABLE {quote(table)} DISABLE TRIGGER {pagecache_triggers.TRIGGER}")
    yield
    with connection.cursor() as cursor:
        for table, name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
        for table in triggered:
            cursor.execute(f"ALTER TABLE {quote(table)} ENABLE TRIGGER {pagecache_triggers.TRIGGER}")
    if triggered:
        pagecache_triggers.bump()
