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
"family.feature=value", or a combination "family.a=x+b=y|z". The strategies can leave variants out
(the ones the importers misread). The tables are built here, prose and lists in
rollcall_layouts_prose.py, the cast, the frame and the truth in rollcall_layouts_base.py.
"""

from __future__ import annotations

from hypothesis import strategies as st

from .rollcall_layouts_base import (
    CAST,
    CHAIR,
    DEPUTY,
    FIRST_VICE,
    MEMBER,
    SECOND_VICE,
    SERVING,
    SIDE_WORD,
    VICE,
    VOTES,
    Frame,
    Generated,
    Member,
    as_printed,
    counts,
    frame_text,
    frames,
    members,
    page_end,
)
from .rollcall_layouts_prose import lists, prose

FEATURES = {
    "tables": {
        # One Resultat column holding "Ja"/"Nej"/"Avstår", "ja"/"nej"/"avstår" or "J"/"N"/"A" (a legend
        # under the table), or a column per side marked "X", "x" or with the side's word.
        "cells": ("result_word", "result_lower", "result_letter", "marks_x", "marks_lower_x", "marks_word"),
        "order": ("name_first", "party_first", "role_first"),
        "role": ("column", "in_name", "none"),  # a Funktion column, ", ordförande" in the name cell, none
        "role_form": ("words", "ordinal", "short"),  # "Förste vice ordförande", "1:e vice ordförande", "1:e v ordf"
        "party": ("column", "in_name"),  # a Parti column, or "Anna Berg (S)" in the name cell
        "seat": ("none", "plats", "nr_first"),  # a Plats column after the party, or "Nr" before everything
        "header": ("plain", "slash", "rost"),  # "Namn", "Ledamot/tjänstgörande ersättare"; "Röst" for "Resultat"
        "spacing": ("wide", "tight", "single"),  # 3 or 2 spaces between aligned columns; single (results only)
        "title": ("Omröstningslista", "Röstlista", "Voteringslista", ""),
        "absent": (False, True),  # members marked Frånvarande
        "summa": (False, True),
        "page_break": ("none", "furniture", "bare"),  # signature box, page number, form feed; or a form feed only
    },
    "prose": {
        "opening": ("ja_rostar", "foljande", "ledamoterna", "verb_first"),
        "roles": ("prefix", "plain"),
        "article": (False, True),  # verb first: "… och den tjänstgörande ersättaren X (S)"
        "vote_case": ("lower", "upper"),  # "röstar ja" or "röstar Ja"
        "separator": (",", ";"),
        "last_join": ("och", "samt"),
        "counts": ("none", "parens", "utfaller", "resultat", "med_roster"),
        "width": (0, 62, 78, 90),
        "hyphen_wrap": (False, True),  # a double name broken after its hyphen at a line end
        "page_break": (False, True),
        "serves_for": (False, True),
        "avstar_form": ("sentence", "list"),  # "Ledamoten X (S) avstår från att rösta." or the opening's label
    },
    "lists": {
        # "Ja:", "Ja (5):", "Nej-röster (4):", "Ledamöter som röstar ja:", "Ja (5)", "Nej-röster (4)" (a
        # list after the heading on its line takes a colon in every form).
        "heading": ("colon", "count_colon", "roster_colon", "ledamoter", "count", "roster"),
        "layout": ("one_a_line", "comma", "inline", "two_columns"),  # two columns: Ja beside Nej, one a line
        "party_form": ("parens", "comma"),  # "Anna Berg (S)" or "Anna Berg, S"
        "numbered": (False, True),  # "1. Anna Berg (S)" one a line
        "joiner": (",", "och"),  # the last name of a comma list after "och"
        "role": ("after_party", "none"),
        "serves_for": (False, True),  # "X (V), tjänstgörande ersättare för Y (V)"
        "bullet": (False, True),
        "empty_side": (False, True),  # "Avstår (0)." printed for a side nobody took
        "page_break": (False, True),
    },
}
LETTER = {"ja": "J", "nej": "N", "avstar": "A", "franvarande": "–"}
ROLE_FORMS = {
    "ordinal": {FIRST_VICE: "1:e vice ordförande", SECOND_VICE: "2:e vice ordförande"},
    "short": {CHAIR: "ordf", VICE: "v ordf", FIRST_VICE: "1:e v ordf", SECOND_VICE: "2:e v ordf"},
}


def variant_keys(family: str) -> list[str]:
    return [f"{family}.{name}={value}" for name, values in FEATURES[family].items() for value in values]


def baseline(family: str, **changes) -> dict:
    return {name: values[0] for name, values in FEATURES[family].items()} | changes


# ---- tables ---------------------------------------------------------------------------------------


def _printed_role(role: str, f: dict) -> str:
    return ROLE_FORMS.get(f["role_form"], {}).get(role, role)


def _lead(f: dict, name: str, party: str, role: str, seat: str) -> list[str]:
    """The cells before the votes, in the layout's order."""
    parties = [party] if f["party"] == "column" else []
    roles = [role] if f["role"] == "column" else []
    seats = [seat] if f["seat"] == "plats" else []
    lead = {
        "name_first": [name, *parties, *seats, *roles],
        "party_first": [*parties, name, *seats, *roles],
        "role_first": [*roles, name, *parties, *seats],
    }[f["order"]]
    return [seat, *lead] if f["seat"] == "nr_first" else lead


