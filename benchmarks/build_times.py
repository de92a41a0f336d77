"""How the time to build the synthetic data grows with the factor, on SQLite and PostgreSQL.

    python -m benchmarks.build_times [--factors 1,2,5,10] [--only sqlite|postgresql]

Each factor is built in a new database (migrate, then seed_scale, timed together as `make bench`
times seed_scale alone: the real data load is part of it). Prints a table and writes
benchmarks/out/build_times.md. The machine's load average is printed with each row: the wall time
of a build on a shared machine says little without it, so the CPU time of the seed_scale process
is given too (on PostgreSQL the server's own CPU time is not in it).
"""

import argparse
import os
import resource
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .run import OUT, PG_URL, _recreate_postgres, log, manage, postgres_reachable


def _database_url(name: str) -> str:
    if name == "sqlite":
        return f"sqlite:///{OUT / 'build.sqlite3'}"
    parts = urlsplit(PG_URL)
    base = parts.path.lstrip("/").removesuffix("_bench")
    return urlunsplit((parts.scheme, parts.netloc, f"/{base}_build_bench", "", ""))


def _fresh(name: str, url: str):
    if name == "postgresql":
        _recreate_postgres(url)
    else:
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def build(name: str, url: str, factor: float) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "goteborg_uppdrag.settings"}
    _fresh(name, url)
    manage(["migrate", "--noinput", "-v", "0", "--skip-checks"], env)
    load = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    manage(["seed_scale", "--factor", str(factor)], env, capture=True)
    seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    _fresh(name, url)  # the build database is not kept
    return {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "load": round(load, 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factors", default="1,2,5,10")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    factors = [float(value) for value in args.factors.split(",")]
    names = ["sqlite"] + (["postgresql"] if postgres_reachable(PG_URL) else [])
    if args.only:
        names = [name for name in names if name == args.only]
    rows = []
    for factor in factors:
        for name in names:
            log(f"{name}: seed_scale --factor {factor:g}")
            result = build(name, _database_url(name), factor)
            log(f"{name}: {result}")
            rows.append((factor, name, result))
    lines = [
        "| faktor | databas | byggtid s | s per faktor | CPU-tid seed_scale s | belastning (1 min) |",
        "|---|---|---|---|---|---|",
    ]
    for factor, name, result in rows:
        lines.append(
            f"| {factor:g} | {name} | {result['seconds']} | {result['seconds'] / factor:.1f} | "
            f"{result['cpu_seconds']} | {result['load']} |"
        )
    text = "\n".join(lines) + "\n"
    (OUT / "build_times.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
