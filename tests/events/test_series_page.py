"""A meeting series' page, and the demo data's monthly "Ajankohtaista ohjaamoista"."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from events.models import Event, EventSeries
from portal.review import ReviewStatus
from tests.factories import EventFactory, EventSeriesFactory

pytestmark = pytest.mark.django_db


def series_url(series):
    return reverse("events:series_detail", kwargs={"region": series.region.slug, "pk": series.pk})


@pytest.fixture
def series(region):
    series = EventSeriesFactory(region=region, title="Ajankohtaista ohjaamoista")
    for month in (3, 1, 2):
        EventFactory(
            region=region,
            series=series,
            title=f"Ajankohtaista ohjaamoista {month}/2021",
            starts_on=dt.date(2021, month, 25),
        )
    EventFactory(
        region=region,
        series=series,
        title="Luonnos huhtikuulle",
        starts_on=dt.date(2021, 4, 29),
        review_status=ReviewStatus.DRAFT,
    )
    return series


def test_the_series_page_lists_its_published_events_in_date_order(client, series):
    response = client.get(series_url(series))

    assertContains(response, "<h1>Ajankohtaista ohjaamoista</h1>", html=True)
    assert [event.title for event in response.context["events"]] == [
        "Ajankohtaista ohjaamoista 1/2021",
        "Ajankohtaista ohjaamoista 2/2021",
        "Ajankohtaista ohjaamoista 3/2021",
    ]
    assertNotContains(response, "Luonnos huhtikuulle")


def test_the_coordinator_sees_the_series_drafts_too(client_of, coordinator, series):
    response = client_of(coordinator).get(series_url(series))

    assertContains(response, "Luonnos huhtikuulle")


def test_the_event_page_links_to_its_series(client, series):
    event = series.events.published().first()

    assertContains(client.get(event.get_absolute_url()), series_url(series))


def test_a_series_of_another_region_answers_404(client, region, etela_savo):
    other = EventSeriesFactory(region=etela_savo)
    url = reverse("events:series_detail", kwargs={"region": region.slug, "pk": other.pk})

    assert client.get(url).status_code == 404


def test_the_demo_data_gathers_the_monthly_ohjaamo_meetings_into_a_series(db):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())

    series = EventSeries.objects.get(region__slug="kaakkois-suomi")
    assert series.title == "Ajankohtaista ohjaamoista"
    assert list(series.events.values_list("starts_on", flat=True).order_by("starts_on")) == [
        dt.date(2021, 1, 28),
        dt.date(2021, 2, 25),
        dt.date(2021, 3, 25),
        dt.date(2021, 4, 29),
        dt.date(2021, 5, 27),
    ]
    assert not Event.objects.filter(
        series__isnull=True, title__startswith="Ajankohtaista ohjaamoista"
    ).exists()
