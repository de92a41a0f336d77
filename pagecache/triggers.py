"""Database triggers that bump the content version on every write to a tracked table.

PostgreSQL: a deferred constraint trigger per row, whose function updates the version row at
most once per transaction (a transaction-local setting remembers it). Deferred, it runs at
commit time, so the version row is locked only for the instant before the commit and two
writers cannot deadlock on it while holding other rows. SQLite has one writer at a time; a
plain trigger per row does the same there. (Tests, whose transactions never commit, switch the
trigger to fire at each write: SET CONSTRAINTS pagecache_bump IMMEDIATE, with the setting
pagecache.each_write on so that every write, not only the first, moves the version.)

Readers never see the new version before the data it stands for: both commit together. A page
rendered from newer data than the version it read is cached under the older key, which is no
longer asked for once the version has moved on; the reverse cannot happen.
"""

from django.apps import apps
from django.db import connections

TRACKED_APPS = ("assignments", "motions", "budget", "reports", "auth")
TRIGGER = "pagecache_bump"
VERSION_TABLE = "pagecache_contentversion"

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('pagecache.bumped', true) = txid_current()::text
       AND current_setting('pagecache.each_write', true) IS DISTINCT FROM 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO {VERSION_TABLE} (id, counter, epoch) VALUES (1, 1, md5(random()::text))
        ON CONFLICT (id) DO UPDATE SET counter = {VERSION_TABLE}.counter + 1;
    PERFORM set_config('pagecache.bumped', txid_current()::text, true);
    RETURN NULL;
END;
$$;
"""  # noqa: S608 - constants only


def tracked_tables() -> list[str]:
    """Every table of the tracked apps, many-to-many tables included."""
    tables = set()
    for label in TRACKED_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                tables.add(model._meta.db_table)
    return sorted(tables)


def install(using: str = "default") -> list[str]:
    """(Re)create the trigger on every tracked table; idempotent. Returns the tables."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    tables = [table for table in tracked_tables() if table in existing]
    if VERSION_TABLE not in existing:
        return []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_FUNCTION)
            for table in tables:
                cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {quote(table)}")
                cursor.execute(
                    f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {quote(table)} "
                    f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()"
                )
        elif connection.vendor == "sqlite":
            bump = (
                f"INSERT INTO {VERSION_TABLE} (id, counter, epoch) VALUES (1, 1, lower(hex(randomblob(16)))) "  # noqa: S608
                f"ON CONFLICT (id) DO UPDATE SET counter = counter + 1;"
            )
            for table in tables:
                for event in ("INSERT", "UPDATE", "DELETE"):
                    name = quote(f"{TRIGGER}_{event.lower()}_{table}")
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                    cursor.execute(f"CREATE TRIGGER {name} AFTER {event} ON {quote(table)} BEGIN {bump} END")
        else:
            return []
    return tables


def bump(using: str = "default") -> None:
    """Move the version once, as the trigger does once per transaction; for a bulk load that
    switched the per-row trigger off (benchmarks/scale/writer.py: bulk_load)."""
    connection = connections[using]
    random_epoch = "md5(random()::text)" if connection.vendor == "postgresql" else "lower(hex(randomblob(16)))"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {VERSION_TABLE} (id, counter, epoch) VALUES (1, 1, {random_epoch}) "  # noqa: S608 - constants
            f"ON CONFLICT (id) DO UPDATE SET counter = {VERSION_TABLE}.counter + 1"
        )


def installed_tables(using: str = "default") -> set[str]:
    """The tables that carry the trigger now (for the test that every tracked table does)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = %s",
                [TRIGGER],
            )
            return {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{TRIGGER}_%"])
        return {row[0] for row in cursor.fetchall()}


def install_after_migrate(sender, using="default", **kwargs):
    if sender.label == "pagecache":
        install(using)


def start_new_epoch(using: str = "default") -> None:
    """After a restore the counter goes back to the copy's; a new epoch keeps pages cached
    under the same number in the meantime from ever being served again."""
    import secrets

    from .models import ContentVersion

    ContentVersion.objects.using(using).update_or_create(id=1, defaults={"epoch": secrets.token_hex(16)})
