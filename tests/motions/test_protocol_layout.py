"""Protocol extracts in the layouts protocol_layout.py reads: a two-column header, a decision
heading in the body's genitive, a roll call's own heading, numbered votes, a role-first table."""

import pytest

from motions.importers.protocol import parse_protocol
from motions.importers.protocol_layout import cells, layout_heading, paragraph_cell

TWO_COLUMNS = """\
Protokollsutdrag                                   Kulturnämnden
Sammanträdesdatum: 2024-03-12                      § 27
Diarienummer: KUN-2024-00101

Bidrag till fria kulturgrupper

Kulturnämndens beslut
1. Kulturnämnden fördelar bidragen enligt förvaltningens förslag.

Propositionsordning
Ordföranden ställer proposition på bifall respektive avslag och finner att nämnden bifallit
förslaget. Omröstning begärs och verkställs enligt röstlista.

Röstlista § 27
Funktion Ledamot Parti Röst
Ordförande Klara Ström S ja
2:e vice ordförande Ole Brink M nej
Ledamot Fia Hed V ja
Sida 1 av 2

Kulturnämnden, protokollsutdrag 2024-03-12 § 27
Funktion Ledamot Parti Röst
Ledamot Bo Lind KD nej
Tjänstgörande ersättare Ida Sand MP avstår

Resultat: 2 ja, 2 nej, 1 avstår

Reservation
Ole Brink (M) reserverar sig mot beslutet.
"""


def test_a_two_column_header_gives_body_date_paragraph_and_case():
    parsed = parse_protocol(TWO_COLUMNS)
    assert (parsed.body_name, parsed.date.isoformat(), parsed.paragraph, parsed.case_number) == (
        "Kulturnämnden", "2024-03-12", 27, "KUN-2024-00101",
    )  # fmt: skip
    assert parsed.title == "Bidrag till fria kulturgrupper"
    assert "paragraph" not in parsed.field_flags and "body" not in parsed.field_flags


def test_a_genitive_decision_heading_and_a_role_first_table_over_a_page_break():
    parsed = parse_protocol(TWO_COLUMNS)
    assert [p.text for p in parsed.points] == ["Kulturnämnden fördelar bidragen enligt förvaltningens förslag."]
    [vote] = parsed.votes
    rows = [(r.role, r.name, r.party, r.result) for r in vote.rollcall.rows]
    assert rows == [
        ("Ordförande", "Klara Ström", "S", "ja"),
        ("2:e vice ordförande", "Ole Brink", "M", "nej"),
        ("Ledamot", "Fia Hed", "V", "ja"),
        ("Ledamot", "Bo Lind", "KD", "nej"),
        ("Tjänstgörande ersättare", "Ida Sand", "MP", "avstar"),
    ]
    assert vote.rollcall.declared_totals == {"ja": 2, "nej": 2, "avstar": 1}
    assert [n.kind for n in parsed.notes] == ["reservation"]  # the text after the table is the minutes'


def test_a_running_line_repeating_the_paragraph_in_columns_is_no_second_paragraph():
    text = TWO_COLUMNS.replace(
        "Kulturnämnden, protokollsutdrag 2024-03-12 § 27", "Kulturnämnden      2024-03-12      § 27"
    )
    parsed = parse_protocol(text)
    assert "paragraph" not in parsed.field_flags
    assert len(parsed.votes[0].rollcall.rows) == 5


def test_the_columns_closed_up_as_a_pdf_prints_them_still_read():
    text = TWO_COLUMNS.replace(f"Protokollsutdrag{' ' * 35}Kulturnämnden", "Protokollsutdrag Kulturnämnden")
    text = text.replace("2024-03-12                      § 27", "2024-03-12 § 27")
    parsed = parse_protocol(text)
    assert (parsed.body_name, parsed.paragraph) == ("Kulturnämnden", 27)


