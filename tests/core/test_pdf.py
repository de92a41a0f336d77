"""core/pdf.render_pdf: every PDF is tagged PDF/UA-1, a stored version is PDF/A-2a as well, and the
static-only URL fetcher still refuses everything outside the app's static files."""

import pytest

from core.pdf import PdfVariant, RefusedURL, StaticOnlyURLFetcher, render_pdf
from tests.core.pdfstructure import PDFAID, assert_accessible, assert_archival, read_structure
from tests.reports.pdftext import normalize, pdf_pages

HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Provdokument åäö</title></head><body>
<h1>Rubrik</h1><p>Första stycket.</p>
<h2>Lista</h2><ul><li>ett</li><li>två</li></ul>
<table><caption>Belopp</caption>
<thead><tr><th>Post</th><th>Budget</th><th>Utfall</th></tr></thead>
<tbody><tr><th scope="row">Intäkter</th><td>1,0</td><td>2,0</td></tr>
<tr><th>Kostnader</th><td>3,0</td><td>4,0</td></tr></tbody></table>
<svg role="img" width="40" height="20" xmlns="http://www.w3.org/2000/svg">
<title>Stapeldiagram över rösterna</title><rect width="10" height="10"/></svg>
<h2>Slut</h2><p>Sista stycket.</p>
</body></html>"""


@pytest.fixture(scope="module")
def accessible():
    return render_pdf(HTML)


@pytest.fixture(scope="module")
def archive():
    return render_pdf(HTML, variant=PdfVariant.ARCHIVE)


def test_the_default_is_tagged_pdf_ua_with_language_and_title(accessible):
    structure = assert_accessible(accessible, title="Provdokument åäö")
    assert structure.headings() == ["H1", "H2", "H2"]
    (document,) = structure.root.children
    assert document.tag == "Document"
    (items,) = structure.root.find_all("L")
    assert [node.tag for node in items.children] == ["LI", "LI"]
    # A download is no archival copy: no PDF/A claim it could not keep.
    assert structure.xmp_values(f"{PDFAID}part") == []


def test_table_header_cells_carry_their_scope(accessible):
    (table,) = read_structure(accessible).root.find_all("Table")
    headers = table.find_all("TH")
    # The header row's cells are column headers; a row's first cell a row header, with scope="row"
    # written or (as in HTML) implied by a row that also holds data cells.
    assert [(header.scope) for header in headers] == ["Column", "Column", "Column", "Row", "Row"]
    assert len(table.find_all("TD")) == 4
    assert [child.tag for child in table.children] == ["Caption", "THead", "TBody"]


def test_a_chart_is_a_figure_with_its_svg_title_as_alternative_text(accessible):
    (figure,) = read_structure(accessible).root.find_all("Figure")
    assert figure.alt == "Stapeldiagram över rösterna"


def test_the_archive_variant_is_pdf_a_2a_and_still_pdf_ua(archive):
    structure = assert_accessible(archive, title="Provdokument åäö")
    assert_archival(structure)
    # PDF/A admits pdfuaid only with its schema described in the file itself.
    assert "http://www.aiim.org/pdfua/ns/id/" in structure.xmp_values(
        "{http://www.aiim.org/pdfa/ns/schema#}namespaceURI"
    )
    assert structure.headings() == ["H1", "H2", "H2"]
    assert read_structure(archive).root.find_all("Figure")[0].alt == "Stapeldiagram över rösterna"


@pytest.mark.parametrize("variant", list(PdfVariant))
def test_the_text_reads_back_in_order(variant):
    text = normalize(" ".join(pdf_pages(render_pdf(HTML, variant=variant))))
    words = ["Rubrik", "Första stycket.", "ett", "två", "Intäkter", "Kostnader", "Sista stycket."]
    positions = [text.index(word) for word in words]
    assert positions == sorted(positions), text


@pytest.mark.parametrize("variant", list(PdfVariant))
def test_every_variant_keeps_the_static_only_fetcher(variant):
    fetcher = StaticOnlyURLFetcher()
    html = HTML.replace("<h1>", '<img alt="x" src="http://127.0.0.1/secret.png"><h1>')
    render_pdf(html, fetcher=fetcher, variant=variant)
    assert fetcher.refused == ["http://127.0.0.1/secret.png"]
    with pytest.raises(RefusedURL):
        fetcher.fetch("file:///etc/passwd")


def test_a_server_process_that_builds_pages_loads_neither_weasyprint_nor_openpyxl():
    # Issue 18, a worker's memory: WeasyPrint (~30 MB with Pango and fontconfig) is loaded by the
    # render process only, openpyxl (~10 MB) by an Excel download only. A fresh interpreter that
    # loads the WSGI application and every view (the URLconf) must not have imported either.
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from goteborg_uppdrag.wsgi import application\n"
        "from django.urls import get_resolver\n"
        "get_resolver().url_patterns\n"
        "from core.pdf import render_pdf\n"
        "from core.pdf_cache import renderer_fingerprint\n"
        "renderer_fingerprint()\n"
        "print(sorted(m for m in ('weasyprint', 'openpyxl') if m in sys.modules))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "goteborg_uppdrag.settings", "DEBUG": "0"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]"


def test_the_static_only_fetcher_is_still_found_where_it_was():
    import core.pdf
    from core import pdf_weasyprint

    assert core.pdf.StaticOnlyURLFetcher is pdf_weasyprint.StaticOnlyURLFetcher is StaticOnlyURLFetcher
    with pytest.raises(AttributeError):
        core.pdf.NoSuchThing  # noqa: B018
