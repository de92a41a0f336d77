"""Every rule by which a text declares a vote's counts, in one place: the count lines of a roll-call
table ("Antal Ja: 39", "Ja-röster: 7", "Summa 6 4 0 1", "Resultat: 4 ja, 4 nej, 1 avstår.":
count_line, for rollcall.py), the counts a vote's text states in digits or in words ("sex (6) ja",
"Resultat: Ja 5 – Nej 3": declared_counts, for vote_general.py), and those a protocol's sentences
state ("Omröstningen utfaller med 7 ja mot 5 nej", "med 7 röster mot 6": stated_counts and
stated_split, for protocol_votes.py). Pure: no database query."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .marked_table import SUM_RE
from .number_words import NUMBER_WORDS, WORD_PATTERN
from .text import line_error

COUNT_KEYS = {
    "ja": "ja", "nej": "nej", "avstår": "avstar", "avstående": "avstar", "avstod": "avstar",
    "frånv": "franvarande", "frånv.": "franvarande", "frånvarande": "franvarande",
}  # fmt: skip
_LABEL = r"(?:antal\s+)?(?P<what>ja|nej|avstår|avstående|avstod|frånvarande|frånv\.?)(?:-?röster)?"
# "Ja-röster: 7", "Antal Ja: 39", "Nej 6": the label before its count.
LABEL_FIRST_RE = re.compile(rf"(?i){_LABEL}\s*(?P<colon>:)?\s*(?P<count>\d{{1,3}})\b")
# "4 ja", "1 avstår": the count before its label.
COUNT_FIRST_RE = re.compile(rf"(?i)(?P<count>\d{{1,3}})\s+{_LABEL}\b")
# What may stand between the pairs of a counts line.
COUNT_GLUE_RE = re.compile(r"(?i)^(?:[\s,;.:]|\boch\b|\bsamt\b)*$")
# A counts sentence whose line goes on with prose: "Resultat: 4 ja, 4 nej. Ordföranden har …".
SENTENCE_END_RE = re.compile(r"\.\s+(?=[A-ZÅÄÖ])")
# "sex (6) ja", "6 ja", "sex ja", "en (1) avstår", "1 ledamot avstod": the count before the result.
WORDED_COUNT_RE = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<word>{WORD_PATTERN})\s*\((?P<paren>\d{{1,3}})\)|(?P<digits>\d{{1,3}})"
    rf"|(?P<alone>{WORD_PATTERN}))"
    r"\s+(?:ledamöter\s+|ledamot\s+)?(?:röster\s+för\s+)?(?P<what>ja|nej|avstår|avstod|frånvarande)\b"
)
# "Resultat: Ja 5 – Nej 3 – Avstår 2": the result before its count, only on a totals line.
TOTALS_LINE_RE = re.compile(r"(?i)^\s*(?:resultat|summa|totalt|sammanräkning|röstresultat)\s*:?\s+(?P<rest>.+)$")
WORD_FIRST_RE = re.compile(r"(?i)\b(?P<what>ja|nej|avstår|avstod|frånvarande)\s*:?\s*(?P<n>\d{1,3})\b")
# Counts the minutes write out in words ("med sju röster mot sex") read as the digits.
NUMBER = r"(?:\d{1,3}|" + WORD_PATTERN + r")"
# A name and its party after a list number: "1. Anna Berg (S)" – the "1" after a heading "Ja:" is no count
# (vote_lists reads names numbered one a line). Each word of the name capitalised or a particle
# ("von", "af", "de"), and no verb after the party: "Avstår: 1. Ja röstar Anna Berg (M)" keeps its count.
PARTICLES = r"(?:von|van|af|de|der|den|da|di|del|du|la|le|zu|ten|ter)"
NUMBERED_MEMBER_AHEAD = (
    rf"[.)]\s+[A-ZÅÄÖÉÜ][\w'’.-]*(?:\s+(?:[A-ZÅÄÖÉÜ][\w'’.-]*|{PARTICLES})){{1,5}}"
    r"\s*(?:\([A-ZÅÄÖ]{1,4}\)|,\s*[A-ZÅÄÖ]{1,4}\b)(?!\s+[a-zåäöé])"
)
# The label first, digits after it: "Ja-röster: 7, nej-röster: 5, avstår: 1." – not the list number of
# "Ja:" "1. Anna Berg (S)".
LABELLED = rf"(?:\s*:\s*|(?<=röster)\s+)(?P<l>\d{{1,3}})\b(?!(?<=[\s:]1){NUMBERED_MEMBER_AHEAD})"
DECLARED_RES = {
    "ja": re.compile(rf"(?i)\b(?P<n>{NUMBER})\s+ja\b|\bja(?:-röster)?{LABELLED}"),
    "nej": re.compile(rf"(?i)\bmot\s+(?P<n>{NUMBER})\s+nej\b|\b(?P<m>{NUMBER})\s+nej\b|\bnej(?:-röster)?{LABELLED}"),
    "avstar": re.compile(
        rf"(?i)\b(?P<n>{NUMBER})\s+(?:ledamöter|ledamot|ersättare|som)?\s*(?:avstår|avstod|avstått)"
        rf"|\b(?:avstår|avstående|avstod|nedlagda\s+röster){LABELLED}"
    ),
    "franvarande": re.compile(
        rf"(?i)\b(?P<n>{NUMBER})\s+(?:ledamöter|ledamot|ersättare)?\s*(?:är|var)\s+frånvarande"
        rf"|\bfrånvarande{LABELLED}"
    ),
}
# "med 7 röster mot 6": the two sides' counts, not which is Ja; the roll call settles it (protocol._check).
SPLIT_RE = re.compile(rf"(?i)\bmed\s+(?P<a>{NUMBER})\s+röster\s+mot\s+(?P<b>{NUMBER})\b(?!\s+(?:ja|nej)\b)")


def _pairs(text: str, regex: re.Pattern, *, colons: bool) -> dict[str, int] | None:
    found = list(regex.finditer(text))
    if not found or not COUNT_GLUE_RE.match(regex.sub("", text)):
        return None
    if colons and not all(m.groupdict().get("colon") for m in found):
        return None
    counts: dict[str, int] = {}
    for match in found:
        key = COUNT_KEYS[match["what"].lower()]
        if counts.get(key, int(match["count"])) != int(match["count"]):
            return None
        counts[key] = int(match["count"])
    return counts


def _counts(text: str, *, prefixed: bool) -> dict[str, int] | None:
    numbers = re.fullmatch(r"(\d{1,3})\s+(\d{1,3})(?:\s+(\d{1,3}))?(?:\s+(\d{1,3}))?", text.strip())
    if numbers:
        # "Summa 7 6 0 2": Ja, Nej, Avstår, Frånvarande in that order, only under a Summa label.
        keys = ("ja", "nej", "avstar", "franvarande")
        return {k: int(n) for k, n in zip(keys, numbers.groups(), strict=True) if n is not None} if prefixed else None
    label_first = _pairs(text, LABEL_FIRST_RE, colons=not prefixed)
    if label_first is not None:
        return label_first
    count_first = _pairs(text, COUNT_FIRST_RE, colons=False)
    # Unlabelled, "4 ja" alone could be anything's count: two pairs make it a counts line.
    return count_first if count_first is not None and (prefixed or len(count_first) >= 2) else None


def count_line(line: str) -> tuple[dict[str, int], str] | None:
    """The counts a line declares and the prose that follows them on the line ("" when none), or
    None when the line declares none. A line without a label ("Summa", "Resultat") must give each
    count with a colon ("Ja-röster: 7") or hold two count-first pairs ("7 ja, 4 nej")."""
    cleaned = " ".join(line.split())
    labelled = SUM_RE.match(cleaned) or re.match(
        r"(?i)^(?:röstresultat|omröstningsresultat|röstsiffror)\s*:?\s+(?P<rest>.+)$", cleaned
    )
    rest = labelled["rest"] if labelled else cleaned
    counts = _counts(rest.rstrip("."), prefixed=bool(labelled))
    if counts is not None:
        return counts, ""
    sentence = SENTENCE_END_RE.search(rest)
    if sentence:
        counts = _counts(rest[: sentence.start()], prefixed=bool(labelled))
        if counts is not None:
            return counts, rest[sentence.end() :]
    return None


def declare(declared: dict[str, int], counts: dict[str, int], number: int) -> None:
    labels = {"ja": _("Ja"), "nej": _("Nej"), "avstar": _("Avstår"), "franvarande": _("Frånvarande")}
    for key, count in counts.items():
        if key in declared and declared[key] != count:
            raise line_error(
                number,
                _("Antal %(what)s står som %(one)d på ett ställe och %(other)d på ett annat.")
                % {"what": labels[key], "one": declared[key], "other": count},
            )
        declared[key] = count


def declared_counts(text: str) -> tuple[dict[str, int], list[str]]:
    """The counts a vote's text states, in digits, in words or both ("sex (6) ja"); a word and a
    digit that disagree are no count but a flag."""
    found: dict[str, int] = {}
    flags: list[str] = []
    flat = " ".join(text.split())
    for match in WORDED_COUNT_RE.finditer(flat):
        key = _key(match["what"])
        if match["word"]:
            worded, digits = NUMBER_WORDS[match["word"].lower()], int(match["paren"])
            if worded != digits:
                flags.append(
                    _("”%(text)s”: talet i ord och i siffror stämmer inte – kontrollera antalet.")
                    % {"text": match.group(0)}
                )
                continue
            count = digits
        else:
            count = int(match["digits"]) if match["digits"] else NUMBER_WORDS[match["alone"].lower()]
        found.setdefault(key, count)
    for line in text.split("\n"):
        totals = TOTALS_LINE_RE.match(line.strip())
        if totals:
            for match in WORD_FIRST_RE.finditer(totals["rest"]):
                found.setdefault(_key(match["what"]), int(match["n"]))
    return found, flags


def _key(word: str) -> str:
    return COUNT_KEYS[word.lower()]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def stated_counts(text: str) -> dict[str, int]:
    """The counts a protocol's sentences state: "med 7 ja mot 5 nej", "Ja-röster: 7", "2 avstår"."""
    found = {}
    for key, regex in DECLARED_RES.items():
        match = regex.search(text)
        if match:
            found[key] = _number(next(group for group in match.groups() if group))
    return found


def stated_split(text: str) -> tuple[int, int] | None:
    """ "med 7 röster mot 6": the two sides' counts, which side is Ja not said."""
    found = SPLIT_RE.search(text)
    return (_number(found["a"]), _number(found["b"])) if found else None
