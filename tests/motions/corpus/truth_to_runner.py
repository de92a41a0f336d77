"""A batch's motion hand truth -> the motion runner's files (m*.json beside the texts), which
benchmarks/import_accuracy.py and tests/motions/test_corpus.py read.

    .venv/bin/python tests/motions/corpus/truth_to_runner.py holdout6 [--check]   # after truth/ changed

Two hand-typed sources, nothing read from the parser: truth/<stem>.json (date, parties, the points
with the approve-the-rest line last, the lead-in) and truth/motion_headers.json, the values the
runner wants that the neutral truth does not type, typed from the documents as printed: the kind
slug, the board's short name, the title with its kind prefix, the "I …" line, where the header
stands, the fields that must be flagged, and the runner's notes on the points (a footnote digit
glued to a point is the point's note, "footnotes" {point: [digits]}; the footnote lines under the
text, "footnote_lines"; a printed letter, "labels" {point: "a)"}). A value typed in both (holdout3's
headers type date, parties and the approve-the-rest line too) must agree. "note" is a comment.
"""

import argparse
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
REST = ("I övrigt bifalla", "Att därutöver bifalla", "Därutöver bifalla")


def headers(batch: str) -> dict:
    return json.loads((CORPUS / batch / "truth" / "motion_headers.json").read_text("utf-8"))


def runner_expectation(batch: str, stem: str) -> dict:
    """The runner's expected parse of one motion of the batch."""
    head = dict(headers(batch)[stem])
    head.pop("note", None)
    truth = json.loads((CORPUS / batch / "truth" / f"{stem}.json").read_text("utf-8"))
    points = list(truth["points"])
    approves_rest = bool(points and points[-1].startswith(REST))
    wording = points.pop() if approves_rest else ""
    typed_in_truth = {
        "date": truth["date"],
        "parties": truth["parties"] or [],
        "approves_rest": approves_rest,
        "approves_rest_wording": wording,
    }
    out = dict(head)
    for key, value in typed_in_truth.items():
        if key in head and head[key] != value:
            raise ValueError(f"{batch}/{stem}: {key} is {head[key]!r} in motion_headers.json, {value!r} in truth/")
    out.setdefault("date", typed_in_truth["date"])
    out.setdefault("parties", typed_in_truth["parties"])
    if truth.get("lead_in"):
        out.setdefault("lead_in", truth["lead_in"])
    out.setdefault("flagged", [])
    out.setdefault("approves_rest", approves_rest)
    out.setdefault("approves_rest_wording", wording)
    notes = {int(k): v for k, v in out.pop("footnotes", {}).items()}
    labels = {int(k): v for k, v in out.pop("labels", {}).items()}
    footnote_lines = out.pop("footnote_lines", None)
    out["points"] = [
        {
            "number": i + 1,
            **({"label": labels[i + 1]} if i + 1 in labels else {}),
            "text": text,
            **({"notes": notes[i + 1]} if i + 1 in notes else {}),
        }
        for i, text in enumerate(points)
    ]
    if footnote_lines:
        out["footnotes"] = footnote_lines
    return out


def render(expectation: dict) -> str:
    return json.dumps(expectation, ensure_ascii=False, indent=2) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("batches", nargs="+")
    parser.add_argument("--check", action="store_true", help="write nothing; fail if a runner file differs")
    args = parser.parse_args(argv)
    stale = []
    for batch in args.batches:
        for stem in headers(batch):
            path = CORPUS / batch / f"{stem}.json"
            text = render(runner_expectation(batch, stem))
            if args.check:
                if not path.exists() or path.read_text("utf-8") != text:
                    stale.append(str(path))
            else:
                path.write_text(text, "utf-8")
    for path in stale:
        print("differs from its truth:", path)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
