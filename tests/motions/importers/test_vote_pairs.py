"""Several votes side by side in one X table (vote_pairs.py): the marks are split between the votes
by the character position of each vote's columns, and a protocol reads a vote per group."""

from motions.importers.protocol import parse_protocol
from motions.importers.vote_pairs import side_by_side

TABLE = [
    "                          Omröstning A          Omröstning B",
    "Namn                      Ja  Nej  Avst.        Ja  Nej  Avst.",
    "Rosa Ek (V)               X                          X",
    "Tim Berg (C)                  X                 X",
    "Ulf Dahl (D)                       X                      X",
    "Summa                     1   1    1            1   1    1",
]


def test_each_vote_of_the_table_becomes_a_table_of_its_own():
    first, second = side_by_side(["Votering", *TABLE])
    assert first[1] == second[1] == ""  # the group headings
    assert first[2].split() == ["Namn", "Ja", "Nej", "Avstår"]
    assert first[3] == "Rosa Ek (V)               X"
    assert second[3].startswith("Rosa Ek (V)") and second[3].count("X") == 1
    assert second[3].index("X") == TABLE[2].rindex("X")
    assert second[4].index("X") == TABLE[3].rindex("X")
    assert first[6].split() == second[6].split() == ["Summa", "1", "1", "1"]


def test_one_vote_with_a_heading_over_it_is_no_pair():
    lines = ["            Votering 1", "Namn        Ja  Nej  Avstår", "Rosa Ek     X"]
    assert side_by_side(lines) is None


def test_a_protocol_reads_a_vote_per_group_in_order():
    text = "\n".join(
        [
            "Kulturnämnden",
            "§ 5",
            "Nya öppettider för biblioteken",
            "Beslut",
            "Nämnden bifaller förvaltningens förslag.",
            "Omröstning",
            "Två omröstningar begärs och verkställs.",
            "",
            *TABLE,
            "",
            "Nämnden beslutar enligt förvaltningens förslag.",
        ]
    )
    votes = parse_protocol(text).votes
    results = [[(r.name, str(r.result)) for r in v.rollcall.rows] for v in votes]
    assert results == [
        [("Rosa Ek", "ja"), ("Tim Berg", "nej"), ("Ulf Dahl", "avstar")],
        [("Rosa Ek", "nej"), ("Tim Berg", "ja"), ("Ulf Dahl", "avstar")],
    ]
