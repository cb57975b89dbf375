"""The event list and an event's own page."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from pytest_django.asserts import assertContains, assertNotContains

from events.models import Event
from tests.factories import (
    EventFactory,
    FocusAreaFactory,
    OrganisationFactory,
    ProjectFactory,
    RegionFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db

# 31 May 2021 22:30 UTC is already 1 June 2021, 01:30, in Helsinki.
HELSINKI_JUNE_FIRST_SMALL_HOURS = dt.datetime(2021, 5, 31, 22, 30, tzinfo=dt.UTC)


def event_list_url(region_slug="kaakkois-suomi"):
    return reverse("events:event_list", kwargs={"region": region_slug})


def titles(events):
    return [event.title for event in events]


def test_event_list_shows_upcoming_and_past_events_in_finnish(client, region):
    today = timezone.localdate()
    EventFactory(region=region, title="ELOLIV-suunnittelu", starts_on=today + dt.timedelta(3))
    EventFactory(region=region, title="TNO-foorumi", starts_on=dt.date(2021, 5, 26))
    EventFactory(title="Toisen alueen tapahtuma")

    response = client.get(event_list_url())

    assertContains(response, "<h1>Tapahtumat</h1>", html=True)
    assertContains(response, "Tulevat tapahtumat")
    assertContains(response, "Menneet tapahtumat")
    assertContains(response, "ELOLIV-suunnittelu")
    assertContains(response, "TNO-foorumi")
    assertContains(response, "26.5.2021")
    assertContains(response, "Verkostokokous")
    assertNotContains(response, "Toisen alueen tapahtuma")
    assert titles(response.context["upcoming_events"]) == ["ELOLIV-suunnittelu"]
    assert titles(response.context["past_events"]) == ["TNO-foorumi"]


def test_event_list_shows_times_and_organisers(client, region):
    organiser = OrganisationFactory(region=region, name="Etelä-Suomen aluehallintovirasto")
    event = EventFactory(
        region=region,
        title="Positiivinen tulevaisuus",
        starts_on=dt.date(2021, 10, 22),
        day_part=Event.DayPart.TIMED,
        start_time=dt.time(9),
        end_time=dt.time(12),
    )
    event.organisers.add(organiser)
    EventFactory(region=region, title="Ohjaamotapaaminen", day_part=Event.DayPart.MORNING)

    response = client.get(event_list_url())

    text = strip_tags(response.content.decode())
    assert "22.10.2021, klo 9.00–12.00" in text  # noqa: RUF001 (en dash)
    assert "26.5.2021, aamupäivä" in text
    assertContains(response, f'<a href="{organiser.get_absolute_url()}">{organiser.name}</a>')


def test_event_list_decides_upcoming_and_past_by_the_date_in_helsinki(client, region, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: HELSINKI_JUNE_FIRST_SMALL_HOURS)
    EventFactory(region=region, title="Toukokuun viimeinen", starts_on=dt.date(2021, 5, 31))
    EventFactory(region=region, title="Kesäkuun ensimmäinen", starts_on=dt.date(2021, 6, 1))

    response = client.get(event_list_url())

    assert titles(response.context["upcoming_events"]) == ["Kesäkuun ensimmäinen"]
    assert titles(response.context["past_events"]) == ["Toukokuun viimeinen"]


def test_event_list_paginates_past_events_at_fifty_newest_first(client, region):
    first_day = dt.date(2020, 1, 1)
    for day in range(51):
        EventFactory(region=region, title=f"Mennyt {day}", starts_on=first_day + dt.timedelta(day))

    first = client.get(event_list_url())
    second = client.get(event_list_url(), {"page": 2})

    assert len(first.context["past_events"]) == 50
    assert first.context["past_events"][0].title == "Mennyt 50"
    assertContains(first, 'href="?page=2"')
    assert titles(second.context["past_events"]) == ["Mennyt 0"]


def test_event_list_of_an_unknown_region_answers_404(client, region):
    assert client.get(event_list_url("ei-ole")).status_code == 404


def add_event_list_rows(region, count):
    today = timezone.localdate()
    for day in range(1, count + 1):
        for starts_on in (today + dt.timedelta(day), today - dt.timedelta(day)):
            event = EventFactory(region=region, starts_on=starts_on)
            event.organisers.add(*OrganisationFactory.create_batch(2, region=region))


def test_event_list_query_count_does_not_grow_with_rows(client, region, django_assert_num_queries):
    url = event_list_url()
    add_event_list_rows(region, 2)
    # region, count of past events, a page of past events, their organisers, upcoming
    # events, their organisers; then the filter form's choices: organisations, focus areas,
    # years and provinces (four queries added with the filters)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200

    add_event_list_rows(region, 8)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200


@pytest.fixture
def event(region):
    event = EventFactory(
        region=region,
        title="Kaakkois-Suomen ELO-yhteistyöryhmien kokous ja työpaja",
        kind=Event.Kind.WORKSHOP,
        starts_on=dt.date(2021, 10, 21),
        channel=Event.Channel.ON_SITE,
        place="Kouvola",
        participants_count=42,
        description="Jatkuva dialogi ja yhteiskehittäminen.",
    )
    event.organisers.add(OrganisationFactory(region=region, name="Kaakkois-Suomen ELY-keskus"))
    event.partner_regions.add(RegionFactory(name="Etelä-Savo"))
    focus_area = FocusAreaFactory(
        strategy=StrategyFactory(region=region), number=2, title="MONIALAISEN YHTEISTYÖN"
    )
    event.focus_areas.add(focus_area)
    event.projects.add(ProjectFactory(region=region, name="TESSU2"))
    return event


def test_event_page_shows_the_event_in_finnish(client, event):
    response = client.get(event.get_absolute_url())

    assertContains(
        response, "<h1>Kaakkois-Suomen ELO-yhteistyöryhmien kokous ja työpaja</h1>", html=True
    )
    for text in (
        "21.10.2021",
        "Työpaja",
        "Paikan päällä",
        "Kouvola",
        "Kaakkois-Suomen ELY-keskus",
        "Etelä-Savo",
        "2. MONIALAISEN YHTEISTYÖN",
        "TESSU2",
        "42",
        "Jatkuva dialogi ja yhteiskehittäminen.",
        "Tapahtumat",
    ):
        assertContains(response, text)
    assertContains(
        response,
        reverse(
            "events:event_month", kwargs={"region": "kaakkois-suomi", "year": 2021, "month": 10}
        ),
    )


def test_event_page_answers_404_for_an_unknown_id(client, event):
    url = reverse("events:event_detail", kwargs={"region": "kaakkois-suomi", "pk": event.pk + 1000})

    assert client.get(url).status_code == 404


def test_event_page_answers_404_for_an_event_of_another_region(client, region):
    other = EventFactory(region=RegionFactory())
    url = reverse("events:event_detail", kwargs={"region": region.slug, "pk": other.pk})

    assert client.get(url).status_code == 404


def test_event_page_answers_404_for_an_unknown_region(client, event):
    url = reverse("events:event_detail", kwargs={"region": "ei-ole", "pk": event.pk})

    assert client.get(url).status_code == 404


def test_event_page_query_count_does_not_grow_with_links(
    client, region, event, django_assert_num_queries
):
    url = event.get_absolute_url()
    # region, event (its series joined), organisers, partner regions, focus areas, projects,
    # materials (the last added with the materials section)
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200

    event.organisers.add(*OrganisationFactory.create_batch(4, region=region))
    event.partner_regions.add(*RegionFactory.create_batch(3))
    event.projects.add(*ProjectFactory.create_batch(3, region=region))
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


def test_the_upcoming_list_stops_at_a_page_and_points_to_the_month_views(client, region):
    first = timezone.localdate() + dt.timedelta(days=1)
    EventFactory.create_batch(51, region=region, starts_on=first, ends_on=first)
    response = client.get(reverse("events:event_list", kwargs={"region": region.slug}))
    assert len(response.context["upcoming_events"]) == 50
    assert response.context["upcoming_has_more"]
    assert "Näytetään seuraavat 50 tapahtumaa." in response.content.decode()
