"""Server time and queries of each page, measured in-process with Django's test client.

Run for one database (DATABASE_URL) at a time:
    DJANGO_SETTINGS_MODULE=benchmarks.settings python -m benchmarks.measure --out result.json
"""

import argparse
import json
import os
import statistics
import time


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summarise(seconds):
    return {
        "n": len(seconds),
        "median_ms": round(statistics.median(seconds) * 1000, 1),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 1),
    }


class QueryRecorder:
    """Every SQL statement of a block with its time (connection.execute_wrapper: works with DEBUG=0)."""

    def __init__(self):
        self.queries: list[tuple[float, str]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((time.perf_counter() - started, sql))

    def slowest(self, n=3):
        return [
            {"ms": round(seconds * 1000, 1), "sql": sql[:400]}
            for seconds, sql in sorted(self.queries, key=lambda item: item[0], reverse=True)[:n]
        ]


def time_path(client, path, requests, warmup=2):
    """Median and p95 of the server time of `requests` GETs, and the queries of one of them."""
    from django.db import connection

    status = None
    for _ in range(warmup):
        status = client.get(path).status_code
    recorder = QueryRecorder()
    started = time.perf_counter()
    with connection.execute_wrapper(recorder):
        response = client.get(path)
    if time.perf_counter() - started > 0.5:
        requests = min(requests, 8)  # a slow page: fewer samples keep the run bounded
    status = response.status_code
    seconds = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path)
        seconds.append(time.perf_counter() - started)
    result = summarise(seconds)
    result.update(
        {
            "status": status,
            "queries": len(recorder.queries),
            "query_ms": round(sum(s for s, _ in recorder.queries) * 1000, 1),
            "slowest_queries": recorder.slowest(),
            "bytes": len(response.content),
        }
    )
    return result


def time_cold(client, path, requests):
    """The page built afresh: median, p95 and queries with the fragment cache off.

    The fragment cache (core/fragment_cache.py) answers the repeats of time_path(); its key is
    the version of the tables a fragment shows, so the first request after a write to one of them
    renders that fragment anew (a write elsewhere: time_after_write_elsewhere()).
    Measured for every HTML page, so that a page fast only thanks to its fragments shows it.
    """
    from django.test import override_settings

    with override_settings(FRAGMENT_CACHE=False):
        cold = time_path(client, path, requests)
    return {key: cold[key] for key in ("median_ms", "p95_ms", "queries")}


# Writes an officer or a secretary makes all day, each to one table, each leaving the data as it
# was (the trigger fires on an UPDATE that sets a column to itself): the first whose table no
# fragment of the page reads is the page's "write elsewhere".
def _elsewhere_writes():
    from django.db.models import F

    from assignments.models import StatusReport
    from budget.models import StatementLine
    from motions.models import VoteRecord

    def touch(model):
        column = next(f.attname for f in model._meta.concrete_fields if not f.primary_key and not f.is_relation)

        def write():
            row = model.objects.order_by("id").values_list("id", flat=True).first()
            model.objects.filter(pk=row).update(**{column: F(column)})

        return model._meta.db_table, write

    return [touch(StatusReport), touch(StatementLine), touch(VoteRecord)]


def _fragment_tables(client, path) -> set[str] | None:
    """The tables the page's fragments are keyed by (None: a fragment keyed by every table)."""
    from core import fragment_cache

    tables: set[str] = set()
    everything = False
    original = fragment_cache.fragment_key

    def recording(name, version, vary):
        nonlocal everything
        if hasattr(version, "tables"):
            tables.update(version.tables)
        else:
            everything = True
        return original(name, version, vary)

    fragment_cache.fragment_key = recording
    try:
        client.get(path)
    finally:
        fragment_cache.fragment_key = original
    return None if everything else tables


def time_after_write_elsewhere(client, path, requests):
    """The page right after a write to a table none of its fragments shows (a status report saved,
    for a case page): with fragments keyed by their own tables, still served from the fragments.
    None for a page without fragments or whose fragments read every table written here."""
    from django.db import transaction

    tables = _fragment_tables(client, path)
    if not tables:
        return None
    candidates = [(table, write) for table, write in _elsewhere_writes() if table not in tables]
    if not candidates:
        return None
    table, write = candidates[0]
    client.get(path)  # the fragments stored
    seconds = []
    for _ in range(requests):
        with transaction.atomic():
            write()  # committed before the page is asked for
        started = time.perf_counter()
        client.get(path)
        seconds.append(time.perf_counter() - started)
    return {"table": table, **summarise(seconds)}


def capture_pdf_html(client, path):
    """The HTML the product hands to WeasyPrint when rendering `path` (recorded via core.pdf_weasyprint)."""
    from core import pdf_weasyprint as pdf

    captured = []
    original = pdf.HTML

    def recording(*args, **kwargs):
        captured.append(kwargs.get("string"))
        return original(*args, **kwargs)

    pdf.HTML = recording
    try:
        client.get(path)
    finally:
        pdf.HTML = original
    return captured[-1] if captured else None


def time_bare_weasyprint(html, requests):
    """The reference of the PDF: WeasyPrint alone on the same HTML, with the same static-only fetcher."""
    from core.pdf import render_pdf

    seconds = []
    for _ in range(requests):
        started = time.perf_counter()
        render_pdf(html)
        seconds.append(time.perf_counter() - started)
    return summarise(seconds)


def run(requests: int, pdf_requests: int) -> dict:
    import django

    django.setup()
    import logging

    from django.conf import settings

    # A PDF's server time is its render: never from storage (core/pdf_cache.py), and on this
    # thread, where capture_pdf_html() sees the HTML handed to WeasyPrint.
    settings.PDF_CONTENT_VERSION = ""
    settings.PDF_RENDER_POOL = "thread"

    # A failing page is reported in the table; its traceback would only bury the output.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # CSS it ignores, once per render
    from django.contrib.auth import get_user_model
    from django.test import Client

    from assignments.models import Assignment, StatusReport
    from motions.models import DecisionPoint

    from . import pages as page_module

    user_model = get_user_model()
    admin, _ = user_model.objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(admin)
    anonymous = Client()

    results = {
        "data": {
            "assignments": Assignment.objects.count(),
            "status_reports": StatusReport.objects.count(),
            "decision_points": DecisionPoint.objects.count(),
        },
        "pages": [],
    }
    skip = {key for key in os.environ.get("BENCH_SKIP", "").split(",") if key}
    for page in page_module.discover():
        if page.key in skip:
            continue
        row = {
            "key": page.key,
            "label": page.label,
            "path": page.path,
            "kind": page.kind,
            "throughput": page.throughput,
        }
        try:
            if page.kind == "pdf":
                row.update(time_path(client, page.path, pdf_requests, warmup=0))
                html = capture_pdf_html(client, page.path)
                if html:
                    row["reference"] = {"label": "WeasyPrint ensam", **time_bare_weasyprint(html, pdf_requests)}
            else:
                row.update(time_path(client, page.path, requests))
                row["cold"] = time_cold(client, page.path, requests)
                row["after_write_elsewhere"] = time_after_write_elsewhere(client, page.path, requests)
                row["anonymous_status"] = anonymous.get(page.path).status_code
                if page.admin_reference:
                    row["reference"] = {
                        "label": "admin-listan",
                        "path": page.admin_reference,
                        **time_path(client, page.admin_reference, requests),
                    }
        except Exception as error:  # noqa: BLE001 - a page under construction must not stop the run
            row["error"] = f"{type(error).__name__}: {error}"[:300]
        results["pages"].append(row)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--pdf-requests", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    results = run(args.requests, args.pdf_requests)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
