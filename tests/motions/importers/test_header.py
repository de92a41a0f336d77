"""The motion's header in prose (motions/importers/header.py): the kind with its party after "från"
("Ändringsyrkande från Centerpartiet"), the meeting line naming the body in the genitive and the
date in words, and the agenda item."""

import datetime

import pytest

from motions.importers.header import KIND_LINE_RE, MEETING_RE, find_headers, row_headers
from motions.importers.motion import read_motion

PROSE_HEADER = """Ändringsyrkande från Centerpartiet och Kristdemokraterna
Miljö- och klimatnämndens sammanträde den 9 mars 2027
Ärende 7


Ändringsyrkande angående – förvaltningens förslag till plan för luftkvalitet

Förslag till beslut
I miljö- och klimatnämnden:

1. Punkt 2 i förvaltningens förslag stryks.

2. Förvaltningen får i uppdrag att mäta halterna vid fler skolor.

Motivering
Mätningarna behövs där barnen vistas.
"""


def test_a_header_in_prose_gives_kind_parties_body_and_date():
    parsed = read_motion(PROSE_HEADER)
    assert parsed.kind == "andringsyrkande"
    assert parsed.party_names == ["Centerpartiet", "Kristdemokraterna"]
    assert parsed.body_name == "Miljö- och klimatnämnden"
    assert parsed.date == datetime.date(2027, 3, 9)
    assert parsed.header_at == "start"
    assert [p.number for p in parsed.points] == [1, 2]
    assert parsed.justification == "Mätningarna behövs där barnen vistas."


def test_a_body_line_of_its_own_wins_over_the_meeting_line():
    text = PROSE_HEADER.replace("Ärende 7\n", "Ärende 7\nKulturnämnden\n")
    assert read_motion(text).body_name == "Kulturnämnden"


@pytest.mark.parametrize(
    ("line", "party"),
    [("Yrkande från Vänsterpartiet", "Vänsterpartiet"), ("Reservation (SD)", "SD"), ("Tilläggsyrkande", None)],
)
def test_the_kind_line_carries_its_parties(line, party):
    found = KIND_LINE_RE.match(line)
    assert (found["party"] or found["sender"]) == party


def test_a_kind_from_an_office_is_no_header():
    # "Yttrande från stadsledningskontoret" names no party: no header block is made of it.
    lines = ["Yttrande från stadsledningskontoret", "2027-01-12", "", "Yttrande angående – En fråga"]
    assert find_headers(list(enumerate(lines, start=1))) == []


@pytest.mark.parametrize(
    ("line", "owner", "date"),
    [
        ("Nämndens sammanträde den 4 juni 2027", "Nämnden", "4 juni 2027"),
        (
            "Idrotts- och föreningsnämndens sammanträde 2027-02-11, ärende 3",
            "Idrotts- och föreningsnämnden",
            "2027-02-11",
        ),
        ("Sammanträde 2027-02-11", None, "2027-02-11"),
    ],
)
def test_the_meeting_line_names_its_owner_and_date(line, owner, date):
    found = MEETING_RE.match(line)
    assert (found["owner"], found["date"]) == (owner, date)


def test_a_body_line_may_carry_the_date_and_the_agenda_item_after_the_name():
    text = """ÄNDRINGSYRKANDE
Miljöpartiet de gröna
Kulturnämnden 2027-05-18, ärende 11

Ändringsyrkande angående – förvaltningens förslag om öppettider

Förslag till beslut
I kulturnämnden:

1. Biblioteken i ytterstaden öppnar även på söndagar.
"""
    motion = read_motion(text)
    assert motion.body_name == "Kulturnämnden"
    assert motion.date == datetime.date(2027, 5, 18)
    assert motion.party_names == ["Miljöpartiet de gröna"]


def test_a_header_printed_as_one_line_of_cells_is_read_cell_by_cell():
    text = """Kulturnämnden      2027-09-14      Ändringsyrkande (C, L)      Ärende 5


Ändringsyrkande angående – förvaltningens förslag om konsthallens öppettider

Förslag till beslut
I kulturnämnden:

1. Konsthallen håller öppet även på måndagar.
"""
    motion = read_motion(text)
    assert (motion.kind, motion.body_name) == ("andringsyrkande", "Kulturnämnden")
    assert motion.date == datetime.date(2027, 9, 14)
    assert motion.party_names == ["C", "L"]  # as printed; resolved to the parties after the parse
    # A line of cells with anything else in it is no header.
    assert row_headers([(1, "Kulturnämnden      2027-09-14      Ändringsyrkande (C)      se bilaga")]) == []


def test_new_points_that_go_on_from_the_proposals_numbering_keep_their_printed_numbers():
    text = """Tilläggsyrkande (V)
Idrotts- och föreningsnämnden
2027-10-02

Tilläggsyrkande angående – förvaltningens förslag om spontanidrott

Förslag till beslut
I idrotts- och föreningsnämnden:

Utöver förvaltningens förslag, punkterna 1–4, tillförs:

5. Förvaltningen får i uppdrag att öppna fler spontanidrottsplatser.

6. Förvaltningen får i uppdrag att redovisa utfallet i december.
"""
    motion = read_motion(text)
    assert [(p.number, p.label) for p in motion.points] == [(1, "5."), (2, "6.")]
    assert any("Punkterna börjar på 5." in f for f in motion.flags)
