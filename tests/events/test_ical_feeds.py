"""The iCalendar feeds: a region's, an organisation's and a focus area's published events."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.urls import reverse

from events.models import Event
from portal.review import ReviewStatus
from tests.factories import (
    EventFactory,
    FocusAreaFactory,
    OrganisationFactory,
    RegionFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture(autouse=True)
def _summer_2021():
    """The feeds carry the last two years and the future: the 2021 events are recent."""
    with time_machine.travel(dt.datetime(2021, 6, 15, 12, tzinfo=HELSINKI), tick=False):
        yield


def region_feed_url(region_slug="kaakkois-suomi"):
    return reverse("feeds:region", kwargs={"region": region_slug})


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def feed_events(response):
    """The feed's VEVENTs by SUMMARY."""
    return {str(vevent["SUMMARY"]): vevent for vevent in parse(response).walk("VEVENT")}


def utc(moment):
    return moment.astimezone(dt.UTC)


def test_region_feed_is_a_published_calendar_with_crlf_lines(client, region):
    EventFactory(region=region, title="TNO-foorumi")

    response = client.get(region_feed_url())
    calendar = parse(response)

    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == f"{region.network_name}: tapahtumat"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Helsinki"
    assert b"\r\nBEGIN:VEVENT\r\n" in response.content
    assert b"\n" not in response.content.replace(b"\r\n", b"")


def test_region_feed_has_only_the_regions_published_events(client, region):
    EventFactory(region=region, title="Hyväksytty")
    EventFactory(region=region, title="Luonnos", review_status=ReviewStatus.DRAFT)
    EventFactory(region=region, title="Arvioitavana", review_status=ReviewStatus.SUBMITTED)
    EventFactory(region=RegionFactory(), title="Toisen alueen tapahtuma")

    assert set(feed_events(client.get(region_feed_url()))) == {"Hyväksytty"}


def test_region_feed_has_the_last_two_years_and_the_future(client, region):
    EventFactory(region=region, title="Liian vanha", starts_on=dt.date(2019, 6, 14))
    EventFactory(region=region, title="Kaksi vuotta sitten", starts_on=dt.date(2019, 6, 15))
    EventFactory(region=region, title="Tuleva", starts_on=dt.date(2030, 1, 10))

    assert set(feed_events(client.get(region_feed_url()))) == {"Kaksi vuotta sitten", "Tuleva"}


def test_event_keeps_its_uid_when_it_is_edited(client, region, settings):
    settings.ICAL_UID_DOMAIN = "elo-portaali.fi"
    event = EventFactory(region=region, title="Verkostokokous")
    before = feed_events(client.get(region_feed_url()))["Verkostokokous"]

    event.title = "Verkostokokous (siirretty)"
    event.starts_on = event.ends_on = dt.date(2021, 6, 2)
    event.save()
    after = feed_events(client.get(region_feed_url()))["Verkostokokous (siirretty)"]

    assert before["UID"] == after["UID"] == f"event-{event.pk}@elo-portaali.fi"
    assert after["SEQUENCE"] == 0


def test_event_has_its_details_and_an_absolute_link_to_its_page(client, region):
    organiser = OrganisationFactory(region=region, name="Ohjaamo Kotka")
    event = EventFactory(
        region=region,
        title="Ajankohtaista ohjaamoista",
        description="Kuulumiset ja uutiset.",
        kind=Event.Kind.OHJAAMO_MEETING,
        channel=Event.Channel.ONLINE,
        online_url="https://teams.example/kokous",
    )
    event.organisers.add(organiser)
    EventFactory(
        region=region, title="Kaakon OPO-päivä", channel=Event.Channel.ON_SITE, place="Kotka"
    )

    vevents = feed_events(client.get(region_feed_url()))
    online = vevents["Ajankohtaista ohjaamoista"]

    assert online["URL"] == f"http://testserver{event.get_absolute_url()}"
    assert online["LOCATION"] == "Teams/verkossa"
    assert online["CATEGORIES"].cats == ["Ohjaamotapaaminen"]
    assert "DTSTAMP" in online
    assert "Kuulumiset ja uutiset." in online["DESCRIPTION"]
    assert "Järjestäjät: Ohjaamo Kotka" in online["DESCRIPTION"]
    assert "https://teams.example/kokous" in online["DESCRIPTION"]
    assert f"http://testserver{event.get_absolute_url()}" in online["DESCRIPTION"]
    assert vevents["Kaakon OPO-päivä"]["LOCATION"] == "Kotka"


def timed_event(region, title, day, start, end, **kwargs):
    return EventFactory(
        region=region,
        title=title,
        starts_on=day,
        day_part=Event.DayPart.TIMED,
        start_time=start,
        end_time=end,
        **kwargs,
    )


