"""The amounts a tjänsteutlåtande states per point, offered as suggested cost estimates.

Where they stand: in a point's own text, and in the TU's economic section ("Bedömning ur ekonomisk
dimension", "Ekonomiska konsekvenser", "Kostnadsredovisning …") as running text. Each amount in kronor
(mnkr, mkr, tkr, kr, "miljoner kronor", "1,1 respektive 0,6 miljoner kronor") is tied to the point its
own sentences speak of: an explicit "förslag 6"/"punkt 6", else the words it shares with one point's
text that no other point has as much of (board names count). The board is the one the amount is said
to go to ("till utbildningsnämnden"), "respektive" pairs amounts with the point's boards in order.

What is offered but not accepted (the preview says why): a figure from a source (an SOU, a study,
"kommunerna" nationally), a state grant (income, not a cost), a range, an amount a later one in the
same paragraph replaces for the same point and board ("uppräknat … 0,6" after "0,5"), a total of the
whole proposal ("totalt 54 mnkr") tied to a point by its words alone.
Amounts per person or in other currencies are not costs and are not offered.

Years: only a year printed with the amount itself ("2 mnkr per år 2025–2027", "3 mnkr för 2025") is
the cost's year. The budget process the text names ("inkluderade i budgetförutsättningarna 2025-2027",
"inom budgetram för 2024") is not a year of the cost; it is kept as the point's budget-process years.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .joining import join_lines
from .number_words import NUMBER_WORDS, WORD_PATTERN
from .proposal_boards import receiver_names
from .proposal_financing import SENTENCE_RE, point_numbers, read_financing

NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
UNIT = r"mnkr|mkr|miljon(?:er)?\s+kr(?:onor)?|miljon(?:er)?\s+svenska\s+kronor|tkr|tusen\s+kr(?:onor)?|kr(?:onor)?\b"
# Never the tail of a date: "… 2025-08-28⏎350 tkr" (a running line's date over a joined page turn)
# is no "28 350 tkr".
AMOUNT_RE = re.compile(
    rf"(?<![\d,])(?<!\d\d-\d\d-)(?P<numbers>(?:{NUMBER})(?:\s+(?:respektive|resp\.|och|eller)\s+(?:{NUMBER}))*)\s*(?P<unit>{UNIT})",
    re.IGNORECASE,
)
FACTORS = {"m": Decimal(1_000_000), "t": Decimal(1_000), "k": Decimal(1)}
# An amount written out: "tre miljoner kronor", "tolv miljoner kr", "fem tusen kronor"; read as its digits.
SPELLED_RE = re.compile(rf"(?i)\b(?P<word>{WORD_PATTERN})(?=\s+(?:miljon(?:er)?|tusen)\s+(?:svenska\s+)?kr(?:onor)?\b)")
# Half a unit: "en halv miljon kronor" (0,5), "två och en halv miljoner kronor" (2,5).
HALF_RE = re.compile(
    rf"(?i)\b(?:(?P<whole>{WORD_PATTERN}|\d+)\s+och\s+)?en\s+halv(?=\s+(?:miljon(?:er)?|tusen)\s+(?:svenska\s+)?kr(?:onor)?\b)"
)
COST_SECTION_RE = re.compile(
    r"^(?:bedömning\s+ur\s+ekonomisk\s+dimension|ekonomiska\s+konsekvenser|ekonomisk\s+bedömning|"
    r"kostnadsredovisning.*|finansiering|ekonomi)\s*:?$",
    re.IGNORECASE,
)
OTHER_SECTION_RE = re.compile(
    r"^(?:bedömning\s+ur\s+(?:ekologisk|social).*|samverkan|bilag(?:a|or)(?:\s+\d+)?|ärendet|beskrivning\s+av\s+ärendet|"
    r"bakgrund|sammantagen\s+bedömning|förvaltningens\s+bedömning|stadsledningskontorets\s+bedömning)\s*:?$",
    re.IGNORECASE,
)
PER_UNIT_RE = re.compile(
    r"(?:\bper|/)\s*(?:individ|person|invånare|elev|barn|plats|deltagare|timme|m2|kvm|offer|brott)\w*\b", re.I
)
YEARLY_RE = re.compile(r"\b(?:årligen|per\s+år|om\s+året|varje\s+år|årlig\w*|i\s+året)\b|/år\b", re.IGNORECASE)
ONE_OFF_RE = re.compile(r"\bengång\w*", re.IGNORECASE)
REFERENCE_RE = re.compile(
    r"\b(?:SOU|betänkande\w*|utredar\w*|utredningen|studie\w*|kommunerna|nationell\w*|i\s+riket|regeringen)\b", re.I
)
GRANT_RE = re.compile(r"\b(?:statsbidrag\w*|intäkt\w*|ersättning\s+från\s+staten)\b", re.IGNORECASE)
# What a reserve, a budget or a frame holds ("Kommuncentral reserv … uppgår till 38 mnkr") is money
# available, not what the point costs.
BALANCE_RE = re.compile(
    r"\b(?:reserv(?:en)?|budget(?:en)?|ram(?:en)?|anslag(?:et)?)\s+(?:[^.]{0,60}\s)?(?:uppgår|omfattar|är)\b",
    re.IGNORECASE,
)
# The whole of the proposal ("Programmet bedöms kosta totalt 54 mnkr", "Den sammanlagda kostnaden"):
# a sum over the points, no point's own cost unless the sentence names the point.
TOTAL_RE = re.compile(r"\b(?:totalt|sammanlagt|sammantaget|totala|sammanlagda|i\s+sin\s+helhet)\b", re.IGNORECASE)
COST_WORD_RE = re.compile(r"\b(?:kostnad\w*|kosta[rd]?|utgift\w*|merkostnad\w*)\b", re.IGNORECASE)
# The year of the cost: printed right after the amount, with nothing but these words between.
YEARS_AFTER_RE = re.compile(
    r"^\s*(?:(?:årligen|per\s+år|om\s+året)\s*,?\s*)?(?:(?:under|för|från|avseende)\s+)?(?:(?:år|åren|perioden)\s+)?"
    r"(?P<first>20\d{2})(?:\s*(?:[–-]|--|till|t\.o\.m\.?|och)\s*(?P<last>20\d{2}))?\b",
    re.IGNORECASE,
)
# A year that ends the clause before an amount ("3,6 mnkr under hösten 2025 och 8,6 mnkr"): the list
# "2025 och 8,6" in front of the unit is a time and an amount, not two amounts.
YEAR_BEFORE_LIST_RE = re.compile(
    r"\b(?:under|hösten|våren|sommaren|vintern|år|året|budgetåret|från|till|för|t\.o\.m\.?)\s*$", re.IGNORECASE
)
_STOP_WORDS = (
    "att och för som med till från inom genom eller samt även under efter skall ska kan får uppdrag uppdraget "
    "arbetet arbete stadens staden göteborgs nämnden nämnder nämnderna styrelsen förslag förslaget föreslås "
    "respektive kommunstyrelsen kommunfullmäktige stadsledningskontoret"
)
STOP = frozenset(_STOP_WORDS.split())


@dataclass
class SuggestedCost:
    """One amount the TU states, offered as a cost estimate of a point (accepted or not, and why)."""

    amount_kr: int
    printed: str
    line: int
    point: int | None = None
    recurrence: str = ""  # "one_off", "yearly" or "" (not stated)
    first_year: int | None = None
    last_year: int | None = None
    board_name: str = ""
    board: object = None  # assignments.models.Board once resolved
    financing: str = ""
    budget_process: tuple[int, int] | None = None
    accepted: bool = True
    reasons: list[str] = field(default_factory=list)
    quote: str = ""
    where: str = ""

    def as_json(self) -> dict:
        return {
            "point": self.point,
            "amount_kr": self.amount_kr,
            "printed": self.printed,
            "recurrence": self.recurrence or None,
            "years": [self.first_year, self.last_year] if self.first_year else None,
            "board": self.board.slug if self.board else (self.board_name or None),
            "financing": self.financing or None,
            "budget_process_years": list(self.budget_process) if self.budget_process else None,
            "accepted": self.accepted,
        }


def _half(match: re.Match) -> str:
    whole = match["whole"] or "0"
    return f"{NUMBER_WORDS.get(whole.lower(), whole)},5"


def _kronor(number: str, unit: str) -> int | None:
    value = Decimal(re.sub(r"[ \u00a0\u202f]", "", number).replace(",", "."))
    first = unit.lower()[0]
    factor = FACTORS["m"] if first == "m" else FACTORS["t"] if first == "t" else FACTORS["k"]
    amount = value * factor
    if amount != amount.to_integral_value() or amount > 10**13:
        return None
    return int(amount)


def _words(text: str) -> set[str]:
    return {w[:7] for w in re.findall(r"[^\W\d_]{5,}", text.casefold()) if w not in STOP}


class _Matcher:
    """Which point a stretch of text speaks of, by the words it shares with each point's text."""

    def __init__(self, points):
        self.points = points
        self.words = {p.number: _words(p.text) | _words(" ".join(p.board_names)) for p in points}
        # The word as the point prints it, for the preview's "knuten till punkten genom orden …".
        self.printed = {}
        for point in points:
            for word in re.findall(r"[^\W\d_]{5,}", f"{point.text} {' '.join(point.board_names)}"):
                self.printed.setdefault((point.number, word.casefold()[:7]), word)
        counts: dict[str, int] = {}
        for words in self.words.values():
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        self.weight = {word: 1.0 / count for word, count in counts.items()}

    def best(self, text: str) -> tuple[int | None, list[str]]:
        words = _words(text)
        scores = []
        for number, own in self.words.items():
            shared = own & words
            weight = sum(self.weight[w] for w in shared)
            scores.append((weight, number, sorted(self.printed.get((number, w), w) for w in shared)))
        scores.sort(key=lambda item: (-item[0], item[1]))
        if not scores or scores[0][0] < 1.0:
            return None, []
        if len(scores) > 1 and scores[1][0] >= scores[0][0] * 0.9:
            return None, []  # two points are as likely: the secretariat chooses
        return scores[0][1], scores[0][2]


