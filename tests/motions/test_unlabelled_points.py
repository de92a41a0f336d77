"""Points without a number or letter ("att"-clauses, dash and bullet items) read by one rule
(points.read_point) in motions, protocol extracts and TUs; a motion's proposal without the heading
"Förslag till beslut"; labelled header blocks ("Nämnd:", "Typ:", "Parti:"); a meeting line in the
header; an addressee wrapped over two lines; capitals and year spans in a protocol's header."""

import pytest

from motions.importers import ImportError_, read_motion
from motions.importers.labelled_header import labelled_headers
from motions.importers.points import decides, opens_point, read_item, read_point, runs_on
from motions.importers.proposal import read_proposal
from motions.importers.protocol import parse_protocol

JUSTIFICATION = "\nYrkandet\nSkälen står här.\n\nKulturnämnden\nYrkande\nSocialdemokraterna\n2025-01-10\n"


def test_one_rule_reads_marks_att_clauses_and_dash_items():
    assert read_point("1. Förvaltningen får i uppdrag …").number == 1
    assert (read_point("att ge kontoret i uppdrag,").style, read_point("att ge kontoret i uppdrag,").text) == (
        "att",
        "att ge kontoret i uppdrag,",
    )
    assert read_point("– godkänna planen,").text == "godkänna planen,"
    assert read_point("• Förvaltningen får i uppdrag").style == "bullet"
    # In a numbered list a dash item is a sub-item, not a point; in a dash list "1." is no point.
    assert read_point("– fler platser,", "number") is None
    assert read_point("1. text", "bullet") is None
    assert read_item("Attraktiva lokaler") is None


def test_an_att_at_a_line_start_opens_a_point_only_after_a_clause_or_a_lead_in():
    att = read_item("att förvaltningen gör något")
    assert not opens_point(att, "Uppföljningen visar", blank_before=False)
    assert opens_point(att, "Uppföljningen visar", blank_before=True)
    assert opens_point(att, "ge kontoret i uppdrag att utreda,", blank_before=False)
    assert opens_point(att, "Kommunstyrelsen beslutar", blank_before=False, first=True)
    assert opens_point(read_item("– text"), "Uppföljningen visar", blank_before=False)


def test_a_motion_without_the_heading_reads_its_att_clauses_after_the_lead_in():
    text = (
        "Tilläggsyrkande angående – En plan\n\nNämnden föreslås, utöver förvaltningens förslag, besluta\n\n"
        "att ge förvaltningen i uppdrag att utreda a,\n\natt ge förvaltningen i uppdrag att\nutreda b.\n"
    )
    parsed = read_motion(text + JUSTIFICATION)
    assert parsed.lead_in == "Nämnden föreslås, utöver förvaltningens förslag, besluta"
    assert parsed.addressed_to == ""
    assert [p.text for p in parsed.points] == [
        "att ge förvaltningen i uppdrag att utreda a,",
        "att ge förvaltningen i uppdrag att utreda b.",
    ]
    assert [p.label for p in parsed.points] == ["", ""]
    assert any("Förslag till beslut" in f for f in parsed.field_flags["points"])


def test_a_motion_without_the_heading_reads_dash_bullets_after_a_wrapped_lead_in():
    text = (
        "Återremissyrkande angående – Riktlinjer\n\nÄrendet återremitteras till kontoret med följande\nuppdrag:\n\n"
        "– att komplettera riktlinjerna,\n– att redovisa hur stödet har fördelats mellan stads-\n  delar.\n"
    )
    parsed = read_motion(text + JUSTIFICATION)
    assert parsed.lead_in == "Ärendet återremitteras till kontoret med följande uppdrag:"
    assert [p.text for p in parsed.points] == [
        "att komplettera riktlinjerna,",
        "att redovisa hur stödet har fördelats mellan stadsdelar.",
    ]


@pytest.mark.parametrize(
    "between",
    [
        "Vi tycker att planen är bra.\n\n",  # prose, no list
        "Vi tycker att planen är bra.\n\nNämnden föreslås besluta\n\natt göra a.\n",  # prose above the list
    ],
)
def test_a_motion_without_the_heading_and_without_a_clean_list_is_still_refused(between):
    with pytest.raises(ImportError_):
        read_motion("Yrkande angående – En plan\n\n" + between + JUSTIFICATION)


LABELLED = (
    "Nämnd:        Nämnden för demokrati och\n              medborgarservice\nÄrende:       12\n"
    "Typ:          Yrkande\nParti:        Socialdemokraterna, Miljöpartiet\nDatum:        2025-12-04\n\n"
    "Yrkande angående – En plan\n\nFörslag till beslut\nI nämnden:\n\n1. Förvaltningen får i uppdrag att göra a.\n"
)


def test_a_labelled_header_block_at_the_top_is_read_by_its_labels():
    parsed = read_motion(LABELLED)
    assert parsed.body_name == "Nämnden för demokrati och medborgarservice"
    assert parsed.party_names == ["Socialdemokraterna", "Miljöpartiet"]
    assert str(parsed.date) == "2025-12-04" and parsed.kind == "yrkande" and parsed.header_at == "start"
    assert parsed.title == "Yrkande angående – En plan"


def test_a_labelled_block_needs_two_header_labels_and_an_unknown_kind_is_not_taken():
    assert labelled_headers([(1, "Datum: 2025-12-04"), (2, ""), (3, "Text")]) == []
    assert labelled_headers([(1, "Ärende: 12"), (2, "Dnr: 1234/25")]) == []
    (header,) = labelled_headers([(1, "Typ: Motion"), (2, "Parti: Vänsterpartiet")])
    assert header.kind_word == "" and header.parties == ["Vänsterpartiet"]


