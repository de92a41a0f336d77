"""The general roll-call readers (vote_grid.py, vote_lists.py, vote_words.py, vote_general.py):
tables read from their header line in any column order, result-headed and numbered lists, counts
in words; each rule on a short synthetic text of its own."""

import pytest

from motions.importers.protocol import parse_protocol
from motions.importers.vote_counts import declared_counts
from motions.importers.vote_grid import grid_columns, grid_instead, read_grid
from motions.importers.vote_lists import read_lists, read_numbered
from motions.importers.vote_words import is_break_furniture, role_of


def _rows(rollcall):
    return [(r.name, r.party, r.role.lower(), str(r.result)) for r in rollcall.rows]


def test_the_header_words_find_the_columns_in_any_order():
    kinds = [c.kind for c in grid_columns("Parti   Ledamot/tjänstgörande ersättare   Ja   Nej   Avstår")]
    assert kinds == ["party", "name", "ja", "nej", "avstar"]
    kinds = [c.kind for c in grid_columns("Namn          Funktion      Parti   Ja   Nej")]
    assert kinds == ["name", "role", "party", "ja", "nej"]
    assert [c.kind for c in grid_columns("Nr Ledamot Parti Röst")] == ["seat", "name", "party", "result"]
    assert grid_columns("Namn   Parti") is None  # no result: no roll call
    assert grid_columns("Nämnden beslutar enligt förslaget") is None


def test_a_party_first_table_with_x_marks_and_the_role_in_the_name_cell():
    lines = [
        "Parti   Ledamot                    Ja    Nej   Avstår",
        "S       Anna Berg, ordförande      X",
        "M       Bo af Ek                         X",
        "V       Cia Dahl (tjg ers)                     X",
    ]
    rollcall, flags = read_grid(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Anna Berg", "S", "ordförande", "ja"),
        ("Bo af Ek", "M", "ledamot", "nej"),
        ("Cia Dahl", "V", "tjänstgörande ersättare", "avstar"),
    ]


def test_a_digit_one_is_a_mark_and_the_summa_row_gives_the_counts():
    lines = [
        "Namn            Funktion           Parti   Ja   Nej",
        "Anna Berg       ordförande         S       1",
        "Bo Ek           vice ordförande    M            1",
        "Summa                                      1    1",
    ]
    rollcall, _flags = read_grid(lines)
    assert _rows(rollcall)[1] == ("Bo Ek", "M", "vice ordförande", "nej")
    assert rollcall.declared_totals == {"ja": 1, "nej": 1}


def test_the_table_goes_on_past_a_page_break_its_furniture_and_the_repeated_header():
    header = "Namn         Parti   Ja   Nej"
    lines = [
        header,
        "Anna Berg    S       X",
        "                            Sida 1 av 2",
        "Justerandes sign.        Utdragsbestyrkande",
        "\f",
        "Nämnden, protokollsutdrag 2025-01-02, § 4",
        header,
        "Bo Ek        M            X",
        "",
        "Nämnden har beslutat enligt förslaget.",
    ]
    rollcall, _flags = read_grid(lines)
    assert [r.name for r in rollcall.rows] == ["Anna Berg", "Bo Ek"]


def test_a_row_that_cannot_be_read_makes_no_roll_call_but_a_flag():
    lines = ["Namn         Parti   Ja   Nej", "Anna Berg    S       X", "Bo Ek        M       X    X"]
    rollcall, flags = read_grid(lines)
    assert rollcall is None and flags and "Rad 3" in flags[0]


def test_a_result_column_holds_a_word_or_a_letter():
    lines = ["Ledamot       Parti   Röst", "Anna Berg     S       Ja", "Bo Ek         M       N"]
    rollcall, _flags = read_grid(lines)
    assert [str(r.result) for r in rollcall.rows] == ["ja", "nej"]


