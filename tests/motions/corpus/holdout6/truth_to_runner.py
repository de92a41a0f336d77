# ruff: noqa: C408
"""holdout6: hand truth (truth/*.json) -> the motion runner's format (benchmarks/import_accuracy.py).

Run from this folder: python truth_to_runner.py. The header values below are typed by hand from the
documents as printed (the runner wants the kind slug, the board short name, the title with its kind
prefix and the "I …" line); the points come from truth/. Nothing is read from the parser.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
REST = ("I övrigt bifalla", "Att därutöver bifalla", "Därutöver bifalla")
M = {
    "m01_yrkande_ks_trafik": dict(
        kind="yrkande",
        title="Yrkande angående – Trafikplan för kollektivtrafikens utbyggnad i Göteborg 2026–2035",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen och kommunfullmäktige",
        header_at="end",
        # The footnote under the Yrkandet text, as printed (the runner keeps the footnote lines).
        footnote_lines=["1 Västtrafiks resvaneundersökning för Göteborgsregionen 2024."],
    ),
    "m02_tillagg_kf_bostader": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Bostadsförsörjningsprogram för Göteborgs Stad 2025–2030",
        body="KF",
        revised=False,
        addressed_to="I kommunfullmäktige",
        header_at="start",
        # The runner's format keeps a footnote digit glued to a point as the point's note.
        footnotes={2: ["1"]},
        footnote_lines=["1 Med nyproduktion avses lägenheter med inflyttning från och med 2026."],
    ),
    "m03_andring_ifn_middle": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Idrotts- och föreningsförvaltningens förslag till anläggningsplan 2026–2029",
        body="IFN",
        revised=False,
        addressed_to="I idrott- och föreningsnämnden",
        header_at="middle",
    ),
    "m04_aterremiss_smn_leadin": dict(
        kind="aterremissyrkande",
        title="Återremissyrkande angående – Parkeringsplan för Göteborgs Stad 2026–2030",
        body="SMN",
        revised=False,
        addressed_to="I stadsmiljönämnden",
        header_at="end",
    ),
    "m05_reviderat_bolag_hamn": dict(
        kind="yrkande",
        title="Yrkande angående – Klimatfärdplan för Göteborgs Hamn AB 2026–2030",
        body="Göteborgs Hamn",
        revised=True,
        addressed_to="I styrelsen för Göteborgs Hamn AB",
        header_at="end",
    ),
    "m06_yttrande_avo": dict(
        kind="yttrande",
        title="Yttrande angående – Uppföljning av hemtjänstens kvalitet 2025",
        body="ÄVO",
        revised=False,
        addressed_to="",
        header_at="end",
    ),
    "m07_yrkande_fsn_pages": dict(
        kind="yrkande",
        title="Yrkande angående – Förskolenämndens verksamhetsplan och budget 2026",
        body="FSN",
        revised=False,
        addressed_to="I förskolenämnden",
        header_at="start",
    ),
    "m08_tillagg_ks_digital": dict(
        kind="tillaggsyrkande",
        title="Yrkande angående – Strategi för digitalisering i Göteborgs Stad 2026–2030",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen och kommunfullmäktige",
        header_at="end",
    ),
    "m09_andring_nfs_start": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Plan för bostäder med särskild service 2026–2030",
        body="NFS",
        revised=False,
        addressed_to="I nämnden för funktionsstöd",
        header_at="start",
    ),
    "m10_yrkande_sn_sydvast": dict(
        kind="yrkande",
        # As printed: no dash after "angående".
        title="Yrkande angående Förvaltningens förslag till handlingsplan mot barnfattigdom 2026",
        body="SN Sydväst",
        revised=False,
        addressed_to="I socialnämnden Sydväst",
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
