"""Twenty people ask for the two heavy PDFs at once while someone else reads a page (issue 17).

    .venv/bin/python -m benchmarks.pdf_drill [--database-url postgres://...] [--pdfs 20]

Builds a scratch PostgreSQL database with the real data, starts gunicorn as `make serve` does
(goteborg_uppdrag/gunicorn.conf.py, five processes), then fires `--pdfs` concurrent anonymous
GETs, alternating between the delårsrapport and a comparison PDF, while an assignment page is
fetched every 200 ms twice over: as an anonymous visitor gets it (the page cache answers) and
built in full (a new query string each time). Then asks for each PDF again, unchanged. Prints
the page's p50/p95 alone and during the burst, every failure, the first render's time and the
repeat time; exit code 1 if a target is missed.
Targets: page p95 < 250 ms, no request fails, a repeat PDF of unchanged content < 50 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .server import BASE_DIR, Gunicorn, production_env

PYTHON = sys.executable
OUT = BASE_DIR / "benchmarks" / "out"
DEFAULT_URL = os.environ.get("PDF_DRILL_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/goteborg_uppdrag_pdf_drill")
PDF_URLS = ("/rapporter/kommunstyrelsen/2023/augusti.pdf", "/arenden/0064-23/jamfor.pdf")
PAGE = "/uppdrag/2/"
PAGE_EVERY_S = 0.2
TARGET_PAGE_P95_MS = 250
TARGET_REPEAT_MS = 50


def _recreate(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not (name.endswith("drill") or name.endswith("_bench")):
        raise SystemExit(f"Refusing to recreate {name!r}: a scratch database's name ends in 'drill' or '_bench'.")
    admin = urlunsplit(("postgresql", parts.netloc, "/postgres", "", ""))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _manage(args: list[str], env: dict) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True)


def _get(base: str, path: str) -> tuple[int, float, bytes]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=90) as response:  # noqa: S310 - our own 127.0.0.1 server
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    except OSError as error:
        status, body = 0, str(error).encode()
    return status, (time.perf_counter() - started) * 1000, body


def _p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class PageReader:
    """Fetches the page every 200 ms: as an anonymous visitor gets it (the same address, so the
    page cache answers while nothing changes) or built in full (a new query string each time)."""

    def __init__(self, base: str, *, built: bool):
        self.base, self.built = base, built
        self.times: list[tuple[int, float]] = []
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None

    def _run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            started = time.perf_counter()
            status, ms, _body = _get(self.base, f"{PAGE}?ovning={n}" if self.built else PAGE)
            self.times.append((status, ms))
            self.stop.wait(max(0.0, PAGE_EVERY_S - (time.perf_counter() - started)))

    def start(self) -> PageReader:
        self.times, self.thread = [], threading.Thread(target=self._run)
        self.stop.clear()
        self.thread.start()
        return self

    def finish(self) -> list[tuple[int, float]]:
        self.stop.set()
        self.thread.join()
        return self.times


def drill(base: str, pdfs: int) -> dict:
    # Every server process warm (imports, templates, connections), then the page alone.
    warmers = [threading.Thread(target=_get, args=(base, f"{PAGE}?varm={i}")) for i in range(30)]
    for thread in warmers:
        thread.start()
    for thread in warmers:
        thread.join()
    readers = {"cached": PageReader(base, built=False), "built": PageReader(base, built=True)}
    for reader in readers.values():
        reader.start()
    time.sleep(4)
    quiet = {kind: [ms for status, ms in reader.finish() if status == 200] for kind, reader in readers.items()}

    barrier = threading.Barrier(pdfs)
    results: list[tuple[str, int, float, bytes] | None] = [None] * pdfs

    def ask(i: int):
        path = PDF_URLS[i % len(PDF_URLS)]
        barrier.wait()
        status, ms, body = _get(base, path)
        results[i] = (path, status, ms, body)

    for reader in readers.values():
        reader.start()
    time.sleep(0.5)
    burst_started = time.perf_counter()
    askers = [threading.Thread(target=ask, args=(i,)) for i in range(pdfs)]
    for thread in askers:
        thread.start()
    for thread in askers:
        thread.join()
    burst_s = time.perf_counter() - burst_started
    time.sleep(0.5)
    pages = {kind: reader.finish() for kind, reader in readers.items()}

    repeats: dict[str, list[float]] = {}
    repeat_failures = 0
    digests: dict[str, set[str]] = {path: set() for path in PDF_URLS}
    for path, _status, _ms, body in results:
        digests[path].add(hashlib.sha256(body).hexdigest())
    for path in PDF_URLS:
        for _ in range(10):
            status, ms, body = _get(base, path)
            repeat_failures += status != 200
            digests[path].add(hashlib.sha256(body).hexdigest())
            repeats.setdefault(path, []).append(ms)

    figures = {
        "burst_s": burst_s,
        "pdf_failures": sum(1 for r in results if r[1] != 200 or not r[3].startswith(b"%PDF")) + repeat_failures,
        "first_render_ms": {path: max(r[2] for r in results if r[0] == path) for path in PDF_URLS},
        "repeat_p50": {path: statistics.median(ms) for path, ms in repeats.items()},
        "repeat_max": {path: max(ms) for path, ms in repeats.items()},
        "distinct_pdfs": {path: len(d) for path, d in digests.items()},
    }
    for kind in readers:
        times = [ms for _status, ms in pages[kind]]
        figures[kind] = {
            "quiet_p50": statistics.median(quiet[kind]),
            "quiet_p95": _p(quiet[kind], 0.95),
            "n": len(times),
            "p50": statistics.median(times),
            "p95": _p(times, 0.95),
            "max": max(times),
            "failures": sum(1 for status, _ms in pages[kind] if status != 200),
        }
    return figures


KINDS = {"cached": "som anonym besökare får den (sidcachen)", "built": "byggd helt (ny frågesträng varje gång)"}


def report(figures: dict, pdfs: int) -> tuple[str, list[str]]:
    f = figures
    lines = [f"{pdfs} samtidiga PDF-anrop, klara efter {f['burst_s']:.1f} s; {PAGE} hämtad var 200:e ms:"]
    missed = []
    for kind, label in KINDS.items():
        page = f[kind]
        lines.append(
            f"{PAGE} {label}: ensam p50 {page['quiet_p50']:.0f} ms, p95 {page['quiet_p95']:.0f} ms; "
            f"under PDF-anropen ({page['n']} anrop) p50 {page['p50']:.0f} ms, p95 {page['p95']:.0f} ms, "
            f"max {page['max']:.0f} ms, {page['failures']} misslyckade."
        )
        if page["p95"] >= TARGET_PAGE_P95_MS:
            missed.append(f"sidans p95 {label} {page['p95']:.0f} ms ≥ {TARGET_PAGE_P95_MS} ms")
    lines.append(f"Misslyckade PDF-anrop: {f['pdf_failures']}.")
    for path in PDF_URLS:
        lines.append(
            f"{path}: första renderingen (längsta väntan) {f['first_render_ms'][path] / 1000:.1f} s; "
            f"oförändrad igen p50 {f['repeat_p50'][path]:.0f} ms, max {f['repeat_max'][path]:.0f} ms; "
            f"{f['distinct_pdfs'][path]} olika PDF:er bland svaren."
        )
    if f["pdf_failures"] or any(f[kind]["failures"] for kind in KINDS):
        missed.append("anrop misslyckades")
    slow = [p for p in PDF_URLS if f["repeat_p50"][p] >= TARGET_REPEAT_MS]
    if slow:
        missed.append(f"upprepad PDF ≥ {TARGET_REPEAT_MS} ms: {', '.join(slow)}")
    if any(n != 1 for n in f["distinct_pdfs"].values()):
        missed.append("samma PDF gav olika byte")
    return "\n".join(lines), missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--workers", default="5")
    args = parser.parse_args(argv)

    OUT.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="pdf-drill-"))
    env = production_env(
        args.database_url,
        WEB_CONCURRENCY=args.workers,
        MEDIA_ROOT=str(scratch / "media"),
        PDF_LOCK_DIR=str(scratch / "locks"),
        GUNICORN_ACCESS_LOG="",
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    _recreate(args.database_url)
    _manage(["collectstatic", "--noinput", "-v", "0"], env)
    _manage(["migrate", "--noinput", "-v", "0"], env)
    _manage(["load_real_data"], env)
    with Gunicorn(args.port, env, OUT / "pdf_drill.log") as server:
        figures = drill(server.url, args.pdfs)
    text, missed = report(figures, args.pdfs)
    text += "\nMål som inte nås: " + ("; ".join(missed) if missed else "inga.")
    (OUT / "pdf_drill.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 1 if missed else 0


if __name__ == "__main__":
    os.chdir(BASE_DIR)
    sys.exit(main())
