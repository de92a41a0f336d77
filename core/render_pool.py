"""Where PDFs are rendered: a low-priority render process of each server process's own, a bounded
number of renders on the whole installation, and one render per document however many ask at once.

Locks and render slots live in Redis when settings.PDF_LOCK_URL names one (several app servers
share it), else in lock files on this machine (`make run`, or one `make serve` host): flock() is
released by the kernel when a process dies, so a killed worker never leaves a lock behind.
A lock backend that fails is stepped around (the render then simply is not shared); it never
fails the request.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import multiprocessing
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)
# Seconds between tries of a held lock: soon at first, then less and less often, so that twenty
# waiting requests do not keep taking the interpreter lock from the threads that build pages.
_POLL = 0.02
_POLL_MAX = 0.25


def _waits():
    delay = _POLL
    while True:
        yield delay
        delay = min(delay * 1.5, _POLL_MAX)


class RenderBusy(Exception):
    """No render slot came free in time; the caller answers "try again shortly"."""


def _setting(name: str, default):
    return getattr(settings, name, default)


def render_timeout() -> float:
    """How long a request waits for its PDF at most (below gunicorn's timeout)."""
    return float(_setting("PDF_RENDER_TIMEOUT", 45))


def render_slots() -> int:
    """How many PDFs may render at the same time on the whole installation."""
    return max(1, int(_setting("PDF_RENDER_SLOTS", None) or os.cpu_count() or 1))


def _namespace() -> str:
    # One database is one set of documents: lock names of two installations (or of two test
    # databases) on one machine never meet.
    db = connection.settings_dict
    identity = f"{db.get('ENGINE')}|{db.get('HOST')}|{db.get('PORT')}|{db.get('NAME')}"
    return hashlib.sha256(identity.encode()).hexdigest()[:16]


class _FileLocks:
    def __init__(self, directory: Path):
        self.directory = directory

    def acquire(self, name: str, deadline: float, *, blocking: bool = True):
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.directory / f"{name}.lock", os.O_CREAT | os.O_RDWR, 0o600)
        for delay in _waits():
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if not blocking or time.monotonic() >= deadline:
                    os.close(fd)
                    return None
                time.sleep(min(delay, max(0.0, deadline - time.monotonic())))

    def release(self, handle) -> None:
        os.close(handle)  # closing the descriptor drops its flock


class _RedisLocks:
    _clients: dict[str, object] = {}

    def __init__(self, url: str):
        import redis

        if url not in self._clients:  # one connection pool per process, not one per request
            self._clients[url] = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.client = self._clients[url]

    def acquire(self, name: str, deadline: float, *, blocking: bool = True):
        # The lease outlives the longest wait a request makes, so a crashed holder frees it in time.
        lock = self.client.lock(f"goteborg-uppdrag:pdf:{name}", timeout=render_timeout() * 2, sleep=_POLL * 5)
        remaining = max(0.0, deadline - time.monotonic())
        acquired = lock.acquire(blocking=blocking and remaining > 0, blocking_timeout=remaining or None)
        return lock if acquired else None

    def release(self, handle) -> None:
        with contextlib.suppress(Exception):
            handle.release()


def _backend():
    url = _setting("PDF_LOCK_URL", "")
    if url:
        return _RedisLocks(url)
    directory = _setting("PDF_LOCK_DIR", None) or Path(tempfile.gettempdir()) / f"goteborg-uppdrag-pdf-{os.getuid()}"
    return _FileLocks(Path(directory) / _namespace())


@contextlib.contextmanager
def single_flight(key: str, deadline: float) -> Iterator[bool]:
    """Hold the lock of one document while it is rendered; yields whether it is held.

    A lock backend that fails yields False: the caller renders anyway, which costs a render and
    nothing else. Still held by another at the deadline: RenderBusy.
    """
    # 256 locks shared out by hash: a bounded number of lock files, and two documents meet in one
    # only rarely (then one renders after the other).
    name = f"doc-{int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 256}"
    try:
        backend = _backend()
        handle = backend.acquire(name, deadline)
    except Exception:  # noqa: BLE001 - a lock that cannot be had must not fail the page
        logger.warning("PDF lock unavailable; rendering without it", exc_info=True)
        backend = handle = None
    else:
        if handle is None:
            raise RenderBusy
    try:
        yield handle is not None
    finally:
        if handle is not None:
            with contextlib.suppress(Exception):
                backend.release(handle)


