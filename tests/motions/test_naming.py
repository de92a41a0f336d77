"""Motions without a party or a date get a letter, the same on every page that names them."""

import datetime

import pytest

from motions.models import Case, Motion
from motions.naming import letter_for, motion_names, names_by_id, names_for


def names_of(key):
    case = Case.objects.with_everything().by_url_key(key).get()
    motions = list(case.motions.all())
    return motions, motion_names(motions)


def test_letters_run_past_z():
    assert [letter_for(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA"]


@pytest.mark.django_db
def test_the_three_unsigned_motions_of_slk_2022_00921_are_a_b_and_c(real_data):
    motions, names = names_of("SLK-2022-00921")
    labels = [names[m.pk].label for m in sorted(motions, key=lambda m: m.sort_order)]
    assert labels == [
        "Yrkande A, utan partibeteckning och datum",
        "Yrkande B, utan partibeteckning och datum",
        "Tilläggsyrkande C 2024-06-04, utan partibeteckning",
        "Tilläggsyrkande SD 2024-03-15",
        "Yrkande KD, M, D, L 2024-04-19",
        "Återremissyrkande V, S, MP 2024-04-19",
    ]
    assert len(set(labels)) == len(labels)
    first = names[motions[0].pk]
    assert first.short == "Yrkande A"
    assert "anger varken parti eller datum" in first.explanation
    assert names[motions[3].pk].explanation == ""


@pytest.mark.django_db
def test_a_party_without_a_date_keeps_its_party_and_gets_a_letter(real_data):
    motions, names = names_of("0355-20")
    by_parties = {names[m.pk].parties: names[m.pk] for m in motions}
    assert by_parties[("SD",)].label == "Tilläggsyrkande B (SD), utan datum"
    assert "inget datum" in by_parties[("SD",)].explanation


@pytest.mark.django_db
def test_two_motions_that_would_share_a_name_get_letters(real_data):
    case = Case.objects.by_url_key("0064-23").get()
    copy = Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE, date=datetime.date(2023, 10, 17), sort_order=5)
    original = case.motions.get(sort_order=0)
    copy.set_parties(original.ordered_parties)
    motions, names = names_of("0064-23")
    assert names[original.pk].label == "Yrkande A (V, S, MP) 2023-10-17"
    assert names[copy.pk].label == "Yrkande C (V, S, MP) 2023-10-17"


@pytest.mark.django_db
def test_a_new_motion_does_not_move_the_letters_of_the_others(real_data):
    _motions, before = names_of("SLK-2022-00921")
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE, sort_order=200)
    motions, after = names_of("SLK-2022-00921")
    assert all(after[pk] == name for pk, name in before.items())
    assert after[max(m.pk for m in motions)].label == "Yrkande G, utan partibeteckning och datum"


@pytest.mark.django_db
def test_names_for_motions_of_several_cases_agree_with_the_case_pages(real_data, django_assert_num_queries):
    motions = list(Motion.objects.prefetch_related("parties"))
    with django_assert_num_queries(2):
        names = names_for(motions)
    for key in ("SLK-2022-00921", "0355-20", "0064-23"):
        _case_motions, per_case = names_of(key)
        assert all(names[pk] == name for pk, name in per_case.items())


@pytest.mark.django_db
def test_names_by_id_reads_the_cases_of_the_ids_in_two_queries(real_data, django_assert_num_queries):
    _motions, per_case = names_of("SLK-2022-00921")
    wanted = list(per_case)[:2]
    with django_assert_num_queries(2):
        names, motions = names_by_id(wanted)
    assert names == {pk: per_case[pk] for pk in wanted}
    assert set(motions) == set(wanted)
    assert names_by_id([]) == ({}, {})
