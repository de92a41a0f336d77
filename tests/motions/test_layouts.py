"""The layout rules of the motion parser (issue 15), one rule a test; the holdout corpora
(tests/motions/corpus/holdout*/) check them together on whole documents."""

import datetime

import pytest

from motions.importers import ImportError_, is_furniture, parse_motion_text, read_motion
from motions.importers.header import is_date, is_party_line, parse_date, split_parties
from motions.importers.points import APPROVES_REST_RE, strip_footnotes

PROPOSAL = "Yrkande angående – Ett ärende\nFörslag till beslut\nI kommunstyrelsen:\n\n"


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2024-06-04", datetime.date(2024, 6, 4)),
        ("24-06-04", datetime.date(2024, 6, 4)),
        ("Datum: 2024-06-04", datetime.date(2024, 6, 4)),
        ("4 juni 2024", datetime.date(2024, 6, 4)),
        ("den 13 mars 2024", datetime.date(2024, 3, 13)),
        ("Göteborg den 13 juni 2024", datetime.date(2024, 6, 13)),
    ],
)
def test_header_dates_in_the_forms_the_city_writes(value, date):
    assert parse_date(value) == date


@pytest.mark.parametrize(
    ("line", "parties"),
    [
        ("(S)", ["S"]),
        ("S, V och MP", ["S", "V", "MP"]),
        (
            "Socialdemokraterna, Vänsterpartiet och Miljöpartiet",
            ["Socialdemokraterna", "Vänsterpartiet", "Miljöpartiet"],
        ),
        ("Henrik Munck (D)", ["D"]),
        ("Henrik Munck (D) och Anna Karin Lind (D)", ["D"]),
        # Each party in its own brackets, as a header line of its own (above the title).
        ("(S), (V) och (MP)", ["S", "V", "MP"]),
        ("(M) & (L)", ["M", "L"]),
    ],
)
def test_party_lines(line, parties):
    assert is_party_line(line)
    assert split_parties(line) == parties


def test_a_title_line_is_no_party_line():
    assert not is_party_line("Yrkande angående – Budget 2025")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header",
    [
        "Kommunstyrelsen\nReviderat yrkande\n4 juni 2024\nV, S, MP\n",
        "Reviderat yrkande\nKommunstyrelsen\n2024-06-04\nV, S, MP\n",
        "Kommunstyrelsen\nReviderat yrkande\nV, S, MP\n2024-06-04\nÄrende nr: 2.3\n",
    ],
)
def test_a_leading_header_in_any_order(real_data, header):
    parsed = parse_motion_text(header + "\n" + PROPOSAL + "1. Punkten.\n")
    assert parsed.title == "Yrkande angående – Ett ärende"
    assert (parsed.body.short_name, parsed.date, parsed.is_revised) == ("KS", datetime.date(2024, 6, 4), True)
    assert [p.abbreviation for p in parsed.parties] == ["V", "S", "MP"]
    assert parsed.header_at == "start"


@pytest.mark.parametrize(
    "body",
    [
        "Nämnden för funktionsstöd",  # named by its remit: no body word at its end
        "Göteborgs Hamn AB",  # any name, between the kind line and the date
    ],
)
def test_a_leading_header_kind_first_then_a_body_of_any_name(body):
    parsed = read_motion(
        f"Ändringsyrkande\n{body}\n2025-05-27\nKristdemokraterna och Liberalerna\n\n" + PROPOSAL + "1. Punkten.\n"
    )
    assert parsed.title == "Yrkande angående – Ett ärende"
    assert (parsed.body_name, parsed.date, parsed.header_at) == (body, datetime.date(2025, 5, 27), "start")
    assert parsed.party_names == ["Kristdemokraterna", "Liberalerna"]


