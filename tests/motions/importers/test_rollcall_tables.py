"""Roll-call tables in layouts beyond "Namn Parti Plats Funktion Resultat" (rollcall.py,
rollcall_cells.py, rollcall_vocab.py): results as letters defined by convention or a legend, a dash
for an absent member, counts declared in any of the forms minutes print, sections of people present
who do not vote, a "Tjänstgör för" column, and a vote list standing inside the minutes."""

import pytest

from motions.importers import ImportError_, parse_rollcall
from motions.importers.protocol import parse_protocol
from motions.importers.rollcall_vocab import is_non_voting_heading, legend_of
from motions.importers.vote_counts import count_line


def _rows(parsed):
    return [(r.seat, r.name, r.party, r.role, str(r.result)) for r in parsed.rows]


SEAT_FIRST_LETTERS = """\
Nr  Ledamot              Parti  Röst
1   Anna Berg            S      J
2   Bo af Ek             M      N
3   Cia Dahl             V      A
4   Dan Ås               KD     –

J = Ja, N = Nej, A = Avstår, – = Frånvarande
"""


def test_letters_and_a_dash_defined_by_a_legend_under_the_table():
    parsed = parse_rollcall(SEAT_FIRST_LETTERS)
    assert _rows(parsed) == [
        (1, "Anna Berg", "S", "Ledamot", "ja"),
        (2, "Bo af Ek", "M", "Ledamot", "nej"),
        (3, "Cia Dahl", "V", "Ledamot", "avstar"),
        (4, "Dan Ås", "KD", "Ledamot", "franvarande"),
    ]
    assert parsed.flags == []


def test_j_n_a_read_by_convention_but_a_dash_without_a_legend_is_flagged():
    parsed = parse_rollcall(SEAT_FIRST_LETTERS.replace("J = Ja, N = Nej, A = Avstår, – = Frånvarande\n", ""))
    assert [str(r.result) for r in parsed.rows] == ["ja", "nej", "avstar", "franvarande"]
    (flag,) = parsed.flags
    assert flag.startswith("Rad 5: ”–” i resultatkolumnen lästes som frånvarande") and "teckenförklaring" in flag
    assert parsed.as_json()["flags"] == [flag]
    assert "flags" not in parse_rollcall(SEAT_FIRST_LETTERS).as_json()  # the JSON keeps its keys when sure


def test_a_letter_only_a_legend_defines_is_refused_without_it_and_read_with_it():
    text = "Namn  Parti  Röst\nAnna Berg  S  J\nBo Ek  M  F\n"
    # "F" is "för" as often as "frånvarande": no convention reads it.
    with pytest.raises(ImportError_, match="Rad 3: Okänt resultat ”F”"):
        parse_rollcall(text)
    parsed = parse_rollcall(text + "\nTeckenförklaring: J = Ja, F = Frånvarande\n")
    assert [str(r.result) for r in parsed.rows] == ["ja", "franvarande"]
    # A lower-case letter is no convention either.
    with pytest.raises(ImportError_, match="Okänt resultat ”j”"):
        parse_rollcall("Namn  Parti  Röst\nAnna Berg  S  j\n")


def test_a_legend_that_defines_a_letter_twice_is_refused():
    with pytest.raises(ImportError_, match="Rad 4: Teckenförklaringen anger två olika betydelser för ”A”"):
        parse_rollcall("Namn  Parti  Röst\nAnna Berg  S  A\nJ = Ja, A = Avstår\nA = Frånvarande\n")


@pytest.mark.parametrize(
    ("line", "legend"),
    [
        ("J = Ja, N = Nej, A = Avstår, – = Frånvarande", {"J": "ja", "N": "nej", "A": "avstar", "–": "franvarande"}),
        ("Förklaring: J=ja; N=nej", {"J": "ja", "N": "nej"}),
        ("Avst = Avstår", {"Avst": "avstar"}),
        ("S = Socialdemokraterna, M = Moderaterna", None),  # a party legend defines no result
        ("Ja = bifall till förslaget", None),
    ],
)
def test_legend_lines(line, legend):
    read = legend_of(line)
    assert (read and {k: str(v) for k, v in read.items()}) == legend


