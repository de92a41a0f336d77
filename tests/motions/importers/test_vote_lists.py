"""The general roll-call readers' list and prose forms (vote_lists.py, vote_sides.py) and the words
around them (a vote's heading, the prose under a table): each rule on a short synthetic text."""

from motions.importers.protocol_layout import NUMBERED_VOTE_RE
from motions.importers.rollcall import parse_rollcall
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
