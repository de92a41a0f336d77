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

import enum
import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.formatting_structure import boxes
from weasyprint.pdf.metadata import DocumentMetadata
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The base URL documents are rendered against; relative /static/... links resolve to it.
BASE_URL = "https://pdf.invalid/"


class PdfVariant(enum.Enum):
    ACCESSIBLE = "pdf/ua-1"  # every download: tagged PDF/UA-1
    ARCHIVE = "pdf/a-2a"  # stored versions: PDF/A-2a and PDF/UA-1 at once


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


# PDF/A allows only the XMP properties of its predefined schemas; pdfuaid is not one of them, so
# the file describes it (ISO 19005-2, 6.6.2.3.2) before it uses it.
_PDFUA_XMP = b"""<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">\
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>\
<pdfaProperty:category>internal</pdfaProperty:category>\
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\
</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>\
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part>\
</rdf:Description>"""


class _ArchiveMetadata(DocumentMetadata):
    """WeasyPrint's metadata with the PDF/UA-1 identifier added to the PDF/A description."""

    def generate_rdf_metadata(self, variant, version, conformance):
        rdf = super().generate_rdf_metadata(variant, version, conformance)
        closing = b"</rdf:RDF>"
        assert rdf.endswith(closing), rdf[-40:]  # WeasyPrint's own serialisation; a change must show
        return rdf[: -len(closing)] + _PDFUA_XMP + closing


# The PDF names of HTML's scope values; a header cell without one gets HTML's own default.
_SCOPES = {"row": "/Row", "rowgroup": "/Row", "col": "/Column", "colgroup": "/Column"}


def _header_scopes(document, pdf) -> None:
    """Write each table header cell's /Scope (PDF/UA-1 7.5): WeasyPrint links data cells to their
    headers but leaves the header cells' own scope out."""
    for page in document.pages:
        for row in page._page_box.descendants():
            if not isinstance(row, boxes.TableRowBox):
                continue
            only_headers = all(cell.element_tag == "th" for cell in row.children)
            for cell in row.children:
                mark = getattr(cell, "mark", None)
                if mark is None or cell.element_tag != "th":
                    continue
                default = "/Column" if only_headers else "/Row"
                mark["A"]["Scope"] = _SCOPES.get(cell.element.get("scope", ""), default)


def render_pdf(
    html: str, *, fetcher: StaticOnlyURLFetcher | None = None, variant: PdfVariant = PdfVariant.ACCESSIBLE
) -> bytes:
    """Render a complete HTML document (with <html lang> and <title>) to tagged PDF bytes."""
    fetcher = fetcher or StaticOnlyURLFetcher()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()
    if variant is PdfVariant.ARCHIVE:
        metadata = _ArchiveMetadata()
        metadata.__dict__.update(vars(document.metadata))
        document.metadata = metadata
    return document.write_pdf(pdf_variant=variant.value, finisher=_header_scopes)