@pytest.mark.parametrize(
    ("line", "counts", "prose"),
    [
        ("Ja-röster: 7", {"ja": 7}, ""),
        ("Nej-röster: 4", {"nej": 4}, ""),
        ("Avstår: 1", {"avstar": 1}, ""),
        ("Frånvarande: 1", {"franvarande": 1}, ""),
        ("Antal Ja: 39", {"ja": 39}, ""),
        ("Ja-röster: 7, nej-röster: 5, avstår: 1.", {"ja": 7, "nej": 5, "avstar": 1}, ""),
        ("Summa 6 4 0 1", {"ja": 6, "nej": 4, "avstar": 0, "franvarande": 1}, ""),
        ("Summa: Ja 6, Nej 4", {"ja": 6, "nej": 4}, ""),
        ("Resultat: 4 ja, 4 nej och 1 avstår", {"ja": 4, "nej": 4, "avstar": 1}, ""),
        ("7 ja, 4 nej", {"ja": 7, "nej": 4}, ""),
        (
            "Resultat: 4 ja, 4 nej, 1 avstår. Ordföranden har utslagsröst och nämnden har",
            {"ja": 4, "nej": 4, "avstar": 1},
            "Ordföranden har utslagsröst och nämnden har",
        ),
        ("Ja 7", None, None),  # without a label a count needs its colon
        ("4 ja", None, None),  # one count-first pair alone is no counts line
        ("6 4 0 1", None, None),  # bare numbers only under "Summa"
        ("Ja för bifall till förslaget, Nej för avslag.", None, None),
        ("Anna Berg  S  Ja", None, None),
    ],
)
def test_count_lines(line, counts, prose):
    read = count_line(line)
    assert (read and read[0], read and read[1]) == ((counts, prose) if counts else (None, None))


def test_counts_on_separate_lines_are_checked_against_the_rows():
    table = "Nr  Ledamot  Parti  Röst\n1  Anna Berg  S  J\n2  Bo Ek  M  N\n3  Cia Dahl  V  J\n\n"
    parsed = parse_rollcall(table + "Ja-röster: 2\nNej-röster: 1\nAvstår: 0\n")
    assert parsed.declared_totals == {"ja": 2, "nej": 1, "avstar": 0}
    with pytest.raises(ImportError_, match="Antal Ja enligt sidhuvudet är 3 men listan har 2"):
        parse_rollcall(table + "Ja-röster: 3\nNej-röster: 1\n")


@pytest.mark.parametrize(
    ("line", "non_voting"),
    [
        ("Närvarande ersättare (deltar ej i omröstningen)", True),
        ("Närvarande ersättare, ej tjänstgörande", True),
        ("Närvarande ersättare", True),
        ("Ej tjänstgörande ersättare:", True),
        ("Övriga närvarande", True),
        ("Ersättare utan rösträtt", True),
        ("Tjänstgörande ersättare", False),
        ("Närvarande ersättare, tjänstgörande", False),
        ("Ersättare som inte tjänstgör har ingen rösträtt i nämnden.", False),  # a sentence
        ("Kim Östlund  S  Ja", False),
    ],
)
def test_non_voting_headings(line, non_voting):
    assert is_non_voting_heading(line) is non_voting


NON_VOTING = """\
Namn                 Parti  Röst
Anna Berg            S      Ja
Bo Ek                M      Nej

Närvarande ersättare (deltar ej i omröstningen)
    Kim Östlund      S
    Lo Engdahl-Broo  (L)
"""


def test_people_present_who_do_not_vote_are_counted_nowhere():
    parsed = parse_rollcall(NON_VOTING + "\nJa-röster: 1\nNej-röster: 1\n")
    assert [r.name for r in parsed.rows] == ["Anna Berg", "Bo Ek"]
    assert parsed.totals == {"ja": 1, "nej": 1, "avstar": 0, "franvarande": 0}


def test_a_result_under_a_non_voting_heading_is_refused_not_dropped():
    message = r"Rad 8: ”Lo Ek S Ja” står under ”Närvarande ersättare \(deltar ej i omröstningen\)”, som inte deltar"
    with pytest.raises(ImportError_, match=message):
        parse_rollcall(NON_VOTING + "    Lo Ek  S  Ja\n")


