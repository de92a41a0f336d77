#!/usr/bin/env python3
"""Standalone consistency check for the JSON fixtures in fixtures/ (stdlib only).

Usage:  python3 tests/data_check/check_fixtures.py [--fixtures DIR] [--seeds DIR]

Checks the structural invariants of the extracted Göteborg data (roll call,
votes, assignments, proposal/motion point counts, board/party references) and,
when the seed texts are available (default /work/shared/seeds or $SEEDS_DIR),
that every extracted text fragment occurs verbatim (whitespace-normalised) in
the source documents.
"""

import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FIXTURES = os.path.normpath(os.path.join(HERE, "..", "..", "fixtures"))
DEFAULT_SEEDS = next(
    (
        p
        for p in (
            os.environ.get("SEEDS_DIR"),
            os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "seeds")),
            "/work/shared/seeds",
        )
        if p and os.path.isdir(p)
    ),
    os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "seeds")),
)

FILES = ["boards.json", "parties.json", "members.json", "assignments.json", "cases.json", "budget.json"]

# Inventory 6.1: per-party tally of KF 2022-06-16 § 4 (ja, nej, avstar, franvarande)
KF_TALLY = {
    "S": (17, 0, 0, 0),
    "M": (12, 0, 0, 0),
    "L": (5, 0, 0, 1),
    "C": (3, 0, 0, 0),
    "KD": (2, 0, 0, 1),
    "D": (0, 14, 0, 0),
    "SD": (0, 7, 0, 0),
    "V": (0, 0, 11, 0),
    "MP": (0, 0, 6, 0),
    "FI": (0, 0, 2, 0),
}
RESULTS = ("ja", "nej", "avstar", "franvarande")
KF_ROLES = {"Ledamot", "Ersättare", "1:e v Ordf", "2:e v Ordf"}
KS_ROLES = {"Ledamot", "Tjänstgörande ersättare", "Ordförande"}
MOTION_KINDS = {
    "yrkande",
    "tillaggsyrkande",
    "andringsyrkande",
    "aterremissyrkande",
    "yttrande",
    "protokollsanteckning",
    "reservation",
}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)
    return cond


def load(fixtures):
    data = {}
    for name in FILES:
        path = os.path.join(fixtures, name)
        with open(path, encoding="utf-8") as fh:
            data[name] = json.load(fh)
    return data


