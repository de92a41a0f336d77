"""Scores holdout9's protocol extracts (roll calls) and tjänsteutlåtanden against truth/ (text and PDF).

.venv/bin/python tests/motions/corpus/holdout9/measure_other.py [--verbose]

Protocols: decision points exact; roll-call rows exact as (name, party, role, vote); declared counts;
header fields body, date, paragraph, case number right or flagged. TUs: points exact; header fields
issued, revised, case number, author, addressed body right or flagged; responsible boards and the
amount per point (the first cost the parser ties to the point).
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent


VOTE = {"ja": "ja", "nej": "nej", "avstår": "avstar", "frånvarande": "franvarande"}
COUNT = {"ja": "ja", "nej": "nej", "avstår": "avstar", "frånvarande": "franvarande"}
FOOTERS = ["sida", "paren", "number"]


class Tally:
    def __init__(self):
        self.n = {}
        self.misses = []

    def add(self, key, ok, total=1, miss=None):
        right, all_ = self.n.get(key, (0, 0))
        self.n[key] = (right + ok, all_ + total)
        if miss and ok < total:
            self.misses.append(miss)


def board_key(name):
    from assignments.models import Board

    board = Board.objects.resolver()(name)
    return board.slug if board else name


def protocol(stem, truth, text, t):
    from motions.importers.protocol import parse_protocol

    parsed = parse_protocol(text)
    out = parsed.as_json()
    flags = parsed.field_flags
    got = [p["text"] for p in out["points"]]
    if not got and out["decision_text"]:
        # An unnumbered decision is kept whole in decision_text (no points): its paragraphs after
        # the basis line ("Enligt förvaltningens förslag:") are the decision.
        got = [p for p in out["decision_text"].split("\n\n") if not re.match(r"Enligt .*:$", p)]
    want = truth["decision_points"]
    for i in range(max(len(want), len(got))):
        a = want[i] if i < len(want) else None
        b = got[i] if i < len(got) else None
        t.add("points", a == b, miss=f"{stem}: point {i + 1}: expected {a!r}, read {b!r}")
    records = [r for v in out["votes"] for r in (v.get("rollcall") or {}).get("records", [])]
    got_rows = [(r["name"], r["party"], r["role"].lower(), r["result"]) for r in records]
    want_rows = [(r["name"], r["party"], r["role"], VOTE[r["vote"]]) for r in truth["roll_call"]]
    for i in range(max(len(want_rows), len(got_rows))):
        a = want_rows[i] if i < len(want_rows) else None
        b = got_rows[i] if i < len(got_rows) else None
        t.add("rows", a == b, miss=f"{stem}: row {i + 1}: expected {a!r}, read {b!r}")
    declared = {}
    for v in out["votes"]:
        declared.update((v.get("rollcall") or {}).get("declared_totals") or {})
        declared.update(v.get("declared") or {})
    want_counts = {COUNT[k]: n for k, n in truth["declared_counts"].items()}
    got_counts = {k: declared.get(k) for k in want_counts}
    t.add("counts", got_counts == want_counts, miss=f"{stem}: declared counts {want_counts}, read {got_counts}")
    for key, want_value in (
        ("body", truth["body"]),
        ("date", truth["date"]),
        ("paragraph", int(truth["paragraph"])),
        ("case_number", truth["case_number"]),
    ):
        have = out[key] if key != "case_number" else (out["case_number"] or out["dnr"])
        flagged = bool(flags.get(key) or flags.get("case" if key == "case_number" else key))
        ok = have == want_value or flagged
        t.add("header", ok, miss=f"{stem}: {key}: expected {want_value!r}, read {have!r}, not flagged")


def proposal(stem, truth, text, t):
    from motions.importers.proposal_resolve import parse_proposal_text

    parsed = parse_proposal_text(text)
    out = parsed.as_json()
    flags = parsed.field_flags
    want = truth["points"]
    got = out["points"]
    for i in range(max(len(want), len(got))):
        a = want[i]["text"] if i < len(want) else None
        b = got[i]["text"] if i < len(got) else None
        t.add("points", a == b, miss=f"{stem}: point {i + 1}: expected {a!r}, read {b!r}")
        if a is None or b is None:
            continue
        want_boards = [board_key(n) for n in want[i]["responsible"]]
        miss = f"{stem}: point {i + 1} boards {want_boards}, read {got[i]['boards']}"
        t.add("boards", want_boards == got[i]["boards"], miss=miss)
        costs = [c["amount_kr"] for c in out["costs"] if c["point"] == i + 1]
        have = costs[0] if costs else None
        miss = f"{stem}: point {i + 1} amount {want[i]['amount_sek']}, read {have}"
        t.add("amounts", have == want[i]["amount_sek"], miss=miss)
    author = parsed.author_body.name if parsed.author_body else parsed.author_name
    addressed = out["addressed_to"].strip().rstrip(":")
    addressed = addressed[2:] if addressed.startswith("I ") else addressed
    # "I kommunstyrelsen och kommunfullmäktige": the TU's body is the first one named (t01). A name
    # that itself holds " och " ("Äldre samt vård- och omsorgsnämnden") resolves whole first.
    resolved = board_key(addressed)
    if resolved == addressed and " och " in addressed:
        resolved = board_key(addressed.split(" och ")[0])
    addressed = resolved
    for key, want_value, have, flag_key in (
        ("issued", truth["issued"], out["issued"], "issued"),
        ("revised", truth["revised"], out["revised"], "revised"),
        ("case_number", truth["case_number"], out["case_number"] or out["dnr"], "case"),
        ("author", truth["issuer"], author or None, "author_body"),
        ("body", board_key(truth["body"]), addressed, "addressed_to"),
    ):
        ok = have == want_value or bool(flags.get(flag_key))
        t.add("header", ok, miss=f"{stem}: {key}: expected {want_value!r}, read {have!r}, not flagged")


def score(source: str) -> tuple[Tally, int]:
    """Every protocol and TU of the folder read from its text or from the PDF rendered from it."""
    from motions.importers import pdf_to_text
    from tests.motions.corpus.render import render

    t = Tally()
    refused = 0
    for i, path in enumerate(sorted(HERE.glob("[pt]*.txt"))):
        truth = json.loads((HERE / "truth" / (path.stem + ".json")).read_text("utf-8"))
        text = path.read_text("utf-8")
        if source == "pdf":
            text = pdf_to_text(render(text, footer=FOOTERS[i % 3], running_header="")).text
        try:
            (proposal if truth["type"] == "tu" else protocol)(path.stem, truth, text, t)
        except Exception as error:  # noqa: BLE001 – a refusal is counted, not raised
            refused += 1
            t.misses.append(f"{path.stem}: refused: {error}")
            t.add("points", 0, len(truth.get("points") or truth.get("decision_points")))
            t.add("rows", 0, len(truth.get("roll_call", [])))
    return t, refused


def main(verbose):
    for source in ("text", "pdf"):
        t, refused = score(source)
        parts = "; ".join(f"{k} {r}/{n}" for k, (r, n) in t.n.items())
        print(f"{source}: {parts}; refused {refused}")
        if verbose:
            for miss in t.misses:
                print("   ", miss)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[3]))
    from tests.motions.corpus import set_up_alone

    set_up_alone()
    main("--verbose" in sys.argv)
