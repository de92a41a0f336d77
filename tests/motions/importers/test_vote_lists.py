"""The general roll-call readers' list and prose forms (vote_lists.py, vote_sides.py) and the words
around them (a vote's heading, the prose under a table): each rule on a short synthetic text."""

from motions.importers.protocol_layout import NUMBERED_VOTE_RE
from motions.importers.rollcall import parse_rollcall
from motions.importers.vote_counts import DECLARED_RES
from motions.importers.vote_lists import read_lists
from motions.importers.vote_sides import read_sides


def _rows(rollcall):
    return [(r.name, r.party, r.role.lower(), str(r.result)) for r in rollcall.rows]


def test_a_comma_list_where_a_role_after_the_party_is_an_item_of_its_own():
    lines = [
        "Ja (4): Anna Berg (S), ordförande, Bo Ek (V), Cia Dahl (MP), tjänstgörande ersättare,",
        "Dan Olsson (S).",
        "Nej (1): Eva Lind (M), vice ordförande.",
        "Avstår (0).",
        "Nämnden har beslutat enligt förslaget.",
    ]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Anna Berg", "S", "ordförande", "ja"),
        ("Bo Ek", "V", "ledamot", "ja"),
        ("Cia Dahl", "MP", "tjänstgörande ersättare", "ja"),
        ("Dan Olsson", "S", "ledamot", "ja"),
        ("Eva Lind", "M", "vice ordförande", "nej"),
    ]
    assert rollcall.declared_totals == {"ja": 4, "nej": 1, "avstar": 0}


def test_a_count_heading_with_a_full_stop_and_no_names_is_flagged_when_the_count_is_not_zero():
    rollcall, flags = read_lists(["Ja (1): Anna Berg (S).", "Avstår (1)."])
    assert rollcall is None and "1" in flags[0]


def test_a_comma_list_broken_by_the_signature_boxes_and_a_page_break():
    lines = [
        "Ja (2): Anna Berg (S), ordförande, Bo Ek (V), tjänstgörande ersättare.",
        "",
        "Justerandes signatur                Utdragsbestyrkande",
        "                                                  1 (2)",
        "\f",
        "NAV § 18, 2025-12-04",
        "",
        "Nej (1): Cia Dahl (M), vice ordförande.",
    ]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert [(r.name, str(r.result)) for r in rollcall.rows] == [
        ("Anna Berg", "ja"),
        ("Bo Ek", "ja"),
        ("Cia Dahl", "nej"),
    ]


def test_members_who_vote_one_a_line_with_a_stand_in_for_an_absent_member():
    lines = [
        "Ledamöter som röstar ja:",
        "Anna Berg (S), ordförande",
        "Bo Ek (V), tjänstgörande ersättare för Ulla Ström (V)",
        "Cia Dahl (MP)",
        "",
        "Ledamöter som röstar nej:",
        "Dan Olsson (M), vice ordförande",
        "Eva Lind Sundin (L)",
    ]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Anna Berg", "S", "ordförande", "ja"),
        ("Bo Ek", "V", "tjänstgörande ersättare", "ja"),
        ("Cia Dahl", "MP", "ledamot", "ja"),
        ("Dan Olsson", "M", "vice ordförande", "nej"),
        ("Eva Lind Sundin", "L", "ledamot", "nej"),
    ]
    assert rollcall.rows[1].serves_for == "Ulla Ström (V)"  # no row of her own


def test_a_definite_role_at_a_line_end_belongs_to_the_name_on_the_next_line():
    lines = ["Ja röstar: Anna Berg (S), Bo Ek (V) och den tjänstgörande ersättaren", "Cia Dahl (S)."]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert _rows(rollcall)[1:] == [("Bo Ek", "V", "ledamot", "ja"), ("Cia Dahl", "S", "tjänstgörande ersättare", "ja")]


def test_a_role_the_typesetter_hyphenated_is_one_word_again():
    lines = ["Ja (2): Anna Berg (S), Bo Ek (V), tjänstgörande er\u2010", "sättare."]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert _rows(rollcall)[1] == ("Bo Ek", "V", "tjänstgörande ersättare", "ja")


