"""Consistent backups of the database and the stored files (published reports), and restores.

PostgreSQL: pg_dump in custom format, restored with pg_restore --clean. SQLite: the sqlite3
online-backup API, which copies a consistent snapshot even while the app is writing.
Files under MEDIA_ROOT (Django's default storage) are copied alongside.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

from pagecache.triggers import start_new_epoch

MANIFEST = "manifest.json"


def _pg_env() -> tuple[dict, list[str]]:
    conf = connection.settings_dict
    env = {**os.environ}
    if conf.get("PASSWORD"):
        env["PGPASSWORD"] = conf["PASSWORD"]
    args = ["-h", conf.get("HOST") or "127.0.0.1", "-p", str(conf.get("PORT") or 5432), "-U", conf.get("USER") or ""]
    return env, args


def _owner_only(target: Path) -> None:
    """A backup holds password hashes and sessions: only the account that made it may read it."""
    target.chmod(0o700)
    for path in target.rglob("*"):
        path.chmod(0o700 if path.is_dir() else 0o600)


def create_backup(target: Path) -> Path:
    target = Path(target)
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Owner-only from the start, so no file of it is ever readable by others, not even while written.
    target.chmod(0o700)
    vendor = connection.vendor
    if vendor == "postgresql":
        env, args = _pg_env()
        subprocess.run(
            ["pg_dump", "-Fc", *args, "-f", str(target / "database.dump"), connection.settings_dict["NAME"]],
            env=env,
            check=True,
        )
    elif vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / "database.sqlite3") as destination:
            connection.connection.backup(destination)
        destination.close()
    else:  # pragma: no cover - the product runs on these two
        raise RuntimeError(f"backup not supported for {vendor}")
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.copytree(media, target / "media", dirs_exist_ok=True)
    (target / MANIFEST).write_text(
        json.dumps({"vendor": vendor, "created": datetime.datetime.now(datetime.UTC).isoformat()}), encoding="utf-8"
    )
    _owner_only(target)
    return target


def restore_backup(source: Path) -> None:
    source = Path(source)
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    if manifest["vendor"] != connection.vendor:
        raise RuntimeError(f"säkerhetskopian är från {manifest['vendor']}, databasen är {connection.vendor}")
    if connection.vendor == "postgresql":
        env, args = _pg_env()
        connection.close()
        subprocess.run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", *args, "-d", connection.settings_dict["NAME"],
             str(source / "database.dump")],
            env=env,
            check=True,
        )  # fmt: skip
    else:
        connection.ensure_connection()
        with sqlite3.connect(source / "database.sqlite3") as origin:
            origin.backup(connection.connection)
        origin.close()
    media_backup = source / "media"
    if media_backup.exists():
        shutil.copytree(media_backup, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
    start_new_epoch()
