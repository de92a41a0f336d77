"""The parts every generated protocol extract shares (tests/motions/rollcall_layouts.py builds the
roll calls themselves): the members who vote and their exact truth, the frame of the extract
around the vote ("Utdrag ur protokoll", body, date, §, title, "Beslut", "Omröstning"), and the line
wrapping of prose as a PDF's text layer gives it.

A generated document's truth is what a reader of the printed page would type: one row per member
who is listed (name, party, role lower-case in its base form as printed – "ordföranden" is
"ordförande" –, "ledamot" where none is printed, the vote), and the counts the page declares.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from hypothesis import strategies as st

# The vote's values as parse_protocol returns them ("result"), in the order the minutes list them.
VOTES = ("ja", "nej", "avstar", "franvarande")
PARTIES = ("S", "M", "V", "MP", "SD", "L", "C", "KD", "D", "FI")  # fixtures/parties.json
FIRST_NAMES = (
    "Anna", "Erik", "Bengt-Åke", "Karl-Johan", "Maria", "Ali", "Fatima", "Sven", "Ingrid", "Lotta",
    "Per-Olof", "Åsa", "Örjan", "Emir", "Lejla", "Mona", "Jonas", "Elif", "Hanna", "Ulf", "Ann-Louise",
    "Mikael", "Zeynep", "Göran", "Eva", "Jens", "Sara", "Tor",
)  # fmt: skip
LAST_NAMES = (
    "Persson Hjort", "von Essen", "Koç", "Petrović", "Andersson", "Lindqvist", "Öberg", "Nyström",
    "Åkesson", "Hadžić", "Berg", "de Wahl", "Sjöö", "Karlsson-Nyman", "Ek", "af Kleen", "Johansson Ekh",
    "Yilmaz", "Lundh", "Wärn", "Mäkelä", "Strand", "Holm", "Fältskog", "Nilsson", "Öhrn",
)  # fmt: skip
# Roles in their base form (the truth's) and how the minutes print them.
CHAIR, VICE, FIRST_VICE, SECOND_VICE = (
    "ordförande",
    "vice ordförande",
    "förste vice ordförande",
    "andre vice ordförande",
)
MEMBER, SERVING, DEPUTY = "ledamot", "tjänstgörande ersättare", "ersättare"
# Prose prints the role in the definite form before the name ("ordföranden Anna Berg (S)").
DEFINITE = {
    CHAIR: "ordföranden", VICE: "vice ordföranden", FIRST_VICE: "förste vice ordföranden",
    SECOND_VICE: "andre vice ordföranden", MEMBER: "ledamoten", SERVING: "tjänstgörande ersättaren",
    DEPUTY: "ersättaren",
}  # fmt: skip
BODIES = (
    ("Kommunstyrelsen", "Kommunstyrelsens", "KS"),
    ("Stadsmiljönämnden", "Stadsmiljönämndens", "SMN"),
    ("Utbildningsnämnden", "Utbildningsnämndens", "UBN"),
    ("Socialnämnden Hisingen", "Socialnämnden Hisingens", "SNH"),
    ("Idrotts- och föreningsnämnden", "Idrotts- och föreningsnämndens", "IFN"),
    ("Kulturnämnden", "Kulturnämndens", "KUN"),
)
TITLES = (
    "Motion om fler lekplatser i ytterstadsdelarna",
    "Riktlinjer för stadens samverkan med idéburna organisationer",
    "Försäljning av fastigheten Kvillebäcken 3:17",
    "Taxa för upplåtelse av offentlig plats 2027",
    "Yttrande över remiss om regional cykelplan",
)
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")  # fmt: skip


@dataclass(frozen=True)
class Member:
    name: str
    party: str
    role: str  # base form, lower-case: the truth's
    vote: str  # one of VOTES
    serves_for: str = ""  # "Eva Holm (M)": the absent member a deputy serves for (no row)

    def row(self) -> tuple[str, str, str, str]:
        return (self.name, self.party, self.role, self.vote)


@dataclass
class Generated:
    """A generated extract and its truth."""

    text: str
    rows: list[tuple[str, str, str, str]]
    declared: dict[str, int]  # the counts the page prints, keys as VOTES
    variant: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Frame:
    body: int = 0  # index into BODIES
    title: int = 0
    paragraph: int = 12
    date: datetime.date = datetime.date(2026, 3, 11)
    city_line: bool = True  # "Göteborgs Stad" above the body
    date_form: int = 0  # 0 "Sammanträdesdatum: ISO", 1 "Sammanträde: ISO", 2 "… från sammanträdet den 9 mars 2026"
    two_points: bool = True
    decision_heading: int = 0  # 0 "Beslut", 1 "<Body>s beslut"
    vote_heading: str = "Omröstning"


def counts(members: list[Member]) -> dict[str, int]:
    return {v: sum(m.vote == v for m in members) for v in VOTES}


def frame_text(frame: Frame, vote_section: str) -> str:
    """The extract around the vote: header, §, title, decision, the vote's lead-in, the section,
    a reservation and the signatures."""
    body, genitive, prefix = BODIES[frame.body]
    day = frame.date
    lines = ["Göteborgs Stad"] if frame.city_line else []
    if frame.date_form == 2:
        lines += [body, f"Utdrag ur protokoll från sammanträdet den {day.day} {MONTHS[day.month - 1]} {day.year}"]
    else:
        label = "Sammanträdesdatum:" if frame.date_form == 0 else "Sammanträde:"
        lines += [body, "", "Utdrag ur protokoll", "", f"{label} {day.isoformat()}"]
    lines += [f"Diarienummer: {prefix}-{day.year}-00{frame.paragraph + 300}", "", f"§ {frame.paragraph}"]
    lines += [TITLES[frame.title], "", "Beslut" if frame.decision_heading == 0 else f"{genitive} beslut"]
    first = f"{body} bifaller förvaltningens förslag till beslut."
    if frame.two_points:
        lines += [f"1. {first}", "2. Förvaltningen får i uppdrag att återrapportera genomförandet senast i december."]
    else:
        lines += [first]
    lines += [
        "",
        "Yrkanden",
        "Ordföranden yrkar bifall till förvaltningens förslag.",
        "",
        frame.vote_heading,
        "Ordföranden ställer proposition på bifall respektive avslag och finner att nämnden bifaller",
        "förslaget. Omröstning begärs och verkställs. Den som bifaller förvaltningens förslag röstar ja,",
        "den som avslår förslaget röstar nej.",
        "",
        vote_section.rstrip("\n"),
        "",
        "Reservation",
        "Ledamöterna för Moderaterna reserverar sig mot beslutet.",
        "",
        "Vid protokollet",
        "Sekreterare",
        "Karin Öhman",
        "",
        f"Justerat {(day + datetime.timedelta(days=4)).isoformat()}",
        "",
    ]
    return "\n".join(lines)


def wrap(text: str, width: int) -> str:
    """Breaks prose at spaces into lines of at most width characters (a word longer stays whole):
    names and parentheses fall over line ends as they do in a PDF's text."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def wrap_hyphens(text: str, width: int) -> str:
    """As wrap, but a double name that does not fit breaks after its hyphen ("Ann-" / "Louise"), as
    a justified PDF column breaks it."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width and "-" in word[1:-1]:
            head, _, tail = word.partition("-")
            if len(line) + len(head) + 2 <= width:
                lines.append(f"{line} {head}-")
                line = tail
                continue
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


SIDE_WORD = {"ja": "Ja", "nej": "Nej", "avstar": "Avstår", "franvarande": "Frånvarande"}


def as_printed(cast: list[Member], *, roles: bool, absent: bool = False, serves_for: bool = False) -> list[Member]:
    """The cast as the layout can show it: without printed roles everyone is a ledamot; without an
    absent column nobody is absent; a deputy serves for nobody unless the layout prints it."""
    out = []
    for m in cast:
        vote = m.vote if absent or m.vote != "franvarande" else "nej"
        out.append(replace(m, role=m.role if roles else MEMBER, vote=vote, serves_for=m.serves_for * serves_for))
    return out


def named(m: Member) -> str:
    return f"{m.name} ({m.party})"


def joined(names: list[str], last: str = "och", separator: str = ",") -> str:
    return names[0] if len(names) == 1 else f"{f'{separator} '.join(names[:-1])} {last} {names[-1]}"


def page_end(frame: Frame) -> str:
    """The furniture between two pages: the signature box, the page number, a form feed and the
    next page's running line."""
    running = f"\f{BODIES[frame.body][0]}, protokollsutdrag {frame.date.isoformat()}, § {frame.paragraph}"
    return f"Justerandes signatur          Utdragsbestyrkande\n{' ' * 60}Sida 1 av 2\n\n{running}"


