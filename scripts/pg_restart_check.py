#!/usr/bin/env python
"""Fault drill: restart PostgreSQL under a bounded load and measure how the app behaves.

Starts gunicorn against a scratch PostgreSQL database, requests a database-backed page every
50 ms, stops PostgreSQL for a few seconds with pg_ctlcluster, starts it again, and prints:
  - the error window (first to last failed request),
  - whether every failure was a clean Swedish error page (HTTP 500/503, no stack trace),
  - how long after PostgreSQL was back the app served normally again (target: under 5 s).
Run on a machine where PostgreSQL runs locally (see README, "Drift och tålighet"):
  .venv/bin/python scripts/pg_restart_check.py
It stops PostgreSQL for everyone on the machine for a few seconds: do not run it beside other tests.
"""

import argparse
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
DB_URL = "postgres://postgres@127.0.0.1:5432/goteborg_fault_drill"
PORT = 8799


def cluster():
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def run(cmd, env):
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--down", type=float, default=3.0, help="sekunder som PostgreSQL är nere")
    args = parser.parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": DB_URL,
        "PRODUCTION": "1",
        "SECURE_SSL_REDIRECT": "0",
        "DEBUG": "0",
        "SECRET_KEY": "fault-drill-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "CONN_MAX_AGE": "600",
    }
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", "DROP DATABASE IF EXISTS goteborg_fault_drill"],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", "CREATE DATABASE goteborg_fault_drill"],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    run([PY, "manage.py", "migrate", "--noinput", "-v", "0"], env)
    run([PY, "manage.py", "load_real_data"], env)
    run([PY, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "goteborg_uppdrag.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", "2", "--timeout", "20"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    results = []  # (time, status, clean)
    stop = threading.Event()

    def load():
        url = f"http://127.0.0.1:{PORT}/"
        deadline = time.monotonic() + 60
        while not stop.is_set() and time.monotonic() < deadline:
            started = time.monotonic()
            try:
                with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
                    results.append((started, response.status, True))
            except urllib.error.HTTPError as error:
                body = error.read().decode("utf-8", "replace")
                clean = "Ett fel har inträffat" in body and "Traceback" not in body
                results.append((started, error.code, clean))
            except OSError:
                results.append((started, 0, False))
            time.sleep(0.05)

    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        worker = threading.Thread(target=load)
        worker.start()
        time.sleep(3)
        down_at = time.monotonic()
        subprocess.run([*cluster(), "stop", "-m", "fast"], check=True)
        time.sleep(args.down)
        subprocess.run([*cluster(), "start"], check=True)
        up_at = time.monotonic()
        time.sleep(8)
        stop.set()
        worker.join()
    finally:
        server.terminate()
        server.wait(timeout=10)
        subprocess.run([*cluster(), "start"], check=False, stderr=subprocess.DEVNULL)

    failures = [r for r in results if r[1] != 200]
    after_up = [r for r in results if r[0] >= up_at]
    first_ok_after_up = next((r[0] for r in after_up if r[1] == 200), None)
    recovery = (first_ok_after_up - up_at) if first_ok_after_up else float("inf")
    window = (failures[-1][0] - failures[0][0]) if failures else 0.0
    all_clean = all(r[2] for r in failures)
    ok_after_recovery = all(r[1] == 200 for r in after_up if first_ok_after_up and r[0] >= first_ok_after_up)
    print(f"förfrågningar: {len(results)}, misslyckade: {len(failures)}")
    print(f"PostgreSQL nere: {up_at - down_at:.1f} s")
    print(f"felfönster: {window:.1f} s")
    print(f"alla fel var rena svenska felsidor: {'ja' if all_clean else 'nej'}")
    print(f"tid till normal drift efter att PostgreSQL var uppe: {recovery:.2f} s")
    print(f"felfria svar efter återhämtningen: {'ja' if ok_after_recovery else 'nej'}")
    return 0 if all_clean and recovery < 5 and ok_after_recovery else 1


if __name__ == "__main__":
    sys.exit(main())
