"""The boards a TU point gives its assignment to, as printed: the names before "får i uppdrag" (the
same rule assignments.matching applies to typed points), split into one name per board.

"Socialnämnderna Centrum, Hisingen, Nordost och Sydväst samt nämnden för funktionsstöd" is five names;
"Idrotts- och föreningsnämnden" and "Göteborg & Co AB" are one each; "tillsammans med socialnämnd
Centrum" names a partner, not a responsible board. No database query: proposal_resolve.py looks the
names up afterwards.
"""

import re

from assignments.matching import subject_of

_PLURAL_RE = re.compile(
    r"\b(?P<stem>\w+nämnd)erna\s+(?P<names>[A-ZÅÄÖ]\w+(?:(?:\s*,\s*|\s+och\s+)[A-ZÅÄÖ]\w+)*)", re.UNICODE
)
# Whoever the point names after these words works with the responsible board; it is not one.
_PARTNER_RE = re.compile(r"\b(?:i\s+samverkan\s+med|tillsammans\s+med|i\s+samråd\s+med|i\s+dialog\s+med)\b.*$", re.I)
# "och"/"samt" between two names; not after the hyphen of a suspended compound ("Idrotts- och …").
_SPLIT_RE = re.compile(r"(\s*,\s*|(?<!-)\s+(?:och|samt|respektive)\s+|\s*;\s*)")
BOARD_WORD_RE = re.compile(
    r"(?:nämnd|styrelse|fullmäktige|kontor|förvaltning|\bAB\b|bolag|utskott|beredning|råd(?:et)?\b)", re.IGNORECASE
)
MAX_NAMES = 20


def _expand(subject: str) -> str:
    def one_by_one(match):
        names = re.split(r"\s*,\s*|\s+och\s+", match["names"])
        return ", ".join(f"{match['stem']}en {name}" for name in names)

    return _PLURAL_RE.sub(one_by_one, subject)


_RECEIVES_RE = re.compile(r"\b(?:tilldelas|beviljas|erhåller|anvisas)\b", re.IGNORECASE)


# A point may offer or ask instead of assign ("… erbjuds att delta", "… ombeds att yttra sig"): the
# boards named before the verb are still the ones the point is addressed to.
_ASKED_RE = re.compile(r"\b(?:erbjuds|ombeds|uppmanas|inbjuds)\s+att\b", re.IGNORECASE)


# The board that decides gives the task to another: "Nämnden uppdrar åt förvaltningen att …",
# "… ger stadsdelsförvaltningen i uppdrag …" is subject_of's; the names after "åt" take it, not the giver.
_GIVES_TO_RE = re.compile(r"\buppdrar\s+(?:åt|till)\s+(?P<names>.+?)\s+att\b", re.IGNORECASE)


def board_names_of(text: str) -> list[str]:
    """The names of the boards the point gives its assignment to, in printed order ([] when it gives none)."""
    subject = subject_of(text)
    given = None if subject else _GIVES_TO_RE.search(text or "")
    if given:
        return _names(given["names"])
    if not subject:
        asked = _ASKED_RE.search(text or "")
        subject = text[: asked.start()] if asked else ""
    return _names(subject)


def receiver_names(text: str) -> list[str]:
    """The boards a point gives money to ("Kulturnämnden tilldelas 2 mnkr …"), [] when it gives none."""
    found = _RECEIVES_RE.search(text or "")
    return _names(text[: found.start()]) if found else []


def _names(subject: str) -> list[str]:
    subject = _PARTNER_RE.sub("", " ".join(subject.split())).strip(" ,")
    if not subject:
        return []
    pieces = _SPLIT_RE.split(_expand(subject))
    # A piece without a board word belongs to the name after it: "Äldre samt vård- och omsorgsnämnden".
    parts: list[str] = []
    pending = ""
    for index in range(0, len(pieces), 2):
        piece = pending + pieces[index]
        separator = pieces[index + 1] if index + 1 < len(pieces) else ""
        pending = ""
        if not BOARD_WORD_RE.search(piece):
            # A lower-case word after "Nämnden för arbetsmarknad och" ends that open name, whatever follows.
            open_name = parts and not re.search(BOARD_WORD_RE.pattern + r"\w*$", parts[-1], re.IGNORECASE)
            if open_name and piece[:1].islower() and "," not in pieces[index - 1]:
                parts[-1] += pieces[index - 1] + piece
                continue
            if separator and "," not in separator:
                pending = piece + separator  # "Äldre" + " samt " + "vård- och omsorgsnämnden"
                continue
            if parts and "," not in pieces[index - 1]:
                parts[-1] += pieces[index - 1] + piece  # "Nämnden för arbetsmarknad" + " och " + "vuxenutbildning"
                continue
        parts.append(piece)
    names = []
    for part in parts:
        part = part.strip(" .,:")
        if part and BOARD_WORD_RE.search(part) and len(part) <= 120 and part not in names:
            names.append(part)
    return names[:MAX_NAMES]