# ---- Hypothesis strategies for the people and the frame -----------------------------------------

ROLE_SETS = {
    # The presidium each draw may have: chair first, then the vice chairs, as minutes list them.
    "none": (),
    "chair": (CHAIR,),
    "chair_vice": (CHAIR, VICE),
    "chair_two_vices": (CHAIR, FIRST_VICE, SECOND_VICE),
}


@st.composite
def members(draw, *, size=(5, 15), votes=VOTES[:3], deputies=(SERVING,), serves_for=False) -> list[Member]:
    """5–15 members with distinct names; each side of the vote has a member; a presidium first,
    some serving deputies last (as a roll call lists them)."""
    n = draw(st.integers(*size))
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST_NAMES), st.sampled_from(LAST_NAMES)),
            min_size=n + 1, max_size=n + 1, unique_by=lambda p: p[1],
        )
    )  # fmt: skip
    names = [f"{first} {last}" for first, last in pairs]
    presidium = draw(st.sampled_from(sorted(ROLE_SETS)))
    n_deputies = draw(st.integers(0, min(2, n - len(ROLE_SETS[presidium]) - 1))) if deputies else 0
    roles = list(ROLE_SETS[presidium]) + [MEMBER] * (n - len(ROLE_SETS[presidium]) - n_deputies)
    roles += [draw(st.sampled_from(deputies)) for _ in range(n_deputies)]
    chosen = [votes[0], votes[1]] + draw(st.lists(st.sampled_from(votes), min_size=n - 2, max_size=n - 2))
    chosen = draw(st.permutations(chosen))
    out = []
    for index, (name, role, vote) in enumerate(zip(names, roles, chosen, strict=False)):
        party = draw(st.sampled_from(PARTIES))
        absent = f"{names[-1]} ({party})" if serves_for and role in (SERVING, DEPUTY) and index == n - 1 else ""
        out.append(Member(name, party, role, vote, absent))
    return out


frames = st.builds(
    Frame,
    body=st.integers(0, len(BODIES) - 1),
    title=st.integers(0, len(TITLES) - 1),
    paragraph=st.integers(1, 420),
    date=st.dates(datetime.date(2023, 1, 1), datetime.date(2027, 12, 31)),
    city_line=st.booleans(),
    date_form=st.integers(0, 2),
    two_points=st.booleans(),
    decision_heading=st.integers(0, 1),
    vote_heading=st.sampled_from(("Omröstning", "Votering")),
)

# A fixed cast for the explicit examples: every kind of name the strategies draw.
CAST = [
    Member("Bengt-Åke Lindqvist", "S", CHAIR, "ja"),
    Member("Lotta Persson Hjort", "M", VICE, "nej"),
    Member("Zeynep Koç", "V", MEMBER, "ja"),
    Member("Emir Petrović", "S", MEMBER, "ja"),
    Member("Karl-Johan von Essen", "KD", MEMBER, "nej"),
    Member("Ann-Louise Åkesson", "MP", MEMBER, "avstar"),
    Member("Örjan af Kleen", "L", MEMBER, "nej"),
    Member("Lejla Hadžić", "S", SERVING, "ja"),
]
