"""A roll-call table extracted one cell per line (cell_lines.py): the header's cells each on a line
give the cycle's length; each member's cells become one row, the line numbers kept."""

from motions.importers.cell_lines import join_cell_lines
from motions.importers.protocol import parse_protocol

CELLS = [
    "Ledamot", "Parti", "Uppdrag", "Röst",
    "Tora Vik", "KD", "Ordförande", "Nej",
    "Ali Reza", "L", "Ledamot", "Ja",
    "",
    "Sida 1 av 2",
    "Kulturnämnden 2025-11-03",
    "Mona Strand", "SD", "Ersättare", "Avstår",
]  # fmt: skip


def test_the_cells_of_each_row_are_joined_onto_its_first_line():
    out = join_cell_lines(CELLS)
    assert len(out) == len(CELLS)
    assert out[0] == "Ledamot  Parti  Uppdrag  Röst"
    assert out[1:4] == ["", "", ""]
    assert out[4] == "Tora Vik  KD  Ordförande  Nej"
    assert out[8] == "Ali Reza  L  Ledamot  Ja"  # a role that is also a header word
    assert out[15] == "Mona Strand  SD  Ersättare  Avstår"  # past the page break
    assert out[13:15] == CELLS[13:15]


def test_two_header_words_on_lines_of_their_own_are_no_table():
    lines = ["Namn", "Röst", "Tora Vik", "Nej"]
    assert join_cell_lines(lines) == lines
    lines = ["Namn", "Parti", "Röst", "Beslutet fattades utan omröstning."]
    assert join_cell_lines(lines) == lines


def test_a_protocol_reads_the_table_written_one_cell_per_line():
    text = "\n".join(
        [
            "Kulturnämnden",
            "§ 9",
            "Bidrag till sommarscener",
            "Beslut",
            "Nämnden bifaller förvaltningens förslag.",
            "Omröstning",
            "Ja för förvaltningens förslag, Nej för avslag.",
            *CELLS,
            "",
            "Nämnden beslutar med 1 röst mot 1 och 1 som avstår.",
        ]
    )
    rows = [(r.name, r.party, str(r.result)) for v in parse_protocol(text).votes for r in v.rollcall.rows]
    assert rows == [("Tora Vik", "KD", "nej"), ("Ali Reza", "L", "ja"), ("Mona Strand", "SD", "avstar")]


def test_a_page_break_may_fall_inside_a_members_cells():
    lines = ["Namn", "Parti", "Röst", "Tora Vik", "KD", "Nej", "Ali Reza", "L", "\f", "", "Ja", "Efter tabellen."]
    out = join_cell_lines(lines)
    assert out[3] == "Tora Vik  KD  Nej"
    assert out[6] == "Ali Reza  L  Ja"
    assert out[7:11] == ["", "\f", "", ""]
    assert out[11] == "Efter tabellen."
