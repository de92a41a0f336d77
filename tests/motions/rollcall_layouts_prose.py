"""The prose and list families of tests/motions/rollcall_layouts.py: the roll call written out in
sentences ("Ja röstar: …", "Följande röstar ja: …", "Ledamöterna … röstar ja (7).", "Ja röstar
ordföranden …, ledamöterna …") or listed under a heading per side ("Ja (5):", "Nej-röster (4):",
"Ledamöter som röstar ja:"). Each builder takes the cast, the frame and the features drawn
(rollcall_layouts.FEATURES) and returns the extract with its truth, rows in the order printed.
"""

from __future__ import annotations

from .rollcall_layouts_base import (
    CHAIR,
    DEFINITE,
    FIRST_VICE,
    MEMBER,
    SECOND_VICE,
    SIDE_WORD,
    VICE,
    Frame,
    Generated,
    Member,
    as_printed,
    counts,
    frame_text,
    joined,
    named,
    page_end,
    wrap,
    wrap_hyphens,
)

SIDES = ("ja", "nej", "avstar")
PRESIDIUM = (CHAIR, VICE, FIRST_VICE, SECOND_VICE)


def _in_prose(m: Member, f: dict, *, prefix_members: bool = False) -> str:
    """ "ordföranden Anna Berg (S)", "ersättaren X (S) som tjänstgjorde för Y (M)", "Anna Berg (S)"."""
    if m.serves_for:
        return f"{DEFINITE[m.role]} {named(m)} som tjänstgjorde för {m.serves_for}"
    if m.role == MEMBER and not prefix_members:
        return named(m)
    return f"{DEFINITE[m.role]} {named(m)}"


def _verb(side: str, f: dict) -> str:
    word = SIDE_WORD[side] if f["vote_case"] == "upper" else side
    return "avstår från att rösta" if side == "avstar" else f"röstar {word}"


def _order(group: list[Member], f: dict) -> list[Member]:
    """The order the sentence names them: "Ledamöterna A, B …" first in the ledamoterna form; the
    presidium, the members, the deputies in the verb-first form."""
    if f["opening"] == "ledamoterna":
        return sorted(group, key=lambda m: m.role != MEMBER)
    if f["opening"] == "verb_first":
        return sorted(group, key=lambda m: (m.role not in PRESIDIUM, m.role != MEMBER))
    return group


def _side_sentence(side: str, group: list[Member], f: dict, declared: dict) -> str:
    count = f" ({len(group)})" if f["counts"] == "parens" else ""
    if count:
        declared[side] = len(group)
    sep, last = f["separator"], f["last_join"]
    if f["opening"] in ("ledamoterna", "verb_first"):
        plain = [named(m) for m in group if m.role == MEMBER and not m.serves_for]
        others = [_in_prose(m, f) for m in group if m.role != MEMBER or m.serves_for]
        head = ("ledamöterna " if len(plain) > 1 else "ledamoten ") + f"{sep} ".join(plain) if plain else ""
        if f["opening"] == "verb_first":
            # "Ja röstar ordföranden A (S), ledamöterna B (S), C (V) och den tjänstgörande ersättaren D (S)."
            chairs = [_in_prose(m, f) for m in group if m.role in PRESIDIUM]
            rest = [
                f"{'den ' * f['article']}{_in_prose(m, f)}"
                for m in group
                if m.role not in PRESIDIUM and m.role != MEMBER
            ]
            listed = joined([*chairs, *([head] if head else []), *rest], last, sep)
            if side == "avstar":
                return f"{listed[0].upper()}{listed[1:]} avstår från att rösta{count}."
            return f"{SIDE_WORD[side]} röstar {listed}{count}."
        listed = joined([*([head] if head else []), *others], last, sep)
        return f"{listed[0].upper()}{listed[1:]} {_verb(side, f)}{count}."
    listed = joined([_in_prose(m, f) for m in group], last, sep)
    if f["opening"] == "ja_rostar":
        label = {"ja": "Ja röstar", "nej": "Nej röstar", "avstar": "Avstår"}[side]
    else:
        label = "Följande avstår" if side == "avstar" else f"Följande {_verb(side, f)}"
    return f"{label}{count}: {listed}."


