"""Scale out, not only up: two `make serve` instances on different ports against one PostgreSQL.

    python -m benchmarks.scale_out [--database-url postgres://postgres@127.0.0.1:5432/goteborg_uppdrag_scaleout_bench]

It recreates the (…_bench) database, starts instance A and then instance B with `make serve`,
and shows over HTTP that
1. a login on A is a login on B (sessions live in the database),
2. a write through A (a reporting period added in the admin) is read through B,
3. a report published on A (when the report pages exist) is served, byte for byte, by B.
Both instances share SECRET_KEY and MEDIA_ROOT, as servers behind one proxy must (the media
folder stands in for a shared volume or an object store). Exit status 0 when all checks pass.
"""

import argparse
import html
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/goteborg_uppdrag_scaleout_bench"
PASSWORD = "skala-ut-" + secrets.token_hex(8)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Just enough of a browser: cookies (also Secure ones over plain HTTP on 127.0.0.1) and CSRF tokens."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)  # noqa: S310 - our own 127.0.0.1 servers
        if self.cookies:
            req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(req, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, dict(response.headers), response.read()

    def csrf_token(self, path):
        status, _, body = self.request(path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if not match:
            raise RuntimeError(f"no CSRF token on {path} (HTTP {status})")
        return match.group(1).decode()

    def post(self, path, data, token_from=None):
        token = self.csrf_token(token_from or path)
        return self.request(path, {"csrfmiddlewaretoken": token, **data})


def _recreate(url):
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):
        raise SystemExit(f"Refusing to recreate {name!r}: the database's name must end in _bench.")
    admin_url = urlunsplit(("postgresql", parts.netloc, "/postgres", "", ""))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _serve(port, env, log):
    process = subprocess.Popen(
        ["make", "-s", "serve", f"PORT={port}", "HOST=127.0.0.1"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"make serve PORT={port} exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/login/", timeout=2).read()  # noqa: S310
            return process
        except urllib.error.HTTPError:
            return process
        except OSError:
            time.sleep(0.5)
    _stop(process)
    raise RuntimeError(f"make serve PORT={port} did not answer")


def _stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def run(database_url: str, port_a: int, port_b: int, report: str) -> list[tuple[str, bool, str]]:
    _recreate(database_url)
    media = tempfile.mkdtemp(prefix="scaleout-media-")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "MEDIA_ROOT": media,
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log_path = BASE_DIR / "benchmarks" / "out" / "scale_out.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    results = []
    with open(log_path, "wb") as log:
        # A is started (and migrates the database) first; B then finds everything in place.
        a = _serve(port_a, env, log)
        b = None
        try:
            b = _serve(port_b, env, log)
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "createsuperuser",
                    "--noinput",
                    "--username",
                    "skalning",
                    "--email",
                    "skalning@example.invalid",
                ],
                cwd=BASE_DIR,
                env={**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
                check=True,
                capture_output=True,
            )
            on_a = Browser(f"http://127.0.0.1:{port_a}")
            status, headers, _ = on_a.post(
                "/admin/login/", {"username": "skalning", "password": PASSWORD, "next": "/admin/"}
            )
            logged_in = status == 302 and "sessionid" in on_a.cookies
            results.append(("inloggning på A", logged_in, f"HTTP {status}"))

            on_b = Browser(f"http://127.0.0.1:{port_b}")
            on_b.cookies = dict(on_a.cookies)
            status, _, body = on_b.request("/admin/")
            results.append(("A:s session gäller på B", status == 200, f"HTTP {status} för /admin/ på B"))

            # An anonymous visitor of B has the public list from B's page cache before the write.
            visitor = Browser(f"http://127.0.0.1:{port_b}")
            visitor.request("/uppdrag/")
            _, cached_headers, _ = visitor.request("/uppdrag/")
            status, _, _ = on_a.post(
                "/admin/assignments/reportingperiod/add/",
                {"year": "2031", "kind": "1", "report_deadline": "2031-04-15"},
            )
            status_b, _, body = on_b.request("/admin/assignments/reportingperiod/?year=2031")
            seen = "Delårsrapport mars 2031".encode() in body
            results.append(
                (
                    "skrivning via A läses via B",
                    status == 302 and status_b == 200 and seen,
                    f"A: HTTP {status}, B: HTTP {status_b}",
                )
            )

            _, fresh_headers, body = visitor.request("/uppdrag/")
            listed = b'value="2031-mars"' in body
            before = cached_headers.get("X-Sidcache")
            after = fresh_headers.get("X-Sidcache")
            results.append(
                (
                    "B:s sidcache visar skrivningen via A direkt",
                    before == "traff" and after == "miss" and listed,
                    f"före: {before}, efter: {after}, perioden i listans filter: {'ja' if listed else 'nej'}",
                )
            )

            status, _, body = on_a.post(f"/rapporter/{report}/versioner/", {}, token_from="/admin/")
            if status == 404:
                results.append(("publicerad rapport", True, "rapportsidorna finns inte ännu; hoppar över"))
            else:
                status_a, headers_a, pdf_a = on_a.request(f"/rapporter/{report}/versioner/1.pdf")
                status_b, headers_b, pdf_b = on_b.request(f"/rapporter/{report}/versioner/1.pdf")
                ok = (
                    status in (302, 303)
                    and status_a == 200
                    and status_b == 200
                    and pdf_a.startswith(b"%PDF")
                    and pdf_a == pdf_b
                )
                results.append(
                    (
                        "rapport publicerad på A hämtas från B",
                        ok,
                        f"publicera: HTTP {status}; A: HTTP {status_a} {len(pdf_a)} byte; "
                        f"B: HTTP {status_b} {len(pdf_b)} byte",
                    )
                )
        finally:
            if b is not None:
                _stop(b)
            _stop(a)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=os.environ.get("SCALE_OUT_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--ports", default="8301,8302")
    parser.add_argument("--report", default="kommunstyrelsen/2023/augusti")
    args = parser.parse_args()
    port_a, port_b = (int(p) for p in args.ports.split(","))
    results = run(args.database_url, port_a, port_b, args.report)
    for label, ok, detail in results:
        print(f"{'OK ' if ok else 'FEL'} {label}: {html.unescape(detail)}")
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)


if __name__ == "__main__":
    main()