def test_a_meeting_line_in_the_header_gives_the_date_and_is_no_title():
    text = (
        "Yttrande (S, V)\nSocialnämnden Sydväst\nSammanträde 2025-11-25, ärende 9\n\n"
        "Yttrande angående – En uppföljning\n\nVi delar bedömningen.\n"
    )
    parsed = read_motion(text)
    assert parsed.title == "Yttrande angående – En uppföljning"
    assert str(parsed.date) == "2025-11-25"
    assert parsed.body_name == "Socialnämnden Sydväst"


def test_an_addressee_wrapped_over_two_lines_runs_on():
    assert runs_on("I äldre samt vård- och", "omsorgsnämnden:")
    assert not runs_on("I kommunstyrelsen:", "omsorgsnämnden:")
    assert not runs_on("I kommunstyrelsen", "att göra a,")
    motion = read_motion(
        "Yrkande angående – En plan\n\nFörslag till beslut\nI äldre samt vård- och\nomsorgsnämnden:\n\n"
        "1. Förvaltningen får i uppdrag att göra a.\n"
    )
    assert motion.addressed_to == "I äldre samt vård- och omsorgsnämnden"


TU = (
    "Äldre samt vård- och omsorgsförvaltningen\nTjänsteutlåtande\n"
    "Utfärdat 2025-09-29          Reviderat 2025-11-24\nDiarienummer ÄVO-2025-00612\n\n"
    "En plan\n\nFörslag till beslut\n{addressee}\n\n{points}\n\nSammanfattning\nText.\n"
)


def test_a_tu_reads_a_wrapped_addressee_and_two_fields_on_one_line():
    parsed = read_proposal(
        TU.format(addressee="I äldre samt vård- och\nomsorgsnämnden:", points="1. Nämnden godkänner planen.")
    )
    assert parsed.addressed_to == "I äldre samt vård- och omsorgsnämnden:"
    assert (str(parsed.issued), str(parsed.revised)) == ("2025-09-29", "2025-11-24")
    assert [p.text for p in parsed.points] == ["Nämnden godkänner planen."]


def test_a_tu_reads_att_clauses_and_dash_items_as_points():
    att = read_proposal(
        TU.format(addressee="I nämnden:", points="att godkänna planen,\n\natt ge kontoret\nett uppdrag.")
    )
    assert [(p.number, p.label, p.text) for p in att.points] == [
        (1, "", "att godkänna planen,"),
        (2, "", "att ge kontoret ett uppdrag."),
    ]
    dash = read_proposal(TU.format(addressee="I nämnden:", points="– godkänna planen,\n– ge kontoret ett uppdrag."))
    assert [p.text for p in dash.points] == ["godkänna planen,", "ge kontoret ett uppdrag."]


PROTOCOL = (
    "{body}\nUtdrag\n\nSammanträdesdatum: 2025-11-19\nÄrendenummer: NFS-2025-00341\n\n"
    "§ 118 Skolorganisation från och med läsåret 2026/27\n\nBeslut\n{decision}\n\nProtokollsanteckning\n"
    "Sara Nordqvist (SD) antecknar att något.\n"
)


def test_a_protocol_reads_dash_items_after_a_lead_in_as_points():
    decision = "Nämnden beslutar att\n\n– godkänna planen för\n  perioden 2026–2030,\n– översända planen."
    parsed = parse_protocol(PROTOCOL.format(body="Nämnden för funktionsstöd", decision=decision))
    assert [p.text for p in parsed.points] == ["godkänna planen för perioden 2026–2030,", "översända planen."]
    assert parsed.decision_text.startswith("Nämnden beslutar att")


def test_a_protocol_reads_att_clauses_but_not_a_sentence_going_on_after_att():
    clauses = "Nämnden beslutar\natt godkänna planen,\natt översända planen."
    parsed = parse_protocol(PROTOCOL.format(body="Nämnden för funktionsstöd", decision=clauses))
    assert [p.text for p in parsed.points] == ["att godkänna planen,", "att översända planen."]
    prose = "Nämnden konstaterar i sin uppföljning\natt planen följs."
    assert parse_protocol(PROTOCOL.format(body="Nämnden för funktionsstöd", decision=prose)).points == []


def test_a_protocol_body_in_capitals_is_printed_as_named_and_a_year_span_stays_in_the_title():
    parsed = parse_protocol(PROTOCOL.format(body="IDROTT- OCH FÖRENINGSNÄMNDEN", decision="Planen godkänns."))
    assert parsed.body_name == "Idrott- och föreningsnämnden"
    assert parsed.title == "Skolorganisation från och med läsåret 2026/27"
    assert parsed.dnr == ""


def test_a_dash_list_under_a_lead_that_is_no_clause_stays_the_decisions_sub_items():
    assert not decides(read_item("– en värdering,"), "Ärendet återremitteras för att komplettera underlaget med:")
    assert decides(read_item("– att redovisa kostnaderna,"), "Ärendet återremitteras med följande uppdrag:")
    assert decides(read_item("– godkänna planen,"), "Nämnden beslutar att")
    decision = "Underlaget kompletteras med:\n\n– en värdering,\n– en analys."
    parsed = parse_protocol(PROTOCOL.format(body="Nämnden för funktionsstöd", decision=decision))
    assert parsed.points == []


def test_a_labelled_kind_or_date_that_does_not_read_is_flagged_not_guessed():
    parsed = read_motion(LABELLED.replace("Typ:          Yrkande", "Typ:          Skrivelse"))
    assert parsed.kind == "yrkande"  # from the title
    assert any("Typ: Skrivelse" in flag for flag in parsed.field_flags["header"])
