"""The database refuses events whose dates or times contradict each other."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_an_event_cannot_end_before_it_starts(region):
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(region=region, starts_on=dt.date(2021, 5, 27), ends_on=dt.date(2021, 5, 26))


def test_a_timed_event_needs_a_start_time(region):
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(region=region, day_part=Event.DayPart.TIMED, start_time=None)


def test_a_one_day_event_cannot_end_before_its_start_time(region):
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(
            region=region,
            day_part=Event.DayPart.TIMED,
            start_time=dt.time(12),
            end_time=dt.time(9),
        )


def test_an_event_over_midnight_may_end_at_an_earlier_clock_time(region):
    event = EventFactory(
        region=region,
        starts_on=dt.date(2021, 5, 31),
        ends_on=dt.date(2021, 6, 1),
        day_part=Event.DayPart.TIMED,
        start_time=dt.time(18),
        end_time=dt.time(9),
    )
    assert event.is_multi_day