def test_an_unnumbered_decision_is_one_point_and_flagged():
    parsed = read_motion(PROPOSAL + "Ärendet återremitteras till stadsledningskontoret\nför komplettering.\n")
    assert [(p.number, p.text) for p in parsed.points] == [
        (1, "Ärendet återremitteras till stadsledningskontoret för komplettering.")
    ]
    assert parsed.field_flags["points"]


def test_text_before_numbered_points_is_still_refused():
    with pytest.raises(ImportError_, match="Texten står före första numrerade punkten"):
        read_motion(PROPOSAL + "lösryckt text\n1. Ett.\n")


def test_att_clauses_each_a_point_also_after_samt():
    parsed = read_motion(
        "Yrkande angående x\nFörslag till beslut\nKommunfullmäktige beslutar\n"
        "att motionen ska anses besvarad,\natt ge nämnden i uppdrag att utreda\nfrågan, samt\n"
        "att i övrigt bifalla kommunstyrelsens förslag.\n"
    )
    assert parsed.addressed_to == "Kommunfullmäktige beslutar"
    assert [p.text for p in parsed.points] == [
        "att motionen ska anses besvarad,",
        "att ge nämnden i uppdrag att utreda frågan, samt",
    ]
    assert parsed.approves_rest_wording == "att i övrigt bifalla kommunstyrelsens förslag."


def test_bullets_are_the_points_when_the_list_starts_with_one():
    parsed = read_motion(
        PROPOSAL + "• Ett uppdrag.\n\n• Ett till\nsom fortsätter.\n\nI övrigt bifalla tjänsteutlåtandet.\n"
    )
    assert [(p.number, p.text) for p in parsed.points] == [(1, "Ett uppdrag."), (2, "Ett till som fortsätter.")]
    assert parsed.approves_rest


def test_items_of_the_other_style_and_dashes_are_a_points_own_lines():
    parsed = read_motion(
        PROPOSAL + "1. Antas.\n2. Nämnden får i uppdrag att:\na) ta fram\nindikatorer,\n– följa upp.\n3. Sist.\n"
    )
    assert [p.text for p in parsed.points] == [
        "Antas.",
        "Nämnden får i uppdrag att:\na) ta fram indikatorer,\n– följa upp.",
        "Sist.",
    ]


@pytest.mark.parametrize(
    "wording",
    [
        "I övrigt bifalla tjänsteutlåtandet.",
        "Att därutöver bifalla tjänsteutlåtandet",
        "Därtill bifalla kommunstyrelsens förslag.",
        "Bifalla förvaltningens förslag i övrigt.",
        "I övrigt bifalls stadsledningskontorets förslag.",
        "att i övrigt bifalla stadsledningskontorets förslag till beslut.",
        "Därutöver bifalla utbildningsförvaltningens tjänsteutlåtande.",
        "I övrigt bifalla förslaget till ägardirektiv.",
        "I övrigt bifalla förslaget till budget 2026.",
        "I övrigt bifalla verkställande direktörens förslag.",
    ],
)
def test_approve_the_rest_wordings(wording):
    assert APPROVES_REST_RE.match(wording)


def test_a_numbered_last_point_that_approves_the_rest_is_the_flag():
    # A company board's motion numbers it like the points; it is the same flag, its wording kept.
    parsed = read_motion(
        PROPOSAL + "1. Bolaget får i uppdrag att utreda.\n\n2. I övrigt bifalla verkställande direktörens förslag.\n"
    )
    assert [(p.number, p.text) for p in parsed.points] == [(1, "Bolaget får i uppdrag att utreda.")]
    assert parsed.approves_rest
    assert parsed.approves_rest_wording == "I övrigt bifalla verkställande direktörens förslag."


@pytest.mark.parametrize(
    "wording",
    [
        "Därutöver bifalla förvaltningens förslag till beslut i punkterna 1–3.",
        "I övrigt bifalla förvaltningens förslag punkt 2.",
        "I övrigt bifalla förslaget i punkterna 1, 2 och 4.",
        "Bifalla förvaltningens förslag i punkterna 1-3 i övrigt.",
    ],
)
def test_approve_the_rest_may_name_the_points_it_approves(wording):
    assert APPROVES_REST_RE.match(wording)


