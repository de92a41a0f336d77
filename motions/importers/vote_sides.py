"""A roll call in prose whose sentences name a SIDE, not Ja or Nej: "För återremiss röstar
ledamöterna A (M) och B (KD)." / "Avstår från att rösta gör C (L).", where the vote's own sentence
says what each side is ("Ja-röst för att ärendet avgörs i dag, nej-röst för återremiss", or "Den
som vill … röstar Ja, den som vill … röstar Nej"). A side is Ja or Nej when its words share more
with the one than with the other; a side that matches neither or both is flagged, never guessed.
A sentence may also give the verdict with its object: "Nej till punkt 2 röstar A (L), …".
Pure: no database query."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from ..models import VoteRecord
from .rollcall import ParsedRollCall, RollCallRow
from .vote_lists import list_members
from .vote_words import duplicate_flags, is_break_furniture, rollcall_of

DEFINITION_RES = [
    re.compile(r"(?i)\bja-?röst\s+(?:för|innebär)\s+(?P<ja>[^,;.]+)[,;]\s*(?:och\s+)?nej-?röst\s+(?:för|innebär)\s+"
               r"(?P<nej>[^,;.]+)"),
    re.compile(r"(?i)\bden\s+som\s+(?:vill\s+)?(?P<ja>[^,;.]+?)\s+röstar\s+ja[,;]\s*(?:och\s+)?den\s+som\s+"
               r"(?:vill\s+)?(?P<nej>[^,;.]+?)\s+röstar\s+nej\b"),
]  # fmt: skip
SIDE_RE = re.compile(r"^För\s+(?P<side>[^()]+?)\s+röstar\s+(?P<names>.+?)\.?$")
# "Ja till punkt 2 röstar …", "Nej till förslaget röstade …", "Ja för återremiss röstar …": the verdict
# with its object before "röstar"; the verdict itself says Ja or Nej, no definition needed.
VERDICT_RE = re.compile(
    r"^(?P<what>Ja|Nej)\s+(?:till|för|på|mot)\s+[^()]{1,60}?\s+röst(?:ar|ade)\s+(?P<names>[^()]*\(.+?)\.?$"
)
ABSTAIN_RE = re.compile(r"(?i)^(?:avstår\s+från\s+att\s+rösta\s+gör|från\s+att\s+rösta\s+avstår)\s+(?P<names>.+?)\.?$")
STOP = {"att", "för", "som", "den", "det", "och", "med", "till", "vill", "ska", "dag", "i"}


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-zåäöé]+", text.lower()) if len(w) >= 3 and w not in STOP}


def _sentences(lines: list[str]) -> list[tuple[str, int]]:
    """The lines' sentences, each with the line it starts on; page furniture left out."""
    words: list[tuple[str, int]] = []
    for index, raw in enumerate(lines):
        if is_break_furniture(lines, index):
            continue
        words += [(w, index + 1) for w in raw.split()]
    sentences: list[tuple[str, int]] = []
    current: list[str] = []
    start = 0
    for position, (word, number) in enumerate(words):
        if not current:
            start = number
        current.append(word)
        following = words[position + 1][0] if position + 1 < len(words) else ""
        if word.endswith((".", "!", "?")) and (not following or following[:1].isupper()):
            sentences.append((" ".join(current), start))
            current = []
    if current:
        sentences.append((" ".join(current), start))
    return sentences


def _verdict(found: re.Match | None) -> str | None:
    """Ja or Nej where a sentence states it ("Nej till förslaget röstar …"); None for an abstention."""
    what = found.groupdict().get("what") if found else None
    return (VoteRecord.Result.YES if what == "Ja" else VoteRecord.Result.NO) if what else None


def read_sides(lines: list[str]) -> tuple[ParsedRollCall | None, list[str]]:
    """The roll call of "För … röstar …" sentences, each side read as Ja or Nej from the vote's
    definition of the two; None without such sentences or without the definition."""
    sentences = _sentences(lines)
    definition = next((m for s, _n in sentences for r in DEFINITION_RES if (m := r.search(s))), None)
    # Each sentence as (side, plain, line): a "För …" side to be matched to the definition, or a
    # sentence that says its result itself (an abstention, or "Ja till punkt 2 röstar …").
    sided = [(SIDE_RE.match(s), ABSTAIN_RE.match(s) or VERDICT_RE.match(s), n) for s, n in sentences]
    sided = [(side, plain, n) for side, plain, n in sided if side or plain]
    if not any(side or _verdict(plain) for side, plain, _n in sided):
        return None, []
    if definition is None and any(side for side, _p, _n in sided):
        line = next(n for side, _p, n in sided if side)
        return None, [_("Rad %(line)d: namnlistan säger inte vad som är Ja och Nej – ange rösterna.") % {"line": line}]
    ja, nej = (_stems(definition["ja"]), _stems(definition["nej"])) if definition else (set(), set())
    rows: list[RollCallRow] = []
    flags: list[str] = []
    for side, plain, line in sided:
        if plain:
            result, names = _verdict(plain) or VoteRecord.Result.ABSTAIN, plain["names"]
        else:
            words = _stems(side["side"])
            to_ja, to_nej = len(words & ja), len(words & nej)
            if to_ja == to_nej:
                flags.append(
                    _("Rad %(line)d: ”För %(side)s” kan inte knytas till Ja eller Nej – ange rösterna.")
                    % {"line": line, "side": side["side"][:60]}
                )
                continue
            result = VoteRecord.Result.YES if to_ja > to_nej else VoteRecord.Result.NO
            names = side["names"]
        members, left = list_members(names, line, result)
        if left is not None:
            flags.append(
                _("Rad %(line)d: ”%(text)s” är inte ett namn med parti, t.ex. ”Anna Andersson (S)”.")
                % {"line": line, "text": left[:80]}
            )
        rows += members
    if flags or not rows:
        return None, flags
    return rollcall_of(rows, {}), duplicate_flags(rows)
