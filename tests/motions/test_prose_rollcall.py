"""The KS prose roll call ("… samt ordföranden Jonas Attenius (S) röstar Ja (7).")."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motions.importers import ImportError_, parse_rollcall
from motions.importers.prose_rollcall import parse_prose_rollcall

from .conftest import SEED_000, seed_lines

KS_355 = seed_lines(SEED_000, 1640, 1654)


def test_the_ks_355_vote_reads_every_name_with_party_role_and_result():
    parsed = parse_rollcall(KS_355)
    rows = [(r.name, r.party, r.role, r.result) for r in parsed.rows]
    assert rows[:7] == [
        ("Daniel Bernmar", "V", "Ledamot", "ja"),
        ("Viktoria Tryggvadottir Rolka", "S", "Ledamot", "ja"),  # the name wraps over nothing; three words
        ("Marina Johansson", "S", "Ledamot", "ja"),
        ("Karin Pleijel", "MP", "Ledamot", "ja"),  # "Karin ⏎ Pleijel (MP)": wrapped over the line end
        ("Johannes Hulter", "S", "Tjänstgörande ersättare", "ja"),
        ("Marie Brynolfsson", "V", "Tjänstgörande ersättare", "ja"),
        ("Jonas Attenius", "S", "Ordförande", "ja"),
    ]
    assert [r.name for r in parsed.rows[7:]] == [
        "Axel Josefson", "Hampus Magnusson", "Martin Wannholt", "Jörgen Fogelklou", "Axel Darvik", "Elisabet Lann",
    ]  # fmt: skip
    assert {r.result for r in parsed.rows[7:]} == {"nej"}
    assert parsed.totals == {"ja": 7, "nej": 6, "avstar": 0, "franvarande": 0}
    assert parsed.declared_totals == {"ja": 7, "nej": 6}
    assert all(r.seat is None for r in parsed.rows)


def test_parentheses_wrapped_over_lines_and_a_singular_role():
    text = (
        "Anna Andersson (S), Bo Berg\n(V), tjänstgörande ersättaren Cecilia Carlsson (\nMP) och Dan Dahl (M)\n"
        "röstar Ja (4).\n\nEva Ek (SD) avstår från att rösta (1).\n"
    )
    parsed = parse_prose_rollcall(text)
    assert [(r.name, r.party, r.role) for r in parsed.rows] == [
        ("Anna Andersson", "S", "Ledamot"),
        ("Bo Berg", "V", "Ledamot"),
        ("Cecilia Carlsson", "MP", "Tjänstgörande ersättare"),
        ("Dan Dahl", "M", "Ledamot"),
        ("Eva Ek", "SD", "Ledamot"),
    ]
    assert parsed.totals["avstar"] == 1


def test_verdicts_without_a_count_read_the_names_listed():
    text = (
        "Kristina Tharing (M), Johan\nNyhus (L) samt\nordföranden Gunnar Holm (M) röstar Ja.\n\n"
        "Erik Lindahl (V) och tjänstgörande ersättaren Lina\nPersson (MP) röstar Nej.\n\n"
        "Linnea Åberg (SD) avstår från att rösta.\n"
    )
    parsed = parse_prose_rollcall(text)
    assert [(r.name, r.party, r.role, r.result) for r in parsed.rows] == [
        ("Kristina Tharing", "M", "Ledamot", "ja"),
        ("Johan Nyhus", "L", "Ledamot", "ja"),
        ("Gunnar Holm", "M", "Ordförande", "ja"),
        ("Erik Lindahl", "V", "Ledamot", "nej"),
        ("Lina Persson", "MP", "Tjänstgörande ersättare", "nej"),
        ("Linnea Åberg", "SD", "Ledamot", "avstar"),
    ]
    assert parsed.declared_totals == {}


def test_a_deputy_serving_for_an_absent_member_without_a_comma_gives_the_deputys_row_only():
    text = (
        "Ja röstar: ledamoten Hugo Brink (S) och ersättaren Ester Vall (V) som tjänstgjorde för Moa Sten (V).\n\n"
        "Nej röstar: tjänstgörande ersättaren Pål Ring (M) i stället för Lisa Ahlin (M).\n"
    )
    parsed = parse_prose_rollcall(text)
    assert [(r.name, r.party, r.role, r.result, r.serves_for) for r in parsed.rows] == [
        ("Hugo Brink", "S", "Ledamot", "ja", ""),
        ("Ester Vall", "V", "Ersättare", "ja", "Moa Sten (V)"),
        ("Pål Ring", "M", "Tjänstgörande ersättare", "nej", "Lisa Ahlin (M)"),
    ]


def test_a_count_after_a_verdict_first_list_and_an_abstention_headed_by_a_colon():
    text = (
        "Ja röstar ordföranden Ulla Tegnér (C), ledamöterna Rolf Asp (S) och Jan Wik (S) (3).\n\n"
        "Nej röstar: Siv Mörk (KD).\n\nAvstår: ledamoten Alva Rapp (L).\n\nFrånvarande: Ivar Dal (SD).\n"
    )
    parsed = parse_prose_rollcall(text)
    assert [(r.name, r.role, r.result) for r in parsed.rows] == [
        ("Ulla Tegnér", "Ordförande", "ja"),
        ("Rolf Asp", "Ledamot", "ja"),
        ("Jan Wik", "Ledamot", "ja"),
        ("Siv Mörk", "Ledamot", "nej"),
        ("Alva Rapp", "Ledamot", "avstar"),
        ("Ivar Dal", "Ledamot", "franvarande"),
    ]
    assert parsed.declared_totals == {"ja": 3}


def test_a_count_sentence_is_no_verdict_without_a_party_before_it():
    with pytest.raises(ImportError_, match="Ingen mening"):
        parse_prose_rollcall("Omröstningen utfaller med 39 Ja mot 21 Nej. 19 ledamöter avstår från att rösta.")


def test_a_declared_count_that_differs_from_the_names_is_refused_with_its_line():
    text = KS_355.replace("röstar Ja (7)", "röstar Ja (8)")
    with pytest.raises(ImportError_, match=r"Rad 11: Meningen säger .*röstar Ja \(8\) men räknar upp 7 namn"):
        parse_rollcall(text)


def test_a_name_without_party_is_refused():
    with pytest.raises(ImportError_, match="inte ett namn med parti"):
        parse_prose_rollcall("Anna Andersson (S) och Bo Berg röstar Nej (2).")


def test_a_member_voting_twice_is_refused():
    with pytest.raises(ImportError_, match="röstar två gånger"):
        parse_prose_rollcall("Anna Andersson (S) röstar Ja (1). Anna Andersson (S) röstar Nej (1).")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Anna Andersson (S),", "Bo", "Berg (V)", "och", "samt", "ordföranden", "tjänstgörande ersättarna",
             "röstar Ja (2).", "röstar Nej (1).", "(", ")", "\n", "avstår från att rösta (1).", "Sida 1 av 1"]
        ),
        max_size=40,
    )
)  # fmt: skip
def test_fuzzed_prose_is_read_or_refused_never_crash(words):
    try:
        parse_rollcall(" ".join(words))
    except ImportError_ as error:
        assert str(error)


@pytest.mark.parametrize(
    ("names", "roles"),
    [
        # "samt" ends a plural role: the name after it is a member again.
        ("tjänstgörande ersättarna A Ahl (D) och B Berg (KD) samt C Cors (SD)", ["T", "T", "L"]),
        # The plural covers the names up to the one after "och".
        ("tjänstgörande ersättarna A Ahl (D), B Berg (KD) och C Cors (SD), D Dahl (M)", ["T", "T", "T", "L"]),
        # A plural role that itself follows "och" still covers the names after it.
        ("D Dahl (M) och tjänstgörande ersättarna A Ahl (D) och B Berg (KD)", ["L", "T", "T"]),
    ],
)
def test_a_plural_role_covers_the_names_up_to_och_and_stops_at_samt(names, roles):
    parsed = parse_prose_rollcall(f"{names} röstar Nej ({len(roles)}).")
    labels = {"Tjänstgörande ersättare": "T", "Ledamot": "L"}
    assert [labels[r.role] for r in parsed.rows] == roles


# The prose forms a clerk writes, and the counts the minutes state in prose.


def test_lower_case_verdicts_double_surnames_and_a_plain_ersattare():
    text = (
        "Anna Lind Berg (S), Karl-Johan Svedberg (KD) och ersättaren Per Olof Hellsten (D) röstar ja (3).\n\n"
        "Sven Johansson Ek (M) röstar nej (1).\n\nBo Ek (SD) är frånvarande.\n"
    )
    parsed = parse_prose_rollcall(text)
    assert [(r.name, r.party, r.role, r.result) for r in parsed.rows] == [
        ("Anna Lind Berg", "S", "Ledamot", "ja"),
        ("Karl-Johan Svedberg", "KD", "Ledamot", "ja"),
        ("Per Olof Hellsten", "D", "Ersättare", "ja"),
        ("Sven Johansson Ek", "M", "Ledamot", "nej"),
        ("Bo Ek", "SD", "Ledamot", "franvarande"),
    ]


def _minutes(counts: str, names: str) -> str:
    return (
        "§ 104 Dnr 0233/25\nMotion om något\n\nBeslut\nNämnden avstyrker motionen.\n\nOmröstning\n"
        "Godkänd voteringsproposition: ”Ja för avslag och Nej för bifall till motionen.”\n\n"
        f"{counts}\n\n{names}\n\nUtbildningsnämnden\n\nUtdrag ur protokoll\nSammanträdesdatum: 2025-05-13\n"
    )


NAMES = "Anna Berg (M) och Cia Dahl (M) röstar Ja (2).\n\nErik Lindahl (V) röstar Nej (1)."


@pytest.mark.parametrize(
    "counts",
    [
        "Omröstningen utfaller med 2 Ja mot 1 Nej.",
        "Nämnden beslutar med 2 röster mot 1 att avslå motionen.",
        "Nämnden beslutar med två röster mot en att avslå motionen.",
        "Omröstningen utfaller med 2 ja-röster mot 1 nej-röst.",
    ],
)
def test_counts_stated_in_prose_are_read_and_agree_with_the_names(counts):
    from motions.importers.protocol import parse_protocol

    parsed = parse_protocol(_minutes(counts, NAMES))
    (vote,) = parsed.votes
    assert (vote.declared["ja"], vote.declared["nej"]) == (2, 1)
    assert "votes" not in parsed.field_flags


def test_counts_of_the_sides_that_the_names_do_not_give_are_refused_in_swedish():
    from motions.importers.protocol import parse_protocol

    with pytest.raises(ImportError_, match="Protokollet säger 3 röster mot 1 men namnlistan har 2 Ja och 1 Nej"):
        parse_protocol(_minutes("Nämnden beslutar med 3 röster mot 1 att avslå motionen.", NAMES))
    with pytest.raises(ImportError_, match="Protokollet säger 3 Ja men namnlistan har 2"):
        parse_protocol(_minutes("Omröstningen utfaller med tre Ja mot 1 Nej.", NAMES))


def test_sides_the_minutes_do_not_name_without_names_are_flagged():
    from motions.importers.protocol import parse_protocol

    parsed = parse_protocol(_minutes("Nämnden beslutar med 7 röster mot 6 att avslå motionen.", ""))
    assert any("säger inte vilken sida som röstade Ja" in f for f in parsed.field_flags["votes"])


def test_abstentions_stated_in_words_are_checked():
    from motions.importers.protocol import parse_protocol

    names = NAMES + "\n\nBo Ek (SD) och Eva Gran (L) avstår från att rösta."
    parsed = parse_protocol(_minutes("Omröstningen utfaller med 2 Ja mot 1 Nej. Två ledamöter avstår.", names))
    assert parsed.votes[0].declared == {"ja": 2, "nej": 1, "avstar": 2}
    with pytest.raises(ImportError_, match="Protokollet säger 3 Avstår men namnlistan har 2"):
        parse_protocol(_minutes("Omröstningen utfaller med 2 Ja mot 1 Nej. Tre ledamöter avstår.", names))


def test_plural_and_singular_ledamot_prefixes_a_leading_chair_and_a_name_broken_at_a_hyphen():
    # The Hisingen/KS form (holdout9 p01, p05): the list opens with a role, "ledamöterna" covers the
    # names after it, and "Eva-⏎Lena" is one name whose capital keeps its hyphen.
    text = (
        "Ordföranden Tina Åberg (S), ledamöterna Jakob Sterner (V), Fatima Ali (S) och tjänstgörande\n"
        "ersättaren Eva-\nLena Strand (S) röstar ja (4).\n\n"
        "Ledamoten Josefin Ridder (SD) och tjänstgörande ersättaren Ulf Sand (D) avstår från att\nrösta (2).\n"
    )
    parsed = parse_prose_rollcall(text)
    assert [(r.name, r.party, r.role, r.result) for r in parsed.rows] == [
        ("Tina Åberg", "S", "Ordförande", "ja"),
        ("Jakob Sterner", "V", "Ledamot", "ja"),
        ("Fatima Ali", "S", "Ledamot", "ja"),
        ("Eva-Lena Strand", "S", "Tjänstgörande ersättare", "ja"),
        ("Josefin Ridder", "SD", "Ledamot", "avstar"),
        ("Ulf Sand", "D", "Tjänstgörande ersättare", "avstar"),
    ]
    assert parsed.declared_totals == {"ja": 4, "avstar": 2}


def test_a_page_turn_with_its_running_header_inside_the_names_is_skipped():
    text = (
        "Ledamöterna Anna Berg (S) och Bo\nEk (V) röstar ja (2).\n\nSida 1 (2)\n\f\n"
        "Kommunstyrelsen, protokollsutdrag 2025-11-26, § 734\n\n"
        "Ledamöterna Cia Dahl (M), Dan\nLund (L) samt tjänstgörande ersättarna Eva Ås (C) och Finn\nÖst (KD) "
        "samt ledamoten Gun Ström (SD) röstar nej (5).\n"
    )
    parsed = parse_prose_rollcall(text)
    assert [(r.name, r.role, r.result) for r in parsed.rows] == [
        ("Anna Berg", "Ledamot", "ja"),
        ("Bo Ek", "Ledamot", "ja"),
        ("Cia Dahl", "Ledamot", "nej"),
        ("Dan Lund", "Ledamot", "nej"),
        ("Eva Ås", "Tjänstgörande ersättare", "nej"),
        ("Finn Öst", "Tjänstgörande ersättare", "nej"),
        ("Gun Ström", "Ledamot", "nej"),
    ]


def test_a_running_header_is_furniture_but_a_sentence_naming_a_protocol_is_not():
    from motions.importers.text import is_furniture

    assert is_furniture("Kommunstyrelsen, protokollsutdrag 2025-11-26, § 734")
    assert is_furniture("Socialnämnden Hisingen, protokoll 2025-11-18")
    assert not is_furniture("Kommunstyrelsen, protokollsutdrag 2025-11-26, § 734, bifogas.")
    assert not is_furniture("Se Kommunstyrelsens protokollsutdrag 2025-11-26 § 734.")


# The verdict first and the names after it, in either tense; a role after the name it belongs to.


def _read(text: str) -> list[tuple[str, str, str, str]]:
    return [(r.name, r.party, r.role, r.result) for r in parse_prose_rollcall(text).rows]


def test_a_verdict_before_its_names_in_the_present_tense():
    text = (
        "Ja röstar ordföranden Ada Berg (S), ledamöterna Bo Dahl (V), Cia af\nEkström (MP) och Dan Ek (S)\n"
        "samt tjänstgörande ersättaren Eva Holm (V).\n\nNej röstar ledamöterna Finn Ås (M) och Gun\nLo (L).\n\n"
        "Avstår gör Hugo de Geer (C).\n"
    )
    assert _read(text) == [
        ("Ada Berg", "S", "Ordförande", "ja"),
        ("Bo Dahl", "V", "Ledamot", "ja"),
        ("Cia af Ekström", "MP", "Ledamot", "ja"),  # a particle name wrapped after the particle
        ("Dan Ek", "S", "Ledamot", "ja"),
        ("Eva Holm", "V", "Tjänstgörande ersättare", "ja"),
        ("Finn Ås", "M", "Ledamot", "nej"),
        ("Gun Lo", "L", "Ledamot", "nej"),
        ("Hugo de Geer", "C", "Ledamot", "avstar"),
    ]


def test_a_verdict_before_its_names_in_the_past_tense_with_ordinal_and_plural_roles():
    text = (
        "Ja röstade ordföranden Ada Lind-Berg (S) samt ersättarna Bo Dahl (V) och Cia Ros (S).\n\n"
        "Nej röstade 1:e vice ordföranden Dan von Ek (M), 2:e vice ordföranden Eva\nHolm-Lundqvist (KD) och "
        "ledamoten Finn Ås (L).\n\nAvstod från att rösta gjorde ledamoten Gun Lo (C).\n"
    )
    assert _read(text) == [
        ("Ada Lind-Berg", "S", "Ordförande", "ja"),
        ("Bo Dahl", "V", "Ersättare", "ja"),
        ("Cia Ros", "S", "Ersättare", "ja"),
        ("Dan von Ek", "M", "1:e vice ordförande", "nej"),
        ("Eva Holm-Lundqvist", "KD", "2:e vice ordförande", "nej"),
        ("Finn Ås", "L", "Ledamot", "nej"),
        ("Gun Lo", "C", "Ledamot", "avstar"),
    ]


def test_a_following_list_with_semicolons_and_the_role_after_the_name():
    text = (
        "Följande röstar Ja: Ada Berg (S), ordföranden; Bo Dahl (V); tjänstgörande ersättaren\nCia Ros (V); "
        "Dan Ek (C), 2:e vice ordförande.\n\n"
        "Följande ledamöter och ersättare röstar Nej: Eva Holm (M); Finn Ås (SD).\n\n"
        "Följande avstår: Gun Lo (L).\n"
    )
    assert _read(text) == [
        ("Ada Berg", "S", "Ordförande", "ja"),
        ("Bo Dahl", "V", "Ledamot", "ja"),
        ("Cia Ros", "V", "Tjänstgörande ersättare", "ja"),
        ("Dan Ek", "C", "2:e vice ordförande", "ja"),
        ("Eva Holm", "M", "Ledamot", "nej"),
        ("Finn Ås", "SD", "Ledamot", "nej"),
        ("Gun Lo", "L", "Ledamot", "avstar"),
    ]


def test_a_role_after_a_name_whose_role_was_printed_before_it_is_refused():
    with pytest.raises(ImportError_, match="inte ett namn med parti"):
        parse_prose_rollcall("Ja röstar ordföranden Ada Berg (S), ledamoten.")


def test_an_initial_in_a_verdict_first_list_is_no_sentence_end():
    assert [r.name for r in parse_prose_rollcall("Ja röstar Per O. Ek (S) och Bo Dahl (V).").rows] == [
        "Per O. Ek",
        "Bo Dahl",
    ]


def test_a_count_before_a_verdict_first_list_must_equal_its_names():
    assert parse_prose_rollcall("Följande röstar Ja (2): Ada Berg (S); Bo Dahl (V).").declared_totals == {"ja": 2}
    with pytest.raises(ImportError_, match=r"Meningen säger Följande röstar Ja \(3\) men räknar upp 2 namn"):
        parse_prose_rollcall("Följande röstar Ja (3): Ada Berg (S); Bo Dahl (V).")


def test_a_proposition_in_the_verdict_first_order_is_no_roll_call():
    from motions.importers.prose_rollcall import looks_like_prose_rollcall

    text = "Ja röstar den som vill bifalla förslaget. Nej röstar den som vill avslå det."
    assert not looks_like_prose_rollcall(text)
    assert not looks_like_prose_rollcall("Ja röstar S, V och MP. Nej röstar M och KD.")  # parties, no names
    with pytest.raises(ImportError_, match="Ingen mening"):
        parse_prose_rollcall(text)


def test_past_tense_verdicts_after_the_names():
    text = "Ada Berg (S) och Bo Dahl (V) röstade ja.\n\nCia Ros (M) röstade nej (1).\n\nDan Ek (C) avstod.\n"
    assert _read(text) == [
        ("Ada Berg", "S", "Ledamot", "ja"),
        ("Bo Dahl", "V", "Ledamot", "ja"),
        ("Cia Ros", "M", "Ledamot", "nej"),
        ("Dan Ek", "C", "Ledamot", "avstar"),
    ]


def test_abstaining_from_something_else_than_the_vote_is_no_verdict():
    with pytest.raises(ImportError_, match="Ingen mening"):
        parse_prose_rollcall("Dan Ek (C) avstår från att yrka.")


VERDICT_FIRST = "Ja röstar Anna Berg (M) och Cia Dahl (M).\n\nNej röstar Erik Lindahl (V).\n\nAvstår gör Bo Ek (SD)."


@pytest.mark.parametrize(
    "counts",
    [
        "Ja-röster: 2, nej-röster: 1, avstår: 1.",
        "Ja: 2, Nej: 1, Avstående: 1.",
        "Nämnden beslutar med 2 röster mot 1, 1 avstod, att avslå motionen.",
        "Resultat: 2 ja, 1 nej, 1 avstår.",
    ],
)
def test_counts_in_any_seen_form_are_checked_against_verdict_first_names(counts):
    from motions.importers.protocol import parse_protocol

    parsed = parse_protocol(_minutes(counts, VERDICT_FIRST))
    (vote,) = parsed.votes
    assert vote.declared == {"ja": 2, "nej": 1, "avstar": 1}
    assert [(r.name, r.result) for r in vote.rollcall.rows] == [
        ("Anna Berg", "ja"), ("Cia Dahl", "ja"), ("Erik Lindahl", "nej"), ("Bo Ek", "avstar"),
    ]  # fmt: skip
    assert "votes" not in parsed.field_flags


def test_a_labelled_count_that_differs_from_the_names_is_refused():
    from motions.importers.protocol import parse_protocol

    with pytest.raises(ImportError_, match="Protokollet säger 3 Ja men namnlistan har 2"):
        parse_protocol(_minutes("Ja-röster: 3, nej-röster: 1, avstår: 1.", VERDICT_FIRST))


def test_a_rostforklaring_after_the_vote_is_no_second_verdict():
    from motions.importers.protocol import parse_protocol

    text = _minutes("Omröstningen utfaller med 2 Ja mot 1 Nej.", NAMES) + (
        "\nRöstförklaring\nErik Lindahl (V) röstar nej eftersom motionen saknar finansiering.\n"
    )
    parsed = parse_protocol(text)
    assert [r.name for r in parsed.votes[0].rollcall.rows] == ["Anna Berg", "Cia Dahl", "Erik Lindahl"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Ja röstar", "Nej röstade", "Följande röstar Ja:", "Avstår gör", "Avstod från att rösta gjorde",
             "Anna Andersson (S)", ", ordföranden", ";", ",", "och", "samt", "ledamöterna", "1:e vice ordföranden",
             "Per O.", "Berg (V).", ".", "(2)", "\n", "den som vill bifalla"]
        ),
        max_size=40,
    )
)  # fmt: skip
def test_fuzzed_verdict_first_prose_is_read_or_refused_never_crash(words):
    try:
        parse_prose_rollcall(" ".join(words))
    except ImportError_ as error:
        assert str(error)


@pytest.mark.parametrize(
    "sentence",
    ["Frånvarande var ledamoten Bo Ek (SD).", "Följande är frånvarande: Bo Ek (SD).", "Bo Ek (SD) var frånvarande."],
)
def test_an_absent_member_in_either_order(sentence):
    assert _read(f"Ja röstar Ada Berg (S).\n\n{sentence}\n") == [
        ("Ada Berg", "S", "Ledamot", "ja"),
        ("Bo Ek", "SD", "Ledamot", "franvarande"),
    ]


def test_a_page_break_inside_the_names_and_an_article_before_a_role():
    text = (
        "Ja röstar ordföranden Ulrika Bergsten (V), ledamöterna Sven Tallqvist (S), Minna\n"
        "Åkerlund (MP) och den tjänstgörande ersättaren Per-Ola Vinge (S).\n\n"
        "Nej röstar vice ordföranden Gustav Rehn (M), ledamöterna Tove Lindahl (KD),\n\n"
        "Justerandes sign.                          Utdragsbestyrkande\n"
        "                                                        1 (3)\n\f\n"
        "Miljönämnden, protokollsutdrag 2025-10-02, § 81\n\n"
        "Jonna Kvist (SD) och Leo Falk (L).\n"
    )
    parsed = parse_prose_rollcall(text)
    assert [(r.name, r.role, r.result) for r in parsed.rows] == [
        ("Ulrika Bergsten", "Ordförande", "ja"),
        ("Sven Tallqvist", "Ledamot", "ja"),
        ("Minna Åkerlund", "Ledamot", "ja"),
        ("Per-Ola Vinge", "Tjänstgörande ersättare", "ja"),
        ("Gustav Rehn", "Vice ordförande", "nej"),
        ("Tove Lindahl", "Ledamot", "nej"),
        ("Jonna Kvist", "Ledamot", "nej"),
        ("Leo Falk", "Ledamot", "nej"),
    ]


def test_an_ersattare_serving_for_an_absent_member_and_a_surname_hyphenated_at_the_line_end():
    text = (
        "Ja röstade andre vice ordföranden Hedvig Sand-\nqvist (C), ledamoten Arvid Holm (S) samt\n"
        "ersättaren Stina Myr (S), som tjänstgjorde i stället för Kalle Ros (S).\n\n"
        "Nej röstade ledamöterna Ebbe Lund (M) och Rut Alm (SD).\n"
    )
    parsed = parse_prose_rollcall(text)
    assert [(r.name, r.role, r.result, r.serves_for) for r in parsed.rows] == [
        ("Hedvig Sandqvist", "Andre vice ordförande", "ja", ""),
        ("Arvid Holm", "Ledamot", "ja", ""),
        ("Stina Myr", "Ersättare", "ja", "Kalle Ros (S)"),  # the member served for gives no row
        ("Ebbe Lund", "Ledamot", "nej", ""),
        ("Rut Alm", "Ledamot", "nej", ""),
    ]
