"""Scores holdout3's protocol extracts, roll call and TUs against the hand truth in truth/ (text and PDF).

.venv/bin/python tests/motions/corpus/holdout3/measure_other.py

The suite runs score() too (tests/motions/test_holdout_other.py).
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
RESULT = {"Ja": "ja", "Nej": "nej", "Avstår": "avstar", "Frånvarande": "franvarande"}


def rows(records):
    return [(r["name"], r["party"], r["result"]) for r in records]


def score(source: str) -> dict:
    """Roll-call rows and points right of all, refusals and misses, from the texts or their PDFs."""
    from motions.importers import parse_rollcall, pdf_to_text
    from motions.importers.proposal_resolve import parse_proposal_text
    from motions.importers.protocol import parse_protocol
    from tests.motions.corpus.render import render

    tally = {"rows_ok": 0, "rows_all": 0, "pts_ok": 0, "pts_all": 0, "refused": 0, "misses": []}
    for i, path in enumerate(sorted(HERE.glob("[pt]*.txt"))):
        truth = json.loads((HERE / "truth" / (path.stem + ".json")).read_text("utf-8"))
        text = path.read_text("utf-8")
        if source == "pdf":
            text = pdf_to_text(render(text, footer=["sida", "paren", "number"][i % 3], running_header="")).text
        want_rows = [(n, p, RESULT[r]) for n, p, r in truth.get("votes", [])]
        want_pts = truth["points"]
        try:
            if path.stem.startswith("t"):
                parsed = parse_proposal_text(text).as_json()
                got_rows, got_pts = [], [p["text"] for p in parsed["points"]]
            elif truth.get("body") == "Kommunfullmäktige" and not want_pts:
                got_rows, got_pts = rows(parse_rollcall(text).as_json()["records"]), []
            else:
                parsed = parse_protocol(text).as_json()
                got_rows = [r for v in parsed["votes"] for r in rows((v.get("rollcall") or {}).get("records", []))]
                got_pts = [p["text"] for p in parsed["points"]]
        except Exception as error:  # noqa: BLE001 – a refusal is counted, not raised
            tally["refused"] += 1
            tally["misses"].append(f"{path.stem} ({source}): refused: {error}")
            tally["rows_all"] += len(want_rows)
            tally["pts_all"] += len(want_pts)
            continue
        tally["rows_all"] += max(len(want_rows), len(got_rows))
        tally["rows_ok"] += sum(a == b for a, b in zip(want_rows, got_rows, strict=False))
        tally["pts_all"] += max(len(want_pts), len(got_pts))
        tally["pts_ok"] += sum(a == b for a, b in zip(want_pts, got_pts, strict=False))
        for a, b in zip(want_pts, got_pts, strict=False):
            if a != b:
                tally["misses"].append(f"{path.stem} ({source}): point expected {a!r}, read {b!r}")
    return tally


def main():
    for source in ("text", "pdf"):
        t = score(source)
        for miss in t["misses"]:
            print("  ", miss)
        print(
            f"{source}: roll-call rows {t['rows_ok']}/{t['rows_all']}; points {t['pts_ok']}/{t['pts_all']}; "
            f"refused {t['refused']}"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[3]))
    from tests.motions.corpus import set_up_alone

    set_up_alone()
    main()