def _paragraphs(body, lines) -> list[tuple[int, str, bool]]:
    """(first line, joined text, in the economic section) for every paragraph of the body."""
    out, current, start, in_costs = [], [], 0, False
    for number, raw in body:
        stripped = " ".join(raw.split())
        heading = COST_SECTION_RE.match(stripped) or OTHER_SECTION_RE.match(stripped)
        if not stripped or heading:
            if current:
                out.append((start, join_lines(current), in_costs))
                current = []
            if COST_SECTION_RE.match(stripped):
                in_costs = True
            elif OTHER_SECTION_RE.match(stripped):
                in_costs = False
            continue
        if not current:
            start = number
        current.append(stripped)
    if current:
        out.append((start, join_lines(current), in_costs))
    return out


def _board_for(after: str, names: list[str]) -> str:
    """The name of the point's board the text right after the amount gives it to ("till utbildningsnämnden")."""
    window = after[:80].casefold()
    for name in names:
        words = [w[:8] if len(w) > 3 else w for w in name.casefold().split()]
        pattern = r"\b" + r"\S*\s+".join(re.escape(w) for w in words)
        if re.search(r"\btill\s+(?:\w+\s+){0,2}" + pattern, window):
            return name
    return ""


def read_costs(parsed, body, lines) -> None:
    """Suggested cost estimates from the points' texts and the economic section of the body."""
    paragraphs = _paragraphs(body, lines)
    read_financing(parsed, paragraphs)
    matcher = _Matcher(parsed.points)
    by_number = {p.number: p for p in parsed.points}
    for point in parsed.points:
        for cost in _amounts(point.text, point.line, matcher, by_number, parsed, own_point=point.number):
            parsed.costs.append(cost)
    stated = {cost.amount_kr for cost in parsed.costs}
    with_own = {cost.point for cost in parsed.costs}
    for line, text, in_costs in paragraphs:
        if in_costs:
            # "Satsningen kostar 9,75 mnkr" after a point that states 9 750 000 kr: the section sums
            # up the point's own cost; tied by a shared word to a point that states no amount, it
            # would become a second cost of the wrong point (and lead the next amount there).
            found = _amounts(
                text, line, matcher, by_number, parsed,
                restates=lambda cost: cost.amount_kr in stated and cost.point not in with_own,
            )  # fmt: skip
            _supersede(found)
            parsed.costs += found
    parsed.costs = _unique(parsed.costs)
    for cost in parsed.costs:
        financing = parsed.financing.get(cost.point) if cost.point else None
        cost.financing = financing["financing"] if financing else "extra_resources"
        if financing and financing["years"]:
            cost.budget_process = tuple(financing["years"])
        if cost.accepted and not financing:
            cost.reasons.append(_("finansieringen anges inte för punkten – satt till extra resurser"))
        if cost.point is None:
            cost.accepted = False
            cost.reasons.append(_("beloppet kunde inte knytas till en punkt"))
        if cost.accepted and not cost.board_name:
            cost.reasons.append(_("välj vilken nämnd som bär kostnaden"))
    for cost in parsed.costs:
        cost.where = lines.where(cost.line)
    flag_costs(parsed)