def test_a_voting_subheading_after_the_non_voting_section_counts_again():
    parsed = parse_rollcall(NON_VOTING + "Tjänstgörande ersättare\nEva Ros  V  Ja\n")
    assert [(r.name, r.role) for r in parsed.rows][-1] == ("Eva Ros", "Tjänstgörande ersättare")


X_TABLE = """\
Nr   Namn              Parti  Ja   Nej   Avstår  Frånvarande
1    Anna Berg         S      X
2    Bo von Ek         M           X
3    Cia Dahl          KD                        X
Summa                         1    1     0       1

Närvarande ersättare, ej tjänstgörande
      Moa Lind          S
      Erik af Sand      M
"""


def test_an_x_table_with_a_franvarande_column_a_summa_row_and_a_non_voting_section():
    parsed = parse_rollcall(X_TABLE)
    assert _rows(parsed) == [
        (1, "Anna Berg", "S", "Ledamot", "ja"),
        (2, "Bo von Ek", "M", "Ledamot", "nej"),
        (3, "Cia Dahl", "KD", "Ledamot", "franvarande"),
    ]
    assert parsed.declared_totals == {"ja": 1, "nej": 1, "avstar": 0, "franvarande": 1}


SERVES_FOR = """\
Namn              Parti  Roll                 Tjänstgör för     Röst
Eva Åhman         S      Ordförande                             Ja
Per Lind          M      1:e vice ordförande                    Nej
Ulf de la Motte   L      Ledamot                                Nej
Kim Wess          S      Ersättare            Mats Öst (S)      Ja
Gun Ros           KD     Ersättare            Eva Holm          Avstår
"""


def test_a_tjanstgor_for_column_names_the_absent_member_no_row_and_not_in_the_name():
    parsed = parse_rollcall(SERVES_FOR)
    assert [(r.name, r.party, r.role, str(r.result), r.serves_for) for r in parsed.rows] == [
        ("Eva Åhman", "S", "Ordförande", "ja", ""),
        ("Per Lind", "M", "1:e vice ordförande", "nej", ""),
        ("Ulf de la Motte", "L", "Ledamot", "nej", ""),
        ("Kim Wess", "S", "Ersättare", "ja", "Mats Öst (S)"),
        ("Gun Ros", "KD", "Ersättare", "avstar", "Eva Holm"),
    ]
    records = parsed.as_json()["records"]
    assert "serves_for" not in records[0] and records[3]["serves_for"] == "Mats Öst (S)"


def test_an_ersatter_column_without_a_function_column():
    parsed = parse_rollcall("Ledamot  Parti  Ersätter  Röst\nKim Wess  S  Mats Öst  Ja\nBo Ek  M  –  Nej\n")
    assert [(r.name, r.party, r.serves_for, r.role) for r in parsed.rows] == [
        ("Kim Wess", "S", "Mats Öst", "Ledamot"),
        ("Bo Ek", "M", "", "Ledamot"),
    ]


PROTOCOL = """\
Kulturnämnden
Protokollsutdrag
Sammanträdesdatum: 2025-10-21

§ 54 KUN-2025-00402
Stöd till fria kulturaktörer

Beslut
1. Kulturnämnden fördelar stödet enligt förvaltningens förslag.

Propositionsordning
Ordföranden ställer förvaltningens förslag mot avslag och finner förslaget bifallet.
Votering begärs.

Voteringslista
Ja för förvaltningens förslag, Nej för avslag.

Nr  Namn         Parti  Röst
1   Anna Berg    S      J
2   Bo Ek        M      N
3   Cia Dahl     V      J
4   Dan Ås       KD     {dash}

Resultat: 2 ja, 1 nej. Ordföranden konstaterar att nämnden har
beslutat enligt förvaltningens förslag.

Reservation
Moderaterna reserverar sig mot beslutet.
"""


