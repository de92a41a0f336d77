"""An X-marked roll-call table whose empty cells hold "-" (rollcall_filled.py), and a function
sub-heading row inside a table without a Funktion column."""

import pytest

from motions.importers import ImportError_, parse_rollcall
from motions.importers.rollcall_filled import unmark_filled

FILLED = """\
Ledamöter Parti Ja Nej Avstår
Klara Ström S X - -
Ole Brink M - X -
Fia Hed V - - X
Tjänstgörande ersättare
Bo Lind KD - X -
Ida Sand MP X – –
Summa 2 2 1
"""


def test_a_filled_x_table_reads_its_columns_from_the_token_order():
    parsed = parse_rollcall(FILLED)
    assert [(r.name, r.party, r.role, r.result) for r in parsed.rows] == [
        ("Klara Ström", "S", "Ledamot", "ja"),
        ("Ole Brink", "M", "Ledamot", "nej"),
        ("Fia Hed", "V", "Ledamot", "avstar"),
        ("Bo Lind", "KD", "Tjänstgörande ersättare", "nej"),
        ("Ida Sand", "MP", "Tjänstgörande ersättare", "ja"),
    ]
    assert parsed.declared_totals == {"ja": 2, "nej": 2, "avstar": 1}


def test_the_sum_follows_the_headers_column_order():
    text = "Namn Parti Nej Ja\nKlara Ström S - X\nOle Brink M X -\nSumma 1 1\n"
    assert unmark_filled(text.split("\n"))[:4] == [
        "Namn  Parti  Resultat", "Klara  Ström  S  Ja", "Ole  Brink  M  Nej", "Summa: Nej 1, Ja 1",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "row",
    [
        "Ole Brink M X",  # empty cells not filled: the column of the X cannot be known without layout
        "Ole Brink M X X -",  # two marks
        "Ole Brink M - - -",  # none
    ],
)
def test_a_row_that_is_not_filled_with_one_mark_is_refused(row):
    with pytest.raises(ImportError_):
        parse_rollcall(f"Namn Parti Ja Nej Avstår\nKlara Ström S X - -\n{row}\n")


def test_a_sub_heading_sets_the_role_in_an_ordinary_table_too():
    text = "Namn Parti Resultat\nKlara Ström S Ja\nErsättare\nBo Lind KD Nej\n"
    rows = [(r.name, r.role) for r in parse_rollcall(text).rows]
    assert rows == [("Klara Ström", "Ledamot"), ("Bo Lind", "Ersättare")]


def test_a_sum_line_with_the_count_first():
    text = "Namn Parti Resultat\nKlara Ström S Ja\nBo Lind KD Nej\nResultat: 1 ja och 1 nej\n"
    assert parse_rollcall(text).declared_totals == {"ja": 1, "nej": 1}
    with pytest.raises(ImportError_):
        parse_rollcall("Namn Parti Resultat\nKlara Ström S Ja\nBo Lind KD Nej\nResultat: 2 ja, 1 nej\n")