def test_one_member_a_line_under_result_headings_over_a_page_break():
    lines = [
        "Den som vill bifalla röstar Ja, den som vill avslå röstar Nej.",
        "",
        "Röstar Ja (2):",
        " - Anna Berg (S), ordförande",
        "",
        "                   Justerandes signatur ......",
        "\f",
        "Nämnden 2025-01-02, § 4, sida 2 (2)",
        "",
        " - Cia Dahl (V), tjänstgörande ersättare",
        "",
        "Röstar Nej (1):",
        " - Bo Ek (M)",
        "",
        "Nämnden har således beslutat att bifalla.",
    ]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Anna Berg", "S", "ordförande", "ja"),
        ("Cia Dahl", "V", "tjänstgörande ersättare", "ja"),
        ("Bo Ek", "M", "ledamot", "nej"),
    ]
    assert rollcall.declared_totals == {"ja": 2, "nej": 1}


def test_a_comma_list_with_role_prefixes_and_a_name_broken_by_a_page_break():
    lines = [
        "Ja röstar: ordföranden Anna Berg (S), ledamöterna Bo Ek (V), Cia",
        "                                  1 (2)",
        "\f",
        "Nämnden, 2025-01-02, § 4                  2 (2)",
        "",
        "Dahl (MP) och den tjänstgörande ersättaren Dan Olsson (S).",
        "",
        "Nej: Eva Holm (M), Fia Lund (KD), ersättare",
    ]
    rollcall, _flags = read_lists(lines)
    assert _rows(rollcall) == [
        ("Anna Berg", "S", "ordförande", "ja"),
        ("Bo Ek", "V", "ledamot", "ja"),
        ("Cia Dahl", "MP", "ledamot", "ja"),
        ("Dan Olsson", "S", "tjänstgörande ersättare", "ja"),
        ("Eva Holm", "M", "ledamot", "nej"),
        ("Fia Lund", "KD", "ersättare", "nej"),
    ]


def test_a_list_part_that_is_no_member_is_flagged_not_dropped():
    rollcall, flags = read_lists(["Röstar Ja (2):", "- Anna Berg (S)", "- Bo Ek"])
    assert rollcall is None and any("Bo Ek" in f for f in flags)


def test_a_heading_count_that_differs_from_its_names_is_flagged():
    rollcall, flags = read_lists(["Ja-röster (3): Anna Berg (S), Bo Ek (V)"])
    assert rollcall is None and "3" in flags[0]


def test_a_numbered_rostlista_with_a_stand_in_and_an_absent_member():
    lines = [
        "1. Anna Berg, S, förste vice ordförande: Ja",
        "2. Bo Ek, KD, ersättare för Cia Dahl (KD): Nej",
        "3. Dan Olsson, S, ledamot: Frånvarande",
    ]
    rollcall, _flags = read_numbered(lines)
    assert _rows(rollcall) == [
        ("Anna Berg", "S", "förste vice ordförande", "ja"),
        ("Bo Ek", "KD", "ersättare", "nej"),
        ("Dan Olsson", "S", "ledamot", "franvarande"),
    ]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Sammanräkning: sex (6) ja, fem (5) nej, en (1) avstår.", {"ja": 6, "nej": 5, "avstar": 1}),
        ("Med tolv ja mot 3 nej.", {"ja": 12, "nej": 3}),
        ("Resultat: Ja 5 – Nej 3 – Avstår 2 – Frånvarande 1", {"ja": 5, "nej": 3, "avstar": 2, "franvarande": 1}),
    ],
)
def test_counts_in_digits_in_words_or_both(text, counts):
    assert declared_counts(text) == (counts, [])


def test_a_count_whose_word_and_digit_disagree_is_flagged():
    counts, flags = declared_counts("sex (7) ja")
    assert counts == {} and flags


def test_roles_are_read_back_from_their_printed_forms():
    assert role_of("tjg ers") == "tjänstgörande ersättare"
    assert role_of("den tjänstgörande ersättaren") == "tjänstgörande ersättare"
    assert role_of("ordföranden") == "ordförande"
    assert role_of("ledamöterna") == "ledamot"
    assert role_of("Anna Berg") is None


