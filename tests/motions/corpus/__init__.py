"""The importers' test corpora; `expected_parse` is the one way each corpus test reads its expectation."""

import json
import os
from pathlib import Path


def expected_parse(path: Path, parsed: dict) -> dict:
    """The expected parse beside the document; `CORPUS_WRITE=1` writes a missing one from `parsed`
    (to be read through by a person before it is committed)."""
    expected_path = path.with_suffix(".json")
    if not expected_path.exists() and os.environ.get("CORPUS_WRITE"):
        expected_path.write_text(json.dumps(parsed, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return json.loads(expected_path.read_text("utf-8"))