def test_the_verdict_with_its_object_before_roestar_and_names_wrapped_over_lines():
    lines = [
        "Ja till punkt 2 röstar ordföranden Anna Berg (S), förste vice ordföranden Ann-",
        "Louise Ek (V), ledamöterna Cia Dahl (MP) och den tjänstgörande ersättaren Pia",
        "",
        "Justerandes signatur                     Utdragsbestyrkande",
        "                                                  Sida 1 av 2",
        "\f",
        "Karlsson-Nyman (MP).",
        "",
        "Nej för återremiss röstar andre vice ordföranden Eva Lind (L), ledamöterna Olle",
        "Granqvist (M) och Jens Nordin (C).",
    ]
    rollcall, flags = read_sides(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Anna Berg", "S", "ordförande", "ja"),
        ("Ann-Louise Ek", "V", "förste vice ordförande", "ja"),
        ("Cia Dahl", "MP", "ledamot", "ja"),
        ("Pia Karlsson-Nyman", "MP", "tjänstgörande ersättare", "ja"),
        ("Eva Lind", "L", "andre vice ordförande", "nej"),
        ("Olle Granqvist", "M", "ledamot", "nej"),
        ("Jens Nordin", "C", "ledamot", "nej"),
    ]


def test_a_verdict_sentence_whose_names_cannot_be_read_is_flagged():
    rollcall, flags = read_sides(["Ja till förslaget röstar Anna Berg (S) och alla övriga (S)."])
    assert rollcall is None and "övriga" in flags[0]


def test_a_vote_heading_may_name_its_subject_in_parentheses():
    assert NUMBERED_VOTE_RE.match("Votering 1 (återremiss)")
    assert NUMBERED_VOTE_RE.match("Omröstning 2 (huvudfrågan)")
    assert not NUMBERED_VOTE_RE.match("Votering 1 (återremiss). Ordföranden ställer proposition.")


def test_the_prose_under_a_table_ends_it_though_its_last_word_is_hyphenated():
    text = "\n".join(
        [
            "Namn          Parti   Funktion     Resultat",
            "Anna Berg     S       Ordförande   Ja",
            "Bo Ek         M       Ledamot      Nej",
            "",
            "Nämnden har beslutat enligt förslaget med 1 ja-röst mot 1 nej-rös\u2010",
            "ter.",
        ]
    )
    rollcall = parse_rollcall(text, ends_at_prose=True)
    assert [(r.name, str(r.result)) for r in rollcall.rows] == [("Anna Berg", "ja"), ("Bo Ek", "nej")]


def test_two_lists_side_by_side_are_cut_at_the_headings_columns():
    lines = [
        "Ja (3):                          Nej (2):",
        "Tove Ringh (C), ordförande       Oskar Falk (SD)",
        "Ida Mård (L)                      Rut Sand (M), tjänstgörande ersättare",  # shifted a character
        "Nils Öst (V)",
        "",
        "Avstår (1):",
        "Maj Wik (KD)",
    ]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Tove Ringh", "C", "ordförande", "ja"),
        ("Ida Mård", "L", "ledamot", "ja"),
        ("Nils Öst", "V", "ledamot", "ja"),
        ("Oskar Falk", "SD", "ledamot", "nej"),
        ("Rut Sand", "M", "tjänstgörande ersättare", "nej"),
        ("Maj Wik", "KD", "ledamot", "avstar"),
    ]
    assert [r.line for r in rollcall.rows] == [2, 3, 4, 2, 3, 7]
    assert rollcall.declared_totals == {"ja": 3, "nej": 2, "avstar": 1}


def test_a_line_whose_text_runs_across_the_columns_edge_is_not_guessed():
    lines = ["Ja:                  Nej:", "Tove Ringh (C), ordförande Oskar Falk (SD)"]
    rollcall, flags = read_lists(lines)
    assert rollcall is None and flags


def test_a_party_after_a_comma_is_read_only_when_it_is_a_known_abbreviation():
    lines = ["Ja:", "Tove Ringh, C, ordförande, Ida Mård, L och", "Nils Öst, V.", "Nej:", "Oskar Falk, SD"]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Tove Ringh", "C", "ordförande", "ja"),
        ("Ida Mård", "L", "ledamot", "ja"),
        ("Nils Öst", "V", "ledamot", "ja"),
        ("Oskar Falk", "SD", "ledamot", "nej"),
    ]
    rollcall, flags = read_lists(["Ja:", "Tove Ringh, XY", "Nej:", "Oskar Falk, SD"])
    assert rollcall is None and "Tove Ringh" in flags[0]


def test_names_numbered_one_a_line_carry_a_list_number_not_a_count():
    lines = ["Ja:", "1. Tove Ringh (C), ordförande", "2. Ida Mård (L)", "", "Nej:", "1. Oskar Falk (SD)"]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert [(r.name, str(r.result)) for r in rollcall.rows] == [
        ("Tove Ringh", "ja"),
        ("Ida Mård", "ja"),
        ("Oskar Falk", "nej"),
    ]
    assert rollcall.declared_totals == {}
    # The vote's stated counts (protocol_votes) take no list number for a count, but a count is still one.
    assert not DECLARED_RES["ja"].search("Ja: 1. Tove Ringh (C), ordförande")
    assert not DECLARED_RES["avstar"].search("Avstår: 1. Ida Mård, L")
    assert DECLARED_RES["ja"].search("Ja-röster: 1. Nej-röster: 1.")["l"] == "1"
    assert DECLARED_RES["ja"].search("Ja: 12. Tove Ringh (C)")["l"] == "12"