def test_a_dated_line_is_furniture_only_next_to_a_form_feed():
    assert is_break_furniture(["Nämnden 2025-01-02, § 4", "\f"], 0)
    assert not is_break_furniture(["Beslutet 2025-01-02 gäller."], 0)


PROTOCOL = """Nämnden
Protokollsutdrag
Sammanträdesdatum: 2025-01-02

§ 4 Ett ärende

Beslut
Nämnden beslutar enligt förvaltningens förslag.

Omröstning
Den som bifaller förslaget röstar Ja, den som avslår röstar Nej.

Röstar Ja (2):
- Anna Berg (S), ordförande
- Bo Ek (V)

Röstar Nej (1):
- Cia Dahl (M)

Reservation
Cia Dahl (M) reserverar sig.
"""


def test_a_protocol_whose_proposition_sentence_looks_like_a_list_line_reads_its_lists():
    parsed = parse_protocol(PROTOCOL)
    [vote] = parsed.votes
    assert [r.name for r in vote.rollcall.rows] == ["Anna Berg", "Bo Ek", "Cia Dahl"]
    assert vote.rollcall.declared_totals == {"ja": 2, "nej": 1}


def test_a_vote_heading_may_name_its_subject_after_the_number():
    from motions.importers.protocol_layout import NUMBERED_VOTE_RE

    assert NUMBERED_VOTE_RE.match("Votering 1 – återremiss")
    assert not NUMBERED_VOTE_RE.match("Votering 1 – " + "x" * 90)  # a subject, not a paragraph


def test_prose_sides_are_read_as_ja_or_nej_by_the_votes_own_definition():
    from motions.importers.vote_sides import read_sides

    lines = [
        "Ja-röst för att ärendet avgörs i dag, nej-röst för återremiss.",
        "",
        "För att avgöra ärendet i dag röstar ledamöterna Anna Berg (S) och",
        "tjänstgörande ersättaren Bo Ek (V).",
        "",
        "För återremiss röstar Cia",
        "Dahl (M).",
        "",
        "Avstår från att rösta gör Dan Olsson (L).",
    ]
    rollcall, flags = read_sides(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Anna Berg", "S", "ledamot", "ja"),
        ("Bo Ek", "V", "tjänstgörande ersättare", "ja"),
        ("Cia Dahl", "M", "ledamot", "nej"),
        ("Dan Olsson", "L", "ledamot", "avstar"),
    ]


def test_a_prose_side_that_matches_neither_definition_is_flagged():
    from motions.importers.vote_sides import read_sides

    lines = ["Ja-röst för bifall, nej-röst för avslag.", "För återremiss röstar Anna Berg (S)."]
    rollcall, flags = read_sides(lines)
    assert rollcall is None and "återremiss" in flags[0]


def test_a_table_the_tuned_reader_flags_is_read_and_its_flag_taken_back():
    text = PROTOCOL.replace(
        "Röstar Ja (2):\n- Anna Berg (S), ordförande\n- Bo Ek (V)\n\nRöstar Nej (1):\n- Cia Dahl (M)\n",
        "Namn          Parti   Ja   Nej\nAnna Berg     S       1\nBo Ek         V       1\n"
        "Cia Dahl      M            1\n",
    )
    parsed = parse_protocol(text)
    [vote] = parsed.votes
    assert [str(r.result) for r in vote.rollcall.rows] == ["ja", "ja", "nej"]
    assert not any("namnlista" in message for message in parsed.flags)


@pytest.mark.parametrize(
    ("heading", "result"),
    [("Ja-röster:", "ja"), ("Följande röstade nej:", "nej"), ("Avstår (2):", "avstar"), ("Nej röstar:", "nej")],
)
def test_the_result_headings_a_list_may_stand_under(heading, result):
    rollcall, _flags = read_lists([heading, "Anna Berg (S); Bo Ek (V)"])
    assert [str(r.result) for r in rollcall.rows] == [result, result]


