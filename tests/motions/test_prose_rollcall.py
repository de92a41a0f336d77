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
