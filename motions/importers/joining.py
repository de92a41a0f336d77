"""Joining the lines of a paragraph the way Swedish is written.

- A suspended compound keeps its hyphen and the space after it: "miljö- och klimat", "för- och
  nackdelar" — the hyphen stands before a conjunction (och, eller, samt, respektive, till).
- A word the typesetter broke at the line end is joined: "fram-⏎steg" → "framsteg" (a PDF's
  typesetter marks its own breaks with U+2010 or a soft hyphen: those are always joined).
- A real hyphenated word stays: the part before the hyphen is an abbreviation or has a digit
  ("LOV3-områden", "EU-fonder", "sms-tjänst": no vowel, no Swedish syllable), is a single letter
  ("e-tjänst"), or the part after it starts with a capital or a digit ("Göteborgs-Posten",
  "covid-19"). A two-letter part the word list does not know, whose joined word it does not know
  either, is a lower-case abbreviation too ("it-⏎system" stays "it-system"; "ut-⏎redning" is joined).
- What the rules leave open is decided with the Swedish word list (Debian's wswedish,
  /usr/share/dict/swedish; installed by `make system-deps`): a joined word that is neither in the
  list nor made of words in it (Swedish compounds are closed: "klimat"+"frågor") is joined all the
  same — most line-end hyphens are the typesetter's — but reported, so the preview can flag it.
"""

import re
from functools import cache
from pathlib import Path

WORDLIST = Path("/usr/share/dict/swedish")
CONJUNCTIONS = {"och", "eller", "samt", "respektive", "resp.", "till", "som", "men", "&"}
_LINE_END_HYPHEN = re.compile(r"(?P<left>\S*[^\W_])(?P<hyphen>[-\u2010\u00ad])$")
# What a typesetter puts at a line end when it hyphenates (WeasyPrint, Word): never a real hyphen.
SOFT_HYPHENS = "\u2010\u00ad"
_WORD = re.compile(r"^(?P<word>[^\W_][\w]*)(?P<tail>.*)$")
_VOWELS = re.compile(r"[aeiouyåäöéü]", re.IGNORECASE)


@cache
def words() -> frozenset[str]:
    """The lower-cased Swedish word list, or an empty set where it is not installed."""
    try:
        raw = WORDLIST.read_bytes()
    except OSError:
        return frozenset()
    # wswedish is ISO-8859-1; a UTF-8 list (another distribution's) is read as such.
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def is_known(word: str, depth: int = 0) -> bool:
    """In the word list, or a compound of words in it (with the linking s or e of Swedish compounds)."""
    known = words()
    word = word.lower()
    if word in known:
        return True
    if depth >= 2 or len(word) < 5:
        return False
    for cut in range(len(word) - 2, 1, -1):
        head, rest = word[:cut], word[cut:]
        heads = [head] + ([head[:-1]] if head.endswith(("s", "e")) and len(head) > 3 else [])
        if any(h in known for h in heads) and is_known(rest, depth + 1):
            return True
    return False


def _real_hyphen(left: str, right: str) -> bool:
    letters = re.sub(r"[^\w]", "", left.split("-")[-1])
    if (
        len(letters) <= 1
        or any(c.isdigit() for c in letters)
        or (len(letters) > 1 and letters[1:] != letters[1:].lower())
    ):
        return True
    if right[:1].isupper() or right[:1].isdigit():
        return True
    if "-" in left:  # "bed-and-" keeps its hyphens
        return True
    if not _VOWELS.search(letters):
        return True  # "sms-", "tv-", "hbtq-": every Swedish syllable has a vowel
    if f"{letters}-{right}".lower() in words():
        return True
    joined = re.sub(r"\W", "", letters + right)
    return len(letters) == 2 and bool(words()) and letters.lower() not in words() and not is_known(joined)


def join_lines(lines: list[str], uncertain: list[str] | None = None) -> str:
    """The lines of one paragraph as one line; words joined across a line end are added to
    `uncertain` when the word list does not know them."""
    out = ""
    for raw in lines:
        line = " ".join(raw.replace("\u2011", "-").split())
        if not line:
            continue
        if not out:
            out = line
            continue
        match = _LINE_END_HYPHEN.search(out)
        first, _space, rest = line.partition(" ")
        if match and first:
            left = match["left"]
            word_match = _WORD.match(first)
            if first.lower() in CONJUNCTIONS or first in {",", "–"}:
                out = f"{out} {line}"  # suspended compound: "miljö- och"
            elif word_match and match["hyphen"] in SOFT_HYPHENS:
                out = out[:-1] + line
            elif word_match and not _real_hyphen(left, first):
                joined = left + word_match["word"]
                if uncertain is not None and words() and not is_known(re.sub(r"\W", "", joined)):
                    uncertain.append(f"{left}-{word_match['word']}")
                out = out[:-1] + line
            else:
                out = out + line  # "LOV3-⏎områden" → "LOV3-områden"
        elif re.search(r"\d[–-]$", out) and first[:1].isdigit():
            out = out + line  # a span broken after its dash: "2026–⏎2028" → "2026–2028"
        else:
            out = f"{out} {line}"
    return out.replace("\u00ad", "")  # a soft hyphen where the line did not break is invisible
