"""What Ja and Nej stand for when the minutes state it in sentences, not as "Godkänd
voteringsproposition: …" (motions/importers/protocol_propositions.py, protocol_votes.link_propositions)."""

import pytest

from motions.importers.protocol import parse_protocol
from motions.importers.protocol_propositions import propositions

HEAD = (
    "Socialnämnden Hisingen\nUtdrag ur protokoll\nSammanträdesdatum: 2025-11-18\n\n"
    "§ 152 Diarienummer SNH-2025-00764\nRiktlinjer för ekonomiskt bistånd\n\n"
    "Beslut\nEnligt förvaltningens förslag:\n\n1. Riktlinjerna antas.\n\n"
    "Yrkanden\nTina Åberg (S) yrkar bifall till förvaltningens förslag.\n\n"
    "Victoria Nord (M) yrkar bifall till yrkandet från M och L.\n\n"
)
NAMES = (
    "Omröstningsresultat\nLedamöterna Tina Åberg (S) och Fatima Ali (S) röstar ja (2).\n\n"
    "Ledamöterna Victoria Nord (M) och Anton Hägg (L) röstar nej (2).\n\n"
    "Nämnden har således beslutat enligt förvaltningens förslag.\n"
)
YES_NO = "Ja för bifall till förvaltningens förslag och Nej för bifall till yrkandet från M och L."


def _vote(propositionsordning: str, names: str = NAMES):
    parsed = parse_protocol(HEAD + "Propositionsordning\n" + propositionsordning + "\n\n" + names)
    assert len(parsed.votes) == 1
    return parsed, parsed.votes[0]


def _vote_flags(parsed):
    return [m for m in parsed.field_flags.get("votes", []) if "voteringspropositionen" in m]


@pytest.mark.parametrize(
    "sentence",
    [
        # the two sides in one sentence
        "Den som vill bifalla förvaltningens förslag röstar ja, den som vill bifalla yrkandet från M och L röstar nej.",
        # in two sentences, wrapped over lines
        "Omröstning begärs och verkställs. Den som vill bifalla förvaltningens\nförslag röstar ja. "
        "Den som vill bifalla yrkandet från M och L\nröstar nej.",
        # Nej stated first
        "Den som vill bifalla yrkandet från M och L röstar nej. Den som vill bifalla förvaltningens förslag röstar ja.",
        "Ja-röst för bifall till förvaltningens förslag, nej-röst för bifall till yrkandet från M och L.",
        "Ordföranden ställer proposition på ja för bifall till förvaltningens förslag och nej för bifall "
        "till yrkandet från M och L.",
        "Ja innebär bifall till förvaltningens förslag, nej innebär bifall till yrkandet från M och L.",
        "Följande voteringsproposition godkänns: ”Ja för bifall till förvaltningens förslag och Nej för "
        "bifall till yrkandet från M och L.”",
    ],
)
def test_a_proposition_stated_in_the_propositionsordning_is_the_votes(sentence):
    parsed, vote = _vote(f"Ordföranden finner att nämnden beslutat enligt förvaltningens förslag.\n{sentence}")
    assert vote.proposition == YES_NO
    assert _vote_flags(parsed) == []
    assert vote.rollcall is not None and vote.rollcall.totals["ja"] == 2


def test_a_proposition_in_the_vote_section_itself_is_read():
    names = NAMES.replace(
        "Omröstningsresultat\n",
        "Omröstningsresultat\nDen som vill bifalla förvaltningens förslag röstar ja, den som vill bifalla "
        "yrkandet från M och L röstar nej.\n\n",
    )
    parsed, vote = _vote("Ordföranden finner att nämnden beslutat enligt förvaltningens förslag.", names)
    assert vote.proposition == YES_NO
    assert _vote_flags(parsed) == []


