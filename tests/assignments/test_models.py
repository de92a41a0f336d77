"""Rules the assignment models keep themselves: the diarienummer's shape, and history on every edit."""

import pytest
from django.db import IntegrityError, transaction

from assignments.models import Assignment


def test_constraints_refuse_a_malformed_diarienummer(real_data):
    assignment = Assignment.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.filter(pk=assignment.pk).update(dnr="921-022")  # seven characters, wrong shape


def test_history_is_recorded_for_edits(real_data, django_user_model):
    assignment = Assignment.objects.get(dnr="1446/22")
    assignment.deadline_note = "Ny tidplan"
    assignment.save()
    assert assignment.history.count() == 2
    assert assignment.history.first().deadline_note == "Ny tidplan"
