"""Bounded HTTP load from a second process: Debian's wrk when installed, else Python threads.

    python -m benchmarks.load http://127.0.0.1:8000/uppdrag/ --duration 10 --connections 8
prints {"requests": …, "rps": …, "errors": …, "tool": "wrk"|"python"} as JSON.
"""

import argparse
import http.client
import json
import re
import shutil
import subprocess
import threading
import time
from urllib.parse import urlsplit

MAX_DURATION = 30  # seconds per page, never more


def _wrk(url: str, duration: float, connections: int) -> dict:
    threads = max(1, min(2, connections))
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{int(duration)}s", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        timeout=duration + 30,
        check=True,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        # Read errors are the sync workers closing kept-alive connections; connects/timeouts are failures.
        errors += int(socket_errors.group(1)) + int(socket_errors.group(4))
    return {"requests": requests, "rps": round(rps, 1), "errors": errors, "tool": "wrk"}


def _python(url: str, duration: float, connections: int) -> dict:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    stop_at = time.monotonic() + duration
    counts = {"ok": 0, "errors": 0}
    lock = threading.Lock()

    def worker():
        conn = None
        ok = errors = 0
        while time.monotonic() < stop_at:
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status < 400:
                    ok += 1
                else:
                    errors += 1
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except OSError:
                errors += 1
                conn = None
        with lock:
            counts["ok"] += ok
            counts["errors"] += errors

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    total = counts["ok"] + counts["errors"]
    return {"requests": total, "rps": round(counts["ok"] / elapsed, 1), "errors": counts["errors"], "tool": "python"}


def load(url: str, duration: float = 10, connections: int = 8, tool: str = "auto", warmup: float = 1) -> dict:
    """Requests per second of `url` over `duration` seconds, after `warmup` seconds not counted."""
    duration = max(1, min(MAX_DURATION, duration))
    run = _wrk if tool == "wrk" or (tool == "auto" and shutil.which("wrk")) else _python
    if warmup:
        run(url, warmup, connections)
    return run(url, duration, connections)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    args = parser.parse_args()
    print(json.dumps(load(args.url, args.duration, args.connections, args.tool)))


if __name__ == "__main__":
    main()