def test_a_sentence_saying_how_to_vote_is_no_list_heading():
    assert read_lists(["Den som vill bifalla röstar Ja, den som vill avslå röstar Nej."]) == (None, [])


SIDES_PROTOCOL = (
    PROTOCOL.split("Omröstning\n")[0]
    + """Omröstning
Ja-röst för att ärendet avgörs i dag, nej-röst för återremiss.

För att avgöra ärendet i dag röstar ledamöterna Anna Berg (S) och Bo Ek (V).

För återremiss röstar Cia Dahl (M).

Avstår från att rösta gör Dan Olsson (L).

Nämnden har med två röster mot en, en ledamot avstod, beslutat att avgöra ärendet i dag.
"""
)


def test_a_tuned_reading_that_contradicts_the_stated_counts_gives_way_to_the_general_readers():
    # The prose reader reads only the verdict-first sentence (one abstainer, no Ja, no Nej): the
    # sides reader's reading fits "två röster mot en" and is kept.
    parsed = parse_protocol(SIDES_PROTOCOL)
    [vote] = parsed.votes
    assert [(r.name, str(r.result)) for r in vote.rollcall.rows] == [
        ("Anna Berg", "ja"),
        ("Bo Ek", "ja"),
        ("Cia Dahl", "nej"),
        ("Dan Olsson", "avstar"),
    ]


def test_a_general_reading_that_does_not_fit_the_counts_either_is_not_kept():
    text = SIDES_PROTOCOL.replace("med två röster mot en", "med tre röster mot en")
    with pytest.raises(Exception, match="3 röster mot 1"):
        parse_protocol(text)


def test_an_ersattare_in_the_substitute_column_votes_for_the_absent_member():
    """ "Ledamot   Tjänstgörande ersättare   Ja Nej …": the row is the ersättare's (the member beside
    is absent and no row); a member marked under Frånvarande is a row; the role in the name cell."""
    lines = [
        "Ledamot                     Tjänstgörande ersättare     Ja   Nej  Avstår  Frånvarande",
        "Petra Lund (V), ordförande                              X",
        "Jonas Ek (M)                Maja Frost (M)                   X",
        "Ebba Storm (S)                                          X",
        "Kim Ahl (L)                                                                  X",
        "",
        "Summa                                                   2    1    0        1",
    ]
    rollcall, flags = read_grid(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Petra Lund", "V", "ordförande", "ja"),
        ("Maja Frost", "M", "tjänstgörande ersättare", "nej"),
        ("Ebba Storm", "S", "ledamot", "ja"),
        ("Kim Ahl", "L", "ledamot", "franvarande"),
    ]
    assert rollcall.declared_totals == {"ja": 2, "nej": 1, "avstar": 0, "franvarande": 1}


def test_an_abbreviated_role_after_a_comma_and_a_seat_numbered_1_under_plats():
    lines = [
        "Namn                       Parti   Plats   Röst",
        "Sara Lind, ordf            L       1       Nej",
        "Omar Nilsson, 1:e v ordf   C       2       Ja",
        "Greta Holm                 KD      3       Ja",
    ]
    rollcall, flags = read_grid(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Sara Lind", "L", "ordf", "nej"),
        ("Omar Nilsson", "C", "1:e v ordf", "ja"),
        ("Greta Holm", "KD", "ledamot", "ja"),
    ]


def test_a_summa_row_of_labelled_counts_under_a_result_column():
    lines = [
        "Namn          Parti   Resultat",
        "Sara Lind     L       Ja",
        "Greta Holm    KD      Avstår",
        "Summa   Ja 1   Nej 0   Avstår 1",
    ]
    rollcall, _flags = read_grid(lines)
    assert rollcall.declared_totals == {"ja": 1, "nej": 0, "avstar": 1}
    assert read_grid([*lines[:3], "Summa: Ja 1, Avstår 1"])[0].declared_totals == {"ja": 1, "avstar": 1}


