"""A generator of protocol extracts with roll-call votes in the layout families Swedish municipal
minutes use, each with its exact truth (rows and declared counts; tests/motions/test_rollcall_layouts.py
parses them with parse_protocol and compares).

Three families, each a builder from a cast of members (rollcall_layouts_base.Member), a frame and a
dict of features, and a Hypothesis strategy drawing all three:

- tables: a column of results or a column of marks per side, role column or role in the name cell,
  a seat column, a "Summa" row, the table split by page furniture with its header repeated;
- prose: "Ja röstar: …", "Följande röstar ja: …", "Ledamöterna … röstar ja (7).", role prefixes,
  deputies serving for an absent member, names and parentheses wrapped over line ends, counts;
- lists: a heading per side ("Ja (5)", "Nej-röster (4)", "Avstår:") over one name a line, a comma
  list, or the list after the heading's colon, the role after the party.

FEATURES[family] maps each feature to its values, the first the plainest; a variant is
"family.feature=value". The strategies can leave variants out (the ones the importers misread).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from .rollcall_layouts_base import (
    BODIES,
    CAST,
    DEFINITE,
    DEPUTY,
    MEMBER,
    SERVING,
    VOTES,
    Frame,
    Generated,
    Member,
    counts,
    frame_text,
    frames,
    members,
    wrap,
)

FEATURES = {
    "tables": {
        # One Resultat column holding "Ja"/"Nej"/"Avstår" or "J"/"N"/"A" (a legend under the table),
        # or a column per side marked "X", "x" or with the side's word.
        "cells": ("result_word", "result_letter", "marks_x", "marks_lower_x", "marks_word"),
        "order": ("name_first", "party_first", "role_first"),
        "role": ("column", "in_name", "none"),
        "seat": (False, True),
        "absent": (False, True),  # members marked Frånvarande
        "summa": (False, True),
        "page_break": ("none", "furniture", "bare"),
    },
    "prose": {
        "opening": ("ja_rostar", "foljande", "ledamoterna"),
        "roles": ("prefix", "plain"),
        "last_join": ("och", "samt"),
        "counts": ("none", "parens", "utfaller", "med_roster"),
        "width": (0, 62, 78, 90),
        "serves_for": (False, True),
        "avstar_form": ("sentence", "list"),  # "Ledamoten X (S) avstår från att rösta." or the opening's label
    },
    "lists": {
        # "Ja:", "Ja (5):", "Nej-röster (4):", "Ja (5)", "Nej-röster (4)" (a list after the heading on
        # its line takes a colon in every form).
        "heading": ("colon", "count_colon", "roster_colon", "count", "roster"),
        "layout": ("one_a_line", "comma", "inline"),
        "role": ("after_party", "none"),
        "bullet": (False, True),
        "page_break": (False, True),
    },
}
SIDE_WORD = {"ja": "Ja", "nej": "Nej", "avstar": "Avstår", "franvarande": "Frånvarande"}
LETTER = {"ja": "J", "nej": "N", "avstar": "A", "franvarande": "–"}


def variant_keys(family: str) -> list[str]:
    return [f"{family}.{name}={value}" for name, values in FEATURES[family].items() for value in values]


def baseline(family: str, **changes) -> dict:
    return {name: values[0] for name, values in FEATURES[family].items()} | changes


def _cast(cast: list[Member], *, roles: bool, absent: bool = False, deputies: bool = True) -> list[Member]:
    """The cast as the layout can show it: without printed roles everyone is a ledamot; without an
    absent column nobody is absent; a deputy serves for nobody unless the layout says so."""
    out = []
    for m in cast:
        role = m.role if roles else MEMBER
        role = MEMBER if role in (SERVING, DEPUTY) and not deputies else role
        vote = m.vote if absent or m.vote != "franvarande" else "nej"
        out.append(replace(m, role=role, vote=vote))
    return out


def _party(m: Member) -> str:
    return f"{m.name} ({m.party})"


# ---- tables ---------------------------------------------------------------------------------------


def _table_cells(m: Member, seat: int, f: dict, sides: list[str]) -> list[str]:
    name = f"{m.name}, {m.role}" if f["role"] == "in_name" and m.role != MEMBER else m.name
    role = [m.role[0].upper() + m.role[1:]] if f["role"] == "column" else []
    lead = {
        "name_first": [name, m.party, *([str(seat)] if f["seat"] else []), *role],
        "party_first": [m.party, name, *([str(seat)] if f["seat"] else []), *role],
        "role_first": [*role, name, m.party, *([str(seat)] if f["seat"] else [])],
    }[f["order"]]
    if f["cells"].startswith("result"):
        return [*lead, LETTER[m.vote] if f["cells"] == "result_letter" else SIDE_WORD[m.vote]]
    mark = {"marks_x": "X", "marks_lower_x": "x", "marks_word": SIDE_WORD[m.vote]}[f["cells"]]
    return [*lead, *[mark if side == m.vote else "" for side in sides]]


def _table_header(f: dict, sides: list[str]) -> list[str]:
    result = f["cells"].startswith("result")
    name = "Namn" if result else "Ledamot"
    role = ["Funktion"] if f["role"] == "column" else []
    seat = ["Plats"] if f["seat"] else []
    lead = {
        "name_first": [name, "Parti", *seat, *role],
        "party_first": ["Parti", name, *seat, *role],
        "role_first": [*role, name, "Parti", *seat],
    }[f["order"]]
    return [*lead, "Resultat"] if result else [*lead, *[SIDE_WORD[s] for s in sides]]


def _align(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(max(map(len, rows)))]
    return ["   ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in rows]


def table(cast: list[Member], frame: Frame, f: dict) -> Generated:
    cast = _cast(cast, roles=f["role"] != "none", absent=f["absent"])
    sides = [v for v in VOTES if v != "franvarande" or f["absent"]]
    header = _table_header(f, sides)
    body = [_table_cells(m, seat, f, sides) for seat, m in enumerate(cast, 1)]
    tally = counts(cast)
    declared = {}
    if f["summa"]:
        if f["cells"].startswith("marks"):
            body.append(["Summa", *[""] * (len(header) - len(sides) - 1), *[str(tally[s]) for s in sides]])
        declared = {s: tally[s] for s in sides}
    lines = _align([header, *body])
    if f["summa"] and f["cells"].startswith("result"):
        lines.append("Summa   " + "   ".join(f"{SIDE_WORD[s]} {tally[s]}" for s in sides))
    if f["page_break"] != "none":
        cut = 1 + len(cast) // 2
        running = f"\f{lines[0]}" if f["page_break"] == "bare" else lines[0]
        furniture = ["", "Justerandes signatur          Utdragsbestyrkande", "", " " * 60 + "Sida 1 av 2"]
        furniture += ["\fGöteborgs Stad, protokollsutdrag, § " + str(frame.paragraph), ""]
        lines = lines[:cut] + (furniture if f["page_break"] == "furniture" else []) + [running] + lines[cut:]
    legend = ["", "J = Ja, N = Nej, A = Avstår, – = Frånvarande"] if f["cells"] == "result_letter" else []
    section = "\n".join(["Omröstningslista", "", *lines, *legend])
    rows = [m.row() for m in cast]
    return Generated(frame_text(frame, section), rows, declared, {"family": "tables", **f})


# ---- prose ----------------------------------------------------------------------------------------


def _joined(names: list[str], last: str) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {last} {names[-1]}"


def _prose_name(m: Member, f: dict, *, opening: str) -> str:
    named = _party(m)
    if m.serves_for and f["serves_for"]:
        return f"{DEFINITE[m.role]} {named} som tjänstgjorde för {m.serves_for}"
    if f["roles"] == "plain" or (m.role == MEMBER and opening != "ledamoterna"):
        return named
    return named if m.role == MEMBER else f"{DEFINITE[m.role]} {named}"


def _prose_side(side: str, group: list[Member], f: dict, declared: dict) -> str:
    names = [_prose_name(m, f, opening=f["opening"]) for m in group]
    if f["opening"] == "ledamoterna":
        # "Ledamöterna A (S), B (V), ersättaren C (S) och ordföranden D (S) röstar ja (4)."
        plain = [n for m, n in zip(group, names, strict=True) if m.role == MEMBER]
        others = [n for m, n in zip(group, names, strict=True) if m.role != MEMBER]
        head = ("Ledamöterna " if len(plain) > 1 else "Ledamoten ") + ", ".join(plain) if plain else ""
        parts = [head] if head else []
        listed = _joined([*parts, *others], f["last_join"]) if parts or others else ""
        listed = listed[0].upper() + listed[1:]
        verb = {"ja": "röstar ja", "nej": "röstar nej", "avstar": "avstår från att rösta"}[side]
        count = f" ({len(group)})" if f["counts"] == "parens" else ""
        if f["counts"] == "parens":
            declared[side] = len(group)
        return f"{listed} {verb}{count}."
    listed = _joined(names, f["last_join"])
    count = f" ({len(group)})" if f["counts"] == "parens" else ""
    if f["counts"] == "parens":
        declared[side] = len(group)
    if f["opening"] == "ja_rostar":
        label = {"ja": "Ja röstar", "nej": "Nej röstar", "avstar": "Avstår"}[side]
        return f"{label}{count}: {listed}."
    label = {"ja": "Följande röstar ja", "nej": "Följande röstar nej", "avstar": "Följande avstår"}[side]
    return f"{label}{count}: {listed}."


def prose(cast: list[Member], frame: Frame, f: dict) -> Generated:
    cast = _cast(cast, roles=f["roles"] == "prefix")
    if not f["serves_for"] or f["roles"] == "plain":
        cast = [replace(m, serves_for="") for m in cast]
    if f["opening"] == "ledamoterna":  # "Ledamöterna A, B, …" first, the named roles after
        cast = sorted(cast, key=lambda m: m.role != MEMBER)
    declared: dict[str, int] = {}
    paragraphs = []
    tally = counts(cast)
    for side in ("ja", "nej", "avstar"):
        group = [m for m in cast if m.vote == side]
        if not group:
            continue
        if side == "avstar" and f["avstar_form"] == "sentence" and f["opening"] != "ledamoterna":
            who = ", ".join(_prose_name(m, f, opening="ledamoterna") for m in group)
            paragraphs.append(f"{who[0].upper()}{who[1:]} avstår från att rösta.")
            continue
        paragraphs.append(_prose_side(side, group, f, declared))
    if f["counts"] == "utfaller":
        tail = f", {tally['avstar']} avstår" if tally["avstar"] else ""
        paragraphs.append(f"Omröstningen utfaller med {tally['ja']} ja-röster mot {tally['nej']} nej-röster{tail}.")
        declared = {"ja": tally["ja"], "nej": tally["nej"]} | ({"avstar": tally["avstar"]} if tail else {})
    elif f["counts"] == "med_roster":
        paragraphs.append(
            f"Nämnden har beslutat enligt förvaltningens förslag med {tally['ja']} röster mot {tally['nej']}."
        )
    text = "\n\n".join(wrap(p, f["width"]) if f["width"] else p for p in paragraphs)
    rows = [m.row() for side in ("ja", "nej", "avstar") for m in cast if m.vote == side]
    return Generated(frame_text(frame, text), rows, declared, {"family": "prose", **f})


# ---- lists ----------------------------------------------------------------------------------------


def _list_heading(side: str, n: int, f: dict) -> str:
    word = SIDE_WORD[side]
    if f["heading"] == "colon":
        return f"{word}:"
    roster = f["heading"].startswith("roster") and side != "avstar"
    heading = f"{word}-röster ({n})" if roster else f"{word} ({n})"
    return heading + ":" if f["heading"].endswith("_colon") or f["layout"] == "inline" else heading


def _list_entry(m: Member, f: dict) -> str:
    if f["role"] == "after_party" and m.role != MEMBER:
        return f"{_party(m)}, {m.role}"
    return _party(m)


def lists(cast: list[Member], frame: Frame, f: dict) -> Generated:
    cast = _cast(cast, roles=f["role"] == "after_party")
    cast = [replace(m, serves_for="") for m in cast]
    declared: dict[str, int] = {}
    blocks = []
    for side in ("ja", "nej", "avstar"):
        group = [m for m in cast if m.vote == side]
        if not group:
            continue
        if f["heading"] != "colon":
            declared[side] = len(group)
        heading = _list_heading(side, len(group), f)
        entries = [_list_entry(m, f) for m in group]
        if f["layout"] == "one_a_line":
            bullet = "- " if f["bullet"] else ""
            block = [heading, *[f"{bullet}{e}" for e in entries]]
        elif f["layout"] == "comma":
            block = [heading, wrap(", ".join(entries) + ".", 80)]
        else:
            block = [wrap(f"{heading} {', '.join(entries)}.", 84)]
        blocks.append("\n".join(block))
    if f["page_break"] and len(blocks) > 1:
        # A page ends between the first side and the next: the signature box, the page number and
        # the next page's running line stand between them.
        running = f"\f{BODIES[frame.body][0]}, protokollsutdrag {frame.date.isoformat()}, § {frame.paragraph}"
        furniture = f"Justerandes signatur          Utdragsbestyrkande\n{' ' * 60}Sida 1 av 2\n\n{running}"
        blocks[1:1] = [furniture]
    text = "\n\n".join(blocks)
    rows = [m.row() for side in ("ja", "nej", "avstar") for m in cast if m.vote == side]
    return Generated(frame_text(frame, text), rows, declared, {"family": "lists", **f})


BUILDERS = {"tables": table, "prose": prose, "lists": lists}


def build(family: str, cast: list[Member] = CAST, frame: Frame | None = None, **changes) -> Generated:
    """One extract of the family: the baseline features with the changes."""
    return BUILDERS[family](cast, frame or Frame(), baseline(family, **changes))


def matches(key: str, family: str, chosen: dict) -> bool:
    """The drawn features are the variant key's: "tables.role=in_name", or a combination
    "prose.opening=ja_rostar+counts=none|med_roster" (every part, any of a part's values)."""
    fam, _, parts = key.partition(".")
    if fam != family:
        return False
    wanted = [part.split("=") for part in parts.split("+")]
    return all(str(chosen[name]) in values.split("|") for name, values in wanted)


def features(family: str, exclude: frozenset[str] = frozenset()) -> st.SearchStrategy[dict]:
    """Each feature's value drawn, leaving out every combination named in exclude."""
    single = {k for k in exclude if "+" not in k}
    drawn = st.fixed_dictionaries(
        {
            name: st.sampled_from([v for v in values if f"{family}.{name}={v}" not in single])
            for name, values in FEATURES[family].items()
        }
    )
    combined = [k for k in exclude if "+" in k]
    return drawn.filter(lambda chosen: not any(matches(k, family, chosen) for k in combined)) if combined else drawn


@st.composite
def generated(draw, family: str, exclude: frozenset[str] = frozenset()) -> Generated:
    chosen = draw(features(family, exclude))
    votes = VOTES if family == "tables" else VOTES[:3]
    deputies = (SERVING, DEPUTY) if family == "prose" else (SERVING,)
    cast = draw(members(votes=votes, deputies=deputies, serves_for=family == "prose"))
    return BUILDERS[family](cast, draw(frames), chosen)
