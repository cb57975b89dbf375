"""The database itself refuses national-strategy rows that would break the model."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from strategy.models import KeyMeasure, NationalStrategy

pytestmark = pytest.mark.django_db


def test_a_national_strategy_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        NationalStrategy.objects.create(
            title="Seuraava strategia",
            start_year=2027,
            end_year=2024,
            published_on=dt.date(2024, 1, 1),
        )


def test_a_key_measure_status_is_one_of_the_choices_unknown_included():
    national = NationalStrategy.objects.get()
    measure = KeyMeasure.objects.get(number=9)
    assert measure.status == KeyMeasure.Status.UNKNOWN
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyMeasure.objects.create(
            national_strategy=national, number=10, title="X", funding="RRF", start_year=2021
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyMeasure.objects.filter(pk=measure.pk).update(status="")


def test_a_national_strategy_has_one_key_measure_of_each_number():
    national = NationalStrategy.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyMeasure.objects.create(
            national_strategy=national,
            number=1,
            title="Toinen ykkönen",
            funding="RRF",
            start_year=2021,
            status=KeyMeasure.Status.PROPOSED,
        )
