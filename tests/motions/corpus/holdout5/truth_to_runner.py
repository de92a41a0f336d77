# ruff: noqa: C408
"""Hand truth (truth/*.json) -> the motion runner's format (benchmarks/import_accuracy.py) for holdout5.

Run from this folder: python truth_to_runner.py. The header values below are typed by hand from the
documents as printed (the runner wants the kind slug, the board short name, the title with its kind
prefix and the "I …" line); the points come from truth/. Nothing is read from the parser.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
REST = ("I övrigt bifalla", "Att därutöver bifalla", "Därutöver bifalla")
M = {
    "m01_yrkande_kun_paren": dict(
        kind="yrkande",
        title="Yrkande angående – Kulturnämndens plan för stadsdelsbibliotekens öppettider 2025–2026",
        body="KUN",
        revised=False,
        addressed_to="I kulturnämnden",
        header_at="end",
        footnotes={3: ["3"]},
        footnote_lines=["3 Kulturförvaltningens utlåningsstatistik 2024, tabell 4."],
    ),
    "m02_tillagg_ks_letters": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Göteborgs Stads plan för klimatanpassning 2025–2030",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen och kommunfullmäktige",
        header_at="start",
    ),
    "m03_andring_smn_pagebreak": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Stadsmiljönämndens trafiksäkerhetsprogram för skolvägar 2025–2028",
        body="SMN",
        revised=False,
        addressed_to="I stadsmiljönämnden",
        header_at="end",
    ),
    "m04_aterremiss_ubn_leadin": dict(
        kind="aterremissyrkande",
        title="Återremissyrkande angående – Utbildningsnämndens plan för gymnasieskolans lokaler 2025–2035",
        body="UBN",
        revised=False,
        addressed_to="I utbildningsnämnden",
        header_at="end",
    ),
    "m05_reviderat_avo_lov": dict(
        kind="yrkande",
        title="Yrkande angående – Äldre samt vård- och omsorgsnämndens riktlinjer för valfrihetssystem i hemtjänsten",
        body="ÄVO",
        revised=True,
        addressed_to="I äldre samt vård- och omsorgsnämnden",
        header_at="end",
    ),
    "m06_yttrande_ifn_sd": dict(
        kind="yttrande",
        title="Yttrande angående – Idrott- och föreningsnämndens verksamhetsplan med budget 2025",
        body="IFN",
        revised=False,
        addressed_to="",
        header_at="end",
    ),
    "m07_yrkande_snno_leadin": dict(
        kind="yrkande",
        title="Yrkande angående – Socialnämnden Nordosts handlingsplan mot hemlöshet",
        body="SN Nordost",
        revised=False,
        addressed_to="I socialnämnden Nordost",
        header_at="end",
    ),
    "m08_tillagg_kf_breaks": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Göteborgs Stads budget 2026 med flerårsplan 2027–2028",
        body="KF",
        revised=False,
        addressed_to="I kommunfullmäktige",
        header_at="start",
        footnotes={2: ["4"]},
        footnote_lines=["4 Med småföretag avses företag med färre än 50 anställda."],
    ),
    "m09_andring_fsn_blanklines": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Förskolenämndens kvalitetsrapport 2024",
        body="FSN",
        revised=False,
        addressed_to="I förskolenämnden",
        header_at="end",
        footnotes={2: ["2"]},
        footnote_lines=["2 Enligt Skolverkets definition av barngrupp."],
    ),
    "m10_yrkande_stadshus_bolag": dict(
        kind="yrkande",
        title="Yrkande angående – Ägardirektiv för Göteborgs Stadshus AB 2025",
        body="Stadshus AB",
        revised=False,
        addressed_to="I styrelsen för Göteborgs Stadshus AB",
        header_at="end",
    ),
    "m11_yrkande_nfs_att": dict(
        kind="yrkande",
        title="Yrkande angående – Nämnden för funktionsstöds plan för bostäder med särskild service 2025–2029",
        body="NFS",
        revised=False,
        addressed_to="I nämnden för funktionsstöd",
        header_at="start",
    ),
    "m12_yrkande_ndm_midheader": dict(
        kind="yrkande",
        title="Yrkande angående – Nämnden för demokrati och medborgarservices plan för konsumentrådgivning 2025",
        body="NDM",
        revised=False,
        addressed_to="I nämnden för demokrati och medborgarservice",
        header_at="middle",
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
