"""Database triggers that bump the content version, and the written table's own counter, on every
write to a tracked table.

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

The same trigger also bumps the table's row in pagecache_tableversion (once per transaction and
table; at each write in tests), so that a fragment keyed by the tables it shows (pagecache/cache.py:
request_content_version with dependencies) stays valid across writes to other tables. The content
version is bumped first: its row lock orders the committing writers, so two of them never wait for
each other's table rows.
"""

from django.apps import apps
from django.db import connections

TRACKED_APPS = ("assignments", "motions", "budget", "reports", "auth")
TRIGGER = "pagecache_bump"
VERSION_TABLE = "pagecache_contentversion"
TABLE_VERSIONS = "pagecache_tableversion"

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tx text := txid_current()::text;
    each_write boolean := current_setting('pagecache.each_write', true) IS NOT DISTINCT FROM 'on';
    table_flag text := 'pagecache.t_' || TG_TABLE_NAME;
BEGIN
    IF NOT each_write AND current_setting(table_flag, true) IS NOT DISTINCT FROM tx THEN
        RETURN NULL;
    END IF;
    IF each_write OR current_setting('pagecache.bumped', true) IS DISTINCT FROM tx THEN
        INSERT INTO {VERSION_TABLE} (id, counter, epoch) VALUES (1, 1, md5(random()::text))
            ON CONFLICT (id) DO UPDATE SET counter = {VERSION_TABLE}.counter + 1;
        PERFORM set_config('pagecache.bumped', tx, true);
    END IF;
    INSERT INTO {TABLE_VERSIONS} (table_name, counter) VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (table_name) DO UPDATE SET counter = {TABLE_VERSIONS}.counter + 1;
    PERFORM set_config(table_flag, tx, true);
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
    if VERSION_TABLE not in existing or TABLE_VERSIONS not in existing:
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
                bump_table = (
                    f"INSERT INTO {TABLE_VERSIONS} (table_name, counter) VALUES ('{table}', 1) "  # noqa: S608
                    f"ON CONFLICT (table_name) DO UPDATE SET counter = counter + 1;"
                )
                for event in ("INSERT", "UPDATE", "DELETE"):
                    name = quote(f"{TRIGGER}_{event.lower()}_{table}")
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                    cursor.execute(
                        f"CREATE TRIGGER {name} AFTER {event} ON {quote(table)} BEGIN {bump} {bump_table} END"
                    )
        else:
            return []
    return tables


def bump(using: str = "default") -> None:
    """Move the version and every tracked table's counter once, as the trigger does once per
    transaction; for a bulk load that switched the per-row trigger off (benchmarks/scale/writer.py:
    bulk_load). Every table, not only the loaded ones: the caller need not know which it wrote."""
    connection = connections[using]
    random_epoch = "md5(random()::text)" if connection.vendor == "postgresql" else "lower(hex(randomblob(16)))"
    tables = tracked_tables()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {VERSION_TABLE} (id, counter, epoch) VALUES (1, 1, {random_epoch}) "  # noqa: S608 - constants
            f"ON CONFLICT (id) DO UPDATE SET counter = {VERSION_TABLE}.counter + 1"
        )
        rows = ", ".join(["(%s, 1)"] * len(tables))
        cursor.execute(
            f"INSERT INTO {TABLE_VERSIONS} (table_name, counter) VALUES {rows} "  # noqa: S608 - constants
            f"ON CONFLICT (table_name) DO UPDATE SET counter = {TABLE_VERSIONS}.counter + 1",
            tables,
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
