"""Rules the case model keeps itself: an ärendenummer, and one of the city's shape."""

import pytest
from django.db import IntegrityError, transaction

from motions.models import Case


def test_constraints_refuse_a_malformed_or_missing_case_number(real_data):
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(case_number="SLK-22-921", title="fel format")
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(title="inget nummer alls")
