"""One render per document however many ask at once, a bounded number of renders at a time, and
pages that keep answering while a PDF renders (issue 17)."""

import os
import threading
import time

import pytest
from django.test import Client

from core import pdf_cache, render_pool
from core.pdf import render_pdf
from core.pdf_cache import RenderBusy, cached_pdf


@pytest.fixture
def fixed_version(settings):
    # The threads below open no database connection of their own (a test's data is uncommitted).
    settings.PDF_CONTENT_VERSION = "tests.core.test_pdf_cache.fixed_version"


def _together(n, target):
    """Run target(i) on n threads released at the same moment; their results (or exceptions)."""
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        barrier.wait()
        try:
            results[i] = target(i)
        except Exception as exc:  # noqa: BLE001 - handed to the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


class Renderer:
    """Counts renders and how many ran at the same time."""

    def __init__(self, seconds=0.2):
        self.seconds = seconds
        self.calls = 0
        self.running = 0
        self.most = 0
        self.lock = threading.Lock()

    def __call__(self, html):
        with self.lock:
            self.calls += 1
            self.running += 1
            self.most = max(self.most, self.running)
        time.sleep(self.seconds)
        with self.lock:
            self.running -= 1
        return b"%PDF-1.7\n" + html.encode()


@pytest.mark.parametrize("locks", ["files", "redis"])
def test_concurrent_requests_for_one_document_render_it_once(fixed_version, settings, locks):
    if locks == "redis":
        settings.PDF_LOCK_URL = "redis://127.0.0.1:6379/3"
        try:
            render_pool._RedisLocks(settings.PDF_LOCK_URL).client.ping()
        except Exception:  # noqa: BLE001
            pytest.skip("no Redis at 127.0.0.1:6379")
    renderer = Renderer()
    results = _together(10, lambda i: cached_pdf(identity=("samma", locks), html=lambda: "<p>en</p>", render=renderer))
    assert renderer.calls == 1
    assert results == [b"%PDF-1.7\n<p>en</p>"] * 10


def test_renders_are_bounded_by_the_slots(fixed_version, settings):
    settings.PDF_RENDER_SLOTS = 2
    settings.PDF_RENDER_THREADS = 4
    renderer = Renderer(seconds=0.3)
    results = _together(6, lambda i: cached_pdf(identity=("dokument", i), html=lambda: f"<p>{i}</p>", render=renderer))
    assert renderer.calls == 6 and all(isinstance(r, bytes) for r in results)
    assert renderer.most == 2


def test_no_free_slot_in_time_is_a_swedish_try_again_not_a_500(client, real_data, settings):
    settings.PDF_RENDER_SLOTS = 1
    settings.PDF_RENDER_TIMEOUT = 0.3
    backend = render_pool._backend()
    held = backend.acquire("slot-0-of-1", time.monotonic() + 1)
    try:
        response = client.get("/arenden/0064-23/jamfor.pdf")
    finally:
        backend.release(held)
    assert response.status_code == 503
    assert response["Retry-After"] == str(pdf_cache.RETRY_AFTER_SECONDS)
    assert "Försök igen om en liten stund" in response.content.decode()


def test_a_lock_held_past_the_deadline_is_busy_not_a_second_render(fixed_version, settings):
    settings.PDF_RENDER_TIMEOUT = 0.2
    renderer = Renderer()
    started, release = threading.Event(), threading.Event()

    def slow(html):
        started.set()
        release.wait(10)
        return renderer(html)

    holder = threading.Thread(target=cached_pdf, kwargs={"identity": ("lång",), "html": lambda: "x", "render": slow})
    holder.start()
    try:
        assert started.wait(10)
        with pytest.raises(RenderBusy):
            cached_pdf(identity=("lång",), html=lambda: "x", render=renderer)
    finally:
        release.set()
        holder.join(10)
    assert renderer.calls == 1


def test_an_unreachable_redis_costs_the_sharing_not_the_pdf(fixed_version, settings):
    settings.PDF_LOCK_URL = "redis://127.0.0.1:1/0"
    renderer = Renderer(seconds=0)
    assert cached_pdf(identity=("utan redis",), html=lambda: "<p>a</p>", render=renderer) == b"%PDF-1.7\n<p>a</p>"


def test_pages_answer_while_every_render_slot_is_busy(real_data, settings):
    """The availability promise in one process: a render holds the only slot, a page still answers
    at once, and another PDF asked for meanwhile gets "try again" instead of hanging."""
    settings.PDF_RENDER_SLOTS = 1
    settings.PDF_RENDER_TIMEOUT = 0.5
    started, release = threading.Event(), threading.Event()

    def blocked(html):
        started.set()
        release.wait(20)
        return b"%PDF-1.7\n"

    settings.PDF_CONTENT_VERSION = "tests.core.test_pdf_cache.fixed_version"
    rendering = threading.Thread(
        target=cached_pdf, kwargs={"identity": ("blockerad",), "html": lambda: "x", "render": blocked}
    )
    rendering.start()
    try:
        assert started.wait(10)
        settings.PDF_CONTENT_VERSION = "pagecache.cache.content_version"
        begun = time.monotonic()
        page = Client().get("/uppdrag/")
        other_pdf = Client().get("/arenden/0064-23/jamfor.pdf")
        assert page.status_code == 200
        assert other_pdf.status_code == 503
        assert time.monotonic() - begun < 10
        assert rendering.is_alive()  # all of it while the render was still going
    finally:
        release.set()
        rendering.join(20)


def test_the_render_process_makes_the_same_pdf_at_low_priority(settings):
    settings.PDF_RENDER_POOL = "process"
    html = "<!doctype html><html lang=sv><title>Prov</title><p>Räksmörgås</p></html>"
    try:
        made = render_pool.run_render(render_pdf, html, time.monotonic() + 60)
        child_nice = render_pool._executor().submit(os.nice, 0).result(60)
    finally:
        settings.PDF_RENDER_POOL = "thread"
        render_pool._executor()  # the child process is stopped
    assert made == render_pdf(html)
    assert child_nice >= os.nice(0) + 1


def test_a_render_process_ends_when_its_server_process_is_killed(tmp_path):
    import signal
    import subprocess
    import sys

    script = (
        "import os, time, django\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'goteborg_uppdrag.settings')\n"
        "django.setup()\n"
        "from core import render_pool\n"
        "print(render_pool._executor().submit(os.getpid).result(120), flush=True)\n"
        "time.sleep(120)\n"
    )
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        child = int(server.stdout.readline())
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(10)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.kill(child, signal.SIGKILL)
    raise AssertionError("the render process outlived its server process")
