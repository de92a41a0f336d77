"""vote_columns.py: a roll call printed as side-by-side name columns under "Ja  Nej  Avstår", each
name placed by the character position its text starts at; each rule on a short synthetic text."""

from motions.importers.protocol import parse_protocol
from motions.importers.vote_columns import column_header, read_columns


def _rows(rollcall):
    return [(r.name, r.party, r.role.lower(), str(r.result)) for r in rollcall.rows]


def test_the_header_is_result_words_alone_each_once():
    assert [c.result for c in column_header("Ja              Nej             Avstår")] == ["ja", "nej", "avstår"]
    assert [c.start for c in column_header("Ja      Nej")] == [0, 8]
    assert column_header("Ja") is None  # one word: no columns
    assert column_header("Namn     Ja     Nej") is None  # a table's header (vote_grid)
    assert column_header("Ja      Ja") is None
    assert column_header("Ja, nämnden beslutar så") is None


def test_names_are_read_column_by_column_with_roles_wrapped_inside_a_column():
    lines = [
        "Ja                            Nej                              Avstår",
        "Tove Rask (S), ordförande     Arvid Holm (M), vice ordförande  Nora Lind (C)",
        "Isak Berg (V)                 Selma Dahl (SD)",
        "Lova Frisk (S), tjänstgörande",
        "ersättare",
        "",
        "Nämnden har beslutat enligt förslaget.",
    ]
    rollcall, flags = read_columns(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Tove Rask", "S", "ordförande", "ja"),
        ("Isak Berg", "V", "ledamot", "ja"),
        ("Lova Frisk", "S", "tjänstgörande ersättare", "ja"),
        ("Arvid Holm", "M", "vice ordförande", "nej"),
        ("Selma Dahl", "SD", "ledamot", "nej"),
        ("Nora Lind", "C", "ledamot", "avstar"),
    ]
    assert rollcall.totals == {"ja": 3, "nej": 2, "avstar": 1, "franvarande": 0}


def test_a_name_belongs_to_the_column_it_starts_in_also_when_a_column_to_its_left_is_empty():
    lines = [
        "Ja                  Nej                 Avstår",
        "Alva Sten (S)       Omar Nyberg (M)     Iris Hag (L)",
        "                                        Lukas Ör (KD)",
        "Hugo Falk (V)",
    ]
    rollcall, flags = read_columns(lines)
    assert not flags
    assert [(r.name, str(r.result)) for r in rollcall.rows] == [
        ("Alva Sten", "ja"),
        ("Hugo Falk", "ja"),
        ("Omar Nyberg", "nej"),
        ("Iris Hag", "avstar"),
        ("Lukas Ör", "avstar"),
    ]


def test_the_columns_go_on_under_their_header_repeated_after_a_page_break():
    lines = [
        "Ja                  Nej",
        "Alva Sten (S)       Omar Nyberg (M)",
        "",
        "Justerandes sign.                          1 (2)",
        "\f",
        "Ja                  Nej",
        "Hugo Falk (V)       Elsa Borg (SD)",
    ]
    rollcall, flags = read_columns(lines)
    assert not flags
    assert [r.name for r in rollcall.rows] == ["Alva Sten", "Hugo Falk", "Omar Nyberg", "Elsa Borg"]


def test_a_name_that_cannot_be_read_is_flagged_and_gives_no_roll_call():
    lines = [
        "Ja                  Nej",
        "Alva Sten (S)       Omar Nyberg, moderat",
    ]
    rollcall, flags = read_columns(lines)
    assert rollcall is None
    assert flags and "Rad 2" in flags[0] and "Nej" in flags[0]


def test_a_protocol_with_name_columns_and_the_counts_in_prose_before_them():
    text = """\
Göteborgs Stad                                   Utdrag ur protokoll
Byggnadsnämnden

Sammanträdesdatum:   2026-04-14
Paragraf:            § 33
Diarienummer:        BN-2026-00420

Detaljplan för bostäder vid Kvillebäcken

Byggnadsnämndens beslut
Byggnadsnämnden antar detaljplanen enligt stadsbyggnadskontorets förslag.

Votering
Voteringen utföll med 3 ja-röster, 1 nej-röst och 1 som avstod.

Ja                              Nej                          Avstår
Vera Holst (S), ordförande      Tage Ring (M)                Elin Bro (C)
Adam Kvist (V)
Moa Ling (MP), tjänstgörande
ersättare

Reservation
Tage Ring (M) reserverar sig mot beslutet.
"""
    parsed = parse_protocol(text)
    (vote,) = parsed.votes
    assert _rows(vote.rollcall) == [
        ("Vera Holst", "S", "ordförande", "ja"),
        ("Adam Kvist", "V", "ledamot", "ja"),
        ("Moa Ling", "MP", "tjänstgörande ersättare", "ja"),
        ("Tage Ring", "M", "ledamot", "nej"),
        ("Elin Bro", "C", "ledamot", "avstar"),
    ]
    assert vote.declared == {"ja": 3, "nej": 1, "avstar": 1}
    assert (parsed.body_name, parsed.paragraph, parsed.case_number) == ("Byggnadsnämnden", 33, "BN-2026-00420")
    assert len(parsed.notes) == 1


def test_headings_with_colons_are_lists_side_by_side_not_columns():
    # "Ja:   Nej:" heads lists (vote_lists reads them with every list form and the blocks after).
    assert column_header("Ja:                 Nej:") is None


def test_a_list_mark_starts_a_name_and_is_not_part_of_it():
    lines = [
        "Ja                        Nej",
        "- Vera Holt (S)           - Malte Ring (M), vice ordförande",
        "- Idun Sand (MP)          • Tor Wik (L)",
        "",
    ]
    rollcall, flags = read_columns(lines)
    assert not flags
    assert _rows(rollcall) == [
        ("Vera Holt", "S", "ledamot", "ja"),
        ("Idun Sand", "MP", "ledamot", "ja"),
        ("Malte Ring", "M", "vice ordförande", "nej"),
        ("Tor Wik", "L", "ledamot", "nej"),
    ]
