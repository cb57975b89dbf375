"""Edges of the month view: events across a month's end and half days."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from pytest_django.asserts import assertContains

from events.models import Event
from tests.events.calendar_page import days_showing
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def month_url(year, month, region_slug="kaakkois-suomi"):
    return reverse(
        "events:event_month", kwargs={"region": region_slug, "year": year, "month": month}
    )


def test_event_over_a_months_end_appears_in_both_months(client, region):
    EventFactory(
        region=region,
        title="ELOLIV-päivät",
        starts_on=dt.date(2021, 5, 31),
        ends_on=dt.date(2021, 6, 2),
    )

    may = client.get(month_url(2021, 5))
    june = client.get(month_url(2021, 6))

    assert days_showing(may, "ELOLIV-päivät") == [dt.date(2021, 5, 31)]
    assert days_showing(june, "ELOLIV-päivät") == [dt.date(2021, 6, 1), dt.date(2021, 6, 2)]
    assertContains(may, "ELOLIV-päivät")
    assertContains(june, "ELOLIV-päivät")
    assert "31.5.2021\N{EN DASH}2.6.2021" in strip_tags(june.content.decode())


def test_half_day_event_shows_morning_or_afternoon(client, region):
    EventFactory(region=region, title="Aamun työpaja", day_part=Event.DayPart.MORNING)
    EventFactory(region=region, title="Iltapäivän työpaja", day_part=Event.DayPart.AFTERNOON)

    response = client.get(month_url(2021, 5))

    text = strip_tags(response.content.decode())
    assert "26.5.2021, aamupäivä" in text
    assert "26.5.2021, iltapäivä" in text