def test_a_vote_list_inside_the_minutes_is_the_votes_table_and_the_minutes_go_on_under_it():
    parsed = parse_protocol(PROTOCOL.format(dash="–"))
    (vote,) = parsed.votes
    assert [(r.name, str(r.result)) for r in vote.rollcall.rows] == [
        ("Anna Berg", "ja"), ("Bo Ek", "nej"), ("Cia Dahl", "ja"), ("Dan Ås", "franvarande"),
    ]  # fmt: skip
    assert vote.rollcall.declared_totals == {"ja": 2, "nej": 1}
    assert vote.proposition  # read from the Propositionsordning, no attachment left over
    assert [n.text for n in parsed.notes] == ["Moderaterna reserverar sig mot beslutet."]
    # The dash had no legend: flagged on the vote, the protocol still read.
    assert any("”–” i resultatkolumnen lästes som frånvarande" in f for f in parsed.field_flags["votes"])
    assert not any("hör inte till någon omröstning" in f for f in parsed.field_flags["votes"])


def test_a_vote_list_after_the_minutes_stays_their_attachment():
    minutes, table = PROTOCOL.format(dash="–").split("Voteringslista\n")
    text = minutes + "Justerare\nBo Ek\n\nVoteringslista\n" + table.split("\nReservation")[0]
    parsed = parse_protocol(text)
    (vote,) = parsed.votes
    assert vote.attachment == "" and len(vote.rollcall.rows) == 4 and vote.rollcall.totals["ja"] == 2


def test_an_x_table_with_a_tjanstgor_for_column():
    text = (
        "Namn        Parti  Roll        Tjänstgör för   Ja   Nej\n"
        "Eva Åhman   S      Ordförande                  X\n"
        "Kim Wess    S      Ersättare   Mats Öst (S)         X\n"
    )
    parsed = parse_rollcall(text)
    assert [(r.name, r.role, r.serves_for, str(r.result)) for r in parsed.rows] == [
        ("Eva Åhman", "Ordförande", "", "ja"),
        ("Kim Wess", "Ersättare", "Mats Öst (S)", "nej"),
    ]


def test_a_seat_first_letter_table_over_a_page_break_with_its_header_repeated():
    text = (
        "Nr  Ledamot    Parti  Röst\n1   Anna Berg  S      J\n2   Bo Ek      M      N\n\n"
        "Nämnden, protokoll 2025-10-30                    Sida 1 av 2\n\n\f\n"
        "Nämnden, protokoll 2025-10-30, § 241\nNr  Ledamot    Parti  Röst\n3   Cia Dahl   V      A\n"
    )
    assert [(r.seat, str(r.result)) for r in parse_rollcall(text).rows] == [(1, "ja"), (2, "nej"), (3, "avstar")]


def test_a_mark_is_no_name_or_party_so_a_dash_beside_it_is_no_result():
    # The row of an X table whose marks were not placed: "X" must not become a party, "–" a result.
    with pytest.raises(ImportError_, match="Rad 2"):
        parse_rollcall("Namn  Parti  Röst\nOle Brink  M  X  –\n")


def test_a_table_the_tuned_reader_refuses_is_read_by_its_columns_in_a_protocol():
    """rollcall.rollcall_or_flag: the role after a comma in the name cell (vote_grid.grid_instead)."""
    from motions.importers.rollcall import rollcall_or_flag

    class Flags:
        def flag(self, field, message):
            raise AssertionError(message)

    text = "\n".join(
        [
            "Namn                     Parti   Resultat",
            "Sara Lind, ordförande    L       Nej",
            "Omar Nilsson             C       Ja",
        ]
    )
    rollcall = rollcall_or_flag(Flags(), text)
    assert [(r.name, r.role, str(r.result)) for r in rollcall.rows] == [
        ("Sara Lind", "ordförande", "nej"),
        ("Omar Nilsson", "ledamot", "ja"),
    ]


def test_a_refused_row_before_a_repeated_header_is_not_skipped_as_page_furniture():
    text = "\n".join(
        ["Namn Parti Resultat", "Sara Lind, ordf. L Ja", "Namn Parti Resultat", "Omar Nilsson C Nej", "Greta Holm C Ja"]
    )
    with pytest.raises(ImportError_, match="Sara Lind"):
        parse_rollcall(text)