def prose(cast: list[Member], frame: Frame, f: dict) -> Generated:
    cast = as_printed(cast, roles=f["roles"] == "prefix", serves_for=f["serves_for"] and f["roles"] == "prefix")
    declared: dict[str, int] = {}
    paragraphs, rows = [], []
    tally = counts(cast)
    for side in SIDES:
        group = _order([m for m in cast if m.vote == side], f)
        if not group:
            continue
        rows += [m.row() for m in group]
        if side == "avstar" and f["avstar_form"] == "sentence" and f["opening"] in ("ja_rostar", "foljande"):
            who = joined([_in_prose(m, f, prefix_members=True) for m in group], f["last_join"], f["separator"])
            paragraphs.append(f"{who[0].upper()}{who[1:]} avstår från att rösta.")
            continue
        paragraphs.append(_side_sentence(side, group, f, declared))
    abstained = tally["avstar"]
    if f["counts"] == "utfaller":
        tail = f", {abstained} avstår" if abstained else ""
        paragraphs.append(f"Omröstningen utfaller med {tally['ja']} ja-röster mot {tally['nej']} nej-röster{tail}.")
        declared = {"ja": tally["ja"], "nej": tally["nej"]} | ({"avstar": abstained} if abstained else {})
    elif f["counts"] == "resultat":
        tail = f", {abstained} avstår" if abstained else ""
        paragraphs.append(f"Omröstningsresultat: {tally['ja']} ja, {tally['nej']} nej{tail}.")
        declared = {"ja": tally["ja"], "nej": tally["nej"]} | ({"avstar": abstained} if abstained else {})
    elif f["counts"] == "med_roster":
        # "med 7 röster mot 5": the sides are not named, no count is declared for a side.
        paragraphs.append(
            f"Nämnden har beslutat enligt förvaltningens förslag med {tally['ja']} röster mot {tally['nej']}."
        )
    wrapped = [(wrap_hyphens if f["hyphen_wrap"] else wrap)(p, f["width"]) if f["width"] else p for p in paragraphs]
    if f["page_break"]:
        first = wrapped[0].split("\n")
        if len(first) > 1:  # the page ends inside the first sentence
            wrapped[0] = "\n".join([*first[:1], "", page_end(frame), "", *first[1:]])
        else:
            wrapped[1:1] = [page_end(frame)]
    return Generated(frame_text(frame, "\n\n".join(wrapped)), rows, declared, {"family": "prose", **f})


# ---- lists ----------------------------------------------------------------------------------------


def _list_heading(side: str, n: int, f: dict) -> str:
    word = SIDE_WORD[side]
    if f["heading"] == "colon":
        return f"{word}:"
    if f["heading"] == "ledamoter":
        return "Ledamöter som avstår:" if side == "avstar" else f"Ledamöter som röstar {side}:"
    roster = f["heading"].startswith("roster") and side != "avstar"
    heading = f"{word}-röster ({n})" if roster else f"{word} ({n})"
    return heading + ":" if f["heading"].endswith("_colon") or f["layout"] == "inline" else heading


def _list_entry(m: Member, f: dict) -> str:
    who = named(m) if f["party_form"] == "parens" else f"{m.name}, {m.party}"
    if m.serves_for:
        return f"{who}, {m.role} för {m.serves_for}"
    if f["role"] == "after_party" and m.role != MEMBER:
        return f"{who}, {m.role}"
    return who


def _one_a_line(entries: list[str], f: dict) -> list[str]:
    if f["numbered"]:
        return [f"{i}. {e}" for i, e in enumerate(entries, 1)]
    return [f"{'- ' if f['bullet'] else ''}{e}" for e in entries]


def lists(cast: list[Member], frame: Frame, f: dict) -> Generated:
    cast = as_printed(cast, roles=f["role"] == "after_party", serves_for=f["serves_for"] and f["role"] == "after_party")
    declared: dict[str, int] = {}
    blocks, rows = [], []
    for side in SIDES:
        group = [m for m in cast if m.vote == side]
        counted = f["heading"] not in ("colon", "ledamoter")
        if not group and not (f["empty_side"] and counted):
            continue
        if counted:
            declared[side] = len(group)
        rows += [m.row() for m in group]
        heading = _list_heading(side, len(group), f)
        entries = [_list_entry(m, f) for m in group]
        if not entries:  # "Avstår (0)."
            blocks.append(heading.rstrip(":") + ".")
        elif f["layout"] in ("one_a_line", "two_columns"):
            blocks.append("\n".join([heading, *_one_a_line(entries, f)]))
        else:
            listed = joined(entries, "och") if f["joiner"] == "och" else ", ".join(entries)
            block = [heading, wrap(f"{listed}.", 80)] if f["layout"] == "comma" else [wrap(f"{heading} {listed}.", 84)]
            blocks.append("\n".join(block))
    if f["layout"] == "two_columns" and len(blocks) > 1:
        # The Ja side's lines on the left, the Nej side's beside them on the right.
        left, right = blocks[0].split("\n"), blocks[1].split("\n")
        width = max(map(len, left)) + 6
        pairs = [
            (left[i] if i < len(left) else "", right[i] if i < len(right) else "")
            for i in range(max(len(left), len(right)))
        ]
        blocks[:2] = ["\n".join(f"{a:<{width}}{b}".rstrip() for a, b in pairs)]
    if f["page_break"] and len(blocks) > 1:
        blocks[1:1] = [page_end(frame)]  # a page ends between the first side and the next
    return Generated(frame_text(frame, "\n\n".join(blocks)), rows, declared, {"family": "lists", **f})