def test_a_proposition_wrapped_over_a_page_break_is_read_whole():
    sentence = (
        "Omröstning begärs. Den som vill bifalla förvaltningens förslag röstar ja, den som vill bifalla\n\n"
        "Sida 1 (2)\n\f\nSocialnämnden Hisingen, protokollsutdrag 2025-11-18, § 152\n\n"
        "yrkandet från M och L röstar nej."
    )
    parsed, vote = _vote(sentence)
    assert vote.proposition == YES_NO
    assert _vote_flags(parsed) == []


def test_a_proposition_the_vote_section_states_explicitly_is_kept_as_printed():
    names = "Omröstning\nGodkänd voteringsproposition: ”Ja för A och Nej för B.”\n\n" + NAMES.split("\n", 1)[1]
    parsed, vote = _vote("Den som vill bifalla förvaltningens förslag röstar ja.", names)
    assert vote.proposition == "Ja för A och Nej för B."


def test_a_vote_without_any_proposition_is_flagged():
    parsed, vote = _vote("Ordföranden ställer proposition på de båda yrkandena. Omröstning begärs.")
    assert vote.proposition == ""
    assert len(_vote_flags(parsed)) == 1
    assert "kunde inte läsas" in _vote_flags(parsed)[0]


def test_a_proposition_naming_only_one_side_is_kept_and_flagged():
    parsed, vote = _vote("Den som vill bifalla förvaltningens förslag röstar ja.")
    assert vote.proposition == "Ja för bifall till förvaltningens förslag."
    assert "Nej" in _vote_flags(parsed)[0]


def test_contradicting_propositions_are_flagged():
    parsed, vote = _vote(
        "Den som vill bifalla förvaltningens förslag röstar ja, den som vill bifalla yrkandet från M och L "
        "röstar nej.\n\nJa-röst för bifall till yrkandet från M och L, nej-röst för bifall till förvaltningens förslag."
    )
    assert vote.proposition == YES_NO
    assert "två olika saker" in _vote_flags(parsed)[0]


def test_a_proposition_stated_twice_alike_is_not_a_contradiction():
    same = "Den som vill bifalla förvaltningens förslag röstar ja, den som vill bifalla yrkandet från M och L "
    same += "röstar nej"
    parsed, vote = _vote(f"{same}.\n\n{same}.")
    assert vote.proposition == YES_NO
    assert _vote_flags(parsed) == []


def test_two_votes_take_the_propositions_in_order():
    text = (
        HEAD + "Propositionsordning\nFörst: den som vill att ärendet avgörs i dag röstar ja, den som vill "
        "återremittera ärendet röstar nej.\n\nSedan: Ja för bifall, nej för avslag.\n\n"
        "Omröstning\nLedamöterna Tina Åberg (S) och Fatima Ali (S) röstar ja (2).\n\n"
        "Omröstning\nLedamöterna Victoria Nord (M) och Anton Hägg (L) röstar nej (2).\n"
    )
    parsed = parse_protocol(text)
    assert [v.proposition for v in parsed.votes] == [
        "Ja för att ärendet avgörs i dag och Nej för att återremittera ärendet.",
        "Ja för bifall och Nej för avslag.",
    ]


def test_counts_and_names_are_no_proposition():
    assert propositions("Omröstningen utfaller med 6 ja-röster och 6 nej-röster; 1 ledamot avstår.") == []
    assert propositions("Ledamöterna Anna Berg (S) och Bo Ek (M) röstar ja (2).") == []
    assert propositions("Den som vill avslå motionen röstar nej.")[0].nej == "avslag på motionen"


def test_the_wish_in_the_present_tense_den_som_bifaller_or_avslar():
    (read,) = propositions(
        "Den som bifaller nämndens förslag röstar Ja, den som bifaller Vänsterpartiets och Centerpartiets "
        "yrkande om återremiss röstar Nej."
    )
    assert read.ja == "bifall till nämndens förslag"
    assert read.nej == "bifall till Vänsterpartiets och Centerpartiets yrkande om återremiss"
    assert propositions("Den som avslår motionen röstar nej.")[0].nej == "avslag på motionen"
    assert propositions("Den som bifallit förslaget har röstat ja.") == []  # no "röstar": no side
