"""The protocol-extract parser: the corpus of extracts and roll calls (tests/motions/corpus/protocols,
rollcalls) read from their text and from a PDF rendered the way the city prints them, the seed's
KF § 4 and KS § 355 against the shipped data, refusals that name their line, and fuzzing.
`CORPUS_WRITE=1` writes a missing expectation (to be read through before it is committed)."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motions.importers import ImportError_, parse_rollcall, pdf_to_text
from motions.importers.protocol import parse_protocol

from .conftest import SEED_000, seed_lines
from .corpus import expected_parse
from .corpus.render import render

CORPUS = Path(__file__).parent / "corpus"
PROTOCOLS = sorted((CORPUS / "protocols").glob("*.txt"))
ROLLCALLS = sorted((CORPUS / "rollcalls").glob("*.txt"))
FIXTURES = Path(__file__).parents[2] / "fixtures" / "cases.json"
LAYOUTS = [
    {"footer": "sida", "running_header": ""},
    {"footer": "paren", "running_header": "Kommunstyrelsen"},
    {"footer": "number", "running_header": "Göteborgs Stad – Utdrag ur protokoll"},
]


def _without_lines(parsed: dict) -> dict:
    """The parse without what names lines and pages (they differ between text and PDF): which
    fields are flagged stays."""
    return {**parsed, "flags": sorted(parsed["flags"])}


def test_the_corpus_has_six_extracts_and_six_roll_calls_each_with_its_expectation():
    assert len(PROTOCOLS) >= 6 and len(ROLLCALLS) >= 6
    assert all(p.with_suffix(".json").exists() for p in PROTOCOLS + ROLLCALLS)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PROTOCOLS, ids=lambda p: p.stem)
def test_the_extract_reads_as_expected(path, django_assert_num_queries):
    with django_assert_num_queries(0):  # the parse makes no database query
        parsed = parse_protocol(path.read_text("utf-8")).as_json()
    assert parsed == expected_parse(path, parsed)


@pytest.mark.parametrize("index", range(len(PROTOCOLS)), ids=lambda i: PROTOCOLS[i].stem)
def test_the_extract_reads_from_its_pdf_as_from_its_text(index):
    path = PROTOCOLS[index]
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    pdf = pdf_to_text(render(path.read_text("utf-8"), **LAYOUTS[index % 3]))
    assert _without_lines(parse_protocol(pdf.text).as_json()) == _without_lines(expected)


@pytest.mark.parametrize("path", ROLLCALLS, ids=lambda p: p.stem)
def test_the_roll_call_reads_as_expected(path):
    parsed = parse_rollcall(path.read_text("utf-8")).as_json()
    assert parsed == expected_parse(path, parsed)


@pytest.mark.parametrize("index", range(len(ROLLCALLS)), ids=lambda i: ROLLCALLS[i].stem)
def test_the_roll_call_reads_from_its_pdf_as_from_its_text(index):
    path = ROLLCALLS[index]
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    pdf = pdf_to_text(render(path.read_text("utf-8"), **LAYOUTS[index % 3]))
    assert parse_rollcall(pdf.text).as_json() == expected


def _shipped_decision(paragraph: str) -> dict:
    cases = json.loads(FIXTURES.read_text("utf-8"))
    return next(d for case in cases for d in case.get("decisions", []) if d["paragraph"] == paragraph)


SEEDS = [pytest.param(1361, 1601, "4", id="KF-2022-06-16-§4"), pytest.param(1602, 1660, "355", id="KS-2024-04-24-§355")]


@pytest.mark.parametrize(("first", "last", "paragraph"), SEEDS)
@pytest.mark.parametrize("source", ["text", "pdf"])
def test_the_seed_extracts_give_the_shipped_votes_notes_and_decision_exactly(first, last, paragraph, source):
    text = seed_lines(SEED_000, first, last)
    if source == "pdf":
        text = pdf_to_text(render(text, **LAYOUTS[int(paragraph) % 3])).text
    parsed = parse_protocol(text)
    shipped = _shipped_decision(paragraph)
    assert parsed.paragraph == int(paragraph)
    assert parsed.decision_text == shipped["text"]
    assert len(parsed.votes) == len(shipped["votes"])
    for vote, expected in zip(parsed.votes, shipped["votes"], strict=True):
        assert vote.proposition == expected["proposition"]
        totals = vote.rollcall.totals
        assert (totals["ja"], totals["nej"], totals["avstar"], totals["franvarande"]) == (
            expected["ja"], expected["nej"], expected["avstar"], expected["franvarande"],
        )  # fmt: skip
        assert [{"name": r.name, "party": r.party, "result": r.result} for r in vote.rollcall.rows] == expected[
            "records"
        ]
    assert [n.as_json() for n in parsed.notes] == [
        {"kind": n["kind"], "parties": n["parties"], "members": n["members"], "text": n["text"]}
        for n in shipped["notes"]
    ]


def test_the_kf_header_block_after_the_yrkanden_gives_body_and_date():
    parsed = parse_protocol(seed_lines(SEED_000, 1361, 1601))
    assert (parsed.body_name, parsed.date.isoformat(), parsed.dnr) == ("Kommunfullmäktige", "2022-06-16", "0355/20")
    assert parsed.title == "Göteborgs Stads trygghetsskapande och brottsförebyggande program 2022-2026"
    assert parsed.adjusted_on.isoformat() == "2022-06-28"
    assert parsed.basis == "bifall_tillagg" and parsed.flags == []


def test_the_ks_extract_without_header_flags_body_and_date():
    parsed = parse_protocol(seed_lines(SEED_000, 1602, 1660))
    assert parsed.case_number == "SLK-2022-00921" and parsed.basis == "aterremiss"
    assert parsed.date is None and "date" in parsed.field_flags
    assert parsed.body_name == "Kommunstyrelsen" and "body" in parsed.field_flags  # read from the propositions
    assert [(m.kind, m.parties) for m in parsed.basis_refs] == [("aterremissyrkande", ["V", "S", "MP"])]


def _replace(path: str, old: str, new: str) -> str:
    text = (CORPUS / "protocols" / path).read_text("utf-8")
    assert old in text
    return text.replace(old, new)


def test_a_prose_count_that_differs_from_the_names_flags_its_vote_and_keeps_the_rest():
    # Policy (issue 15): an unreadable roll call flags its vote, which keeps no rows; it was a refusal.
    text = _replace("p02_ks_prose_wrapped.txt", "röstar Ja (6).", "röstar Ja (7).")
    parsed = parse_protocol(text)
    assert parsed.field_flags["votes"] == [
        "Omröstningen på rad 41 kunde inte läsas: Meningen säger röstar Ja (7) men räknar upp 6 namn "
        "– för in namnlistan för hand."
    ]
    vote = parsed.votes[0]
    assert vote.rollcall is None and vote.declared == {}
    assert vote.unread.startswith("Axel Josefson (M)") and vote.unread.endswith("rösta (2).")
    assert vote.as_json()["unread"]["text"] == vote.unread
    assert (parsed.paragraph, parsed.case_number, len(parsed.points), len(parsed.notes)) == (
        112, "SLK-2023-00456", 2, 2,
    )  # fmt: skip


PROSE_NO_COUNTS = (
    "§ 104 Dnr 0233/25\nMotion om något\n\nBeslut\nNämnden avstyrker motionen.\n\nOmröstning\n"
    "Godkänd voteringsproposition: ”Ja för avslag och Nej för bifall till motionen.”\n\n"
    "Omröstningen utfaller med 2 Ja mot 1 Nej.\n\n"
    "Anna Berg (M) samt ordföranden Gunnar\nHolm (M) röstar Ja.\n\nErik Lindahl (V) röstar Nej.\n\n"
    "Utbildningsnämnden\n\nUtdrag ur protokoll\nSammanträdesdatum: 2025-05-13\n"
)


def test_prose_verdicts_without_counts_are_checked_against_the_stated_counts():
    parsed = parse_protocol(PROSE_NO_COUNTS)
    rows = [(r.name, r.role, r.result) for r in parsed.votes[0].rollcall.rows]
    assert rows == [
        ("Anna Berg", "Ledamot", "ja"),
        ("Gunnar Holm", "Ordförande", "ja"),
        ("Erik Lindahl", "Ledamot", "nej"),
    ]
    assert "votes" not in parsed.field_flags
    with pytest.raises(ImportError_, match="Protokollet säger 3 Ja men namnlistan har 2"):
        parse_protocol(PROSE_NO_COUNTS.replace("med 2 Ja", "med 3 Ja"))


def test_a_conflict_of_interest_is_no_motion_of_the_meeting_under_its_heading_or_among_the_yrkanden():
    text = (
        "§ 17 Dnr 0412/25\nNy taxa för parkering\n\nBeslut\nNämnden godkänner taxan.\n\n"
        "Yrkanden\nOrdföranden Vera Lund (S) yrkar bifall till förslaget.\n\n"
        "Ersättaren Nils Ekholm (M) anmäler sig som jävig och lämnar lokalen.\n\n"
        "Jäv\nLedamoten Saga Berg (C) anmäler jäv i ärendet.\n\n"
        "Trafiknämnden\n\nUtdrag ur protokoll\nSammanträdesdatum: 2025-09-02\n"
    )
    claims = parse_protocol(text).as_json()["claims"]
    assert [c["text"] for c in claims] == ["Ordföranden Vera Lund (S) yrkar bifall till förslaget."]


def test_an_attachment_headed_till_protokollet_with_its_date_holds_the_votes_counts_and_names():
    text = (
        "Trafiknämnden\n\nUtdrag ur protokoll\nSammanträdesdatum: 2025-11-04\n\n§ 71 Dnr 0918/25\n"
        "Nya busskörfält på Övre Husargatan\n\nBeslut\nNämnden godkänner förslaget.\n\nOmröstning\n"
        'Godkänd voteringsproposition: "Ja för bifall och Nej för avslag."\n\n'
        "Nämnden beslutar enligt förslaget. Hur var och en röstar framgår av bilaga 2.\n\n"
        "Reservation\nLedamöterna från M reserverar sig mot beslutet.\n\f\n"
        "Bilaga 2 till protokollet 2025-11-04 § 71\n\nAntal Ja: 2\n\nAntal Nej: 1\n\n"
        "Namn Parti Plats Funktion Resultat\nVera  Lund S 1 Ordförande Ja\nOskar  Falk V 2 Ledamot Ja\n"
        "Maj  Tornberg M 3 Ledamot Nej\n"
    )
    parsed = parse_protocol(text)
    (vote,) = parsed.votes
    assert vote.attachment == "2" and vote.rollcall.declared_totals == {"ja": 2, "nej": 1}
    assert [r.name for r in vote.rollcall.rows] == ["Vera Lund", "Oskar Falk", "Maj Tornberg"]
    assert "Antal" not in parsed.notes[0].text


def test_a_stated_count_that_differs_from_the_attachment_is_refused_with_its_line():
    text = _replace("p01_kf_bilaga_page_break.txt", "med 9 Ja mot 3 Nej", "med 9 Ja mot 4 Nej")
    with pytest.raises(ImportError_, match=r"^Rad 38: Protokollet säger 4 Nej men namnlistan har 3"):
        parse_protocol(text)


def test_a_table_row_that_cannot_be_read_flags_its_vote_with_its_line_and_keeps_the_rest():
    # Policy (issue 15): an unreadable roll call flags its vote, which keeps no rows; it was a refusal.
    text = _replace("p01_kf_bilaga_page_break.txt", "Rasmus  Ragnarsson SD 69 Ledamot Nej", "Rasmus Ragnarsson")
    whole = parse_protocol((CORPUS / "protocols" / "p01_kf_bilaga_page_break.txt").read_text("utf-8"))
    parsed = parse_protocol(text)
    assert parsed.field_flags["votes"] == [
        "Omröstningen på rad 75 kunde inte läsas: Raden ska ha namn, parti, plats, funktion och resultat: "
        "”Rasmus Ragnarsson” – för in namnlistan för hand."
    ]
    vote = parsed.votes[0]
    assert vote.rollcall is None and vote.attachment == "1"
    assert vote.declared == whole.votes[0].declared == {"ja": 9, "nej": 3, "avstar": 2, "franvarande": 1}
    assert "\nRasmus Ragnarsson\n" in vote.unread and "Aslan  Akbas S 61 Ledamot Ja" in vote.unread
    assert parsed.as_json()["points"] == whole.as_json()["points"] and parsed.points
    assert (parsed.paragraph, parsed.date, parsed.body_name, parsed.title) == (
        whole.paragraph, whole.date, whole.body_name, whole.title,
    )  # fmt: skip


def test_a_text_that_is_no_extract_is_refused():
    with pytest.raises(ImportError_, match="ser inte ut som ett protokollsutdrag"):
        parse_protocol("Yrkande angående budget\n\nFörslag till beslut\n1. Något.")


def test_a_second_paragraph_in_the_text_is_flagged_and_not_read():
    text = seed_lines(SEED_000, 1602, 1715)  # KS § 355 followed by the CSG's § 5 and § 9
    parsed = parse_protocol(text)
    assert parsed.paragraph == 355 and "paragraph" in parsed.field_flags
    assert len(parsed.votes) == 1 and len(parsed.votes[0].rollcall.rows) == 13


def test_a_stated_vote_without_names_is_kept_as_counts_and_flagged():
    text = _replace("p06_kf_reasons_two_paragraphs.txt", "\n Bilaga 2", "\nSlut")
    text = text.split("\nSlut")[0]
    parsed = parse_protocol(text)
    assert parsed.votes[0].rollcall is None and parsed.votes[0].declared == {"ja": 5, "nej": 3, "avstar": 1}
    assert "votes" in parsed.field_flags


FRAGMENTS = [
    "§ 4, 0355/20", "§ 12 Ärendenummer SLK-2023-00012", "Beslut", "Yrkanden", "Omröstning", "Reservationer",
    "Protokollsanteckning", "Propositionsordning", "Dag för justering", "2022-06-28", "Bilaga 3", "Ärende: 4",
    "Antal Ja: 2", "Namn Parti Plats Funktion Resultat", "Anna Berg S 1 Ledamot Ja", "Bo Ek M 2 Ledamot Nej",
    "Anna Berg (S) och Bo Ek (M) röstar Ja (2).", "Godkänd voteringsproposition: ”Ja för bifall”",
    "Omröstningen utfaller med 2 Ja mot 0 Nej.", "Hur var och en röstar framgår av bilaga 3.",
    "1. Programmet antas.", "a. komplettera", "Enligt yrkande från S och V:", "Ledamöterna från SD reserverar sig.",
    "Kommunfullmäktige", "Utdrag ur protokoll", "Sammanträdesdatum: 2022-06-16", "Sida 1 av 1", "\f", "", "(",
    "tjänstgörande ersättaren", "ordföranden Jonas Attenius (S)", "avstår från att rösta (1).",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40))
def test_fuzzed_extracts_are_read_or_refused_never_crash(lines):
    try:
        parsed = parse_protocol("\n".join(lines))
    except ImportError_:
        return
    json.dumps(parsed.as_json(), ensure_ascii=False)  # what the command prints can always be printed


def test_the_prose_form_reads_absentees_and_names_the_typesetter_broke():
    from motions.importers.prose_rollcall import parse_prose_rollcall

    parsed = parse_prose_rollcall(
        "Anna Berg (S) och Viktoria Tryggva-\ndottir Rolka (S) röstar Ja (2).\n\n"
        "Bo Ek (M) röstar Nej (1).\n\nKarin Höij-\nRisberg (D) är frånvarande (1)."
    )
    assert [(r.name, r.result) for r in parsed.rows] == [
        ("Anna Berg", "ja"), ("Viktoria Tryggvadottir Rolka", "ja"), ("Bo Ek", "nej"),
        ("Karin Höij-Risberg", "franvarande"),
    ]  # fmt: skip
    assert parsed.totals["franvarande"] == 1


def test_a_heading_word_wrapped_onto_its_own_line_is_no_heading():
    text = _replace(
        "p03_ks_tillagg_no_vote.txt",
        "1. Handlingsplanen för minskad energianvändning antas.",
        "1. Handlingsplanen för minskad energianvändning antas i enlighet med kommunstyrelsens\nbeslut\nden 1 mars.",
    )
    parsed = parse_protocol(text)
    assert parsed.points[0].text.endswith("kommunstyrelsens beslut den 1 mars.") and len(parsed.points) == 3


def test_a_table_function_of_several_words_is_the_role():
    parsed = parse_rollcall(
        "Namn Parti Plats Funktion Resultat\n"
        "Dalibor Eminefendic MP 40 Tjänstgörande ersättare Nej\nPär  Gustafsson L 2 1:e v Ordf Ja\n"
        "Aslan  Akbas S 61 Ledamot Ja\n"
    )
    assert [(r.name, r.seat, r.role) for r in parsed.rows] == [
        ("Dalibor Eminefendic", 40, "Tjänstgörande ersättare"),
        ("Pär Gustafsson", 2, "1:e v Ordf"),
        ("Aslan Akbas", 61, "Ledamot"),
    ]


def test_a_roll_call_table_inside_the_vote_section_is_its_names():
    # No django_db mark: a database query in the parse would raise.
    text = (
        "§ 22, 0644/25\nEn motion\n\nBeslut\nMotionen avslås.\n\n"
        'Omröstning\nGodkänd voteringsproposition: "Ja för avslag och Nej för bifall."\n\n'
        "Omröstningen utfaller med 2 Ja mot 1 Nej.\n\n"
        "Namn Parti Plats Funktion Resultat\nAslan  Akbas S 61 Ledamot Ja\nSida 1 av 2\n"
        " Agneta  Kjaerbeck SD 74 Ledamot Avstår\nJenny  Broman V 9 Ledamot Nej\nAnna  Ek M 5 Ledamot Ja\n\n"
        "Reservationer\nLedamöterna från V reserverar sig mot beslutet.\n"
    )
    parsed = parse_protocol(text)
    (vote,) = parsed.votes
    assert [(r.name, r.result) for r in vote.rollcall.rows] == [
        ("Aslan Akbas", "ja"),
        ("Agneta Kjaerbeck", "avstar"),
        ("Jenny Broman", "nej"),
        ("Anna Ek", "ja"),
    ]
    # The counts are the sentence's, not numbers read from the table's rows ("74 Ledamot Avstår").
    assert vote.declared == {"ja": 2, "nej": 1}
    assert not parsed.field_flags.get("votes") or all("namnlista" not in f for f in parsed.field_flags["votes"])


# The tables a clerk's roll call takes: each variation below must read exactly, or be refused with
# a Swedish message naming the line; never read wrong.


def _rows(text: str) -> list[tuple]:
    return [(r.name, r.party, r.seat, r.role, r.result) for r in parse_rollcall(text).rows]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Namn Parti Plats Funktion Resultat", "Anna  Berg S 3 Ledamot Ja"),
        ("Plats Namn Parti Funktion Resultat", "3 Anna  Berg S Ledamot Ja"),
        ("Namn Funktion Parti Plats Resultat", "Anna  Berg Ledamot S 3 Ja"),
        ("Resultat Namn Parti Plats Funktion", "Ja Anna Berg S 3 Ledamot"),
        ("NAMN PARTI PLATS FUNKTION RESULTAT", "Anna Berg S 3 Ledamot Ja"),
    ],
)
def test_the_columns_may_stand_in_any_order(header, row):
    assert _rows(f"{header}\n{row}\n") == [("Anna Berg", "S", 3, "Ledamot", "ja")]


def test_a_table_without_plats_reads_every_function_and_double_surname():
    text = (
        "Namn Parti Funktion Resultat\nSven Johansson Ek KD Ledamot Nej\nMaria Lundgren S Ersättare Ja\n"
        "Karl-Johan Svedberg KD Tjänstgörande ersättare Nej\nAnna Lind Berg S 1:e v Ordf Ja\n"
        "Per Olof Hellsten D Ordförande avstår\n"
    )
    assert _rows(text) == [
        ("Sven Johansson Ek", "KD", None, "Ledamot", "nej"),
        ("Maria Lundgren", "S", None, "Ersättare", "ja"),
        ("Karl-Johan Svedberg", "KD", None, "Tjänstgörande ersättare", "nej"),
        ("Anna Lind Berg", "S", None, "1:e v Ordf", "ja"),
        ("Per Olof Hellsten", "D", None, "Ordförande", "avstar"),
    ]


def test_a_table_without_funktion_makes_every_member_a_ledamot_as_the_prose_form_does():
    text = "Namn Parti Plats Resultat\nSven Johansson Ek KD 10 Nej\nMaria  Lundgren S 6 Ja\n"
    assert _rows(text) == [
        ("Sven Johansson Ek", "KD", 10, "Ledamot", "nej"),
        ("Maria Lundgren", "S", 6, "Ledamot", "ja"),
    ]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Parti Namn Funktion Resultat", "S Anna  Berg Ledamot Ja"),
        ("Plats Namn Parti Röst", "3 Anna Berg S Ja"),
        ("Platsnr Ledamot Parti Roll Röstning", "3 Anna Berg S Ledamot Ja"),
        ("Nr Ledamöter Parti Uppdrag Ställningstagande", "3 Anna Berg S Ledamot Ja"),
        ("Ledamot Parti Ställningstagande", "Anna Berg S Ja"),
    ],
)
def test_the_header_is_known_by_its_column_words_and_the_synonyms_clerks_write(header, row):
    seat = 3 if row[0] == "3" else None
    assert _rows(f"Omröstningsbilaga\n{header}\n{row}\n") == [("Anna Berg", "S", seat, "Ledamot", "ja")]


def test_tab_separated_columns_read_as_spaced_ones():
    text = "Namn\tParti\tPlats\tFunktion\tResultat\nAnna Berg\tS\t1\tTjänstgörande ersättare\tJa\n"
    assert _rows(text) == [("Anna Berg", "S", 1, "Tjänstgörande ersättare", "ja")]


@pytest.mark.parametrize("gap", [" ", "  ", "   "])
def test_names_with_particles_read_whether_columns_stand_one_or_several_spaces_apart(gap):
    rows = ["Gunnar af Klint", "M", "1", "Ledamot", "Nej"], ["Ebba von Sydow", "KD", "2", "Ersättare", "Ja"]
    rows += (["Maria de la Cruz", "V", "3", "Ledamot", "Avstår"],)
    text = "Namn Parti Plats Funktion Resultat\n" + "".join(gap.join(r) + "\n" for r in rows)
    assert _rows(text) == [
        ("Gunnar af Klint", "M", 1, "Ledamot", "nej"),
        ("Ebba von Sydow", "KD", 2, "Ersättare", "ja"),
        ("Maria de la Cruz", "V", 3, "Ledamot", "avstar"),
    ]


def test_a_totals_row_of_labelled_counts_is_declared_and_checked_against_the_rows():
    table = "Plats Namn Parti Röst\n1 Anna Berg S Ja\n2 Bo Ek M Nej\n3 Cia Dahl V Ja\n"
    parsed = parse_rollcall(table + "Summa Ja 2 Nej 1 Avstår 0\n")
    assert parsed.declared_totals == {"ja": 2, "nej": 1, "avstar": 0}
    with pytest.raises(ImportError_, match="Antal Nej enligt sidhuvudet är 2 men listan har 1"):
        parse_rollcall(table + "Summa Ja 2 Nej 2 Avstår 0\n")


@pytest.mark.parametrize(
    "header", ["Namn Parti Ja Nej Avstår Frånvarande", "Plats Namn Parti Funktion Ja Nej Avstår", "Namn Ja Nej"]
)
def test_a_table_marking_votes_with_x_under_result_columns_is_refused_naming_its_line(header):
    text = f"Antal Ja: 1\n\n{header}\nAnna Berg S X\n"
    with pytest.raises(ImportError_, match=r"^Rad 3: Tabellen .* markerar rösterna med kryss"):
        parse_rollcall(text)


def test_a_party_in_parentheses_and_results_in_any_case():
    text = (
        "Namn Parti Plats Funktion Resultat\nAnna Berg (S) 1 Ledamot ja\nBo Ek (M) 2 Ledamot NEJ\n"
        "Cia Dahl (V) 3 Ersättare avstår\nDan Fors (SD) 4 Ledamot frånvarande\nEva Gran (L) 5 Ledamot Frånv\n"
    )
    parsed = parse_rollcall(text)
    assert [(r.party, r.result) for r in parsed.rows] == [
        ("S", "ja"), ("M", "nej"), ("V", "avstar"), ("SD", "franvarande"), ("L", "franvarande"),
    ]  # fmt: skip


def test_a_row_wrapped_over_two_lines_reads_as_one_row():
    text = (
        "Namn Parti Plats Funktion Resultat\nAnna Berg S 1 Ledamot Ja\nKarl-Johan Svedberg KD 14 Tjänstgörande\n"
        "ersättare Nej\nMaria Charlotte\nLundgren S 6 Ersättare Ja\nDalibor Eminefendic MP 40 Tjänstgörande Nej\n"
        "ersättare\n"
    )
    assert _rows(text) == [
        ("Anna Berg", "S", 1, "Ledamot", "ja"),
        ("Karl-Johan Svedberg", "KD", 14, "Tjänstgörande ersättare", "nej"),
        ("Maria Charlotte Lundgren", "S", 6, "Ersättare", "ja"),
        ("Dalibor Eminefendic", "MP", 40, "Tjänstgörande ersättare", "nej"),
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        "Grundskolenämnden 2025-10-28, bilaga 1",
        "Sida 2 av 3",
        "2",
        "- 2 -",
        "Grundskolenämnden 2025-10-28, bilaga 1\nSida 2 av 3",
        "Utdrag ur protokoll\nGöteborgs Stad",
    ],
)
def test_a_page_break_inside_the_table_skips_the_furniture_and_the_repeated_header(furniture):
    text = (
        "Antal Ja: 2\nAntal Nej: 1\n\nNamn Parti Plats Funktion Resultat\nAnna  Berg S 1 Ledamot Ja\n\n\n \n"
        f"{furniture}\nPlats Namn Parti Funktion Resultat\n2 Bo Ek M Ledamot Nej\n3 Cia  Dahl V Ersättare Ja\n"
    )
    assert [r.name for r in parse_rollcall(text).rows] == ["Anna Berg", "Bo Ek", "Cia Dahl"]


def test_a_running_line_without_a_repeated_header_is_skipped_as_furniture():
    text = (
        "Namn Parti Plats Funktion Resultat\nAnna  Berg S 1 Ledamot Ja\n"
        "Grundskolenämnden 2025-10-28, bilaga 1\nBo Ek M 2 Ledamot Nej\n"
    )
    assert [r.name for r in parse_rollcall(text).rows] == ["Anna Berg", "Bo Ek"]


def test_a_row_that_lost_its_cells_is_refused_not_glued_to_the_next_member():
    text = "Namn Parti Plats Funktion Resultat\nAnna  Berg S 1 Ledamot Ja\nRasmus Ragnarsson\nBo Ek M 2 Ledamot Nej\n"
    with pytest.raises(ImportError_, match=r"^Rad 3: Raden ska ha namn"):
        parse_rollcall(text)


def test_a_line_inside_the_table_that_is_no_row_nor_furniture_is_refused_with_its_line():
    text = (
        "Namn Parti Plats Funktion Resultat\nAnna  Berg S 1 Ledamot Ja\nJusterandes signatur\nBo Ek M 2 Ledamot Nej\n"
    )
    with pytest.raises(ImportError_, match=r"^Rad 3: Raden ska ha namn, parti, plats, funktion och resultat"):
        parse_rollcall(text)


@pytest.mark.parametrize("line", ["Summa 2 1 0 1", "Summa: Ja 2, Nej 1, Avstår 0, Frånvarande 1", "Totalt 2 1"])
def test_a_totals_line_under_the_table_is_the_declared_counts(line):
    text = (
        "Namn Parti Plats Funktion Resultat\nAnna  Berg S 1 Ledamot Ja\nBo Ek M 2 Ledamot Nej\n"
        f"Cia Dahl V 3 Ledamot Ja\nDan Fors SD 4 Ledamot Frånvarande\n{line}\n"
    )
    parsed = parse_rollcall(text)
    assert parsed.declared_totals.items() <= {"ja": 2, "nej": 1, "avstar": 0, "franvarande": 1}.items()
    assert parsed.declared_totals["ja"] == 2


def test_a_totals_line_that_differs_from_the_rows_is_refused_in_swedish():
    text = "Namn Parti Plats Funktion Resultat\nAnna  Berg S 1 Ledamot Ja\nBo Ek M 2 Ledamot Nej\nSumma 7 6 0 2\n"
    with pytest.raises(ImportError_, match="Antal Ja enligt sidhuvudet är 7 men listan har 1"):
        parse_rollcall(text)


def test_antal_and_summa_that_disagree_are_refused():
    text = "Antal Ja: 1\n\nNamn Parti Plats Funktion Resultat\nAnna  Berg S 1 Ledamot Ja\nSumma 2 0\n"
    with pytest.raises(ImportError_, match=r"^Rad 5: Antal Ja står som 1 på ett ställe och 2 på ett annat"):
        parse_rollcall(text)


def test_an_unknown_result_and_a_missing_seat_are_refused_with_their_line():
    header = "Namn Parti Plats Funktion Resultat\n"
    with pytest.raises(ImportError_, match=r"^Rad 2: Okänt resultat ”Kanske”"):
        parse_rollcall(header + "Anna Berg S 1 Ledamot Kanske\n")
    with pytest.raises(ImportError_, match=r"^Rad 2: Platsnumret saknas"):
        parse_rollcall(header + "Anna Berg S Stor Ledamot Ja\n")
    with pytest.raises(ImportError_, match=r"^Rad 2: Raden ska ha namn, parti och resultat"):
        parse_rollcall("Namn Parti Resultat\nAnna Ja\n")


VOTED_EXTRACT = (
    "Idrott- och föreningsnämnden\nUtdrag ur protokoll\nSammanträdesdatum 2025-10-07\n\n"
    "§ 187 Ärendenummer IOF-2025-00634\nEtt yttrande\n\nBeslut\nEnligt förvaltningens förslag:\n"
    "1. Nämnden tillstyrker motionen.\n\nOmröstning\nGodkänd voteringsproposition: ”Ja för A och Nej för B.”\n\n"
    "Omröstningen utfaller med 2 Ja mot 1 Nej. Hur var och en röstar framgår av omröstningsbilagan.\n\n"
    "Reservation\nLedamöterna från M reserverar sig mot beslutet.\n\n"
)
VOTED_TABLE = "Plats Namn Parti Röst\n1 Anna Berg S Ja\n2 Bo af Ek M Nej\n3 Cia Dahl V Ja\n"


@pytest.mark.parametrize(
    "heading",
    ["Omröstningsbilaga § 187\n", "Bilaga 1 till § 187\n\n", "Bilaga 1: Omröstningslista\n", "Voteringslista\n", ""],
)
def test_a_roll_call_after_the_decision_text_is_read_under_any_heading_or_none(heading):
    parsed = parse_protocol(VOTED_EXTRACT + heading + VOTED_TABLE + "Summa Ja 2 Nej 1 Avstår 0\n")
    (vote,) = parsed.votes
    assert [(r.name, r.party, r.seat, r.result) for r in vote.rollcall.rows] == [
        ("Anna Berg", "S", 1, "ja"), ("Bo af Ek", "M", 2, "nej"), ("Cia Dahl", "V", 3, "ja"),
    ]  # fmt: skip
    assert vote.rollcall.declared_totals == {"ja": 2, "nej": 1, "avstar": 0}
    # The table is not the reservation's text, and no "ingen namnlista" flag stands.
    assert [n.text for n in parsed.notes] == ["Ledamöterna från M reserverar sig mot beslutet."]
    assert not any("namnlista" in f for f in parsed.flags)


def test_a_table_with_no_vote_to_belong_to_is_kept_and_flagged_by_its_line():
    text = VOTED_EXTRACT.replace("Omröstning\nGodkänd voteringsproposition: ”Ja för A och Nej för B.”\n\n", "")
    text = text.replace(
        "Omröstningen utfaller med 2 Ja mot 1 Nej. Hur var och en röstar framgår av omröstningsbilagan.\n\n", ""
    )
    parsed = parse_protocol(text + VOTED_TABLE)
    assert [r.name for r in parsed.votes[0].rollcall.rows] == ["Anna Berg", "Bo af Ek", "Cia Dahl"]
    assert "Rad 15: namnlistan hör inte till någon omröstning i paragrafen." in parsed.field_flags["votes"]


def test_an_x_marked_table_in_a_bilaga_without_its_layout_is_flagged_not_lost():
    # One space between all words: the column of an X cannot be known. The vote is flagged at the
    # table's header; the rest of the § is read.
    parsed = parse_protocol(VOTED_EXTRACT + "Bilaga 1\n\nNamn Parti Ja Nej Avstår\nAnna Berg S X\n")
    (vote,) = parsed.votes
    assert vote.rollcall is None and vote.declared == {"ja": 2, "nej": 1}
    assert parsed.field_flags["votes"][0].startswith("Rad 22: omröstningens namnlista kunde inte läsas")
    assert [n.text for n in parsed.notes] == ["Ledamöterna från M reserverar sig mot beslutet."]


def test_a_column_header_repeated_at_the_top_of_each_pdf_page_is_kept_for_the_rows_under_it():
    rows = [f"{party} Anna{i} Berg Ledamot Ja" for i, party in enumerate("SMVL")]
    text = (
        VOTED_EXTRACT.replace("2 Ja mot 1 Nej", "8 Ja mot 0 Nej") + "Bilaga 1\n\nAntal Ja: 8\n\nSida 1 av 3\n"
        "Parti Namn Funktion Resultat\n"
        + "\n".join(rows)
        + "\n\nSida 2 av 3\nParti Namn Funktion Resultat\n"
        + "\n".join(r.replace("Anna", "Bo") for r in rows)
        + "\n"
    )
    # The render starts a page at each "Sida 1 av 3" line: the header stands at the top of pages 2 and 3.
    parsed = parse_protocol(pdf_to_text(render(text, footer="sida", running_header="")).text)
    assert [r.name for r in parsed.votes[0].rollcall.rows][:2] == ["Anna0 Berg", "Anna1 Berg"]
    assert len(parsed.votes[0].rollcall.rows) == 8


HEADER_AT_THE_END = (
    "§ 612 Ärendenummer SLK-2025-00518\nEn handlingsplan\n\nBeslut\n1. Planen antas.\n\n"
    "Protokollsutdrag skickas till\nStadsledningskontoret\nMiljö- och klimatnämnden\n\n"
    "Kommunstyrelsen\n \n\nUtdrag ur protokoll\nSammanträdesdatum: 2025-09-17\n"
)


def test_the_body_of_the_header_block_wins_over_a_board_listed_above_it():
    parsed = parse_protocol(HEADER_AT_THE_END)
    assert parsed.body_name == "Kommunstyrelsen" and "body" not in parsed.field_flags
    assert parsed.sent_to == ["Stadsledningskontoret", "Miljö- och klimatnämnden"]


def test_a_body_only_near_the_header_block_is_flagged():
    parsed = parse_protocol(HEADER_AT_THE_END.replace("Kommunstyrelsen\n \n\n", "Kommunstyrelsen\nPlan\n\n"))
    assert parsed.body_name == "Kommunstyrelsen" and "body" in parsed.field_flags


def test_two_bodies_in_header_blocks_are_flagged():
    text = "Grundskolenämnden\nUtdrag ur protokoll\nSammanträdesdatum: 2025-10-28\n\n" + HEADER_AT_THE_END
    parsed = parse_protocol(text)
    assert parsed.body_name == "Grundskolenämnden" and "body" in parsed.field_flags


TABLE_WORDS = [
    "Namn", "Parti", "Plats", "Funktion", "Resultat", "Anna", "Berg", "Ek", "S", "(KD)", "12", "0", "1000",
    "Ledamot", "Tjänstgörande", "ersättare", "1:e", "v", "Ordf", "Ja", "nej", "Avstår", "Frånv", "Summa", "Sida",
    "2", "av", "bilaga", "2025-10-28,", "\n", "\n\n", "Antal Ja: 1", "Summa 1 0 0 0",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TABLE_WORDS), max_size=60))
def test_fuzzed_tables_are_read_or_refused_never_crash(words):
    try:
        parsed = parse_rollcall("Namn Parti Plats Funktion Resultat\n" + " ".join(words))
    except ImportError_ as error:
        assert str(error)
        return
    assert all(r.name and r.party and r.result for r in parsed.rows)


# An X-marked table typed or pasted with its layout: each X is read under the column it stands in.
ALIGNED_X_TABLE = (
    "Ledamot              Parti   Ja   Nej   Avstår\n"
    "Anna Berg            S       X\n"
    "Bo af Ek             M             X\n"
    "Cia Dahl-Lind        V                    X\n"
    "Summa                        1     1      1\n"
)


def test_an_x_marked_table_with_its_layout_is_read_column_by_column():
    parsed = parse_rollcall(ALIGNED_X_TABLE)
    assert [(r.name, r.party, r.role, r.result) for r in parsed.rows] == [
        ("Anna Berg", "S", "Ledamot", "ja"),
        ("Bo af Ek", "M", "Ledamot", "nej"),
        ("Cia Dahl-Lind", "V", "Ledamot", "avstar"),
    ]
    assert parsed.declared_totals == {"ja": 1, "nej": 1, "avstar": 1}
    # The totals under the columns are checked against the rows like any other.
    with pytest.raises(ImportError_, match="Antal Ja enligt sidhuvudet är 2 men listan har 1"):
        parse_rollcall(ALIGNED_X_TABLE.replace("Summa                        1", "Summa                        2"))


def test_an_x_marked_table_in_tab_separated_columns_is_read():
    text = "Namn\tParti\tJa\tNej\tAvstår\nAnna Berg\tS\tX\t\t\nBo Ek\tM\t\tX\t\nCia Dahl\tV\t\t\tX\n"
    assert [r.result for r in parse_rollcall(text).rows] == ["ja", "nej", "avstar"]


@pytest.mark.parametrize(
    "row",
    [
        "Bo Ek                M                X",  # between Nej and Avstår: no column is clearly its
        "Bo Ek                M       X     X",  # two marks
        "Bo Ek                M",  # no mark
    ],
)
def test_an_x_the_layout_does_not_place_leaves_the_table_refused(row):
    text = "Ledamot              Parti   Ja   Nej   Avstår\nAnna Berg            S       X\n" + row + "\n"
    with pytest.raises(ImportError_):
        parse_rollcall(text)


def test_an_x_marked_table_without_layout_is_still_refused_naming_its_line():
    # One space between every word, as a PDF's text gives: the column of an X cannot be known.
    with pytest.raises(ImportError_, match=r"^Rad 1: Tabellen .* markerar rösterna med kryss"):
        parse_rollcall("Ledamot Parti Ja Nej Avstår\nAnna Berg S X\nBo Ek M X\n")


def test_an_x_marked_table_in_the_minutes_is_read_and_the_text_under_it_ends_it():
    text = (
        VOTED_EXTRACT.replace("2 Ja mot 1 Nej", "1 Ja mot 1 Nej")
        + ("Bilaga 1\n\n" + ALIGNED_X_TABLE.replace("Summa                        1     1      1\n", "")).replace(
            "Cia Dahl-Lind        V                    X\n", ""
        )
        + "\nNämnden har således beslutat enligt förslaget.\n"
    )
    parsed = parse_protocol(text)
    assert [(r.name, r.result) for r in parsed.votes[0].rollcall.rows] == [("Anna Berg", "ja"), ("Bo af Ek", "nej")]


def _hisingen(vote_heading: str, names: str) -> str:
    return (
        "§ 152\nSocialnämnden Hisingen\nSammanträdesdatum 2025-11-18\nDiarienummer SNH-2025-00764\n\n"
        "Riktlinjer för ekonomiskt bistånd\n\nBeslut\nSocialnämnden Hisingen antar riktlinjerna.\n\n"
        "Propositionsordning\nOrdföranden ställer proposition på de båda yrkandena och finner att nämnden\n"
        "beslutat enligt förvaltningens förslag. Omröstning begärs och verkställs. Den som vill bifalla\n"
        "förvaltningens förslag röstar ja, den som vill bifalla yrkandet från M röstar nej.\n\n"
        f"{vote_heading}\n{names}\n\nNämnden har således beslutat enligt förvaltningens förslag.\n"
    )


NAMES_HISINGEN = (
    "Ordföranden Tina Åberg (S) och ledamoten Jakob Sterner (V) röstar ja (2).\n\n"
    "Ledamoten Victoria Nord (M) röstar nej (1)."
)


def test_the_omrostningsresultat_heading_gives_the_prose_roll_call():
    parsed = parse_protocol(_hisingen("Omröstningsresultat", NAMES_HISINGEN))
    assert [(r.name, r.role, r.result) for r in parsed.votes[0].rollcall.rows] == [
        ("Tina Åberg", "Ordförande", "ja"),
        ("Jakob Sterner", "Ledamot", "ja"),
        ("Victoria Nord", "Ledamot", "nej"),
    ]
    assert not any("nämner en omröstning" in f for f in parsed.flags)


@pytest.mark.parametrize(
    ("heading", "line"),
    [("Resultat av voteringen", 13), ("Utfall", 13)],
)
def test_a_vote_the_text_speaks_of_but_that_cannot_be_read_is_flagged_with_its_line(heading, line):
    # Under a heading the parser does not know the names fall into the propositions: nothing read,
    # so the extract must say so rather than import as a decision without a vote.
    parsed = parse_protocol(_hisingen(heading, NAMES_HISINGEN))
    assert not any(v.rollcall for v in parsed.votes)
    assert (
        f"Rad {line}: protokollet nämner en omröstning men den kunde inte läsas "
        "– kontrollera eller lägg till namnlistan."
    ) in parsed.field_flags["votes"]


def test_an_extract_without_a_vote_or_with_a_vote_of_words_only_has_no_such_flag():
    text = _hisingen("Omröstningsresultat", NAMES_HISINGEN)
    plain = text.split("Propositionsordning")[0] + "Propositionsordning\nOrdföranden finner att nämnden beslutat.\n"
    assert not any("nämner en omröstning" in f for f in parse_protocol(plain).flags)
    # "Hur var och en röstar framgår av bilaga" names no verdict; "röstar" alone is no mention.
    spoken = plain + "\nProtokollsanteckning\nS antecknar hur var och en röstar i frågan.\n"
    assert not any("nämner en omröstning" in f for f in parse_protocol(spoken).flags)


PROSE_SIDES_ONLY = (
    "Kulturnämnden\nUtdrag ur protokoll\nSammanträdesdatum 2025-11-12\n\n§ 9 Dnr KUN-2025-00123\n"
    "Bidrag till studieförbunden\n\nBeslut\nNämnden bifaller förvaltningens förslag.\n\nOmröstning\n"
    "Nämnden godkänner följande propositionsordning: den som bifaller förvaltningens förslag röstar\n"
    "ja, den som bifaller Moderaternas yrkande röstar nej.\n\n"
    "Ja röstade ordföranden Sofia Lund (S), ledamöterna Ahmed Nur (V), Klara Ström (MP) samt\n"
    "ersättaren Ivar Björk (S), som tjänstgjorde i stället för Eva Tall (S).\n\n"
    "Nej röstade vice ordföranden Nils Hed (M), ledamöterna Greta Ulv (KD) och Tim Rask (SD).\n\n"
    "Ledamoten Oskar Bäck (L) anmälde jäv och deltog inte i handläggningen.\n\n"
    "Ledamoten Lova Sten (C) var inte närvarande vid voteringen.\n\n"
    "Med 4 röster mot 3 har nämnden således beslutat enligt förvaltningens förslag.\n"
)


def test_sides_counted_only_as_votes_against_and_members_without_a_vote_give_no_row():
    parsed = parse_protocol(PROSE_SIDES_ONLY)
    vote = parsed.votes[0]
    assert [(r.name, r.role, r.result) for r in vote.rollcall.rows] == [
        ("Sofia Lund", "Ordförande", "ja"),
        ("Ahmed Nur", "Ledamot", "ja"),
        ("Klara Ström", "Ledamot", "ja"),
        ("Ivar Björk", "Ersättare", "ja"),
        ("Nils Hed", "Vice ordförande", "nej"),
        ("Greta Ulv", "Ledamot", "nej"),
        ("Tim Rask", "Ledamot", "nej"),
    ]  # the jäv, the absent member and the one served for give no row
    assert vote.declared == {"ja": 4, "nej": 3}
    assert parse_protocol(PROSE_SIDES_ONLY.replace("Med 4 röster mot 3", "med 3 röster mot 4")).votes[0].declared == {
        "ja": 4, "nej": 3,
    }  # fmt: skip


def test_a_tie_decided_by_the_chairs_casting_vote_keeps_its_printed_counts():
    head, _rest = PROSE_SIDES_ONLY.split("Ja röstade")
    text = head + (
        "Ja röstade ordföranden Sofia Lund (S), ledamöterna Ahmed Nur (V) och Klara Ström (MP).\n\n"
        "Nej röstade vice ordföranden Nils Hed (M), ledamöterna Greta Ulv (KD) och Tim Rask (SD).\n\n"
        "Då rösterna fallit lika med 3 röster mot 3 avgör ordförandens utslagsröst.\n"
    )
    vote = parse_protocol(text).votes[0]
    assert (vote.rollcall.totals["ja"], vote.rollcall.totals["nej"]) == (3, 3)
    assert vote.declared == {"ja": 3, "nej": 3}


def _tibro(vote_part: str) -> str:
    return (
        "Utdrag ur protokoll\nKulturnämnden\nSammanträdesdatum 2027-04-08\nDiarienummer KUN-2027-00213\n\n"
        "§ 31 Stipendier för unga konstnärer\n\nBeslut\nKulturnämnden inrättar två stipendier.\n\n"
        f"{vote_part}\n\nJusterandes sign.\n"
    )


@pytest.mark.parametrize(
    "vote_part",
    [
        # Two votes named, their table missing: the votes' words must still flag.
        "Voteringar\nVotering 1 gäller återremiss (Nej) eller avgörande i dag (Ja).\n\n"
        "Votering 2 gäller bifall (Ja) eller avslag (Nej).\n",
        "Votering begärs.\n\nNågot oläsligt om hur ledamöterna ställde sig.\n",
    ],
)
def test_votes_named_as_votering_flag_when_nothing_of_them_can_be_read(vote_part):
    parsed = parse_protocol(_tibro(vote_part))
    assert not any(v.rollcall for v in parsed.votes)
    assert any("nämner en omröstning men den kunde inte läsas" in f for f in parsed.field_flags["votes"])


def test_two_votes_side_by_side_in_one_table_are_read_as_two_votes():
    # Was flagged unread above (no reader knew the layout); vote_pairs now reads it.
    parsed = parse_protocol(
        _tibro(
            "Voteringar\nVotering 1 gäller återremiss (Nej) eller avgörande i dag (Ja).\n\n"
            "                      Votering 1     Votering 2\nLedamot               Ja  Nej        Ja  Nej\n"
            "Sara Lind (S)         X              X\nPål Berg (M)              X              X\n"
        )
    )
    results = [[(r.name, str(r.result)) for r in v.rollcall.rows] for v in parsed.votes]
    assert results == [[("Sara Lind", "ja"), ("Pål Berg", "nej")], [("Sara Lind", "ja"), ("Pål Berg", "nej")]]


def test_a_decision_taken_without_a_vote_is_no_mention_of_one():
    parsed = parse_protocol(_tibro("Nämnden beslutar utan omröstning enligt förslaget. Ingen votering begärs."))
    assert not any("nämner en omröstning" in f for f in parsed.flags)
