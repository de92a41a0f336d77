"""PDF rendering with WeasyPrint that never touches the network or the file system at large.

Every PDF of the product goes through render_pdf(): its URL fetcher serves only the app's own
static files (by their /static/ URL) and refuses everything else, so a URL in user text
(<img src="http://127.0.0.1/..."> or file:///etc/passwd) is neither fetched nor read.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The base URL documents are rendered against; relative /static/... links resolve to it.
BASE_URL = "https://pdf.invalid/"


class RefusedURL(ValueError):
    """A resource outside the app's static files was requested while rendering."""


class StaticOnlyURLFetcher(URLFetcher):
    def __init__(self, **kwargs):
        super().__init__(allowed_protocols=["https"], allow_redirects=False, **kwargs)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        prefix = BASE_URL + settings.STATIC_URL.lstrip("/")
        if url.startswith(prefix):
            relative = url[len(prefix) :].split("?")[0].split("#")[0]
            path = finders.find(relative) if ".." not in relative else None
            if path:
                resolved = Path(path).resolve()
                mime, _ = mimetypes.guess_type(str(resolved))
                return URLFetcherResponse(
                    url, body=resolved.read_bytes(), headers={"Content-Type": mime or "application/octet-stream"}
                )
        self.refused.append(url)
        raise RefusedURL(f"refused while rendering PDF: {url[:200]}")


def render_pdf(html: str, *, fetcher: StaticOnlyURLFetcher | None = None) -> bytes:
    """Render a complete HTML document to PDF bytes."""
    fetcher = fetcher or StaticOnlyURLFetcher()
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf()
