"""50 people save the same assignment at the same moment, over real HTTP (gunicorn + PostgreSQL).

    .venv/bin/python -m benchmarks.concurrent_saves [--users 50] [--database-url postgres://...]

Builds a scratch database with the real data, starts gunicorn as `make serve` does, logs in
`--users` officers of the assignment's board, lets every one of them open the same form (same
version), then releases all their saves at once through a barrier. Done twice: for a status
report's text, and for a status change. Prints how many saves landed, how many were refused as a
conflict with the user's own text still in the form, and anything else (which must be zero), and
checks that every landed save is in the history. Exit code 1 if any save was lost or answered 500.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from . import scale_out
from .server import Gunicorn, production_env

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
OUT = BASE_DIR / "benchmarks" / "out"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/goteborg_uppdrag_concurrency_bench"
PASSWORD = "samtidigt-lösenord-123"  # noqa: S105 - a scratch database's scratch users


class Browser(scale_out.Browser):
    """scale_out's minimal browser, answering (status, text) and logging in with the scratch password."""

    def get(self, path: str) -> tuple[int, str]:
        status, _headers, body = self.request(path)
        return status, body.decode()

    def send(self, path: str, data: dict) -> tuple[int, str]:
        status, _headers, body = self.request(path, data)
        return status, body.decode()

    def csrf(self) -> str:
        return self.cookies["csrftoken"]

    def login(self, username: str) -> None:
        status, _headers, _body = self.post("/logga-in/", {"username": username, "password": PASSWORD})
        if status != 302:
            raise RuntimeError(f"login of {username} answered {status}")


def manage(args: list[str], env: dict) -> str:
    # The last line: `shell` may print its automatic imports first.
    out = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True
    ).stdout
    return out.strip().splitlines()[-1] if out.strip() else ""


SETUP = """
from django.contrib.auth import get_user_model
from assignments import roles
from assignments.models import Assignment, Board, ReportingPeriod
board = Board.objects.get(slug="kommunstyrelsen")
assignment = Assignment.objects.filter(responsibilities__board=board).exclude(status="completed").order_by("id").first()
period = ReportingPeriod.objects.order_by("-year", "-kind").first()
groups = roles.ensure_groups()
for i in range({users}):
    user, _ = get_user_model().objects.get_or_create(username=f"samtidig{{i}}")
    user.set_password({password!r})
    user.save()
    user.groups.add(groups[roles.OFFICER])
    board.officers.add(user)
fresh = Assignment.objects.create(dnr="9999/23", text="Samtidighetsprov: ett uppdrag som ej påbörjats", source="ks")
fresh.responsibilities.create(board=board, is_lead=True)
print(assignment.pk, period.pk, board.pk, fresh.pk)
"""

COUNT = """
import json
from assignments.models import StatusReport
r = StatusReport.objects.get(assignment_id={a}, period_id={p}, board_id={b})
print(json.dumps([r.version, sorted(set(r.history.values_list("text", flat=True)))]))
"""


def race(browsers, path, payloads):
    barrier = threading.Barrier(len(browsers))
    results = [None] * len(browsers)

    def save(i):
        barrier.wait()
        results[i] = browsers[i].send(path, payloads[i])

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(browsers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def version_of(body: str) -> str:
    return re.search(r'name="version" value="(\d+)"', body).group(1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()

    env = production_env(args.database_url, WEB_CONCURRENCY="5")
    OUT.mkdir(exist_ok=True)
    scale_out._recreate(args.database_url)
    manage(["collectstatic", "--noinput", "-v", "0"], env)
    manage(["migrate", "--noinput", "-v", "0"], env)
    manage(["load_real_data"], env)
    a, p, b, s = manage(["shell", "-c", SETUP.format(users=args.users, password=PASSWORD)], env).split()
    server = Gunicorn(args.port, env, OUT / "concurrent_saves.log").start()
    failures = 0
    try:
        browsers = [Browser(server.url) for _ in range(args.users)]
        for i, browser in enumerate(browsers):
            browser.login(f"samtidig{i}")

        # 1. Status report text: everyone opened the same report, everyone saves their own text.
        form_path = f"/uppdrag/{a}/rapport/?period={p}&namnd={b}"
        versions = {version_of(browser.get(form_path)[1]) for browser in browsers}
        assert len(versions) == 1, versions
        version = versions.pop()
        payloads = [
            {
                "csrfmiddlewaretoken": browser.csrf(),
                "period": p,
                "board": b,
                "proposes": "partial",
                "text": f"Samtidig text nummer {i}.",
                "version": version,
            }
            for i, browser in enumerate(browsers)
        ]
        results = race(browsers, f"/uppdrag/{a}/rapport/", payloads)
        outcome = Counter()
        landed = []
        for i, (status, body) in enumerate(results):
            own_text_kept = payloads[i]["text"] in html.unescape(body)
            if status == 302:
                outcome["sparade"] += 1
                landed.append(payloads[i]["text"])
            elif status == 409 and own_text_kept:
                outcome["konflikt, egen text kvar"] += 1
            else:
                outcome[f"annat svar {status}"] += 1
        report_version, in_history = json.loads(manage(["shell", "-c", COUNT.format(a=a, p=p, b=b)], env))
        lost = [t for t in landed if t not in in_history]
        print(
            f"Statusrapport, {args.users} samtidiga sparningar: {dict(outcome)}; "
            f"versionen gick {version} → {report_version}; sparade men saknas i historiken: {len(lost)}"
        )
        failures += len(lost) + sum(n for k, n in outcome.items() if k.startswith("annat"))
        failures += 0 if outcome["sparade"] == 1 else 1

        # 2. Status change: everyone tries to move the assignment from the same state.
        pages = [browser.get(f"/uppdrag/{s}/status/")[1] for browser in browsers]
        targets = re.findall(r'name="target" value="([a-z_]+)"', pages[0])
        if targets:
            payloads = [
                {
                    "csrfmiddlewaretoken": browser.csrf(),
                    "target": targets[0],
                    "reason": f"Skäl nummer {i}.",
                    "version": version_of(pages[i]),
                }
                for i, browser in enumerate(browsers)
            ]
            results = race(browsers, f"/uppdrag/{s}/status/", payloads)
            outcome = Counter(
                "sparade"
                if s == 302
                else "konflikt, egen motivering kvar"
                if s == 409 and payloads[i]["reason"] in body
                else f"annat svar {s}"
                for i, (s, body) in enumerate(results)
            )
            print(f"Statusändring, {args.users} samtidiga försök: {dict(outcome)}")
            failures += sum(n for k, n in outcome.items() if k.startswith("annat"))
            failures += 0 if outcome["sparade"] == 1 else 1
        else:
            print("Statusändring: inget steg att välja från uppdragets status; hoppar över.")
    finally:
        server.stop()
    print("OK: inga förlorade ändringar, inga serverfel." if not failures else f"FEL: {failures} avvikelser.")
    return 1 if failures else 0


if __name__ == "__main__":
    os.chdir(BASE_DIR)
    sys.exit(main())
