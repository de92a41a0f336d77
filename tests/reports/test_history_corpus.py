"""The corpus (tests/reports/corpus/): earlier reports in the city's layouts — an årsrapport in labelled
lines, a delårsrapport mars of another year with sections across page breaks, an årsrapport sorted
under unnumbered status headings, a delårsrapport whose items say their status in a sentence — each
read from its text and from a PDF rendered from that text the way the city prints it, against the
expected parse beside it. `CORPUS_WRITE=1` writes a missing expectation (read it through before
committing it)."""

import json
from pathlib import Path

import pytest

from motions.importers import pdf_to_text
from reports.importers import parse_report_history
from tests.motions.corpus import expected_parse
from tests.motions.corpus.render import render

from .history_helpers import section_41

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(CORPUS.glob("*.txt"))
FOOTERS = ["sida", "paren", "number"]
HEADERS = ["Göteborgs Stad", "", "Stadsledningskontoret"]
# The flags name pages, which the rendering moves; everything else must read the same.
SAME_IN_PDF = ("year", "period", "body", "title")
ITEM_SAME_IN_PDF = (
    "section", "position", "dnr", "text", "source", "budget_year", "origin", "responsible", "all_boards",
    "deadline", "deadline_note", "status", "status_expressed", "report_text",
)  # fmt: skip


def _without_page_flags(document: dict) -> dict:
    return {
        **{k: document[k] for k in SAME_IN_PDF},
        "assignments": [{k: item[k] for k in ITEM_SAME_IN_PDF} for item in document["assignments"]],
    }


def test_the_corpus_has_at_least_four_documents_each_with_its_expectation():
    assert len(DOCUMENTS) >= 4
    assert all(path.with_suffix(".json").exists() for path in DOCUMENTS)


@pytest.mark.django_db
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_the_text_reads_as_expected(real_data, path):
    parsed = parse_report_history(path.read_text("utf-8")).as_json()
    assert parsed == expected_parse(path, parsed)


@pytest.mark.django_db
@pytest.mark.parametrize("index", range(len(DOCUMENTS)), ids=lambda i: DOCUMENTS[i].stem)
def test_the_pdf_reads_as_the_text(real_data, index):
    path = DOCUMENTS[index]
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    pdf = pdf_to_text(render(path.read_text("utf-8"), footer=FOOTERS[index % 3], running_header=HEADERS[index % 3]))
    parsed = parse_report_history(pdf.text).as_json()
    assert _without_page_flags(parsed) == _without_page_flags(expected)
    assert pdf.furniture  # the page numbers were recognised and taken out, not read into a report


@pytest.mark.django_db
def test_the_seed_section_reads_from_pdf_as_from_text(real_data):
    # The section's own year is in a footer, which the PDF reader removes with the other furniture.
    text = "Delårsrapport augusti 2023 för kommunstyrelsen\n\n" + section_41()
    from_text = parse_report_history(text).as_json()
    from_pdf = parse_report_history(pdf_to_text(render(text, footer="paren")).text).as_json()
    assert len(from_text["assignments"]) == 14
    assert _without_page_flags(from_pdf) == _without_page_flags(from_text)


def test_the_expectations_cover_the_status_words_and_the_flags():
    """What the corpus is for: every status, both kinds of period and the uncertainties."""
    documents = [json.loads(p.with_suffix(".json").read_text("utf-8")) for p in DOCUMENTS]
    items = [item for d in documents for item in d["assignments"]]
    assert {d["period"] for d in documents} == {"arsrapport", "mars", "augusti"}
    assert len({d["year"] for d in documents}) >= 3
    assert {i["status"] for i in items} >= {"not_started", "in_progress", "partially_reported", "reported_complete"}
    flags = " ".join(f for i in items for f in i["flags"])
    assert "Dnr saknas" in flags and "Status kunde inte tolkas" in flags and "sidbrytning" in flags
