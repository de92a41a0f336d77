# ruff: noqa: C408
"""holdout8: hand truth (truth/*.json) -> the motion runner's format (benchmarks/import_accuracy.py).

Run from this folder: python truth_to_runner.py. Copy of holdout6's script; the header values below
are typed by hand from the documents as printed (the runner wants the kind slug, the board short
name, the title with its kind prefix and the "I …" line); the points come from truth/. Nothing is
read from the parser.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
REST = ("I övrigt bifalla", "Att därutöver bifalla", "Därutöver bifalla")
M = {
    "m01_yrkande_kun_end": dict(
        kind="yrkande",
        title="Yrkande angående – Kulturnämndens förslag till biblioteksplan för Göteborgs Stad 2026–2029",
        body="KUN",
        revised=False,
        addressed_to="I kulturnämnden",
        header_at="end",
        # The footnote under the Yrkandet text, as printed (the runner keeps the footnote lines).
        footnote_lines=["1 Kulturförvaltningens verksamhetsstatistik 2024."],
    ),
    "m02_tillagg_ubn_letters": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Plan för gymnasieskolans lokalförsörjning 2026–2035",
        body="UBN",
        revised=False,
        addressed_to="I utbildningsnämnden",
        header_at="start",
    ),
    "m03_andring_sfn_middle": dict(
        kind="andringsyrkande",
        title=(
            "Ändringsyrkande angående – Stadsfastighetsnämndens underhållsplan för kulturhistoriskt"
            " värdefulla byggnader 2026–2030"
        ),
        body="SFN",
        revised=False,
        addressed_to="I stadsfastighetsnämnden",
        header_at="middle",
    ),
    "m04_aterremiss_ks_leadin": dict(
        kind="aterremissyrkande",
        title="Återremissyrkande angående – Program för en hållbar och tillgänglig innerstad 2026–2035",
        body="KS",
        revised=False,
        addressed_to="I kommunstyrelsen",
        header_at="end",
    ),
    "m05_reviderat_framtiden_start": dict(
        kind="yrkande",
        title="Yrkande angående – Framtidenkoncernens affärsplan 2026–2028",
        body="Framtiden",
        revised=True,
        addressed_to="I styrelsen för Förvaltnings AB Framtiden",
        header_at="start",
    ),
    "m06_yttrande_mkn_party_in_body": dict(
        kind="yttrande",
        title="Yttrande angående – Uppföljning av miljö- och klimatprogrammet 2024",
        body="MKN",
        revised=False,
        addressed_to="",
        header_at="start",
    ),
    "m07_yrkande_gsn_pages": dict(
        kind="yrkande",
        title="Yrkande angående – Grundskoleförvaltningens förslag till resursfördelningsmodell 2026",
        body="GSN",
        revised=False,
        addressed_to="I grundskolenämnden",
        header_at="start",
        # The runner's format keeps a footnote digit glued to a point as the point's note.
        footnotes={2: ["1"]},
        footnote_lines=["1 Avser budgetåren 2022–2024."],
    ),
    "m08_tillagg_kf_hyphen": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Program för full delaktighet för personer med funktionsnedsättning 2026–2030",
        body="KF",
        revised=False,
        addressed_to="I kommunfullmäktige",
        header_at="start",
    ),
    "m09_yrkande_snh_parens": dict(
        kind="yrkande",
        title="Yrkande angående – Socialförvaltningen Hisingens förslag till plan mot hemlöshet 2026–2028",
        body="SN Hisingen",
        revised=False,
        addressed_to="I socialnämnden Hisingen",
        header_at="end",
    ),
    "m10_andring_nav_start": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Plan för vuxenutbildningen i Göteborg 2026",
        body="NAV",
        revised=False,
        addressed_to="I nämnden för arbetsmarknad och vuxenutbildning",
        header_at="start",
    ),
    "m11_yrkande_goteborg_co": dict(
        kind="yrkande",
        title="Yrkande angående – Göteborg & Co:s evenemangsstrategi 2026–2030",
        body="Göteborg & Co",
        revised=False,
        addressed_to="I styrelsen för Göteborg & Co AB",
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
