"""A roll-call table grouped under its parties' names in full (party_groups.py): each row takes
its group's party, a group continued after a page break ("…, forts.") included."""

from motions.importers.party_groups import add_group_parties, group_party
from motions.importers.protocol import parse_protocol

TABLE = [
    "Ledamot               Funktion          Röstning",
    "",
    "Kristdemokraterna",
    "Ines Holm             Ordförande        Nej",
    "Centerpartiet",
    "Per Alm               Ledamot           Ja",
    "",
    "Sida 1 av 2",
    "Byggnadsnämnden 2025-09-18",
    "Centerpartiet (forts.)",
    "Ulla Tern             Ersättare         Avstår",
]


def test_a_group_heading_names_its_party_in_full():
    assert group_party("Kristdemokraterna") == "KD"
    assert group_party("Feministiskt initiativ:") == "FI"
    assert group_party("Moderaterna, forts.") == "M"
    assert group_party("Moderaterna yrkar avslag.") is None


def test_each_row_takes_its_groups_party_line_for_line():
    out = add_group_parties(TABLE)
    assert len(out) == len(TABLE)
    assert out[0].endswith("Röstning  Parti")
    assert out[2] == out[4] == out[9] == ""
    assert out[3].endswith("Nej  KD") and out[5].endswith("Ja  C") and out[10].endswith("Avstår  C")
    assert out[7:9] == TABLE[7:9]


def test_a_header_with_a_party_column_is_left_as_it_is():
    lines = ["Namn   Parti   Röst", "Moderaterna", "Ines Holm   KD   Nej", "Per Alm   C   Ja"]
    assert add_group_parties(lines) == lines


def test_a_protocol_reads_the_party_grouped_table():
    text = "\n".join(
        [
            "Byggnadsnämnden",
            "§ 12",
            "Detaljplan för kvarteret Eken",
            "Beslut",
            "Nämnden antar detaljplanen.",
            "Omröstning",
            "Ja för bifall, Nej för avslag.",
            *TABLE,
            "",
            "Nämnden beslutar med 1 röst mot 1, 1 avstår.",
        ]
    )
    rows = [(r.name, r.party, str(r.result)) for v in parse_protocol(text).votes for r in v.rollcall.rows]
    assert rows == [("Ines Holm", "KD", "nej"), ("Per Alm", "C", "ja"), ("Ulla Tern", "C", "avstar")]
