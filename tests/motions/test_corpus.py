"""The corpus (tests/motions/corpus/): motions written in the city's layouts, each read from its text
and from a PDF rendered from that text the way the city prints it, against the expected parse beside
it. `CORPUS_WRITE=1` writes a missing expectation (to be read through before it is committed)."""

import json
import os
from pathlib import Path

import pytest

from motions.importers import parse_motion_text, pdf_to_text

from .conftest import SEED_000, SEED_002, seed_lines
from .corpus.render import render

CORPUS = Path(__file__).parent / "corpus" / "motions"
DOCUMENTS = sorted(CORPUS.glob("*.txt"))
FOOTERS = ["sida", "paren", "number"]
HEADERS = ["Kommunstyrelsen", "", "Göteborgs Stad – Stadsledningskontoret"]
# What the PDF must give exactly as the text does; the flags name lines and pages, which differ.
SAME_IN_PDF = (
    "kind", "title", "date", "body", "parties", "revised", "addressed_to", "approves_rest",
    "approves_rest_wording", "header_at", "points", "justification",
)  # fmt: skip


def pdf_options(index: int) -> dict:
    return {"footer": FOOTERS[index % 3], "running_header": HEADERS[index % 3]}


def test_the_corpus_has_at_least_25_documents():
    assert len(DOCUMENTS) >= 25
    assert all(path.with_suffix(".json").exists() for path in DOCUMENTS)


@pytest.mark.django_db
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_the_text_reads_as_expected(real_data, path):
    parsed = parse_motion_text(path.read_text("utf-8")).as_json()
    expected_path = path.with_suffix(".json")
    if not expected_path.exists() and os.environ.get("CORPUS_WRITE"):
        expected_path.write_text(json.dumps(parsed, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert parsed == json.loads(expected_path.read_text("utf-8"))


@pytest.mark.django_db
@pytest.mark.parametrize("index", range(len(DOCUMENTS)), ids=lambda i: DOCUMENTS[i].stem)
def test_the_pdf_reads_as_the_text(real_data, index):
    path = DOCUMENTS[index]
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    pdf = pdf_to_text(render(path.read_text("utf-8"), **pdf_options(index)))
    parsed = parse_motion_text(pdf.text).as_json()
    assert {k: parsed[k] for k in SAME_IN_PDF} == {k: expected[k] for k in SAME_IN_PDF}
    # The page furniture was recognised and taken out, not read into the motion.
    assert pdf.furniture and all("Sida" not in p["text"] for p in parsed["points"])


SEED_MOTIONS = [
    pytest.param(SEED_000, 1, 82, id="000-A"),
    pytest.param(SEED_000, 83, 170, id="000-B"),
    pytest.param(SEED_000, 172, 222, id="000-C"),
    pytest.param(SEED_002, 1, 57, id="002-Y"),
    pytest.param(SEED_002, 58, 117, id="002-SD-yttrande"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("seed", "first", "last"), SEED_MOTIONS)
@pytest.mark.parametrize("layout", range(3))
def test_the_seed_motions_import_from_pdf_exactly_as_from_text(real_data, seed, first, last, layout):
    text = seed_lines(seed, first, last)
    from_text = parse_motion_text(text).as_json()
    from_pdf = parse_motion_text(pdf_to_text(render(text, **pdf_options(layout))).text).as_json()
    assert {k: from_pdf[k] for k in SAME_IN_PDF} == {k: from_text[k] for k in SAME_IN_PDF}