def test_a_last_point_approving_named_points_is_the_flag_with_its_wording():
    parsed = read_motion(
        PROPOSAL + "1. Förvaltningen får i uppdrag att utreda.\n\n"
        "2. Därutöver bifalla förvaltningens förslag till beslut i punkterna 1–3.\n"
    )
    assert [p.number for p in parsed.points] == [1]
    assert parsed.approves_rest
    assert parsed.approves_rest_wording == "Därutöver bifalla förvaltningens förslag till beslut i punkterna 1–3."


def test_a_point_reference_with_more_after_it_is_no_approve_the_rest():
    # A tail that changes what is approved is a decision of its own and stays a point.
    assert not APPROVES_REST_RE.match("I övrigt bifalla förslaget i punkt 2 med ändringen att året blir 2027.")
    assert not APPROVES_REST_RE.match("Därutöver bifalla förvaltningens förslag i punkterna 1–3 samt 5 b.")
    parsed = read_motion(
        PROPOSAL + "1. Förvaltningen får i uppdrag att utreda.\n\n"
        "2. I övrigt bifalla förslaget i punkt 2 med ändringen att året blir 2027.\n"
    )
    assert [p.number for p in parsed.points] == [1, 2]
    assert not parsed.approves_rest


def test_an_amendment_is_not_approve_the_rest():
    assert not APPROVES_REST_RE.match("I övrigt bifalla förslaget med ändringen att punkt 3 stryks.")
    # What the proposal is may be named in a few words, not in a clause of its own.
    assert not APPROVES_REST_RE.match("I övrigt bifalla förslaget till ägardirektiv med den ändring som framgår ovan.")


@pytest.mark.parametrize(
    ("printed", "text", "notes"),
    [
        ("med början i september 2025.2", "med början i september 2025.", ["2"]),
        ("senast 2025-12-31.4 Därefter följs det upp.", "senast 2025-12-31. Därefter följs det upp.", ["4"]),
        # After other digits the full stop is a section number's, not a footnote's.
        ("enligt avsnitt 4.1.2", "enligt avsnitt 4.1.2", []),
        ("kostar 1 250.5 tkr", "kostar 1 250.5 tkr", []),
    ],
)
def test_a_footnote_digit_after_a_year_or_a_date_leaves_the_text(printed, text, notes):
    assert strip_footnotes(printed) == (text, notes)


def test_footnote_lines_leave_the_points_and_are_kept():
    parsed = read_motion(
        PROPOSAL + "1. Arbetet mot förtryck1 stärks.\n1 Se Länsstyrelsens rapport.\n\f\n2. Nästa punkt.\n"
    )
    assert [(p.text, p.notes) for p in parsed.points] == [("Arbetet mot förtryck stärks.", ["1"]), ("Nästa punkt.", [])]
    assert parsed.footnotes == ["1 Se Länsstyrelsens rapport."]
    assert "Fotnot 1: Se Länsstyrelsens rapport." in parsed.flags


def test_a_page_number_alone_and_a_running_header_are_furniture():
    assert is_furniture("2 (3)")
    parsed = read_motion(PROPOSAL + "1. Nämnden får i uppdrag att\nSida 1 av 2\nGöteborgs Stad\nutreda saken.\n")
    assert parsed.points[0].text == "Nämnden får i uppdrag att utreda saken."


def test_a_footer_with_a_name_before_sida_n_av_m_is_furniture():
    assert is_furniture("Grundskolenämnden Sida 1 av 2")
    assert is_furniture("Göteborgs Stad – Miljöförvaltningen Sida 12 av 14")
    assert not is_furniture("Detaljerna framgår av tabellen på sida 2 av 5")
    assert not is_furniture("Se bilagan, Sida 2 av 5")
    page_break = "\n\nKulturnämnden Sida 1 av 2\n\n"
    parsed = read_motion(PROPOSAL + "1. Nämnden får i uppdrag att utreda saken." + page_break + " 2. Nästa.\n")
    assert [p.text for p in parsed.points] == ["Nämnden får i uppdrag att utreda saken.", "Nästa."]


