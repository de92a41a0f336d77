"""Timings of the delårsrapport PDF: the app against bare WeasyPrint on the same HTML.

    .venv/bin/python -m benchmarks.report_pdf [--runs 3] [--pages 100]

On a scratch SQLite database (a temporary folder, also for the stored files) it loads the real
data and measures, each from request to bytes through Django's test client:
  1. the August 2023 report of Kommunstyrelsen,
  2. a synthetic report of about --pages pages (a board with many long status reports),
  3. serving a stored (published) version of the KS report,
and prints the app's overhead over WeasyPrint alone, peak Python memory (tracemalloc) of one
render, and the targets of issue 5: overhead at most 15 %, the 100-page report under 15 s,
a stored version served in under 50 ms.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

TARGET_OVERHEAD = 0.15
TARGET_LONG_S = 15.0
TARGET_STORED_MS = 50.0


def _setup(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goteborg_uppdrag.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from goteborg_uppdrag.seed_loader import load_all

    load_all()


def _synthetic_board(pages: int):
    """A board whose report runs to about `pages` pages: ~1 page per long status report."""
    from assignments.models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport

    board = Board.objects.create(
        slug="syntetiska-namnden", name="Syntetiska nämnden", short_name="SYN", kind="committee"
    )
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    paragraph = (
        "Förvaltningen har under perioden arbetat vidare med uppdraget. Arbetet sker i samverkan med "
        "berörda nämnder och styrelser, och en första delrapport har lämnats till styrgruppen. "
    ) * 4
    sources = ["kf_budget", "kf_outside_budget", "ks"]
    for n in range(pages):
        source = sources[n % 3]
        assignment = Assignment.objects.create(
            dnr=f"{n + 1:04d}/23",
            text=f"Syntetiska nämnden får i uppdrag att genomföra åtgärd nummer {n + 1} i handlingsplanen",
            source=source,
            budget_year=2023 if source == "kf_budget" else None,
            sort_order=n,
        )
        Responsibility.objects.create(assignment=assignment, board=board, is_lead=True)
        StatusReport.objects.create(
            assignment=assignment,
            period=period,
            board=board,
            text="\n\n".join([paragraph] * 6),
            proposes="complete" if n % 4 == 0 else "partial",
        )
    return board, period


def _time(function, runs: int) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), result


def _peak_mb(function) -> float:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1_000_000
    finally:
        tracemalloc.stop()


def _measure(client, board, period, runs: int) -> dict:
    import io

    import pypdf

    from core.pdf import render_pdf
    from reports.composition import compose_report
    from reports.rendering import report_document_html

    url = f"/rapporter/{board.slug}/{period.year}/{period.slug}.pdf"
    html = report_document_html(compose_report(board, period))
    client.get(url)  # warm up templates, fonts, CSS
    app_s, response = _time(lambda: client.get(url), runs)
    bare_s, _ = _time(lambda: render_pdf(html), runs)
    pages = len(pypdf.PdfReader(io.BytesIO(response.content)).pages)
    return {
        "app_s": app_s,
        "bare_s": bare_s,
        "overhead": app_s / bare_s - 1,
        "pages": pages,
        "bytes": len(response.content),
        "peak_mb": _peak_mb(lambda: client.get(url)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        _setup(Path(folder))
        from django.contrib.auth import get_user_model
        from django.test import Client

        from assignments.models import Board, ReportingPeriod
        from reports.services import report_publish

        client = Client()
        ks = Board.objects.get(slug="kommunstyrelsen")
        period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
        rows = [("KS augusti 2023", _measure(client, ks, period, args.runs))]
        board, period = _synthetic_board(args.pages)
        rows.append((f"Syntetisk ({args.pages} uppdrag)", _measure(client, board, period, max(1, args.runs - 1))))

        admin = get_user_model().objects.create_superuser("bench", password="bench-lösenord-1")  # noqa: S106
        ks_period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
        published, _ = report_publish(board=ks, period=ks_period, user=admin, adopt=True)
        stored_url = published.get_absolute_url()

        def fetch_stored():
            return b"".join(client.get(stored_url).streaming_content)

        fetch_stored()
        stored_s, body = _time(fetch_stored, 50)

    print(f"{'rapport':<26} {'sidor':>5} {'app s':>7} {'WeasyPrint s':>13} {'overhead':>9} {'topp MB':>8}")
    for label, row in rows:
        print(
            f"{label:<26} {row['pages']:>5} {row['app_s']:>7.2f} {row['bare_s']:>13.2f} "
            f"{row['overhead']:>8.1%} {row['peak_mb']:>8.1f}"
        )
    print(f"sparad version ({len(body)} byte): median {stored_s * 1000:.1f} ms")
    long_row = rows[1][1]
    checks = [
        (f"appens overhead ≤ {TARGET_OVERHEAD:.0%}", max(r["overhead"] for _, r in rows) <= TARGET_OVERHEAD),
        (f"lång rapport < {TARGET_LONG_S:.0f} s", long_row["app_s"] < TARGET_LONG_S),
        (f"sparad version < {TARGET_STORED_MS:.0f} ms", stored_s * 1000 < TARGET_STORED_MS),
    ]
    for label, ok in checks:
        print(f"{'OK ' if ok else 'MISSAT'} {label}")


if __name__ == "__main__":
    main()
