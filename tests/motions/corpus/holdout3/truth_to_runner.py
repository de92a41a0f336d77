# ruff: noqa: C408
# Hand truth -> runner format (every value below typed by hand from reading the text).
import json
from pathlib import Path

M = {
    "m01_tillagg_mn": dict(
        kind="tillaggsyrkande",
        title="Tilläggsyrkande angående – Handlingsplan för minskad klimatpåverkan från stadens fordon",
        date="2025-03-11",
        body="MKN",
        parties=["L", "C", "KD"],
        revised=False,
        addressed_to="I miljö- och klimatnämnden",
        approves_rest=True,
        approves_rest_wording="Därutöver bifalla förvaltningens förslag.",
        header_at="start",
    ),
    "m02_yrkande_lettered": dict(
        kind="yrkande",
        title="Yrkande angående – Lokalförsörjningsplan för grundskolan 2025–2029",
        date="2025-01-28",
        body="GSN",
        parties=["S", "V"],
        revised=False,
        addressed_to="I grundskolenämnden",
        approves_rest=True,
        approves_rest_wording="I övrigt bifalla förvaltningens förslag.",
        header_at="end",
    ),
    "m03_andring": dict(
        kind="andringsyrkande",
        title="Ändringsyrkande angående – Taxa för tillsyn enligt livsmedelslagen 2026",
        date="2025-10-22",
        body="KS",
        parties=["M", "L", "KD", "D"],
        revised=False,
        addressed_to="I kommunstyrelsen och kommunfullmäktige",
        approves_rest=False,
        approves_rest_wording="",
        header_at="end",
    ),
    "m04_aterremiss": dict(
        kind="aterremissyrkande",
        title="Återremissyrkande angående – Ny organisation för stadens kontaktcenter",
        date="2025-05-07",
        body="KS",
        parties=["MP", "V", "FI"],
        revised=False,
        addressed_to="I kommunstyrelsen",
        # Issue 15: the unnumbered text above the points, which the points complete.
        lead_in="Ärendet återremitteras till stadsledningskontoret för att",
        approves_rest=False,
        approves_rest_wording="",
        header_at="middle",
    ),
    "m05_reviderat": dict(
        kind="yrkande",
        title="Yrkande angående Budgetuppföljning per februari 2025 för idrotts- och föreningsnämnden",
        date="2025-03-18",
        body="IFN",
        parties=["SD"],
        revised=True,
        addressed_to="I idrotts- och föreningsnämnden",
        approves_rest=True,
        approves_rest_wording="I övrigt bifalla förvaltningens förslag.",
        header_at="middle",
    ),
    "m06_yttrande": dict(
        kind="yttrande",
        title="Yttrande angående – Årsrapport 2024 för socialnämnden Nordost",
        date="2025-02-20",
        body="SN Nordost",
        parties=["C", "L"],
        revised=False,
        addressed_to="",
        approves_rest=False,
        approves_rest_wording="",
        header_at="start",
    ),
    "m07_yrkande_noheader": dict(
        kind="yrkande",
        title="Yrkande angående – Program för fossilfri energi i stadens fastigheter",
        date=None,
        body=None,
        parties=[],
        revised=False,
        addressed_to="I fastighetsnämnden",
        approves_rest=True,
        approves_rest_wording="Därutöver bifalla kontorets förslag.",
        header_at="",
        flagged=["date", "body", "parties"],
    ),
}
for stem, head in M.items():
    truth = json.loads(Path(f"truth/{stem}.json").read_text("utf-8"))
    pts = truth["points"]
    if head["approves_rest"]:
        assert pts[-1] == head["approves_rest_wording"], stem
        pts = pts[:-1]
    out = dict(head)
    out.setdefault("flagged", [])
    out["points"] = [{"number": i + 1, "text": t} for i, t in enumerate(pts)]
    Path(f"{stem}.json").write_text(json.dumps(out, ensure_ascii=False, indent=2), "utf-8")