def test_timed_events_are_in_helsinki_time_in_summer_and_in_winter(client, region):
    timed_event(region, "Kesä", dt.date(2021, 5, 26), dt.time(9), dt.time(11, 30))
    timed_event(region, "Talvi", dt.date(2021, 1, 13), dt.time(9), dt.time(10))

    calendar = parse(client.get(region_feed_url()))
    vevents = {str(vevent["SUMMARY"]): vevent for vevent in calendar.walk("VEVENT")}
    summer, winter = vevents["Kesä"], vevents["Talvi"]

    assert summer["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert summer.start == dt.datetime(2021, 5, 26, 9, tzinfo=HELSINKI)
    assert summer.start.utcoffset() == dt.timedelta(hours=3)
    assert summer.end == dt.datetime(2021, 5, 26, 11, 30, tzinfo=HELSINKI)
    assert winter.start == dt.datetime(2021, 1, 13, 9, tzinfo=HELSINKI)
    assert winter.start.utcoffset() == dt.timedelta(hours=2)
    assert [timezone.tz_name for timezone in calendar.timezones] == ["Europe/Helsinki"]


def test_timed_events_on_the_days_the_clocks_change_have_the_right_instants(client, region):
    # Spring: at 03:00 EET the clocks go to 04:00 EEST, so 02:00-04:00 lasts one hour.
    timed_event(region, "Kevät", dt.date(2021, 3, 28), dt.time(2), dt.time(4))
    # Autumn: at 04:00 EEST they go back to 03:00 EET, so 02:00-04:00 lasts three hours.
    timed_event(region, "Syksy", dt.date(2021, 10, 31), dt.time(2), dt.time(4))

    vevents = feed_events(client.get(region_feed_url()))

    assert utc(vevents["Kevät"].start) == dt.datetime(2021, 3, 28, 0, tzinfo=dt.UTC)
    assert utc(vevents["Kevät"].end) == dt.datetime(2021, 3, 28, 1, tzinfo=dt.UTC)
    assert utc(vevents["Syksy"].start) == dt.datetime(2021, 10, 30, 23, tzinfo=dt.UTC)
    assert utc(vevents["Syksy"].end) == dt.datetime(2021, 10, 31, 2, tzinfo=dt.UTC)


def test_timed_event_without_an_end_time_lasts_an_hour(client, region):
    timed_event(region, "Aamukahvit", dt.date(2021, 5, 26), dt.time(8, 30), None)

    vevent = feed_events(client.get(region_feed_url()))["Aamukahvit"]

    assert vevent.end - vevent.start == dt.timedelta(hours=1)


def test_multi_day_timed_event_spans_the_months_end(client, region):
    EventFactory(
        region=region,
        title="ELOLIV-päivät",
        starts_on=dt.date(2021, 5, 31),
        ends_on=dt.date(2021, 6, 2),
        day_part=Event.DayPart.TIMED,
        start_time=dt.time(12),
        end_time=dt.time(15),
    )

    vevent = feed_events(client.get(region_feed_url()))["ELOLIV-päivät"]

    assert vevent.start == dt.datetime(2021, 5, 31, 12, tzinfo=HELSINKI)
    assert vevent.end == dt.datetime(2021, 6, 2, 15, tzinfo=HELSINKI)


@pytest.mark.parametrize("day_part", [Event.DayPart.ALL_DAY, Event.DayPart.UNSPECIFIED])
def test_events_without_clock_times_are_whole_days_with_an_exclusive_end(client, region, day_part):
    EventFactory(
        region=region,
        title="Messut",
        starts_on=dt.date(2021, 5, 31),
        ends_on=dt.date(2021, 6, 2),
        day_part=day_part,
    )

    vevent = feed_events(client.get(region_feed_url()))["Messut"]

    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent["DTEND"].params["VALUE"] == "DATE"
    assert vevent.start == dt.date(2021, 5, 31)
    assert vevent.end == dt.date(2021, 6, 3)


def test_half_days_are_from_eight_to_noon_and_from_noon_to_four(client, region):
    EventFactory(region=region, title="Aamupäivä", day_part=Event.DayPart.MORNING)
    EventFactory(region=region, title="Iltapäivä", day_part=Event.DayPart.AFTERNOON)

    vevents = feed_events(client.get(region_feed_url()))
    morning, afternoon = vevents["Aamupäivä"], vevents["Iltapäivä"]

    assert morning.start == dt.datetime(2021, 5, 26, 8, tzinfo=HELSINKI)
    assert morning.end == dt.datetime(2021, 5, 26, 12, tzinfo=HELSINKI)
    assert "aamupäivä" in morning["DESCRIPTION"]
    assert afternoon.start == dt.datetime(2021, 5, 26, 12, tzinfo=HELSINKI)
    assert afternoon.end == dt.datetime(2021, 5, 26, 16, tzinfo=HELSINKI)
    assert "iltapäivä" in afternoon["DESCRIPTION"]


def test_organisation_feed_has_only_the_organisations_published_events(client, region, kotka):
    EventFactory(region=region, title="Kotkan tapahtuma").organisers.add(kotka)
    draft = EventFactory(region=region, title="Luonnos", review_status=ReviewStatus.DRAFT)
    draft.organisers.add(kotka)
    EventFactory(region=region, title="Muiden tapahtuma")
    url = reverse("feeds:organisation", kwargs={"region": region.slug, "slug": kotka.slug})

    response = client.get(url)

    assert set(feed_events(response)) == {"Kotkan tapahtuma"}
    assert parse(response)["X-WR-CALNAME"] == f"{region.network_name}: Ohjaamo Kotka, tapahtumat"


def test_focus_area_feed_has_only_the_focus_areas_published_events(client, region, focus_area):
    EventFactory(region=region, title="Saavutettavuus").focus_areas.add(focus_area)
    EventFactory(region=region, title="Muu painopiste").focus_areas.add(
        FocusAreaFactory(strategy=focus_area.strategy, number=2)
    )
    url = reverse("feeds:focus_area", kwargs={"region": region.slug, "number": 1})

    assert set(feed_events(client.get(url))) == {"Saavutettavuus"}


def test_feeds_of_unknown_regions_organisations_and_focus_areas_answer_404(
    client, region, kotka, mikkeli, focus_area
):
    old_strategy = StrategyFactory(region=region, version=0, is_current=False)
    FocusAreaFactory(strategy=old_strategy, number=7)
    urls = [
        region_feed_url("ei-ole"),
        reverse("feeds:organisation", kwargs={"region": "ei-ole", "slug": kotka.slug}),
        reverse("feeds:organisation", kwargs={"region": region.slug, "slug": "ei-ole"}),
        reverse("feeds:organisation", kwargs={"region": region.slug, "slug": mikkeli.slug}),
        reverse("feeds:focus_area", kwargs={"region": region.slug, "number": 9}),
        reverse("feeds:focus_area", kwargs={"region": region.slug, "number": 7}),
        reverse("feeds:focus_area", kwargs={"region": "etela-savo", "number": 1}),
    ]

    assert [client.get(url).status_code for url in urls] == [404] * len(urls)


def add_feed_rows(region, kotka, focus_area, count):
    for day in range(1, count + 1):
        event = EventFactory(
            region=region,
            starts_on=dt.date(2021, 7, day),
            day_part=Event.DayPart.TIMED,
            start_time=dt.time(9),
        )
        event.organisers.add(kotka, OrganisationFactory(region=region))
        event.focus_areas.add(focus_area)


def vevent_count(response):
    return len(parse(response).walk("VEVENT"))


@pytest.mark.parametrize("feed", ["region", "organisation", "focus_area"])
def test_feed_query_count_does_not_grow_with_events(
    client, region, kotka, focus_area, feed, django_assert_num_queries
):
    kwargs = {
        "region": {"region": region.slug},
        "organisation": {"region": region.slug, "slug": kotka.slug},
        "focus_area": {"region": region.slug, "number": focus_area.number},
    }[feed]
    url = reverse(f"feeds:{feed}", kwargs=kwargs)
    # region, [the organisation or focus area,] events with their region, their organisers
    queries = 3 if feed == "region" else 4
    add_feed_rows(region, kotka, focus_area, 2)
    with django_assert_num_queries(queries):
        assert vevent_count(client.get(url)) == 2

    add_feed_rows(region, kotka, focus_area, 8)
    with django_assert_num_queries(queries):
        assert vevent_count(client.get(url)) == 10


def test_event_list_organisation_and_focus_area_pages_offer_their_feeds(
    client, region, kotka, focus_area
):
    pages_and_feeds = [
        (reverse("events:event_list", kwargs={"region": region.slug}), region_feed_url()),
        (
            kotka.get_absolute_url(),
            reverse("feeds:organisation", kwargs={"region": region.slug, "slug": kotka.slug}),
        ),
        (
            focus_area.get_absolute_url(),
            reverse("feeds:focus_area", kwargs={"region": region.slug, "number": 1}),
        ),
    ]

    for page, feed in pages_and_feeds:
        html = client.get(page).content.decode()
        assert f'<a href="{feed}" type="text/calendar" aria-describedby="subscribe-help">' in html
        assert "Tilaa kalenteri" in html
        assert "Outlookissa" in html
        assert "Google Kalenterissa" in html
