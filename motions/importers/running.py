"""A page's running line: the document's own header repeated at the top or the foot of a page
("Inköps- och upphandlingsnämnden, yrkande (S, V, MP)"; "Stadsmiljöförvaltningen" over
"Tjänsteutlåtande 2025-08-28"). It is page furniture, never part of the point or the sentence it
falls into.

Known by where it stands and by what it is made of, never by its words alone: next to a page break
or a page footer, and nothing but the names the document's header block prints (its body or office,
its kind), with a date (also "2025-08-20, rev. 2025-09-11"), the parties in brackets, a case number,
"§ 12" or a page number beside them.
A line with one word more ("Stadsmiljönämnden beslutar", "I kommunstyrelsen:") is text.
"""

import re
from collections.abc import Iterable

from .text import is_furniture

# What a running line may carry beside the names: dates (also the two-digit year), the parties in
# brackets, a case number, a paragraph, a page number.
_BESIDE_RE = re.compile(
    # The revision beside the date: "2025-08-20, rev. 2025-09-11", "reviderad 2025-09-11".
    r"\brev(?:\.|iderad|iderat)?:?\s*(?:\d{4}|\d{2})-\d{2}-\d{2}\b"
    r"|\b(?:\d{4}|\d{2})-\d{2}-\d{2}\b"
    r"|\((?-i:[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,2})(?:(?:,\s*|\s+och\s+|\s+)(?-i:[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,2}))*\)"
    r"|\b[A-ZÅÄÖ]{2,5}[- ]?\d{4}-\d{5}\b|\b\d{3,4}/\d{2}\b|§\s*\d{1,4}"
    r"|\bsida\s+\d{1,3}(?:\s+av\s+\d{1,3})?|\b\d{1,3}\s*\(\d{1,3}\)",
    re.IGNORECASE,
)
_SEPARATORS_RE = re.compile(r"^[\s,.;:|/–—-]*$")
MAX_RUN = 3  # lines of one running header or footer


def _name_re(names: Iterable[str]) -> re.Pattern | None:
    cleaned = sorted({" ".join(n.split()) for n in names if n and n.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in cleaned) + r")(?!\w)", re.IGNORECASE)


def is_running_line(line: str, names: Iterable[str], extras: Iterable[str] = ()) -> bool:
    """The line is made of the header's names (at least one of `names`) and what may stand beside
    them; `extras` (the parties written out) may stand there too but do not make a running line."""
    named = _name_re(names)
    if named is None:
        return False
    text = " ".join(line.split())
    rest, count = named.subn(" ", _BESIDE_RE.sub(" ", text))
    others = _name_re(extras)
    if others is not None:
        rest = others.sub(" ", rest)
    return count > 0 and bool(_SEPARATORS_RE.match(rest))


def running_lines(
    items: list[tuple[int, str]],
    page_of: dict[int, int],
    turns: set[int],
    protected: set[int],
    names: Iterable[str],
    extras: Iterable[str] = (),
    repeats: Iterable[str] = (),
) -> set[int]:
    """The line numbers of running lines. items: the document's (number, text) lines; turns: the
    numbers of lines already known as furniture (footers, page numbers), which mark a page edge and are
    stepped over; protected: the numbers of the header block itself, never taken. From each page edge
    (a page break or a footer) up to MAX_RUN lines on either side are taken while each is a running
    line; the first line of text ends the run. `repeats`: the header block's own lines ("Utfärdat
    2026-02-02", "Diarienummer NFS-2026-00041"); a page that prints the whole block again is furniture
    however many lines it has, so a line that repeats one with its value is taken and not counted."""
    names, extras = list(names), list(extras)
    repeated = {" ".join(r.split()).casefold() for r in repeats if r and r.strip()}
    seq = [(n, t) for n, t in items if t.strip()]
    found: set[int] = set()

    def furniture(n: int, t: str) -> bool:
        return n in turns or is_furniture(t)

    def walk(start: int, step: int) -> None:
        taken, j = 0, start
        while 0 <= j < len(seq) and taken < MAX_RUN:
            number, text = seq[j]
            if furniture(number, text):
                j += step
                continue
            if number in protected:
                return
            if " ".join(text.split()).casefold() in repeated:
                found.add(number)
                j += step
                continue
            if not is_running_line(text, names, extras):
                return
            found.add(number)
            taken += 1
            j += step

    for k, (number, text) in enumerate(seq):
        if furniture(number, text):
            walk(k + 1, 1)
            walk(k - 1, -1)
        elif k + 1 < len(seq) and page_of.get(seq[k + 1][0]) != page_of.get(number):
            walk(k + 1, 1)
            walk(k, -1)
    return found


def interrupted(items: list[tuple[int, str]], running: set[int], skipped: set[int]) -> list[str]:
    """The running lines that stood inside a sentence: the text before them unfinished and text after
    them (`skipped`: other furniture, stepped over), as printed, for the preview to flag."""
    out = []
    seq = [(n, " ".join(t.split())) for n, t in items if t.strip() and n not in skipped and not is_furniture(t)]
    for k, (number, text) in enumerate(seq):
        if number not in running:
            continue
        before = next((t for n, t in reversed(seq[:k]) if n not in running), "")
        after = next((t for n, t in seq[k + 1 :] if n not in running), "")
        if before and after and not before.endswith((".", "!", "?", ":", ";")):
            out.append(text)
    return out


# A body's name as a header prints it: "Stadsfastighetsnämnden", "Idrott- och föreningsnämnden",
# "Tekniska nämnden", "Socialnämnden Hisingen", "Kommunstyrelsen".
_BODY_NAME_RE = re.compile(
    r"(?<!\w)(?-i:[A-ZÅÄÖ])[\w-]*(?:\s+och\s+[\w-]*|\s+)?(?:nämnden|styrelsen|fullmäktige)(?:\s+(?-i:[A-ZÅÄÖ])\w+)?(?!\w)",
    re.IGNORECASE,
)
HEADER_LINES = 8  # the lines at the top of the first page where the header names the body


def running_indexes(lines: list[str], names: Iterable[str], protected: set[int]) -> set[int]:
    """running_lines() for a document given as its list of lines, a line holding only a form feed
    being a page break: the indexes of its running lines (`protected`: indexes never taken). Without
    a name read, the bodies the first lines of the first page name stand in for it."""
    names = [n for n in names if n and n.strip()]
    if not names:
        top = [x for x in lines if x.strip()][:HEADER_LINES]
        names = [found.group(0) for x in top if "\f" not in x for found in _BODY_NAME_RE.finditer(x)]
    items, page_of, page = [], {}, 1
    for index, raw in enumerate(lines):
        if raw.strip() == "\f" or raw.startswith("\f"):
            page += 1
        page_of[index] = page
        items.append((index, raw.replace("\f", "")))
    return running_lines(items, page_of, set(), protected, names)
