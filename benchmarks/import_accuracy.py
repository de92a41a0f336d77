"""How exactly the motion importer reads the corpora (issue 15): for every folder of
tests/motions/corpus/ with .txt/.json pairs, the share of decision points read exactly right and
the share of header fields read right or flagged, from the text and from the PDF rendered from it.

    .venv/bin/python -m benchmarks.import_accuracy [--no-pdf] [--verbose] [folder …]

Targets: at least 98 % of decision points exact, every header field right or flagged. The
"holdout" folders hold motions written before the parser was read, in the city's layouts; the
others were written alongside the parser. Folders of other documents (TUs, protocols, roll calls)
are skipped, as are such documents inside a motion folder (holdout3's p*/t*). A lead-in above the
points counts as one more decision item, so a lead-in lost or read where there is none is a miss.
Runs on an in-memory SQLite database holding the shipped boards and parties (the resolver looks
them up); touches no other database.
"""

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
CORPUS = BASE_DIR / "tests" / "motions" / "corpus"
TARGET_POINTS = 0.98
TARGET_HEADER = 1.0
# The header fields and the field_flags key that flags each ("" = no flag can stand for it).
HEADER_FIELDS = {
    "kind": "kind",
    "title": "",
    "date": "date",
    "body": "body",
    "parties": "parties",
    "revised": "kind",
    "addressed_to": "",
    "header_at": "header",
}
# The PDF options by document index, as tests/motions/test_corpus.py renders them.
FOOTERS = ["sida", "paren", "number"]
HEADERS = ["Kommunstyrelsen", "", "Göteborgs Stad – Stadsledningskontoret"]


@dataclass
class Score:
    points_right: int = 0
    points_total: int = 0
    header_ok: int = 0
    header_total: int = 0
    refused: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.points_right += other.points_right
        self.points_total += other.points_total
        self.header_ok += other.header_ok
        self.header_total += other.header_total
        self.refused += other.refused
        self.misses += other.misses


def decision_items(parsed: dict) -> list:
    """The points, and the approve-the-rest flag with its wording as one more item when present."""
    items = [(p["number"], p["text"], tuple(p.get("notes", []))) for p in parsed["points"]]
    if parsed["approves_rest"] or parsed["approves_rest_wording"]:
        items.append(("övrigt", parsed["approves_rest_wording"]))
    return items


def score(name: str, expected: dict, parsed: dict | None, field_flags: dict | None) -> Score:
    result = Score()
    wanted = decision_items(expected)
    result.header_total = len(HEADER_FIELDS)
    if parsed is None:  # refused: nothing read right
        result.points_total = max(len(wanted), 1)
        result.refused = 1
        result.misses.append(f"{name}: refused")
        return result
    got = decision_items(parsed)
    result.points_total = max(len(wanted), len(got))
    for index in range(result.points_total):
        want = wanted[index] if index < len(wanted) else None
        have = got[index] if index < len(got) else None
        if want == have:
            result.points_right += 1
        else:
            result.misses.append(f"{name}: point {index + 1}: expected {want!r}, read {have!r}")
    # The lead-in above the points ("Ärendet återremitteras … för att") is one more decision item,
    # scored on its own so that one lost or extra lead-in does not shift the points after it.
    want_lead, have_lead = expected.get("lead_in", ""), parsed.get("lead_in", "")
    if want_lead or have_lead:
        result.points_total += 1
        if want_lead == have_lead:
            result.points_right += 1
        else:
            result.misses.append(f"{name}: lead-in: expected {want_lead!r}, read {have_lead!r}")
    must_flag = set(expected.get("flagged", []))
    for key, flag_key in HEADER_FIELDS.items():
        flagged = bool(flag_key and field_flags.get(flag_key))
        right = parsed[key] == expected[key]
        if (right and (key not in must_flag or flagged)) or (not right and flagged):
            result.header_ok += 1
        else:
            why = "not flagged" if right else f"expected {expected[key]!r}, read {parsed[key]!r}"
            result.misses.append(f"{name}: {key}: {why}")
    return result


def read(text: str):
    from motions.importers import ImportError_, parse_motion_text

    try:
        parsed = parse_motion_text(text)
    except ImportError_ as error:
        return None, {"error": str(error)}
    return parsed.as_json(), parsed.field_flags


def measure(folder: Path, *, pdf: bool) -> dict[str, Score]:
    from motions.importers import pdf_to_text
    from tests.motions.corpus.render import render

    scores = {"text": Score(), "pdf": Score()} if pdf else {"text": Score()}
    for index, path in enumerate(motion_documents(folder)):
        expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
        text = path.read_text("utf-8")
        parsed, flags = read(text)
        scores["text"].add(score(path.stem, expected, parsed, flags))
        if pdf:
            options = {"footer": FOOTERS[index % 3], "running_header": HEADERS[index % 3]}
            parsed, flags = read(pdf_to_text(render(text, **options)).text)
            scores["pdf"].add(score(f"{path.stem} (PDF)", expected, parsed, flags))
    return scores


def is_motion_expectation(expected: dict) -> bool:
    """The corpus also holds TUs, protocols and roll calls (proposals/, protocols/, rollcalls/, and
    holdout3's p*/t* with their truth in truth/); only a motion's expectation has a kind and points."""
    return "kind" in expected and "points" in expected


def motion_documents(folder: Path) -> list[Path]:
    """The folder's texts that have a motion's expected parse beside them, in name order."""
    found = []
    for path in sorted(folder.glob("*.txt")):
        expected_path = path.with_suffix(".json")
        if expected_path.exists() and is_motion_expectation(json.loads(expected_path.read_text("utf-8"))):
            found.append(path)
    return found


def _setup_django():
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goteborg_uppdrag.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    from goteborg_uppdrag.seed_loader import load_all

    call_command("migrate", verbosity=0, interactive=False)
    load_all()


def percent(right: int, total: int) -> str:
    return f"{100 * right / total:.1f} %" if total else "–"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="*", help="corpus folders (default: every folder of the corpus)")
    parser.add_argument("--no-pdf", action="store_true", help="only the texts, not the rendered PDFs")
    parser.add_argument("--verbose", action="store_true", help="list every point and field read wrong")
    args = parser.parse_args(argv)
    _setup_django()
    folders = [CORPUS / f for f in args.folders] or sorted(
        p for p in CORPUS.iterdir() if p.is_dir() and motion_documents(p)
    )
    met = True
    for folder in folders:
        documents = len(motion_documents(folder))
        for source, s in measure(folder, pdf=not args.no_pdf).items():
            points_ok = s.points_total and s.points_right / s.points_total >= TARGET_POINTS
            header_ok = s.header_total and s.header_ok / s.header_total >= TARGET_HEADER
            met = met and bool(points_ok and header_ok)
            print(
                f"Korpus {folder.name} ({documents} handlingar, {source}): beslutspunkter exakt "
                f"{s.points_right}/{s.points_total} = {percent(s.points_right, s.points_total)}; "
                f"sidhuvudfält rätt eller flaggade {s.header_ok}/{s.header_total} = "
                f"{percent(s.header_ok, s.header_total)}; avvisade {s.refused}; "
                f"mål ≥{TARGET_POINTS:.0%} och 100 %: {'nås' if points_ok and header_ok else 'NÅS INTE'}."
            )
            if args.verbose:
                for miss in s.misses:
                    print("   ", miss)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