_UNBOUNDED = object()  # the slot backend failed: this process's own bound (its pool) still holds


@contextlib.contextmanager
def _render_slot(backend, slots: int, deadline: float) -> Iterator[None]:
    handle = _UNBOUNDED if backend is None else None
    waits = _waits()
    while handle is None:
        for i in range(slots):
            try:
                handle = backend.acquire(f"slot-{i}-of-{slots}", deadline, blocking=False)
            except Exception:  # noqa: BLE001
                logger.warning("PDF render slot unavailable; rendering within this process's bound only", exc_info=True)
                handle = _UNBOUNDED
            if handle is not None:
                break
        else:
            if time.monotonic() >= deadline:
                raise RenderBusy
            time.sleep(next(waits))
    try:
        yield
    finally:
        if handle is not _UNBOUNDED:
            backend.release(handle)


def _lower_priority() -> None:
    # Linux gives each thread its own nice value: the render yields the CPU to the request
    # threads, so HTML pages keep answering while a PDF renders beside them.
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), int(_setting("PDF_RENDER_NICE", 10)))


def _exit_with(parent: int) -> None:
    # A server process killed outright (SIGKILL, a runserver stopped) cannot stop its render
    # process; the render process notices it is orphaned and ends itself.
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _start_render_process(nice: int, parent: int) -> None:
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="pdf-render-watch").start()
    with contextlib.suppress(OSError):
        os.nice(nice)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goteborg_uppdrag.settings")
    import django

    django.setup()  # the renderer's URL fetcher finds static files through the settings


_pool: Executor | None = None
_pool_config: tuple | None = None
_pool_lock = threading.Lock()


def _executor() -> Executor:
    """This process's render pool: a child process of its own by default ("process"), which shares
    no interpreter lock with the request threads; "thread" renders on a thread of this process
    (the tests, whose stand-in renderers cannot be sent to another process)."""
    global _pool, _pool_config
    kind = _setting("PDF_RENDER_POOL", "process")
    workers = int(_setting("PDF_RENDER_THREADS", 1))
    nice = int(_setting("PDF_RENDER_NICE", 10))
    # After a fork (gunicorn preloading) the parent's pool is not there; new settings, a new pool.
    config = (os.getpid(), kind, workers, nice)
    with _pool_lock:
        if _pool is None or _pool_config != config:
            old, old_config = _pool, _pool_config
            if kind == "process":
                _pool = ProcessPoolExecutor(
                    max_workers=workers,
                    # Not fork: the request threads may hold locks a forked child would inherit held.
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_render_process,
                    initargs=(nice, os.getpid()),
                )
            else:
                _pool = ThreadPoolExecutor(
                    max_workers=workers, thread_name_prefix="pdf-render", initializer=_lower_priority
                )
            _pool_config = config
            if old is not None and old_config[0] == os.getpid():  # a parent's pool is not ours to stop
                old.shutdown(wait=False)
        return _pool


def _discard_pool(broken: Executor) -> None:
    global _pool
    with _pool_lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False)


def run_render(render: Callable[[str], bytes], html: str, deadline: float) -> bytes:
    """render(html) in this process's render pool, once one of the installation's render slots is
    free. Raises RenderBusy when none comes free before `deadline`; a render that has started is
    waited for (it takes seconds, and its slot is held until it ends, so the bound holds)."""
    try:
        backend = _backend()
    except Exception:  # noqa: BLE001
        logger.warning("PDF render slots unavailable; rendering within this process's bound only", exc_info=True)
        backend = None
    with _render_slot(backend, render_slots(), deadline):
        pool = _executor()
        try:
            return pool.submit(render, html).result()
        except BrokenExecutor:
            # The render process died (out of memory, killed): a new one next time, this one here.
            logger.warning("PDF render pool broken; rendering in the request's thread", exc_info=True)
            _discard_pool(pool)
            return render(html)
