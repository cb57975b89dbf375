"""The month view: an accessible calendar table, Monday first, and the month's events."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from pytest_django.asserts import assertContains, assertNotContains

from tests.events.calendar_page import calendar_days, calendar_weeks, events_on
from tests.factories import EventFactory, OrganisationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def month_url(year, month, region_slug="kaakkois-suomi"):
    return reverse(
        "events:event_month", kwargs={"region": region_slug, "year": year, "month": month}
    )


def test_month_view_shows_a_calendar_table_with_weeks_starting_on_monday(client, region):
    EventFactory(region=region, title="TNO-foorumi", starts_on=dt.date(2021, 5, 26))

    response = client.get(month_url(2021, 5))

    assertContains(response, "<h1>Tapahtumakalenteri: toukokuu 2021</h1>", html=True)
    assertContains(response, '<caption id="calendar-caption">Toukokuu 2021</caption>', html=True)
    assertContains(response, '<th scope="col"><abbr title="maanantai">ma</abbr></th>', html=True)
    assertContains(response, '<th scope="row" class="calendar__week">17</th>', html=True)
    html = response.content.decode()
    assert html.index('title="maanantai"') < html.index('title="sunnuntai"')
    first_week = calendar_weeks(response)[0]
    # 26-30 April fill the week of Saturday 1 May.
    assert [day.in_month for day in first_week] == [False] * 5 + [True] * 2
    assert first_week[5].date == dt.date(2021, 5, 1)
    assertContains(response, "keskiviikko 26.5.2021")
    assert events_on(response, dt.date(2021, 5, 26)) == ["TNO-foorumi"]


def test_month_view_lists_the_months_events_with_links(client, region):
    event = EventFactory(region=region, title="TNO-foorumi", starts_on=dt.date(2021, 5, 26))
    event.organisers.add(OrganisationFactory(region=region, name="KEHA-keskus"))
    EventFactory(region=region, title="Kesäkuun tapahtuma", starts_on=dt.date(2021, 6, 3))
    EventFactory(title="Toisen alueen tapahtuma", starts_on=dt.date(2021, 5, 26))

    response = client.get(month_url(2021, 5))

    assertContains(response, "Kuukauden tapahtumat: toukokuu 2021")
    assertContains(response, f'href="{event.get_absolute_url()}"', count=2)
    assertContains(response, "KEHA-keskus")
    assertNotContains(response, "Kesäkuun tapahtuma")
    assertNotContains(response, "Toisen alueen tapahtuma")


def test_month_view_links_to_the_previous_and_next_month(client, region):
    response = client.get(month_url(2021, 1))

    assertContains(response, f'href="{month_url(2020, 12)}"')
    assertContains(response, f'href="{month_url(2021, 2)}"')
    assertContains(response, "Edellinen kuukausi")
    assertContains(response, "Seuraava kuukausi")


def test_an_event_over_a_months_end_shows_on_each_of_its_days_in_both_months(client, region):
    EventFactory(
        region=region,
        title="Kaksipäiväinen työpaja",
        starts_on=dt.date(2021, 5, 31),
        ends_on=dt.date(2021, 6, 2),
    )

    may = client.get(month_url(2021, 5))
    june = client.get(month_url(2021, 6))

    assert events_on(may, dt.date(2021, 5, 31)) == ["Kaksipäiväinen työpaja"]
    assert events_on(may, dt.date(2021, 5, 30)) == []
    assert events_on(june, dt.date(2021, 6, 1)) == ["Kaksipäiväinen työpaja"]
    assert events_on(june, dt.date(2021, 6, 2)) == ["Kaksipäiväinen työpaja"]
    assert events_on(june, dt.date(2021, 6, 3)) == []
    assert "31.5.2021–2.6.2021" in strip_tags(may.content.decode())  # noqa: RUF001 (en dash)
    assert "31.5.2021–2.6.2021" in strip_tags(june.content.decode())  # noqa: RUF001 (en dash)


def test_month_view_uses_helsinki_dates_for_events_and_today(client, region, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2021, 5, 31, 22, 30, tzinfo=dt.UTC))
    EventFactory(region=region, title="Kesäkuun ensimmäinen", starts_on=dt.date(2021, 6, 1))

    june = client.get(month_url(2021, 6))
    may = client.get(month_url(2021, 5))

    assert events_on(june, dt.date(2021, 6, 1)) == ["Kesäkuun ensimmäinen"]
    assertNotContains(may, "Kesäkuun ensimmäinen")
    today = [day for day in calendar_days(june) if day.is_today]
    assert [day.date for day in today] == [dt.date(2021, 6, 1)]
    assertContains(june, 'aria-current="date"', count=1)
    assertNotContains(may, 'aria-current="date"')


@pytest.mark.parametrize("month", [0, 13])
def test_month_view_answers_404_for_a_month_outside_one_to_twelve(client, region, month):
    assert client.get(month_url(2021, month)).status_code == 404


def test_month_view_of_an_unknown_region_answers_404(client, region):
    assert client.get(month_url(2021, 5, region_slug="ei-ole")).status_code == 404


def test_month_view_shows_only_the_regions_own_events(client, region):
    other = RegionFactory()
    EventFactory(region=other, title="Muualla", starts_on=dt.date(2021, 5, 3))

    response = client.get(month_url(2021, 5))

    assert events_on(response, dt.date(2021, 5, 3)) == []


def add_month_rows(region, count):
    for day in range(1, count + 1):
        event = EventFactory(
            region=region, starts_on=dt.date(2021, 5, day), ends_on=dt.date(2021, 5, day + 1)
        )
        event.organisers.add(*OrganisationFactory.create_batch(2, region=region))


def test_month_view_query_count_does_not_grow_with_rows(client, region, django_assert_num_queries):
    url = month_url(2021, 5)
    add_month_rows(region, 3)
    # region, the count of the month's events (its list's pages), the events, their
    # organisers
    with django_assert_num_queries(4):
        assert client.get(url).status_code == 200
    # cached until the region's data changes: region, count
    with django_assert_num_queries(2):
        assert client.get(url).status_code == 200

    add_month_rows(region, 12)
    with django_assert_num_queries(4):
        assert client.get(url).status_code == 200


def test_a_busy_month_lists_its_events_a_page_at_a_time_under_the_full_calendar(client, region):
    for number in range(55):
        EventFactory(region=region, title=f"Tapahtuma {number:02}", starts_on=dt.date(2021, 5, 10))

    first = client.get(month_url(2021, 5))
    second = client.get(month_url(2021, 5) + "?page=2")

    assert len(events_on(first, dt.date(2021, 5, 10))) == 55
    assertContains(first, '<li class="event-item">', count=50)
    assertContains(first, "Tapahtumat 1–50 / 55")  # noqa: RUF001 (en dash)
    assertContains(second, "Tapahtumat 51–55 / 55")  # noqa: RUF001 (en dash)
    assertContains(second, 'aria-label="Kuukauden tapahtumien sivut"')
    listed_on_second = second.content.decode().split('id="month-events"', 1)[1]
    assert "Tapahtuma 54" in listed_on_second
    assert "Tapahtuma 00" not in listed_on_second
