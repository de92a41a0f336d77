# ruff: noqa: C408
"""holdout9: hand truth (truth/*.json) -> the motion runner's format (benchmarks/import_accuracy.py).

Run from this folder: python truth_to_runner.py. The header values below are typed by hand from the
documents as printed (the runner wants the kind slug, the board short name, the title with its kind
prefix and the "I …" line); the points come from truth/. Nothing is read from the parser.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
REST = ("I övrigt bifalla", "Att därutöver bifalla", "Därutöver bifalla")
M = {
    "m01_yrkande_kf_skolval": dict(
        kind="yrkande",
        title="Yrkande angående – Motion om ett rättvisare skolval i Göteborg",
        body="KF",
        revised=False,
        addressed_to="I kommunfullmäktige",
        header_at="start",
    ),
    "m02_tillagg_ks_bostad": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Riktlinjer för markanvisning i Göteborgs Stad",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen",
        header_at="end",
    ),
    "m03_andring_gsn_middle": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Grundskoleförvaltningens förslag till lokalförsörjningsplan 2026–2030",
        body="GSN",
        revised=False,
        addressed_to="I grundskolenämnden",
        header_at="middle",
    ),
    "m04_reviderat_smn_cykel": dict(
        kind="yrkande",
        title="Yrkande angående – Cykelprogram för Göteborg 2026–2035",
        body="SMN",
        revised=True,
        addressed_to="I stadsmiljönämnden",
        header_at="end",
    ),
    "m05_yttrande_kun": dict(
        kind="yttrande",
        title="Yttrande angående – Kulturförvaltningens förslag till biblioteksplan 2026–2029",
        body="KUN",
        revised=False,
        addressed_to="",
        header_at="end",
    ),
    "m06_aterremiss_mkn": dict(
        kind="aterremissyrkande",
        title=(
            "Återremissyrkande angående – Miljö- och klimatförvaltningens förslag till taxa för tillsyn"
            " enligt miljöbalken 2026"
        ),
        body="MKN",
        revised=False,
        addressed_to="I miljö- och klimatnämnden",
        header_at="start",
    ),
    "m07_yrkande_framtiden": dict(
        kind="yrkande",
        title="Yrkande angående – Affärsplan för Framtidenkoncernen 2026",
        body="Framtiden",
        revised=False,
        addressed_to="I styrelsen för Förvaltnings AB Framtiden",
        header_at="end",
        # The footnote digit glued to point 1 is the point's note; the footnote line as printed.
        footnotes={1: ["1"]},
        footnote_lines=["1 Enligt Fastighetsägarna Göteborgs hyresstatistik för 2024."],
    ),
    "m08_yrkande_sn_nordost": dict(
        kind="yrkande",
        title="Yrkande angående – Handlingsplan för trygghet i Nordost 2026",
        body="SN Nordost",
        revised=False,
        addressed_to="I socialnämnden Nordost",
        header_at="end",
    ),
    "m09_tillagg_nav": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Plan för vuxenutbildningen 2026–2028",
        body="NAV",
        revised=False,
        addressed_to="I nämnden för arbetsmarknad och vuxenutbildning",
        header_at="start",
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
