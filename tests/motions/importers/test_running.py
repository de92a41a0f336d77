"""The document's header repeated as a page's running line is furniture, known by where it stands
(next to a page break or a page footer) and by being made of the header's names alone
(motions/importers/running.py, read_motion, read_proposal)."""

import pytest

from motions.importers.motion import read_motion
from motions.importers.protocol import parse_protocol
from motions.importers.running import is_running_line, running_indexes, running_lines

NAMES = ["Kulturnämnden", "tilläggsyrkande"]


@pytest.mark.parametrize(
    "line",
    [
        "Kulturnämnden, tilläggsyrkande (M, L, KD)",
        "Tilläggsyrkande (S) – Kulturnämnden 2025-03-04",
        "Kulturnämnden   Sida 2 av 3",
        "KULTURNÄMNDEN",
        "Kulturnämnden 25-03-04, § 12",
    ],
)
def test_a_line_of_the_header_names_and_what_stands_beside_them_is_a_running_line(line):
    assert is_running_line(line, NAMES, ["Moderaterna"])


@pytest.mark.parametrize(
    "line",
    [
        "Kulturnämnden beslutar",
        "I kulturnämnden:",
        "Kulturnämndens tilläggsyrkande",
        "2025-03-04",  # a date alone names nothing of the header
        "Moderaterna",  # the parties may stand beside the names, not in their place
        "Tilläggsyrkandet",
    ],
)
def test_a_line_with_more_than_the_header_names_is_text(line):
    assert not is_running_line(line, NAMES, ["Moderaterna"])


def test_only_lines_at_a_page_edge_are_taken():
    items = list(enumerate(["Kulturnämnden", "text", "Kulturnämnden", "Sida 1 av 2", "Kulturnämnden", "mer"], 1))
    page_of = {n: 1 for n, _t in items}
    assert running_lines(items, page_of, set(), set(), NAMES) == {3, 5}


def test_a_page_break_is_an_edge_and_the_header_block_is_never_taken():
    items = list(enumerate(["Kulturnämnden", "text.", "Kulturnämnden", "Tilläggsyrkande"], 1))
    page_of = {1: 1, 2: 1, 3: 2, 4: 2}
    assert running_lines(items, page_of, set(), set(), NAMES) == {3, 4}
    assert running_lines(items, page_of, set(), {4}, NAMES) == {3}


MOTION = """Tilläggsyrkande angående – Kulturförvaltningens förslag till bibliotekens öppettider

Förslag till beslut
I kulturnämnden:

1. Förvaltningen får i uppdrag att utöka öppettiderna på biblioteken i Angered och Bergsjön.

2. Förvaltningen får i uppdrag att pröva meröppna bibliotek i minst två stadsdelar under 2026.
{break}
Kulturnämnden, tilläggsyrkande (M, L)

3. Förvaltningen får i uppdrag att redovisa besöken till nämnden i december 2026.

Yrkandet
Biblioteken ska vara öppna när invånarna kan komma.

Tilläggsyrkande
Kulturnämnden
2025-03-04
Moderaterna, Liberalerna
"""


@pytest.mark.parametrize("page_turn", ["\n                                   Sida 1 (2)\n", "\n\f\n"])
def test_a_motion_drops_the_header_repeated_at_a_page_edge(page_turn):
    parsed = read_motion(MOTION.replace("{break}", page_turn))
    assert parsed.points[1].text.endswith("i minst två stadsdelar under 2026.")
    assert [p.number for p in parsed.points] == [1, 2, 3]
    assert parsed.header_at == "end" and parsed.body_name == "Kulturnämnden"


def test_a_running_line_inside_a_sentence_of_a_point_is_dropped_and_flagged():
    text = MOTION.replace(
        "i minst två stadsdelar under 2026.\n{break}\nKulturnämnden, tilläggsyrkande (M, L)\n",
        "i minst\n\fKulturnämnden, tilläggsyrkande (M, L) 2025-03-04\n2 stadsdelar under 2026.\n",
    )
    parsed = read_motion(text)
    assert parsed.points[1].text.endswith("i minst 2 stadsdelar under 2026.")
    assert any("Kulturnämnden, tilläggsyrkande (M, L) 2025-03-04" in flag for flag in parsed.flags)


def test_the_same_line_away_from_a_page_edge_stays_in_the_text():
    text = MOTION.replace("{break}\nKulturnämnden, tilläggsyrkande (M, L)\n", "").replace(
        "i minst två stadsdelar under 2026.", "i minst två stadsdelar och redovisa dem för\nKulturnämnden\n"
    )
    parsed = read_motion(text)
    assert parsed.points[1].text.endswith("redovisa dem för Kulturnämnden")


EXTRACT = """Protokollsutdrag
Kretsloppsnämnden, sammanträde nr 4, 2027-04-14

§ 61   Dnr KRN-2027-00208
Återvinningscentral i Tuve

Beslut
1) Kretsloppsnämnden godkänner att förvaltningen tecknar avtal om mark för en ny
   återvinningscentral i Tuve.
2) Förvaltningen får i uppdrag att, i dialog med stadsbyggnadsförvaltningen, ta fram ett förslag till
   trafiklösning som gör att besökarna kan

Justerandes sign.                                     1 (2)
\f
RUNNING

   köra in utan att köerna når Tuvevägen.
3) Paragrafen förklaras omedelbart justerad.

Ärendet
Den nuvarande centralen är för liten.
"""


@pytest.mark.parametrize(
    "running", ["Kretsloppsnämnden                                2027-04-14", "KRETSLOPPSNÄMNDEN 2027-04-14"]
)
def test_a_protocols_running_line_after_a_page_break_leaves_the_point_it_splits(running):
    parsed = parse_protocol(EXTRACT.replace("RUNNING", running))
    assert [p.text for p in parsed.points][1] == (
        "Förvaltningen får i uppdrag att, i dialog med stadsbyggnadsförvaltningen, ta fram ett förslag till "
        "trafiklösning som gör att besökarna kan köra in utan att köerna når Tuvevägen."
    )
    assert len(parsed.points) == 3


def test_a_protocols_sentence_naming_the_body_after_a_page_break_stays():
    parsed = parse_protocol(
        EXTRACT.replace("RUNNING\n\n   köra", "Kretsloppsnämnden beslutar också att besökarna ska\n   köra")
    )
    assert "Kretsloppsnämnden beslutar också att besökarna ska köra in" in parsed.points[1].text


def test_running_indexes_takes_the_body_the_first_lines_name():
    lines = [
        "Utdrag",
        "Tekniska nämnden, 2027-01-02",
        "",
        "Text som",
        "1 (2)",
        "\f",
        "Tekniska nämnden  2027-01-02",
        "går vidare.",
    ]
    assert running_indexes(lines, [""], set()) == {6}
