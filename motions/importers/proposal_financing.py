"""Which points of a tjänsteutlåtande a sentence names ("förslag 6", "punkterna 2–4"), and the TU's
classing of each point's financing: within the frame ("inom nämndens budgetram", "inom befintlig
investeringsram"), limited within it, or extra resources with the budget process that takes them
("inkluderade i budgetförutsättningarna 2025-2027"). Read by proposal_costs.read_costs.
"""

import re

from django.utils.translation import gettext as _

# "förslag 6", "punkt 2", "punkterna 2–4", "beslutssatserna 1 och 3".
POINT_REF_RE = re.compile(
    r"\b(?:förslag(?:en|et)?|punkt(?:erna)?|beslutssats(?:en|erna)?)\s+(?P<list>\d{1,2}(?:\s*(?:,|och|samt|–|-|till)"
    r"\s*(?:förslag(?:en)?\s+|punkt(?:erna)?\s+)?\d{1,2})*)",
    re.IGNORECASE,
)
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ(”\"])")
LIMITED_RE = re.compile(r"\bbegränsad\s+omfattning\b", re.IGNORECASE)
EXTRA_RE = re.compile(r"\b(?:extra\s+resurs\w*|resurstilldelning|resursförstärkning|budgetförutsättning\w*|"
                      r"ordinarie\s+budgetprocess\w*|kräver\s+\w*\s*resurser)\b", re.IGNORECASE)  # fmt: skip
# "inom befintlig ram", "inom budgetramen", and with the owner named: "inom nämndens budgetram",
# "inom nämndernas ram", "inom respektive nämnds budgetram", "inom styrelsens egen ram"; the frame
# of investments or of running costs too ("inom nämndens investeringsram", "inom driftramen").
WITHIN_RE = re.compile(
    r"\binom\s+(?:respektive\s+)?(?:(?:\w*nämnd\w*|styrelse\w*|bolag\w*|förvaltning\w*)\s+)?"
    r"(?:befintlig\s+|egen\s+)?(?:budget|investerings|drift)?ram(?:en)?\b",
    re.IGNORECASE,
)
OWN_FINANCING_RE = re.compile(r"\b(?:finansier\w*|ryms|bekostas|kostnade\w*)\b", re.IGNORECASE)
PROCESS_YEARS_RE = re.compile(
    r"\b(?:budgetförutsättning\w*|budgetprocess\w*|budget)\s+(?P<first>20\d{2})(?:\s*[–-]\s*(?P<last>20\d{2}))?", re.I
)


def point_numbers(text: str, known: set[int]) -> list[int]:
    """The numbers of the points (of `known`) the text names, in the order named, ranges expanded."""
    found: list[int] = []
    for match in POINT_REF_RE.finditer(text):
        numbers = [int(n) for n in re.findall(r"\d{1,2}", match["list"])]
        parts = re.split(r"\s*(?:,|och|samt|förslag(?:en)?|punkt(?:erna)?)\s*", match["list"])
        expanded: list[int] = []
        for part in parts:
            ends = [int(n) for n in re.findall(r"\d{1,2}", part)]
            if len(ends) == 2 and re.search(r"[–-]|till", part) and 0 < ends[1] - ends[0] < 30:
                expanded += list(range(ends[0], ends[1] + 1))
            else:
                expanded += ends
        found += [n for n in (expanded or numbers) if n in known and n not in found]
    return found


def _financing_kind(sentence: str) -> str:
    return ("limited_within_frame" if LIMITED_RE.search(sentence) else "extra_resources"
            if EXTRA_RE.search(sentence) else "within_frame" if WITHIN_RE.search(sentence) else "")  # fmt: skip


def _process_years(sentence: str, kind: str) -> list[int] | None:
    process = PROCESS_YEARS_RE.search(sentence) if kind == "extra_resources" else None
    return [int(process["first"]), int(process["last"] or process["first"])] if process else None


def read_financing(parsed, paragraphs) -> None:
    """The TU's classing of its points: within the frame, limited within it, or extra resources (and the
    budget process that then takes them). The first statement about a point is kept; a contradiction is flagged."""
    known = {p.number for p in parsed.points}
    # A point that states its own financing ("Kostnaden … ryms inom nämndens budgetram") comes first.
    for point in parsed.points:
        for sentence in SENTENCE_RE.split(point.text):
            # Only a sentence about the money: "utreda behovet av resurstilldelning" is the task itself.
            kind = _financing_kind(sentence) if OWN_FINANCING_RE.search(sentence) else ""
            if kind and not point_numbers(sentence, known) and point.number not in parsed.financing:
                parsed.financing[point.number] = {"financing": kind, "years": _process_years(sentence, kind),
                                                  "line": point.line}  # fmt: skip
    for line, text, _costs in paragraphs:
        for sentence in SENTENCE_RE.split(text):
            numbers = point_numbers(sentence, known)
            if not numbers:
                continue
            kind = _financing_kind(sentence)
            if not kind:
                continue
            years = _process_years(sentence, kind)
            for number in numbers:
                stated = parsed.financing.get(number)
                if stated is None:
                    parsed.financing[number] = {"financing": kind, "years": years, "line": line}
                elif stated["financing"] != kind:
                    parsed.flag("financing", _("Punkt %(number)d klassas olika på olika ställen i texten")
                                % {"number": number})  # fmt: skip