def flag_costs(parsed) -> None:
    """One flag per suggested cost: offered or not, and why (written again after the boards are resolved)."""
    old = set(parsed.field_flags.pop("costs", []))
    parsed.flags = [f for f in parsed.flags if f not in old]
    for cost in parsed.costs:
        state = _("föreslås") if cost.accepted else _("föreslås inte")
        target = _("punkt %(n)d") % {"n": cost.point} if cost.point else _("ingen punkt")
        parsed.flag("costs", _("%(where)s: %(amount)s (%(target)s) %(state)s") % {
            "where": cost.where, "amount": cost.printed, "target": target, "state": state,
        } + (": " + "; ".join(cost.reasons) if cost.reasons else ""))  # fmt: skip


def _amounts(text, line, matcher, by_number, parsed, own_point=None, restates=None) -> list[SuggestedCost]:
    found: list[SuggestedCost] = []
    sentences = SENTENCE_RE.split(text)
    context_start = 0
    last_point = None
    for index, sentence in enumerate(sentences):
        sentence = SPELLED_RE.sub(lambda m: str(NUMBER_WORDS[m["word"].lower()]), HALF_RE.sub(_half, sentence))
        matches = list(AMOUNT_RE.finditer(sentence))
        if not matches:
            continue
        context = " ".join(sentences[context_start : index + 1])
        context_start = index + 1
        point, why, explicit = own_point, [], []
        if point is None:
            explicit = point_numbers(context, set(by_number))
            if len(explicit) == 1:
                point = explicit[0]
            else:
                point, shared = matcher.best(context)
                if point is None and last_point is None:
                    point, shared = matcher.best(" ".join(sentences[: index + 1]))
                if point is None and last_point is not None:
                    point, why = last_point, [_("knuten till samma punkt som beloppet före i stycket")]
                elif point is not None:
                    why = [_("knuten till punkten genom orden %(words)s") % {"words": ", ".join(shared[:4])}]
        costs = [c for match in matches for c in _costs_of(match, sentence, text, line, point, why, by_number)]
        by_words = own_point is None and len(explicit) != 1
        for cost in costs if by_words and TOTAL_RE.search(sentence) else []:
            cost.accepted = False
            cost.reasons.append(_("en summa för hela förslaget, inte en punkts kostnad"))
        kept = [c for c in costs if not (restates and restates(c))]
        if kept or not costs:
            last_point = point if point is not None else last_point
        found += kept
    return found


