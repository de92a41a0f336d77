"""Which boards a decision point gives its assignment to, read from its text through the name variants."""

import pytest

from assignments.matching import BoardMatcher, gives_assignment, subject_of
from assignments.models import Board, BoardNameVariant


@pytest.fixture
def social_boards(db):
    made = {}
    for slug, name, short in [
        ("socialnamnden-centrum", "Socialnämnden Centrum", "SN Centrum"),
        ("socialnamnden-hisingen", "Socialnämnden Hisingen", "SN Hisingen"),
        ("socialnamnden-nordost", "Socialnämnden Nordost", "SN Nordost"),
        ("socialnamnden-sydvast", "Socialnämnden Sydväst", "SN Sydväst"),
        ("namnden-for-funktionsstod", "Nämnden för funktionsstöd", "NFS"),
        ("kommunstyrelsen", "Kommunstyrelsen", "KS"),
    ]:
        made[short] = Board.objects.create(slug=slug, name=name, short_name=short, kind=Board.Kind.COMMITTEE)
    BoardNameVariant.objects.create(board=made["SN Centrum"], name="Socialnämnd centrum")
    return made


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Socialnämnd centrum får i uppdrag att utreda X.", ["SN Centrum"]),
        (
            "Socialnämnderna Centrum, Hisingen, Nordost och Sydväst samt nämnden för funktionsstöd får i uppdrag att X",
            ["SN Centrum", "SN Hisingen", "SN Nordost", "SN Sydväst", "NFS"],
        ),
        ("Kommunstyrelsen uppdras att i samråd med Socialnämnden Centrum ta fram X", ["KS"]),
        ("Ärendet förklaras omedelbart justerat.", []),
    ],
)
def test_the_boards_before_the_verb(social_boards, text, expected, django_assert_num_queries):
    with django_assert_num_queries(2):
        matcher = BoardMatcher()
    assert [b.short_name for b in matcher.responsible_for(text)] == expected


def test_what_gives_an_assignment():
    assert gives_assignment("Kommunstyrelsen får i uppdrag att utreda")
    assert gives_assignment("Stadsledningskontoret uppdras att redovisa")
    assert gives_assignment("Nämnden ges i uppdrag att")
    assert not gives_assignment("Kommunstyrelsen godkänner redovisningen.")
    assert subject_of("KS får i uppdrag att X") == "KS "