def test_a_count_heading_without_a_colon_on_its_own_line_or_before_the_first_name():
    lines = [
        "Ja-röster (2)",
        "Tove Ringh (C), ordförande",
        "Ida Mård (L)",
        "",
        "Nej (1) Oskar Falk (SD)",
        "Avstår (0)",
        "Nämnden beslutar enligt förslaget.",
    ]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert [(r.name, str(r.result)) for r in rollcall.rows] == [
        ("Tove Ringh", "ja"),
        ("Ida Mård", "ja"),
        ("Oskar Falk", "nej"),
    ]
    assert rollcall.declared_totals == {"ja": 2, "nej": 1, "avstar": 0}
    rollcall, flags = read_lists(["Ja (2) röstade de flesta.", "Tove Ringh (C)"])
    assert rollcall is None and not flags  # no heading: not a member after the count


def test_a_count_before_a_sentence_that_names_a_member_stays_a_count():
    assert DECLARED_RES["avstar"].search("Avstår: 1. Ja röstar Anna Berg (M) och Bo Ek (V).")["l"] == "1"
    assert DECLARED_RES["avstar"].search("Avstår: 1. Bo Ek (SD) avstod.")["l"] == "1"
    assert not DECLARED_RES["nej"].search("Nej: 1. Karl-Johan von Essen (KD), vice ordförande")


def test_a_count_heading_without_a_colon_with_the_first_name_on_its_line_or_under_it():
    lines = [
        "Ja-röster (3) Alva Nyström (S), ordförande, Oskar Hed (V)",
        "och Lisa Fjäll (MP).",
        "Nej-röster (2)",
        "Tor Brink (M), vice ordförande",
        "Elin Sköld (KD)",
    ]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Alva Nyström", "S", "ordförande", "ja"),
        ("Oskar Hed", "V", "ledamot", "ja"),
        ("Lisa Fjäll", "MP", "ledamot", "ja"),
        ("Tor Brink", "M", "vice ordförande", "nej"),
        ("Elin Sköld", "KD", "ledamot", "nej"),
    ]
    assert rollcall.declared_totals == {"ja": 3, "nej": 2}


def test_a_one_a_line_list_goes_on_over_a_page_break():
    lines = [
        "Ja-röster (3)",
        "Mona Ek (S), ordförande",
        "Rolf Tran (V)",
        "",
        "Justerandes signatur          Utdragsbestyrkande          1 (2)",
        "\f",
        "Kulturnämnden 2025-11-12 § 9",
        "",
        "Siri Vall (MP)",
        "",
        "Avstår (1)",
        "Nils Berg (M)",
        "",
        "Nämnden har beslutat enligt förslaget.",
    ]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert [(r.name, str(r.result)) for r in rollcall.rows] == [
        ("Mona Ek", "ja"), ("Rolf Tran", "ja"), ("Siri Vall", "ja"), ("Nils Berg", "avstar"),
    ]  # fmt: skip


def test_after_blank_lines_alone_a_member_line_ends_a_one_a_line_list():
    rollcall, flags = read_lists(["Ja-röster (2)", "Mona Ek (S)", "Rolf Tran (V)", "", "Siri Vall (MP)"])
    assert not flags and [r.name for r in rollcall.rows] == ["Mona Ek", "Rolf Tran"]


def test_a_deputy_printed_for_the_absent_member_gives_the_deputys_row_only():
    lines = [
        "Ja-röster: ledamoten Olof Strid (V) och ersättaren Tuva Malm (S) för Rune Bäck (S).",
        "Nej-röster: ledamöterna Greta Ulf (M) och den tjänstgörande ersättaren Sam Ohr (KD) i stället",
        "för Lina Kask (KD).",
    ]
    rollcall, flags = read_lists(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Olof Strid", "V", "ledamot", "ja"),
        ("Tuva Malm", "S", "ersättare", "ja"),
        ("Greta Ulf", "M", "ledamot", "nej"),
        ("Sam Ohr", "KD", "tjänstgörande ersättare", "nej"),
    ]
    assert [r.serves_for for r in rollcall.rows] == ["", "Rune Bäck (S)", "", "Lina Kask (KD)"]