RUNNING = "Förskolenämnden, yrkande L, M, KD och C 2025-10-14"


@pytest.mark.parametrize(
    "page_turn",
    [
        f"\n\f\n{RUNNING}\n",  # a form feed, the running line repeated on each page
        "\n\nSida 1 av 2\nTilläggsyrkande (S, V, MP) – Program 2025–2030\n",  # a footer, then a header's shape
        f"\n\n{RUNNING}\n",  # pasted without the page break: a blank line, and it repeats
    ],
)
def test_a_running_header_inside_a_sentence_is_dropped_and_the_text_around_it_kept(page_turn):
    parsed = read_motion(
        PROPOSAL + "1. Förvaltningen får i uppdrag att stödja barn i behov av" + page_turn + "särskilt stöd.\n\n"
        "2. Förvaltningen får i uppdrag att se över öppettiderna för vårdnadshavare som arbetar\n"
        f"\f\n{RUNNING}\nobekväm arbetstid.\n"
    )
    assert [p.text for p in parsed.points] == [
        "Förvaltningen får i uppdrag att stödja barn i behov av särskilt stöd.",
        "Förvaltningen får i uppdrag att se över öppettiderna för vårdnadshavare som arbetar obekväm arbetstid.",
    ]
    assert parsed.field_flags["text"]


@pytest.mark.parametrize(
    "text",
    [
        # A name at the top of a page that the sentence runs through: no repetition, no header's shape.
        "1. Förvaltningen får i uppdrag att i samverkan med\n\fVästra Götalandsregionen och\ntrafikverket utreda.\n",
        # A line said twice inside sentences, with no page turn or blank line before it.
        "1. Uppdraget avser\nGöteborgs Stads bostadsbolag\nsom helhet.\n\n"
        "2. Uppföljningen avser\nGöteborgs Stads bostadsbolag\nvar för sig.\n",
        # A sentence said twice after a blank line ends in a full stop: text, however often it repeats.
        "1. Förvaltningen får i uppdrag att utreda.\n\nPlanen följs upp årligen.\n\n"
        "2. Förvaltningen får i uppdrag att redovisa\n\nPlanen följs upp årligen.\n",
    ],
)
def test_a_line_of_the_text_at_a_page_turn_or_repeated_stays(text):
    parsed = read_motion(PROPOSAL + text)
    words = sum(len(p.text.split()) for p in parsed.points)
    assert words == len(text.split()) - len(parsed.points)  # every word but the points' marks
    assert "text" not in parsed.field_flags


def test_göteborgs_stad_inside_a_point_stays():
    parsed = read_motion(PROPOSAL + "1. Samverkan mellan\nGöteborgs Stad\noch polisen stärks.\n")
    assert parsed.points[0].text == "Samverkan mellan Göteborgs Stad och polisen stärks."


@pytest.mark.django_db
def test_a_body_with_the_linking_s_finds_the_board(real_data):
    text = (
        PROPOSAL.replace("I kommunstyrelsen:", "I nämnden:") + "1. Punkt.\n\nIdrotts- och föreningsnämnden\nYrkande\n"
    )
    assert parse_motion_text(text).body.short_name == "IFN"