def _costs_of(match, sentence, paragraph, line, point, why, by_number) -> list[SuggestedCost]:
    after = sentence[match.end() :]
    if PER_UNIT_RE.search(sentence):
        return []  # a cost per person is no cost of the point
    numbers = re.findall(NUMBER, match["numbers"])
    year_first = len(numbers) > 1 and re.fullmatch(r"(?:19|20)\d{2}", numbers[0])
    if year_first and YEAR_BEFORE_LIST_RE.search(sentence[: match.start()]):
        numbers = numbers[1:]
    names = by_number[point].board_names if point else []
    if point and not names:
        names = receiver_names(by_number[point].text)
    costs = []
    for position, number in enumerate(numbers):
        amount = _kronor(number, match["unit"])
        if amount is None:
            continue
        cost = SuggestedCost(amount_kr=amount, printed=f"{number} {match['unit']}", line=line, point=point)
        cost.reasons += why
        cost.quote = sentence.strip()[:300]
        clause = sentence[match.end() : match.end() + 40]
        recurrence = (YEARLY_RE.search(clause) and "yearly") or (ONE_OFF_RE.search(clause) and "one_off")
        if not recurrence:
            recurrence = (YEARLY_RE.search(sentence) and "yearly") or (ONE_OFF_RE.search(sentence) and "one_off")
        if not recurrence:
            recurrence = (YEARLY_RE.search(paragraph) and "yearly") or (ONE_OFF_RE.search(paragraph) and "one_off")
            if recurrence:
                cost.reasons.append(_("typen av kostnad lästes ur stycket, inte ur meningen"))
        cost.recurrence = recurrence or ""
        years = YEARS_AFTER_RE.match(after)
        if years:
            cost.first_year, cost.last_year = int(years["first"]), int(years["last"] or years["first"])
        if len(numbers) > 1 and len(names) == len(numbers):
            cost.board_name = names[position]
        elif len(numbers) == 1:
            cost.board_name = _board_for(after, names) or (names[0] if len(names) == 1 else "")
        start = match.start()
        if re.search(r"\d\s*[–-]\s*$", sentence[:start]):
            cost.accepted = False
            cost.reasons.append(_("ett intervall, inte ett belopp"))
        if REFERENCE_RE.search(sentence):
            cost.accepted = False
            cost.reasons.append(_("ett belopp ur en källa eller för hela landet, inte stadens kostnad"))
        if GRANT_RE.search(sentence):
            cost.accepted = False
            cost.reasons.append(_("ett bidrag eller en intäkt, inte en kostnad"))
        before = sentence[: match.start()]
        if BALANCE_RE.search(before) and not COST_WORD_RE.search(before):
            cost.accepted = False
            cost.reasons.append(_("det som en reserv eller budget rymmer, inte en kostnad"))
        costs.append(cost)
    return costs


def _supersede(costs: list[SuggestedCost]) -> None:
    """Within a paragraph, a later amount for the same point and board replaces an earlier one."""
    for index, cost in enumerate(costs):
        later = [
            c for c in costs[index + 1 :] if c.accepted and c.point == cost.point and c.board_name == cost.board_name
        ]
        if cost.accepted and cost.point is not None and later:
            cost.accepted = False
            cost.reasons.append(_("ersatt av %(amount)s längre fram i stycket") % {"amount": later[-1].printed})


def _unique(costs: list[SuggestedCost]) -> list[SuggestedCost]:
    """An amount the TU states again in a later section (the same point, board, amount and kind) once."""
    seen: dict[tuple, SuggestedCost] = {}
    kept = []
    for cost in costs:
        key = (cost.point, cost.board_name.casefold(), cost.amount_kr, cost.recurrence)
        first = seen.get(key)
        if first is None:
            seen[key] = cost
            kept.append(cost)
        elif cost.accepted and not first.accepted and cost.point is not None:
            kept[kept.index(first)] = cost  # the later statement stands where the first was replaced
            seen[key] = cost
    return kept