def test_a_table_typed_with_single_spaces_is_split_by_its_header():
    lines = ["Nr Namn Parti Röst", "1 Sara Lind, vice ordförande L Nej", "2 Omar af Nilsson C Ja"]
    rollcall, flags = read_grid(lines)
    assert not flags
    assert _rows(rollcall) == [("Sara Lind", "L", "vice ordförande", "nej"), ("Omar af Nilsson", "C", "ledamot", "ja")]
    # A role column takes the words that make a role; where none do, no guess.
    (row,) = read_grid(["Namn Parti Funktion Röst", "Sara Lind L Vice ordförande Nej"])[0].rows
    assert (row.name, row.role) == ("Sara Lind", "Vice ordförande")
    assert read_grid(["Namn Parti Funktion Röst", "Sara Lind L Kassör Nej"])[0] is None


def test_a_single_spaced_header_with_a_slash_name_and_the_party_in_the_name_cell():
    lines = [
        "Ledamot/tjänstgörande ersättare Funktion Röst",
        "Omar Nilsson (C) 2:e v ordf Ja",
        "Greta Holm (KD) Ledamot Nej",
    ]
    rollcall, flags = read_grid(lines)
    assert not flags
    assert _rows(rollcall) == [("Omar Nilsson", "C", "2:e v ordf", "ja"), ("Greta Holm", "KD", "ledamot", "nej")]


def test_a_column_per_side_marked_with_the_side_s_word():
    lines = ["Ledamot         Parti   Ja    Nej", "Sara Lind       L       Ja", "Omar Nilsson    C             Nej"]
    rollcall, flags = read_grid(lines)
    assert not flags
    assert _rows(rollcall) == [("Sara Lind", "L", "ledamot", "ja"), ("Omar Nilsson", "C", "ledamot", "nej")]


def test_cells_two_spaces_apart_but_not_aligned_go_under_the_columns_in_order():
    lines = ["Ledamot  Parti  Resultat", "Sara Lind, ordförande  L  Ja", "Omar Nilsson  C  Nej"]
    rollcall, flags = read_grid(lines)
    assert not flags
    assert _rows(rollcall) == [("Sara Lind", "L", "ordförande", "ja"), ("Omar Nilsson", "C", "ledamot", "nej")]


def test_a_dash_the_legend_defines_and_a_form_feed_before_the_repeated_header():
    lines = [
        "Namn          Parti  Röst",
        "Sara Lind     L      –",
        "\fNamn          Parti  Röst",
        "Omar Nilsson  C      J",
        "",
        "J = Ja, N = Nej, – = Frånvarande",
    ]
    rollcall, flags = read_grid(lines)
    assert not flags
    assert _rows(rollcall) == [("Sara Lind", "L", "ledamot", "franvarande"), ("Omar Nilsson", "C", "ledamot", "ja")]


def test_grid_instead_reads_only_a_table_it_reads_whole():
    good = "Namn          Parti   Resultat\nSara Lind, ordförande   L   Ja"
    assert [r.name for r in grid_instead(good).rows] == ["Sara Lind"]
    assert grid_instead("Namn          Parti   Resultat\nSara Lind     L       Ja\nOmar Nilsson  C  Kanske") is None


def test_a_table_without_a_party_column_in_a_vote_section_is_its_roll_call_not_its_prose():
    """protocol_votes: a header vote_grid knows ends the vote's sentences; "Plats 6 … Avstår" is no count."""
    table = [
        "Namn               Plats   Resultat",
        "Sara Lind (L)      6       Avstår",
        "Omar Nilsson (C)   7       Ja",
        "Greta Holm (KD)    8       Ja",
    ]
    text = PROTOCOL.split("Röstar Ja (2):")[0] + "\n".join(table) + "\n\nReservation\nSara Lind (L) reserverar sig.\n"
    [vote] = parse_protocol(text).votes
    assert _rows(vote.rollcall) == [
        ("Sara Lind", "L", "ledamot", "avstar"),
        ("Omar Nilsson", "C", "ledamot", "ja"),
        ("Greta Holm", "KD", "ledamot", "ja"),
    ]