def test_a_header_at_the_top_of_a_page_keeps_its_body_line_out_of_the_point():
    # A PDF's text has no blank line after a page break: the body line at the top of the page is
    # the header's even when the name ends in no body word ("… medborgarservice").
    parsed = read_motion(
        "Yrkande angående – Ett ärende\nFörslag till beslut\nI nämnden för demokrati och medborgarservice:\n\n"
        "1. Förvaltningen får i uppdrag att redovisa väntetiderna.\n\f\n"
        "Nämnden för demokrati och medborgarservice\n\nYrkande\n\n2025-10-07\n\nD, SD\n\n"
        "2. Planen kompletteras.\n"
    )
    assert [p.text for p in parsed.points] == [
        "Förvaltningen får i uppdrag att redovisa väntetiderna.",
        "Planen kompletteras.",
    ]
    assert (parsed.body_name, parsed.header_at) == ("Nämnden för demokrati och medborgarservice", "middle")


def test_a_name_on_the_next_page_without_a_kind_line_stays_in_the_point():
    parsed = read_motion(
        PROPOSAL + "1. Uppdraget ges till\n\f\nNämnden för demokrati och medborgarservice\n\n2. Nästa.\n"
    )
    assert parsed.points[0].text == "Uppdraget ges till Nämnden för demokrati och medborgarservice"


YTTRANDE_HEADER_UNDER_TITLE = """Yttrande angående – Årsrapport 2024 för
socialnämnden Nordost
Socialnämnden Nordost
Yttrande
2025-02-20
Ärende nr: 7
Vi välkomnar att antalet placeringar har minskat.
Vi kommer att följa utvecklingen noga.
Centerpartiet, Liberalerna
"""


def test_a_header_right_under_the_title_opens_the_document():
    parsed = read_motion(YTTRANDE_HEADER_UNDER_TITLE)
    assert parsed.header_at == "start" and "header" not in parsed.field_flags
    assert parsed.title == "Yttrande angående – Årsrapport 2024 för socialnämnden Nordost"
    # Text between the title and the header still makes it one between the lines.
    moved = YTTRANDE_HEADER_UNDER_TITLE.replace("Socialnämnden Nordost\n", "\nVi har läst.\n\nSocialnämnden Nordost\n")
    assert read_motion(moved).header_at == "middle"


def test_the_party_line_after_the_text_signs_it_when_the_header_names_none():
    parsed = read_motion(YTTRANDE_HEADER_UNDER_TITLE)
    assert parsed.party_names == ["Centerpartiet", "Liberalerna"] and "parties" not in parsed.field_flags
    assert parsed.justification.endswith("följa utvecklingen noga.")
    # The end of a sentence that happens to name parties is text, not a signature.
    unfinished = YTTRANDE_HEADER_UNDER_TITLE.replace("noga.\n", "noga tillsammans med\n")
    parsed = read_motion(unfinished)
    assert parsed.party_names == [] and parsed.justification.endswith("Centerpartiet, Liberalerna")
    # A header that names the parties is not overruled by a last line.
    named = YTTRANDE_HEADER_UNDER_TITLE.replace("2025-02-20\n", "2025-02-20\nS och V\n")
    assert read_motion(named).party_names == ["S", "V"]


BODY_OF_POINTS = "\n\nFörslag till beslut\nI nämnden:\n\n1. Förvaltningen får i uppdrag att utreda.\n"


def test_a_header_block_that_starts_with_its_date_line():
    parsed = read_motion(
        "2025-10-09\nTilläggsyrkande\nDemokraterna\nKommunfullmäktige\nÄrende nr: 4.3\n\n"
        "Tilläggsyrkande angående – Ett program" + BODY_OF_POINTS
    )
    assert (parsed.header_at, parsed.date, parsed.party_names, parsed.body_name) == (
        "start",
        datetime.date(2025, 10, 9),
        ["Demokraterna"],
        "Kommunfullmäktige",
    )
    assert parsed.title == "Tilläggsyrkande angående – Ett program"
    assert "title" not in parsed.field_flags


