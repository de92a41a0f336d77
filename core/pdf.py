"""PDF rendering with WeasyPrint that never touches the network or the file system at large.

Every PDF of the product goes through render_pdf(): its URL fetcher serves only the app's own
static files (by their /static/ URL) and refuses everything else, so a URL in user text
(<img src="http://127.0.0.1/..."> or file:///etc/passwd) is neither fetched nor read.

Every PDF is also tagged PDF/UA-1 (lagen om tillgänglighet till digital offentlig service): the
structure tree follows the HTML (headings, lists, tables with their header cells, figures with the
SVG's <title> or the image's alt as alternative text), the document language comes from
<html lang>, the title from <title>. A stored version (PdfVariant.ARCHIVE) is in addition
PDF/A-2a, the archival form: fonts embedded, an sRGB output intent, XMP metadata that declares
both standards. WeasyPrint writes one variant at a time; PDF/A-2a is the tagged ("accessible")
level of PDF/A and needs the same structure tree as PDF/UA, so the archive form is WeasyPrint's
pdf/a-2a with the PDF/UA identifier (and the extension schema PDF/A asks for it) added to its XMP.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_weasyprint import StaticOnlyURLFetcher

# The base URL documents are rendered against; relative /static/... links resolve to it.
BASE_URL = "https://pdf.invalid/"


class PdfVariant(enum.Enum):
    ACCESSIBLE = "pdf/ua-1"  # every download: tagged PDF/UA-1
    ARCHIVE = "pdf/a-2a"  # stored versions: PDF/A-2a and PDF/UA-1 at once


class RefusedURL(ValueError):
    """A resource outside the app's static files was requested while rendering."""


def render_pdf(
    html: str, *, fetcher: StaticOnlyURLFetcher | None = None, variant: PdfVariant = PdfVariant.ACCESSIBLE
) -> bytes:
    """Render a complete HTML document (with <html lang> and <title>) to tagged PDF bytes."""
    from . import pdf_weasyprint  # here, not at the top: see core/pdf_weasyprint.py

    return pdf_weasyprint.render(html, fetcher, variant)


def __getattr__(name: str):
    # `from core.pdf import StaticOnlyURLFetcher` keeps working; it loads WeasyPrint when asked.
    if name == "StaticOnlyURLFetcher":
        from .pdf_weasyprint import StaticOnlyURLFetcher

        return StaticOnlyURLFetcher
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