def iso_or_none(v, where):
    check(v is None or (isinstance(v, str) and ISO.match(v)), f"{where}: bad date {v!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixtures", default=DEFAULT_FIXTURES)
    ap.add_argument("--seeds", default=DEFAULT_SEEDS)
    args = ap.parse_args()
    d = load(args.fixtures)

    # ------------------------------------------------------------ boards / parties
    boards = d["boards.json"]
    slugs = [b["slug"] for b in boards]
    board_set = set(slugs)
    check(len(slugs) == len(board_set), "duplicate board slugs")
    kinds = collections.Counter(b["kind"] for b in boards)
    check(kinds == {"decision_body": 2, "committee": 17, "company": 4, "administration": 1}, f"board kinds: {kinds!r}")
    for b in boards:
        check(SLUG.match(b["slug"]) is not None, "bad slug {!r}".format(b["slug"]))
        check(b["parent"] is None or b["parent"] in board_set, "unknown parent {!r}".format(b["parent"]))
        check(b["name"] not in b["variants"], "variant equals name for {}".format(b["slug"]))
    check(
        next(b for b in boards if b["slug"] == "stadsledningskontoret")["parent"] == "kommunstyrelsen",
        "SLK parent must be kommunstyrelsen",
    )

    parties = d["parties.json"]
    party_set = {p["abbreviation"] for p in parties}
    check(party_set == set(KF_TALLY), f"parties: {sorted(party_set)!r}")
    for p in parties:
        check(re.match(r"^#[0-9A-F]{6}$", p["colour"]) is not None, f"bad colour {p!r}")

    refs_board = []  # (where, slug)
    refs_party = []  # (where, abbrev)

    # ------------------------------------------------------------ members
    members = {m["body"]: m["members"] for m in d["members.json"]}
    check(set(members) == {"kommunfullmaktige", "kommunstyrelsen"}, f"members bodies: {list(members)!r}")
    kf = members.get("kommunfullmaktige", [])
    check(len(kf) == 81, "KF members: %d" % len(kf))
    seats = sorted(m["seat"] for m in kf)
    check(seats == list(range(1, 82)), "KF seats are not 1..81 exactly once")
    for m in kf:
        check(m["role"] in KF_ROLES, "KF role {!r}".format(m["role"]))
        check("  " not in m["name"] and m["name"] == m["name"].strip(), "name spacing {!r}".format(m["name"]))
        refs_party.append(("KF member", m["party"]))
    check(
        collections.Counter(m["role"] for m in kf)
        == {"Ledamot": 63, "Ersättare": 16, "1:e v Ordf": 1, "2:e v Ordf": 1},
        "KF role distribution",
    )
    ks = members.get("kommunstyrelsen", [])
    check(len(ks) == 13, "KS members: %d" % len(ks))
    for m in ks:
        check(m["seat"] is None, "KS seat should be null")
        check(m["role"] in KS_ROLES, "KS role {!r}".format(m["role"]))
        refs_party.append(("KS member", m["party"]))
    for body in members:
        refs_board.append(("members", body))

    # ------------------------------------------------------------ assignments
    asg = d["assignments.json"]
    check(asg["periods"] == [{"year": 2023, "kind": "augusti"}], "periods")
    A = asg["assignments"]
    check(len(A) == 14, "assignments: %d" % len(A))
    dist = collections.Counter(a["report_section"] for a in A)
    check(
        dist == {"4.1.2.1": 6, "4.1.2.2": 2, "4.1.3.1": 2, "4.1.3.2": 3, "4.1.4.1": 1}, f"section distribution {dist!r}"
    )
    for sec, n in dist.items():
        check(
            sorted(a["position"] for a in A if a["report_section"] == sec) == list(range(1, n + 1)),
            f"positions in {sec}",
        )
    check(len({a["dnr"] for a in A}) == 14, "duplicate assignment dnr")
    check(any(a["dnr"] == "0921/22" for a in A), "assignment 0921/22 missing")
    SRC = {"4.1.2": "kf_budget", "4.1.3": "kf_outside_budget", "4.1.4": "ks"}
    for a in A:
        w = "assignment {}".format(a["dnr"])
        check(re.match(r"^\d{4}/\d{2}$", a["dnr"]) is not None, w + ": dnr")
        check(a["source"] == SRC[a["report_section"][:5]], w + ": source")
        check((a["budget_year"] == 2023) == (a["source"] == "kf_budget"), w + ": budget_year")
        complete = a["report_section"] in ("4.1.2.1", "4.1.3.1")
        check(a["status"] == ("reported_complete" if complete else "partially_reported"), w + ": status")
        check(not re.search(r"\bdnr\b", a["text"]), w + ": text still contains dnr reference")
        check("får i uppdrag" in a["text"] or " i uppdrag " in a["text"], w + ": subject missing")
        o = a["origin"]
        check(o["body"] in ("kommunfullmaktige", "kommunstyrelsen"), w + ": origin body")
        iso_or_none(o["date"], w + " origin")
        iso_or_none(a["deadline"], w + " deadline")
        refs_board.append((w, o["body"]))
        refs_board.append((w, a["lead"]))
        check(a["lead"] in a["responsible"], w + ": lead not in responsible")
        for s in a["responsible"]:
            refs_board.append((w, s))
        check(len(a["reports"]) == 1, w + ": reports")
        for r in a["reports"]:
            check(r["proposes"] == ("complete" if complete else "partial"), w + ": proposes")
            check(r["text"] and "\n\n\n" not in r["text"], w + ": report text")
            refs_board.append((w, r["board"]))
    a0921 = next(a for a in A if a["dnr"] == "0921/22")
    check(
        a0921["origin"] == {"body": "kommunfullmaktige", "date": "2022-06-16", "paragraph": "4", "point": "3"},
        "0921/22 origin",
    )
    check(sum(a["all_boards"] for a in A) == 4, "all_boards count")

    # ------------------------------------------------------------ cases
    cases = {c["dnr"]: c for c in d["cases.json"]}
    check(set(cases) == {"0921/22", "0355/20", "0064/23"}, f"cases: {list(cases)!r}")
    motions = {}
    for c in cases.values():
        w = "case {}".format(c["dnr"])
        for mt in c["meetings"]:
            refs_board.append((w, mt["body"]))
            iso_or_none(mt["date"], w + " meeting")
            check(mt["kind"] in ("tabled", "referred_back", "decided", "information"), w + ": meeting kind")
        if c["proposal"]:
            p = c["proposal"]
            iso_or_none(p["issued"], w + " issued")
            iso_or_none(p["revised"], w + " revised")
            check([x["number"] for x in p["points"]] == list(range(1, len(p["points"]) + 1)), w + ": TU numbering")
            for x in p["points"]:
                for s in x["responsible"]:
                    refs_board.append((w + " TU", s))
        for m in c["motions"]:
            motions[m["key"]] = m
            check(m["kind"] in MOTION_KINDS, "motion {} kind".format(m["key"]))
            iso_or_none(m["date"], "motion {}".format(m["key"]))
            if m["body"] is not None:
                refs_board.append(("motion " + m["key"], m["body"]))
            for pa in m["parties"]:
                refs_party.append(("motion " + m["key"], pa))
            check(
                [x["number"] for x in m["points"]] == list(range(1, len(m["points"]) + 1)),
                "motion {} numbering".format(m["key"]),
            )
            check(
                (m["approves_rest_point"] is not None) == m["approves_rest"],
                "motion {} approves_rest_point".format(m["key"]),
            )
            if m["approves_rest"]:
                check(m["approves_rest_point"] == len(m["points"]) + 1, "motion {} rest point".format(m["key"]))
            for x in m["points"]:
                check("bifalla tjänsteutlåtandet" not in x["text"], "motion {}: bifalla point kept".format(m["key"]))
                for s in x["responsible"]:
                    refs_board.append(("motion " + m["key"], s))
            check(
                m["parties"] or any("Parti saknas" in f for f in m["flags"]),
                "motion {}: no parties and no flag".format(m["key"]),
            )
        for dec in c["decisions"]:
            refs_board.append((w, dec["body"]))
            iso_or_none(dec["date"], w + " decision")
            for k in dec["adopted_motion_keys"]:
                check(k in {m["key"] for m in c["motions"]}, w + f": adopted key {k}")
            for v in dec["votes"]:
                cnt = collections.Counter(r["result"] for r in v["records"])
                for res in RESULTS:
                    check(v[res] == cnt.get(res, 0), w + ": vote %s %d != %d records" % (res, v[res], cnt.get(res, 0)))
                check(len(v["records"]) == sum(v[r] for r in RESULTS), w + ": vote total")
                for r in v["records"]:
                    refs_party.append((w + " vote", r["party"]))
            for n in dec["notes"]:
                check(n["kind"] in ("protokollsanteckning", "reservation"), w + ": note kind")
                for pa in n["parties"]:
                    refs_party.append((w + " note", pa))
            for rm in dec["referred_motions"]:
                iso_or_none(rm["date"], w + " referred motion")
                for pa in rm["parties"]:
                    refs_party.append((w + " referred motion", pa))

    slk = cases["0921/22"]
    check(slk["case_number"] == "SLK-2022-00921", "SLK case number")
    check(len(slk["proposal"]["points"]) == 12, "TU SLK-2022-00921 points: %d" % len(slk["proposal"]["points"]))
    check((slk["proposal"]["issued"], slk["proposal"]["revised"]) == ("2024-02-26", "2024-05-20"), "TU dates")
    check(sorted(m["key"] for m in slk["motions"]) == ["000-A", "000-B", "000-C"], "SLK motions")
    check(
        [(m["kind"], m["date"], m["paragraph"]) for m in slk["meetings"]]
        == [("tabled", "2024-03-20", "221"), ("tabled", "2024-04-10", "296"), ("referred_back", "2024-04-24", "355")],
        "SLK meetings",
    )
    check(len(slk["decisions"]) == 1, "SLK decisions")
    ks355 = slk["decisions"][0]
    check((ks355["paragraph"], ks355["outcome"]) == ("355", "referred_back"), "§ 355")
    v = ks355["votes"][0]
    check((v["ja"], v["nej"], v["avstar"], v["franvarande"], len(v["records"])) == (7, 6, 0, 0, 13), "§ 355 vote")
    check(all(re.search(rf"^{l}\. ", ks355["text"], re.M) for l in "abc"), "§ 355 lettered tasks")
    check({r["name"] for r in v["records"]} == {m["name"] for m in ks}, "§ 355 records vs KS members")

    kfc = cases["0355/20"]
    check(kfc["case_number"] is None and kfc["motions"] == [], "KF case shape")
    kf4 = kfc["decisions"][0]
    check(
        (kf4["body"], kf4["date"], kf4["paragraph"], kf4["outcome"])
        == ("kommunfullmaktige", "2022-06-16", "4", "adopted"),
        "KF § 4",
    )
    v = kf4["votes"][0]
    check((v["ja"], v["nej"], v["avstar"], v["franvarande"]) == (39, 21, 19, 2), "KF vote totals")
    tally = collections.defaultdict(lambda: [0, 0, 0, 0])
    for r in v["records"]:
        tally[r["party"]][RESULTS.index(r["result"])] += 1
    check({k: tuple(x) for k, x in tally.items()} == KF_TALLY, "KF per-party tally differs from inventory 6.1")
    kf_by_name = {m["name"]: m["party"] for m in kf}
    check({r["name"]: r["party"] for r in v["records"]} == kf_by_name, "KF records vs members")
    check(all(re.search(r"^%d\. " % i, kf4["text"], re.M) for i in (1, 2, 3)), "KF § 4 points in text")
    check(sorted(n["kind"] for n in kf4["notes"]) == ["protokollsanteckning", "reservation", "reservation"], "KF notes")
    check(
        [(m["kind"], m["date"]) for m in kfc["meetings"]] == [("tabled", "2022-06-09"), ("decided", "2022-06-16")],
        "KF meetings",
    )

    dc = cases["0064/23"]
    check(len(dc["proposal"]["points"]) == 9 and dc["proposal"]["revised"] is None, "TU 0064/23")
    check(dc["decisions"] == [], "0064/23 has no decision")

    want = {"000-A": (11, False), "000-B": (5, True), "000-C": (2, False), "002-Y": (4, True), "002-Ytt": (0, False)}
    for k, (n, rest) in want.items():
        m = motions.get(k)
        if check(m is not None, f"motion {k} missing"):
            check(len(m["points"]) == n, "motion %s: %d points (want %d)" % (k, len(m["points"]), n))
            check(m["approves_rest"] == rest, f"motion {k} approves_rest")
    check(
        motions["000-C"]["kind"] == "tillaggsyrkande"
        and motions["000-C"]["date"] == "2024-06-04"
        and motions["000-C"]["body"] == "kommunstyrelsen",
        "000-C header",
    )
    m = motions["002-Y"]
    check(m["revision"] and m["parties"] == ["V", "S", "MP"] and m["date"] == "2023-10-17", "002-Y header")
    m = motions["002-Ytt"]
    check(m["kind"] == "yttrande" and m["parties"] == ["SD"] and m["date"] == "2023-10-16", "002-Ytt header")

    # ------------------------------------------------------------ budget
    bud = d["budget.json"]
    ce = bud["cost_estimates"]
    check(
        [(c["point"], c["amount_kr"]) for c in ce] == [(4, 1100000), (4, 600000), (6, 800000), (7, 800000), (9, None)],
        "cost estimates",
    )
    # The TU states no years for its costs; "2025–2027" is the budget process (budget_process_years).
    check(all(c.get("years") is None for c in ce), "cost estimates carry years the TU does not state")
    for c in ce:
        check(c["case"] == "SLK-2022-00921", "cost case")
        check(c["financing"] in ("within_frame", "limited_within_frame", "extra_resources"), "financing")
        if c["board"] is not None:
            refs_board.append(("cost", c["board"]))
        for s in c.get("boards", []):
            refs_board.append(("cost", s))
    fc = {x["point"]: x["financing"] for x in bud["financing_classes"]}
    check(sorted(fc) == list(range(2, 13)), "financing classes cover points 2..12")
    check({p for p, f in fc.items() if f == "extra_resources"} == {4, 6, 7, 9}, "extra_resources points")
    check({p for p, f in fc.items() if f == "limited_within_frame"} == {5, 8}, "limited points")
    check({p for p, f in fc.items() if f == "within_frame"} == {2, 3, 10, 11, 12}, "within_frame points")
    st = {s["section"]: s for s in bud["statements"]}
    check(set(st) == {"3.2.1", "4.3"}, "statement sections")
    for s in bud["statements"]:
        refs_board.append(("statement", s["board"]))
        for g in s["groups"]:
            for r in g["rows"]:
                for k in (
                    "utfall",
                    "budget",
                    "avvikelse",
                    "utfall_fg_ar",
                    "prognos",
                    "fg_prognos",
                    "budget_helar",
                    "bokslut_fg_ar",
                ):
                    val = r[k]
                    check(val is None or re.match(r"^-?\d+(,\d+)?$", val), f"statement value {val!r}")
    check(len(st["3.2.1"]["groups"]) == 1 and len(st["3.2.1"]["groups"][0]["rows"]) == 5, "3.2.1 rows")
    check([len(g["rows"]) for g in st["4.3"]["groups"]] == [5, 5, 4, 4, 5, 9], "4.3 group sizes")
    ins = st["4.3"]["groups"][-1]["rows"]
    check(ins[-1]["kind"] == "summa" and ins[-1]["utfall"] == "-16,63", "Insatsområden Summa")
    hela = {r["label"]: r for r in st["4.3"]["groups"][0]["rows"]}
    s321 = {r["label"]: r for r in st["3.2.1"]["groups"][0]["rows"]}
    diffs = sorted((lab, k) for lab in s321 for k in s321[lab] if s321[lab][k] != hela[lab][k])
    check(
        diffs == [("Intäkter", "fg_prognos"), ("Intäkter", "utfall_fg_ar")],
        f"3.2.1 vs 4.3 Hela kommunledningen differences: {diffs!r}",
    )
    for ci in bud["central_items"]:
        refs_board.append(("central", ci["board"]))
        check(len(ci["rows"]) == 5, "central items rows")

    # ------------------------------------------------------------ references
    for w, s in refs_board:
        check(s in board_set, f"{w}: unknown board slug {s!r}")
    for w, p in refs_party:
        check(p in party_set, f"{w}: unknown party {p!r}")

    # ------------------------------------------------------------ text fidelity against the seeds
    seed_files = []
    if os.path.isdir(args.seeds):
        seed_files = [os.path.join(args.seeds, f) for f in sorted(os.listdir(args.seeds)) if f.endswith(".txt")]
    if seed_files:
        corpus = " ".join(" ".join(open(f, encoding="utf-8").read().split()) for f in seed_files)
        # lines ending in a bare hyphen are joined without space in the fixtures
        corpus2 = re.sub(r"(\S)- (?=[a-zåäö0-9])", r"\1-", corpus)

        def verbatim(text, where):
            for frag in text.split("\n"):
                frag = frag.strip()
                if frag and frag not in corpus and frag not in corpus2:
                    errors.append(f"{where}: text not found in seeds: {frag[:80]!r}")

        for a in A:
            verbatim(a["text"], "assignment {} text".format(a["dnr"]))
            for r in a["reports"]:
                verbatim(r["text"], "assignment {} report".format(a["dnr"]))
        for c in cases.values():
            if c["proposal"]:
                for x in c["proposal"]["points"]:
                    verbatim(x["text"], "case %s TU point %d" % (c["dnr"], x["number"]))
            for m in c["motions"]:
                verbatim(m["title"], "motion {} title".format(m["key"]))
                verbatim(m["justification"], "motion {} justification".format(m["key"]))
                for x in m["points"]:
                    verbatim(x["text"], "motion %s point %d" % (m["key"], x["number"]))
            for dec in c["decisions"]:
                verbatim(dec["text"], "case {} decision".format(c["dnr"]))
                for n in dec["notes"]:
                    verbatim(n["text"], "case {} note".format(c["dnr"]))
                for v in dec["votes"]:
                    verbatim(v["proposition"], "case {} proposition".format(c["dnr"]))

        # A motion's parties in the order the minutes name it: "yrkande från V, S och MP".
        def named(parties):
            return parties[0] if len(parties) == 1 else ", ".join(parties[:-1]) + " och " + parties[-1]

        for c in cases.values():
            for dec in c["decisions"]:
                for m in dec.get("referred_motions", []):
                    if m.get("parties"):
                        check(
                            "från " + named(m["parties"]) in corpus,
                            "case {}: parties {} not named so in the seeds".format(c["dnr"], m["parties"]),
                        )

        # Every row of the financial tables as printed: its label and its figures in the document's
        # column order, the printed Avvikelse included. Whitespace (the layout breaks figures and
        # labels over lines: "-\n\n370,\n7", "Kompetens-\nutveckling") and a hyphen between two
        # letters are left out on both sides. 3.2.1 prints the period and the year as two tables.
        def flat(text):
            return re.sub(r"(?<=[A-Za-zåäöÅÄÖ])-(?=[A-Za-zåäöÅÄÖ])", "", re.sub(r"\s+", "", text))

        seed_flat = flat(" ".join(open(f, encoding="utf-8").read() for f in seed_files))
        order = ("utfall", "budget", "avvikelse", "utfall_fg_ar")
        order += ("prognos", "fg_prognos", "budget_helar", "bokslut_fg_ar")
        for s in bud["statements"]:
            for g in s["groups"]:
                for r in g["rows"]:
                    figures = [r[k] for k in order]
                    if all(v is None for v in figures):
                        continue
                    if not check(None not in figures, "statement row {} has a gap".format(r["label"])):
                        continue
                    parts = [figures[:4], figures[4:]] if s["section"] == "3.2.1" else [figures]
                    for part in parts:
                        needle = flat(r["label"] + "".join(part))
                        check(
                            needle in seed_flat,
                            "statement {} {} {}: {} not printed so in the seeds".format(
                                s["section"], g["name"], r["label"], " ".join(part)
                            ),
                        )
    else:
        print(f"note: seeds not found at {args.seeds}, verbatim checks skipped")

    if errors:
        for e in errors:
            print("FAIL:", e)
        print("%d problem(s)" % len(errors))
        return 1
    print(
        "OK: all fixture invariants hold (%d boards, %d KF members, %d assignments, %d cases)"
        % (len(boards), len(kf), len(A), len(cases))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