@pytest.mark.parametrize("case_line", ["Ärende nr: 9", "Diarienummer: NAV-2025-00123", "Dnr 0123/25"])
def test_a_header_block_that_starts_with_its_party_line_and_has_the_body_after_the_date(case_line):
    parsed = read_motion(
        "Centerpartiet och Liberalerna\nÄndringsyrkande\n2025-05-27\n"
        f"Nämnden för arbetsmarknad och vuxenutbildning\n{case_line}\n\n"
        "Ändringsyrkande angående – En plan" + BODY_OF_POINTS
    )
    assert parsed.party_names == ["Centerpartiet", "Liberalerna"]
    assert parsed.body_name == "Nämnden för arbetsmarknad och vuxenutbildning"
    assert parsed.date == datetime.date(2025, 5, 27)
    assert parsed.title == "Ändringsyrkande angående – En plan"


def test_a_line_above_the_kind_after_a_blank_line_is_no_date_or_party_of_the_block():
    # Only lines right above the kind line (no blank between) join the block as its date or parties.
    parsed = read_motion(
        "Yrkande angående – Ett ärende\n\nFörslag till beslut\nI nämnden:\n\n1. Förvaltningen får i uppdrag.\n\n"
        "Yrkandet\nVi vill se en utredning.\n\n2025-01-01\n\nYrkande\nKommunstyrelsen\n2025-02-03\n"
    )
    assert parsed.date == datetime.date(2025, 2, 3)


@pytest.mark.parametrize("line", ["Reviderad 2025-11-19", "Reviderat 2025-11-19", "Reviderad den 19 november 2025"])
def test_a_revised_date_line_is_the_date_not_the_body(line):
    parsed = read_motion(
        f"Reviderat yrkande\n{line}\nVänsterpartiet\nStyrelsen för Förvaltnings AB Framtiden\n\n"
        "Yrkande angående – En affärsplan" + BODY_OF_POINTS
    )
    assert parsed.date == datetime.date(2025, 11, 19) and parsed.is_revised
    assert parsed.body_name == "Styrelsen för Förvaltnings AB Framtiden"
    assert parsed.title == "Yrkande angående – En affärsplan"


def test_a_revised_date_marks_a_plain_kind_revised():
    parsed = read_motion("Yrkande\nKommunstyrelsen\nReviderad 2025-11-19\n\nYrkande angående – X" + BODY_OF_POINTS)
    assert parsed.is_revised and parsed.date == datetime.date(2025, 11, 19)


def test_a_revised_line_without_a_date_is_no_date():
    assert not is_date("Reviderad version")
    assert not is_date("Reviderad enligt beslut 2025-11-19")


def test_a_title_the_header_block_left_is_flagged():
    # "Dnr 0123/25 (bilaga)" is no case-number line the block takes: it would be the title, so it is
    # flagged, never silently taken.
    parsed = read_motion(
        "Ändringsyrkande\n2025-05-27\nKommunstyrelsen\nDnr 0123/25 (bilaga)\n\nEn plan" + BODY_OF_POINTS
    )
    assert parsed.field_flags.get("title")


def test_a_title_taking_in_a_header_line_is_flagged():
    parsed = read_motion(
        "Ändringsyrkande\n2025-05-27\n\nÄndringsyrkande angående – En plan\nÄrende nr: 9" + BODY_OF_POINTS
    )
    assert any("Ärende nr: 9" in flag for flag in parsed.field_flags.get("title", []))


def test_a_plain_title_after_the_header_is_not_flagged():
    parsed = read_motion("Yrkande\nKommunstyrelsen\n2025-05-27\n\nYrkande angående – Budget 2026" + BODY_OF_POINTS)
    assert parsed.title == "Yrkande angående – Budget 2026"
    assert "title" not in parsed.field_flags


def test_a_body_line_with_the_date_after_the_name_gives_both():
    parsed = read_motion(
        "Grundskolenämnden 2025-09-30\nYrkande (M, L, KD, C)\n\nYrkande angående – En modell" + BODY_OF_POINTS
    )
    assert (parsed.body_name, parsed.date) == ("Grundskolenämnden", datetime.date(2025, 9, 30))
    assert parsed.party_names == ["M", "L", "KD", "C"]
