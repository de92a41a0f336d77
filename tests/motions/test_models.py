"""Rules the motion models keep themselves: an ärendenummer of the city's shape, the parties in printed order."""

import pytest
from django.db import IntegrityError, transaction

from motions.models import Case, Motion, Party


def test_constraints_refuse_a_malformed_or_missing_case_number(real_data):
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(case_number="SLK-22-921", title="fel format")
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(title="inget nummer alls")


@pytest.mark.django_db
def test_a_motions_parties_keep_the_order_the_document_prints(real_data, django_assert_num_queries):
    """ "Återremissyrkande från V, S och MP" (seed 000) and the yrkande of seed 002 (V, S, MP): in the
    printed order, not the parties' usual S, V, MP."""
    printed = {tuple(p.abbreviation for p in m.ordered_parties) for m in Motion.objects.prefetch_related("parties")}
    assert {("V", "S", "MP"), ("KD", "M", "D", "L"), ("S", "D", "M", "L", "C", "KD"), ("MP", "V")} <= printed
    assert ("S", "V", "MP") not in printed
    motions = list(Motion.objects.filter(case__dnr="0064/23").prefetch_related("parties"))
    with django_assert_num_queries(0):  # read from the prefetched parties
        assert [p.abbreviation for p in motions[0].ordered_parties] == ["V", "S", "MP"]


@pytest.mark.django_db
def test_setting_parties_again_keeps_the_new_order_and_a_party_added_elsewhere_comes_last(real_data):
    motion = Motion.objects.filter(case__dnr="0064/23").first()
    parties = {p.abbreviation: p for p in Party.objects.all()}
    motion.set_parties([parties["MP"], parties["V"], parties["MP"]])
    motion.refresh_from_db()
    assert [p.abbreviation for p in motion.ordered_parties] == ["MP", "V"]
    motion.parties.add(parties["C"])  # e.g. in the admin, which knows no order
    assert [p.abbreviation for p in motion.ordered_parties] == ["MP", "V", "C"]