def test_a_paragraph_in_the_header_with_the_title_below_a_blank_line():
    text = (
        "Socialnämnden Hisingen                Protokollsutdrag\n"
        "                                      Sammanträdesdatum 2024-05-06\n"
        "§ 55                                  Dnr SNH-2024-00200\n\n"
        "Plan för hemlöshet\n2024–2025\n\nBeslut\nNämnden antar planen.\n"
    )
    parsed = parse_protocol(text)
    assert (parsed.body_name, parsed.paragraph, parsed.case_number) == ("Socialnämnden Hisingen", 55, "SNH-2024-00200")
    assert parsed.title == "Plan för hemlöshet 2024–2025"
    assert "title" not in parsed.field_flags


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("grundskolenämndens beslut", "decision"),
        ("socialnämnden nordosts beslut", "decision"),
        ("nämndens beslut", "decision"),
        ("kultur- och fritidsnämndens beslut", "decision"),  # a suspended first word
        ("bygg- samt planutskottets beslut", "decision"),
        ("kultur- och beslut", None),
        ("förskolenämnden beslutar", "decision_lead"),  # protocol._sections keeps the line as the lead-in
        ("förskolenämnden beslutar att anta reglerna", None),
        ("kommunfullmäktiges beslut", "decision"),
        ("omröstning 2", "vote"),
        ("votering 1", "vote"),
        ("omröstning 1, återremiss eller avgörande i dag", "vote"),  # what the vote is about
        ("omröstning 2: huvudfrågan", "vote"),
        ("omröstning 2 genomförs. nämnden beslutar.", None),  # a sentence, no heading
        ("röstlista § 12", "rollcall"),
        ("röstlista", "rollcall"),
        ("förvaltningens beslut", None),  # an office decides nothing in the minutes
        ("omröstning begärs", None),
        ("beslut om bidrag", None),
    ],
)
def test_layout_headings(heading, section):
    assert layout_heading(heading) == section


def test_cells_and_a_paragraph_beside_another_field():
    assert cells("Protokollsutdrag        Miljönämnden") == ["Protokollsutdrag", "Miljönämnden"]
    assert cells("Protokollsutdrag skickas till") == ["Protokollsutdrag skickas till"]  # no body beside it
    assert paragraph_cell("Sammanträdesdatum: 2024-01-02     § 9")["number"] == "9"
    assert paragraph_cell("Sammanträdesdatum: 2024-01-02 § 9") is None  # closed up: only on a field's line
    assert paragraph_cell("Sammanträdesdatum: 2024-01-02 § 9", field_line=True)["number"] == "9"
    assert paragraph_cell("Enligt beslut i kommunstyrelsen     § 9 punkt 2 i förslaget") is None


TWO_VOTES = """\
Utdrag ur protokoll
Kommunstyrelsen
Sammanträdesdatum: 2024-06-05

§ 300 Ärendenummer SLK-2024-00400
Ny gångbro över älven

Beslut
Enligt stadsledningskontorets förslag:

1. Gångbron byggs.

Propositionsordning
Ordföranden ställer först proposition på återremiss och finner att ärendet ska avgöras idag.
Omröstning begärs.

Omröstning 1
Godkänd voteringsproposition: ”Ja för avgörande idag och Nej för återremiss.”

Ledamöterna Åsa Berg (S) och Nils Kron (V) röstar Ja (2).

Ledamöterna Rut Ek (M) och Sven Lo (L) röstar Nej (2).

Ordföranden ställer därefter proposition på bifall respektive avslag.
Omröstning begärs.

Omröstning 2
Godkänd voteringsproposition: ”Ja för bifall och Nej för avslag.”

Åsa Berg (S), Nils Kron (V) och Rut Ek (M) röstar ja (3).

Sven Lo (L) röstar nej (1).
"""


def test_two_numbered_votes_are_each_read_in_order():
    parsed = parse_protocol(TWO_VOTES)
    assert [v.proposition for v in parsed.votes] == [
        "Ja för avgörande idag och Nej för återremiss.",
        "Ja för bifall och Nej för avslag.",
    ]
    assert [v.rollcall.totals["ja"] for v in parsed.votes] == [2, 3]
    assert [r.name for r in parsed.votes[1].rollcall.rows] == ["Åsa Berg", "Nils Kron", "Rut Ek", "Sven Lo"]
    assert "votes" not in parsed.field_flags


def test_a_vote_whose_proposition_stands_under_no_vote_heading_is_flagged():
    text = TWO_VOTES.replace("Omröstning 2\n", "Beslutsgång\n")
    parsed = parse_protocol(text)
    assert len(parsed.votes) == 1
    assert any("nämner 2 omröstningar men 1 lästes" in m for m in parsed.field_flags["votes"])


def test_numbered_vote_headings_saying_what_each_vote_is_about_each_open_a_vote():
    text = TWO_VOTES.replace("Omröstning 1\n", "Omröstning 1, återremiss eller avgörande idag\n").replace(
        "Omröstning 2\n", "Omröstning 2, huvudfrågan\n"
    )
    parsed = parse_protocol(text)
    assert [v.rollcall.totals["ja"] for v in parsed.votes] == [2, 3]
    assert "votes" not in parsed.field_flags
