"""Rules the budget models keep themselves."""

import pytest
from django.db import IntegrityError, transaction

from budget.models import CostEstimate


def test_constraints_refuse_a_negative_cost_estimate(real_data):
    with pytest.raises(IntegrityError), transaction.atomic():
        CostEstimate.objects.filter(pk=CostEstimate.objects.first().pk).update(amount_kr=-1)
