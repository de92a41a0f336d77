"""WeasyPrint's side of core/pdf.py: the static-only URL fetcher, the PDF/UA and PDF/A metadata and
the render itself. Imported only where a PDF is rendered (the render process, core/render_pool.py):
WeasyPrint and the libraries it loads (Pango, HarfBuzz, fontconfig through cffi) take some 30 MB
of every process that imports them, and a server process that only builds pages needs none of it.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.formatting_structure import boxes
from weasyprint.pdf.metadata import DocumentMetadata
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .pdf import BASE_URL, PdfVariant, RefusedURL


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


def render(html: str, fetcher: StaticOnlyURLFetcher | None, variant: PdfVariant) -> bytes:
    fetcher = fetcher or StaticOnlyURLFetcher()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()
    if variant is PdfVariant.ARCHIVE:
        metadata = _ArchiveMetadata()
        metadata.__dict__.update(vars(document.metadata))
        document.metadata = metadata
    return document.write_pdf(pdf_variant=variant.value, finisher=_header_scopes)
