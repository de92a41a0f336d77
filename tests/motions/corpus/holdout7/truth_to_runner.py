# ruff: noqa: C408
"""holdout7: hand truth (truth/*.json) -> the motion runner's format (benchmarks/import_accuracy.py).

Run from this folder: python truth_to_runner.py. The header values below are typed by hand from the
documents as printed (the runner wants the kind slug, the board short name, the title with its kind
prefix and the "I …" line); the points come from truth/. Nothing is read from the parser.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
REST = ("I övrigt bifalla", "Att därutöver bifalla", "Därutöver bifalla")
M = {
    "m01_yrkande_ks_skollokaler": dict(
        kind="yrkande",
        title="Yrkande angående – Riktlinjer för lokalförsörjning av skolor i Göteborgs Stad 2026–2032",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen och kommunfullmäktige",
        header_at="end",
        footnote_lines=["1 Grundskoleförvaltningens lokalinventering, mars 2025."],
    ),
    "m02_tillagg_kf_trygghet": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Program för trygghet och brottsförebyggande arbete 2026–2029",
        body="KF",
        revised=False,
        addressed_to="I kommunfullmäktige",
        header_at="start",
        # The runner's format keeps a footnote digit glued to a point as the point's note.
        footnotes={2: ["1"]},
        footnote_lines=["1 Med civilsamhället avses ideella föreningar, trossamfund och studieförbund."],
    ),
    "m03_andring_gsn_middle": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Förvaltningens förslag till plan för elevhälsa 2026–2028",
        body="GSN",
        revised=False,
        addressed_to="I grundskolenämnden",
        header_at="middle",
    ),
    "m04_aterremiss_ks_leadin": dict(
        kind="aterremissyrkande",
        title="Återremissyrkande angående – Förslag till ny organisation för stadens lokalförsörjning",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen",
        header_at="end",
    ),
    "m05_reviderat_bolag_framtiden": dict(
        kind="yrkande",
        title="Yrkande angående – Affärsplan för Förvaltnings AB Framtiden 2026–2028",
        body="Framtiden",
        revised=True,
        addressed_to="I styrelsen för Förvaltnings AB Framtiden",
        header_at="end",
    ),
    "m06_yttrande_mkn": dict(
        kind="yttrande",
        title="Yttrande angående – Miljöprogram för Göteborgs Stad, uppföljning 2025",
        body="MKN",
        revised=False,
        addressed_to="",
        header_at="end",
    ),
    "m07_yrkande_kun_pages": dict(
        kind="yrkande",
        title="Yrkande angående – Kulturnämndens verksamhetsplan och budget 2026",
        body="KUN",
        revised=False,
        addressed_to="I kulturnämnden",
        header_at="start",
    ),
    "m08_tillagg_nfs_hyphens": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Förvaltningens förslag till verksamhetsplan 2026",
        body="NFS",
        revised=False,
        addressed_to="I nämnden för funktionsstöd",
        header_at="end",
    ),
    "m09_andring_snh_start": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Förvaltningens förslag till plan för hemlöshetsarbetet 2026–2028",
        body="SN Hisingen",
        revised=False,
        addressed_to="I socialnämnden Hisingen",
        header_at="start",
    ),
    "m10_yrkande_stadshus_lettered": dict(
        kind="yrkande",
        title="Yrkande angående – Ägardirektiv och bolagsstruktur för stadens helägda bolag 2026",
        body="Stadshus AB",
        revised=False,
        addressed_to="I styrelsen för Göteborgs Stadshus AB",
        header_at="end",
        footnote_lines=["2 Stadsrevisionens granskning av bolagens representation 2024."],
    ),
    "m11_yrkande_snn_footer": dict(
        kind="yrkande",
        title="Yrkande angående – Förvaltningens förslag till handlingsplan för ekonomiskt bistånd 2026",
        body="SN Nordost",
        revised=False,
        addressed_to="I socialnämnden Nordost",
        header_at="end",
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