def _row_cells(m: Member, seat: int, f: dict, sides: list[str]) -> list[str]:
    name = f"{m.name} ({m.party})" if f["party"] == "in_name" else m.name
    if f["role"] == "in_name" and m.role != MEMBER:
        name = f"{name}, {m.role}"
    role = m.role[0].upper() + m.role[1:]
    lead = _lead(f, name, m.party, role, str(seat))
    if f["cells"].startswith("result"):
        result = {"result_letter": LETTER[m.vote], "result_lower": SIDE_WORD[m.vote].lower()}
        return [*lead, result.get(f["cells"], SIDE_WORD[m.vote])]
    mark = {"marks_x": "X", "marks_lower_x": "x", "marks_word": SIDE_WORD[m.vote]}[f["cells"]]
    return [*lead, *[mark if side == m.vote else "" for side in sides]]


def _header(f: dict, sides: list[str]) -> list[str]:
    result = f["cells"].startswith("result")
    name = {"plain": "Namn" if result else "Ledamot", "slash": "Ledamot/tjänstgörande ersättare"}
    lead = _lead(f, name.get(f["header"], "Namn"), "Parti", "Funktion", "Plats" if f["seat"] == "plats" else "Nr")
    if result:
        return [*lead, "Röst" if f["header"] == "rost" else "Resultat"]
    return [*lead, *[SIDE_WORD[s] for s in sides]]


def _align(rows: list[list[str]], f: dict) -> list[str]:
    if f["spacing"] == "single" and f["cells"].startswith("result"):
        return [" ".join(cell for cell in r if cell) for r in rows]
    gap = "  " if f["spacing"] == "tight" else "   "
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(max(map(len, rows)))]
    return [gap.join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in rows]


def table(cast: list[Member], frame: Frame, f: dict) -> Generated:
    cast = as_printed(cast, roles=f["role"] != "none", absent=f["absent"])
    cast = [m if m.role == MEMBER else Member(m.name, m.party, _printed_role(m.role, f), m.vote) for m in cast]
    sides = [v for v in VOTES if v != "franvarande" or f["absent"]]
    header = _header(f, sides)
    body = [_row_cells(m, seat, f, sides) for seat, m in enumerate(cast, 1)]
    tally = counts(cast)
    declared = {s: tally[s] for s in sides} if f["summa"] else {}
    if f["summa"] and f["cells"].startswith("marks"):
        body.append(["Summa", *[""] * (len(header) - len(sides) - 1), *[str(tally[s]) for s in sides]])
    lines = _align([header, *body], f)
    if f["summa"] and f["cells"].startswith("result"):
        lines.append("Summa   " + "   ".join(f"{SIDE_WORD[s]} {tally[s]}" for s in sides))
    if f["page_break"] != "none":
        cut = 1 + len(cast) // 2
        repeated = [f"\f{lines[0]}"] if f["page_break"] == "bare" else ["", page_end(frame), lines[0]]
        lines = lines[:cut] + repeated + lines[cut:]
    legend = ["", "J = Ja, N = Nej, A = Avstår, – = Frånvarande"] if f["cells"] == "result_letter" else []
    section = "\n".join([*([f["title"], ""] if f["title"] else []), *lines, *legend])
    return Generated(frame_text(frame, section), [m.row() for m in cast], declared, {"family": "tables", **f})


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
    votes = VOTES if family == "tables" else VOTES[: draw(st.sampled_from((2, 3, 3)))]  # at times none abstains
    cast = draw(members(votes=votes, deputies=(SERVING, DEPUTY), serves_for=family != "tables"))
    return BUILDERS[family](cast, draw(frames), chosen)
