"""PDFs that are cheap to ask for twice: one whose content has not changed comes from storage.

A stored PDF is found by what it was made of: the document (the view and its objects), the
language, the content version the public pages' cache already keeps (settings.PDF_CONTENT_VERSION
names the function, so that core imports no app of ours), the day (documents date themselves
when nothing else does) and the renderer's fingerprint (WeasyPrint's version, core/pdf.py,
core/pdf_weasyprint.py and the templates, styles and translations, so a deploy that changes the
look renders anew).

A miss renders once however many ask at the same moment (render_pool.single_flight) and in the
bounded, low-priority render pool (render_pool.run_render). Storage is Django's default storage;
each PDF has a checksum beside it, so a half-written or damaged file is never served, and only
the newest PDF of each document is kept. Storage that fails costs a render, never the answer.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
import posixpath
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import render_pool
from .render_pool import RenderBusy

logger = logging.getLogger(__name__)

# Raise when render_pdf's output changes in a way the fingerprint below cannot see.
PDF_FORMAT_VERSION = "1"
STORE_DIR = "pdf-cache"
RETRY_AFTER_SECONDS = 10

__all__ = ["RenderBusy", "busy_response", "cached_pdf", "renderer_fingerprint"]


@functools.lru_cache(maxsize=1)
def renderer_fingerprint() -> str:
    """Everything besides the data that shapes a PDF's bytes, hashed once per process."""
    # WeasyPrint's version from its package metadata: importing it would load it into every
    # server process (core/pdf_weasyprint.py), where nothing else needs it.
    digest = hashlib.sha256(f"{PDF_FORMAT_VERSION}|{importlib.metadata.version('weasyprint')}".encode())
    roots = [Path(__file__).with_name("pdf.py"), Path(__file__).with_name("pdf_weasyprint.py")]
    for engine in settings.TEMPLATES:
        roots += [Path(d) for d in engine.get("DIRS", ())]
    roots += [Path(d) for d in getattr(settings, "STATICFILES_DIRS", ())]
    roots += [Path(d) for d in getattr(settings, "LOCALE_PATHS", ())]
    for root in roots:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if path.suffix == ".po":  # the compiled .mo is what renders
                continue
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_version() -> str | None:
    path = getattr(settings, "PDF_CONTENT_VERSION", "")
    if not path:
        return None
    try:
        return import_string(path)()
    except Exception:  # noqa: BLE001 - without a version nothing is stored, the PDF is still made
        logger.warning("content version unavailable; rendering the PDF without storage", exc_info=True)
        return None


def _sha(*parts: object) -> str:
    return hashlib.sha256("\n".join(str(p) for p in parts).encode()).hexdigest()


def _checksum_name(name: str) -> str:
    return name.removesuffix(".pdf") + ".sha256"


def _read(name: str) -> bytes | None:
    try:
        with default_storage.open(_checksum_name(name), "rb") as handle:
            expected = handle.read().decode().strip()
        with default_storage.open(name, "rb") as handle:
            pdf = handle.read()
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - storage that fails is stepped around
        logger.warning("stored PDF %s unreadable; rendering it", name, exc_info=True)
        return None
    if hashlib.sha256(pdf).hexdigest() != expected:
        logger.warning("stored PDF %s does not match its checksum; rendering it", name)
        return None
    return pdf


def _store(name: str, pdf: bytes) -> None:
    folder, checksum = posixpath.dirname(name), _checksum_name(name)
    try:
        try:
            _dirs, files = default_storage.listdir(folder)
        except FileNotFoundError:
            files = []
        # Older content of this document, and any leftover of an interrupted store, make room.
        for file in files:
            default_storage.delete(posixpath.join(folder, file))
        default_storage.save(name, ContentFile(pdf))
        # Written last: a PDF without its checksum beside it is never served.
        default_storage.save(checksum, ContentFile(hashlib.sha256(pdf).hexdigest().encode()))
    except Exception:  # noqa: BLE001 - the PDF is answered all the same; the next asker renders again
        logger.warning("could not store PDF %s", name, exc_info=True)


def cached_pdf(*, identity: Iterable[object], html: Callable[[], str], render: Callable[[str], bytes]) -> bytes:
    """The PDF of one document: from storage when its content is unchanged, else rendered once.

    `identity` names the document (a view name and its objects' keys, what the reader chose);
    `html` builds its HTML (in the request's thread: it reads the database and the language);
    `render` turns the HTML into PDF bytes in the render pool (another process by default, so a
    module-level function such as core.pdf.render_pdf). Raises RenderBusy when no render could
    start before settings.PDF_RENDER_TIMEOUT.
    """
    deadline = time.monotonic() + render_pool.render_timeout()
    version = content_version()
    if version is None:
        return render_pool.run_render(render, html(), deadline)
    document = _sha(*identity, get_language() or "")
    made_of = _sha(document, version, timezone.localdate(), renderer_fingerprint())
    name = f"{STORE_DIR}/{document[:32]}/{made_of[:40]}.pdf"
    pdf = _read(name)
    if pdf is not None:
        return pdf
    with render_pool.single_flight(name, deadline):
        pdf = _read(name)  # rendered by whoever held the lock before us
        if pdf is not None:
            return pdf
        pdf = render_pool.run_render(render, html(), deadline)
        _store(name, pdf)
        return pdf


def busy_response() -> HttpResponse:
    response = HttpResponse(
        _("PDF:en tas fram just nu och servern har många att göra. Försök igen om en liten stund."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
