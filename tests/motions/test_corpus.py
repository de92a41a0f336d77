"""The corpus (tests/motions/corpus/): motions written in the city's layouts, each read from its text
and from a PDF rendered from that text the way the city prints it, against the expected parse beside
it. `CORPUS_WRITE=1` writes a missing expectation (to be read through before it is committed)."""

import json
from pathlib import Path

import pytest

from motions.importers import parse_motion_text, pdf_to_text

from .conftest import SEED_000, SEED_002, seed_lines
from .corpus import expected_parse, truth_to_runner
from .corpus.render import render

CORPUS = Path(__file__).parent / "corpus" / "motions"
DOCUMENTS = sorted(CORPUS.glob("*.txt"))
# Motions written in the city's layouts before the parser was read (issue 15), each with its
# expected parse and the header fields ("flagged") the preview must flag for the reader.
# holdout3 … holdout15 (issue 15) also hold TUs and protocol extracts, scored by corpus/measure_other.py
# against truth/ (tests/motions/test_holdout_other.py): only the texts with a motion's expectation
# beside them are read here. Their expectations are written from truth/ by corpus/truth_to_runner.py.
RUNNER_BATCHES = (
    "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10",
    "holdout11", "holdout12", "holdout13", "holdout14", "holdout15",
)  # fmt: skip
HOLDOUT = [
    p
    for folder in ("holdout", "holdout2", *RUNNER_BATCHES)
    for p in sorted((CORPUS.parent / folder).glob("*.txt"))
    if p.with_suffix(".json").exists()
]
# holdout3 … holdout15: their hand truth types the header, the lead-in and the points, not the
# justification (truth/README.md of each; truth_to_runner.py writes none).
WITHOUT_JUSTIFICATION = set(RUNNER_BATCHES)
# Read wrong (some flagged, so benchmarks/import_accuracy.py counts them right-or-flagged); not exact
# yet. Strict: a fix shows as XPASS and the entry goes. A tuple names the one source that misses.
KNOWN_MISSES: dict[str, str | tuple[str, str]] = {}


def _holdout_param(path, index=None):
    name = f"{path.parent.name}/{path.stem}"
    source = "text" if index is None else "pdf"
    miss = KNOWN_MISSES.get(name)
    if isinstance(miss, tuple):
        miss = miss[1] if miss[0] == source else None
    marks = [pytest.mark.xfail(reason=miss, strict=True)] if miss else []
    return pytest.param(path if index is None else index, id=name, marks=marks)


FOOTERS = ["sida", "paren", "number"]
HEADERS = ["Kommunstyrelsen", "", "Göteborgs Stad – Stadsledningskontoret"]
# What the PDF must give exactly as the text does; the flags name lines and pages, which differ.
SAME_IN_PDF = (
    "kind", "title", "date", "body", "parties", "revised", "addressed_to", "approves_rest",
    "approves_rest_wording", "header_at", "lead_in", "points", "justification",
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
    assert parsed == expected_parse(path, parsed)


@pytest.mark.django_db
@pytest.mark.parametrize("index", range(len(DOCUMENTS)), ids=lambda i: DOCUMENTS[i].stem)
def test_the_pdf_reads_as_the_text(real_data, index):
    path = DOCUMENTS[index]
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    pdf = pdf_to_text(render(path.read_text("utf-8"), **pdf_options(index)))
    parsed = parse_motion_text(pdf.text).as_json()
    assert {k: parsed.get(k) for k in SAME_IN_PDF} == {k: expected.get(k) for k in SAME_IN_PDF}
    # The page furniture was recognised and taken out, not read into the motion.
    assert pdf.furniture and all("Sida" not in p["text"] for p in parsed["points"])


def test_the_holdout_has_at_least_20_documents_of_every_kind():
    expected = [json.loads(p.with_suffix(".json").read_text("utf-8")) for p in HOLDOUT]
    assert len(HOLDOUT) >= 20
    assert {e["kind"] for e in expected} >= {
        "yrkande", "tillaggsyrkande", "andringsyrkande", "aterremissyrkande", "yttrande",
    }  # fmt: skip
    assert any(e["revised"] for e in expected)
    assert {e["header_at"] for e in expected} == {"start", "middle", "end", ""}


@pytest.mark.parametrize("batch", RUNNER_BATCHES)
def test_a_batch_runner_file_is_its_hand_truth(batch):
    """Each motion's expectation is what truth_to_runner.py writes from truth/, so the two cannot
    drift apart; every motion of the batch has its header typed."""
    stems = {p.stem for p in (CORPUS.parent / batch).glob("m*.txt")}
    assert set(truth_to_runner.headers(batch)) == stems
    for stem in sorted(stems):
        written = (CORPUS.parent / batch / f"{stem}.json").read_text("utf-8")
        assert written == truth_to_runner.render(truth_to_runner.runner_expectation(batch, stem)), stem


def _holdout_keys(path) -> list[str]:
    keys = [*SAME_IN_PDF, "footnotes"]
    return [k for k in keys if k != "justification" or path.parent.name not in WITHOUT_JUSTIFICATION]


def _read_as_expected(parsed, expected: dict, keys) -> None:
    got = parsed.as_json()
    assert {k: got.get(k) for k in keys} == {k: expected.get(k) for k in keys}
    for name in expected["flagged"]:
        assert parsed.field_flags.get(name), f"{name} is not flagged"


@pytest.mark.django_db
@pytest.mark.parametrize("path", [_holdout_param(p) for p in HOLDOUT])
def test_a_holdout_text_reads_as_expected(real_data, path):
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    parsed = parse_motion_text(path.read_text("utf-8"))
    _read_as_expected(parsed, expected, _holdout_keys(path))
    not_typed = set(SAME_IN_PDF) - set(_holdout_keys(path))  # holdout3: the justification
    assert set(parsed.as_json()) - {"flags"} - not_typed <= set(expected)


@pytest.mark.django_db
@pytest.mark.parametrize("index", [_holdout_param(p, i) for i, p in enumerate(HOLDOUT)])
def test_a_holdout_pdf_reads_as_expected(real_data, index):
    path = HOLDOUT[index]
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    pdf = pdf_to_text(render(path.read_text("utf-8"), **pdf_options(index)))
    _read_as_expected(parse_motion_text(pdf.text), expected, _holdout_keys(path))


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
    assert {k: from_pdf.get(k) for k in SAME_IN_PDF} == {k: from_text.get(k) for k in SAME_IN_PDF}
