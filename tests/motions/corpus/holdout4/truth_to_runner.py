# ruff: noqa: C408
"""Hand truth (truth/*.json) -> the motion runner's format (benchmarks/import_accuracy.py).

Run from this folder: python truth_to_runner.py. The header values below are typed by hand from the
documents as printed (the runner wants the kind slug, the board short name, the title with its kind
prefix and the "I …" line); the points come from truth/. Nothing is read from the parser.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
REST = ("I övrigt bifalla", "Att därutöver bifalla", "Därutöver bifalla")
M = {
    "m01_yrkande_ks": dict(
        kind="yrkande",
        title="Yrkande angående – Handlingsplan för ökad digital delaktighet bland äldre 2025–2027",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen",
        header_at="end",
        # The footnote under the text, as printed (the runner keeps the footnote lines).
        footnote_lines=["1 Svenskarna och internet 2024, Internetstiftelsen."],
    ),
    "m02_tillagg_kf": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Budget för 2025 och flerårsplan 2026–2027 för Göteborgs Stad",
        body="KF",
        revised=False,
        addressed_to="I kommunfullmäktige",
        header_at="start",
        # The runner's format keeps a footnote digit glued to a point as the point's note.
        footnotes={2: ["2"]},
        footnote_lines=["2 Avser delårsrapport april och augusti."],
    ),
    "m03_andring_nmd": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Miljö- och klimatnämndens verksamhetsplan 2025",
        body="MKN",
        revised=False,
        addressed_to="I miljö- och klimatnämnden",
        header_at="middle",
    ),
    "m04_aterremiss_ks": dict(
        kind="aterremissyrkande",
        title="Återremissyrkande angående – Lokalförsörjningsplan för förskola och grundskola 2025–2034",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen",
        header_at="end",
    ),
    "m05_reviderat_bolag": dict(
        kind="yrkande",
        title="Yrkande angående – Ägardirektiv och affärsplan för Förvaltnings AB Framtiden 2025",
        body="Framtiden",
        revised=True,
        addressed_to="I styrelsen för Förvaltnings AB Framtiden",
        header_at="end",
    ),
    "m06_yttrande_ks": dict(
        kind="yttrande",
        title="Yttrande angående – Årsrapport 2024 för kommunstyrelsen",
        body="KS",
        revised=False,
        addressed_to="",
        header_at="end",
    ),
    "m07_yrkande_pagebreak_nmd": dict(
        kind="yrkande",
        title="Yrkande angående – Grundskolenämndens plan för elevhälsa 2025–2028",
        body="GSN",
        revised=False,
        addressed_to="I grundskolenämnden",
        header_at="start",
    ),
    "m08_tillagg_ks_hyphen": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Trafikstrategi för en nära storstad, uppföljning 2024",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen och kommunfullmäktige",
        header_at="end",
    ),
    "m09_andring_sn": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Socialnämnden Hisingens budget 2025",
        body="SN Hisingen",
        revised=False,
        addressed_to="I socialnämnden Hisingen",
        header_at="end",
    ),
    # No header block: the body of truth/ is inferred from the "I …" line, so a parser that leaves
    # it empty must flag it; date and parties must be flagged.
    "m10_yrkande_noheader": dict(
        kind="yrkande",
        title="Yrkande angående – Program för idrott och föreningsliv 2025–2030",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen och kommunfullmäktige",
        header_at="",
        # No header: the body is read from the addressee, and flagged.
        flagged=["body", "date", "parties"],
    ),
}


def main():
    for stem, head in M.items():
        truth = json.loads((HERE / "truth" / f"{stem}.json").read_text("utf-8"))
        points = list(truth["points"])
        out = dict(head)
        out["date"] = truth["date"]
        out["parties"] = truth["parties"] or []
        if truth.get("lead_in"):
            out["lead_in"] = truth["lead_in"]
        out.setdefault("flagged", [])
        out["approves_rest"] = bool(points and points[-1].startswith(REST))
        out["approves_rest_wording"] = points.pop() if out["approves_rest"] else ""
        notes = out.pop("footnotes", {})
        footnote_lines = out.pop("footnote_lines", None)
        out["points"] = [
            {"number": i + 1, "text": t, **({"notes": notes[i + 1]} if i + 1 in notes else {})}
            for i, t in enumerate(points)
        ]
        if footnote_lines:
            out["footnotes"] = footnote_lines
        (HERE / f"{stem}.json").write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
