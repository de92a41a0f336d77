"""Scores holdout3's protocol extracts, roll call and TUs against the hand truth in truth/ (text and PDF).

.venv/bin/python tests/motions/corpus/holdout3/measure_other.py
"""

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[3]))
os.environ["DATABASE_URL"] = "sqlite://:memory:"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goteborg_uppdrag.settings")
import django  # noqa: E402

django.setup()
from django.core.management import call_command  # noqa: E402

from goteborg_uppdrag.seed_loader import load_all  # noqa: E402

call_command("migrate", verbosity=0, interactive=False)
load_all()
from motions.importers import parse_rollcall, pdf_to_text  # noqa: E402
from motions.importers.proposal_resolve import parse_proposal_text  # noqa: E402
from motions.importers.protocol import parse_protocol  # noqa: E402
from tests.motions.corpus.render import render  # noqa: E402

RESULT = {"Ja": "ja", "Nej": "nej", "Avstår": "avstar", "Frånvarande": "franvarande"}


def rows(records):
    return [(r["name"], r["party"], r["result"]) for r in records]


def main():
    for source in ("text", "pdf"):
        rows_ok = rows_all = pts_ok = pts_all = refused = 0
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
            except Exception as error:  # noqa: BLE001
                refused += 1
                print(f"  {path.stem} ({source}): refused: {error}")
                rows_all += len(want_rows)
                pts_all += len(want_pts)
                continue
            rows_all += max(len(want_rows), len(got_rows))
            rows_ok += sum(a == b for a, b in zip(want_rows, got_rows, strict=False))
            pts_all += max(len(want_pts), len(got_pts))
            pts_ok += sum(a == b for a, b in zip(want_pts, got_pts, strict=False))
            for a, b in zip(want_pts, got_pts, strict=False):
                if a != b:
                    print(f"  {path.stem} ({source}): point expected {a!r}, read {b!r}")
        print(f"{source}: roll-call rows {rows_ok}/{rows_all}; points {pts_ok}/{pts_all}; refused {refused}")


main()
