"""The protocol extracts, roll calls and TUs of the unseen batches (holdout3, holdout4; issue 15) read
exactly as their hand truth, from the text and from the PDF rendered from it: every decision point,
every roll-call row, the declared counts, the TU points' boards and amounts, and every header field
right or flagged. The folders' measure_other.py scripts print the same scores on their own."""

import importlib.util
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"


def _script(folder: str):
    spec = importlib.util.spec_from_file_location(f"measure_{folder}", CORPUS / folder / "measure_other.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
@pytest.mark.parametrize("source", ["text", "pdf"])
def test_holdout3_protocols_roll_call_and_tus_read_exactly(real_data, source):
    tally = _script("holdout3").score(source)
    assert tally["refused"] == 0 and tally["misses"] == []
    assert (tally["rows_ok"], tally["pts_ok"]) == (tally["rows_all"], tally["pts_all"]) == (27, 9)


@pytest.mark.django_db
@pytest.mark.parametrize("source", ["text", "pdf"])
def test_holdout4_protocols_and_tus_read_exactly_or_flagged(real_data, source):
    tally, refused = _script("holdout4").score(source)
    assert refused == 0 and tally.misses == []
    assert tally.n == {
        "points": (14, 14),
        "rows": (50, 50),
        "counts": (4, 4),
        "header": (26, 26),
        "boards": (8, 8),
        "amounts": (8, 8),
    }
