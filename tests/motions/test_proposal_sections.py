"""A TU's "Förslag till beslut" addressing several bodies in turn, and the running line that repeats
the kind with its dates at a page edge."""

import pytest

from motions.importers.proposal import read_proposal
from motions.importers.running import is_running_line

HEADER = """Kulturförvaltningen            Tjänsteutlåtande
                               Utfärdat 2025-04-01
                               Diarienummer KUF-2025-00123

Läsfrämjande för barn

Förslag till beslut
"""


def _tu(sections: str) -> str:
    return HEADER + sections + "\nBakgrund\nText om bakgrunden.\n"


TWO_SECTIONS = """{first}
1. Kulturnämnden får i uppdrag att ta fram en plan.

2. Idrott- och föreningsnämnden får i uppdrag att delta i arbetet.

{second}
3. Kommunfullmäktige anvisar 1,5 mnkr för arbetet.
"""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("I kommunstyrelsen, för egen del:", "I kommunfullmäktige:"),
        ("I kommunstyrelsen:", "Kommunstyrelsen föreslår kommunfullmäktige besluta"),
        ("I kommunstyrelsen för egen del:", "Kommunstyrelsen föreslår kommunfullmäktige besluta:"),
    ],
)
def test_every_addressee_sections_points_belong_to_the_proposal(first, second):
    parsed = read_proposal(_tu(TWO_SECTIONS.format(first=first, second=second)))
    assert [p.number for p in parsed.points] == [1, 2, 3]
    assert parsed.points[2].text == "Kommunfullmäktige anvisar 1,5 mnkr för arbetet."
    assert [c.point for c in parsed.costs] == [3]
    # The body is the first addressee, without "för egen del"; the other section is flagged.
    assert parsed.addressed_to == "I kommunstyrelsen:"
    assert parsed.field_flags["points"] == [
        f"Från punkt 3 riktas förslaget till ”{second.rstrip(':')}”, inte till ”I kommunstyrelsen” – kontrollera"
    ]


def test_a_single_section_for_egen_del_is_the_body_without_the_qualifier():
    parsed = read_proposal(_tu("I kommunstyrelsen, för egen del:\n\n1. Kulturnämnden får i uppdrag att utreda.\n"))
    assert parsed.addressed_to == "I kommunstyrelsen:" and "points" not in parsed.field_flags


def test_a_section_numbered_afresh_is_flagged_not_guessed():
    text = TWO_SECTIONS.format(first="I kommunstyrelsen:", second="I kommunfullmäktige:").replace("3. Kom", "1. Kom")
    parsed = read_proposal(_tu(text))
    assert [p.number for p in parsed.points] == [1, 2]
    assert parsed.field_flags["points"] == [
        "Punkterna under ”I kommunfullmäktige:” numreras om från 1 och lästes inte – kontrollera"
    ]


def test_a_sentence_after_the_points_starting_with_i_is_no_section():
    text = "I kommunstyrelsen:\n\n1. Kulturnämnden får i uppdrag att utreda.\n\nI ärendet finns två bilagor.\n"
    parsed = read_proposal(_tu(text))
    assert [p.number for p in parsed.points] == [1] and "points" not in parsed.field_flags


@pytest.mark.parametrize(
    ("line", "running"),
    [
        ("Tjänsteutlåtande 2025-08-20, rev. 2025-09-11", True),
        ("Tjänsteutlåtande 2025-08-20, reviderad 2025-09-11", True),
        ("Tjänsteutlåtande 2025-08-20, reviderat 2025-09-11", True),
        ("Tjänsteutlåtande rev. 2025", False),
        ("Tjänsteutlåtande revideras 2025-09-11", False),
    ],
)
def test_a_running_line_may_carry_the_revision_date(line, running):
    assert is_running_line(line, ["Tjänsteutlåtande"]) is running


def test_the_kind_with_a_revision_date_at_a_page_edge_leaves_the_point():
    text = HEADER.replace(
        "Utfärdat 2025-04-01", "Utfärdat 2025-04-01\n                               Reviderat 2025-04-09"
    )
    text += (
        "I kulturnämnden:\n\n1. Förvaltningen får i uppdrag att ta fram ett avtal för\n\n"
        "Kulturförvaltningen                          1 (2)\nTjänsteutlåtande 2025-04-01, rev. 2025-04-09\n\f\n"
        "tolktjänster.\n\nBakgrund\nText.\n"
    )
    parsed = read_proposal(text)
    assert parsed.points[0].text == "Förvaltningen får i uppdrag att ta fram ett avtal för tolktjänster."
    assert parsed.points[0].board_names == ["Kulturförvaltningen"]
