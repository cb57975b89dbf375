"""The event list's filters and search: both lists follow them, and pages keep them."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from events.models import Event
from portal.review import ReviewStatus
from tests.factories import (
    EventFactory,
    FocusAreaFactory,
    OrganisationFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db


def event_list(client, **params):
    return client.get(reverse("events:event_list", args=["kaakkois-suomi"]), params)


def titles(response):
    return sorted(
        event.title
        for event in [*response.context["upcoming_events"], *response.context["past_events"]]
    )


def later(days):
    return timezone.localdate() + dt.timedelta(days=days)


def test_kind_and_channel_filter_upcoming_and_past_events(client, region):
    EventFactory(
        region=region, title="Tuleva työpaja", kind=Event.Kind.WORKSHOP, starts_on=later(5)
    )
    EventFactory(region=region, title="Mennyt työpaja", kind=Event.Kind.WORKSHOP)
    EventFactory(region=region, title="Webinaari", kind=Event.Kind.WEBINAR)
    EventFactory(
        region=region,
        title="Työpaja Kouvolassa",
        kind=Event.Kind.WORKSHOP,
        channel=Event.Channel.ON_SITE,
        place="Kouvola",
    )

    response = event_list(client, kind="workshop", channel="online")

    assert [e.title for e in response.context["upcoming_events"]] == ["Tuleva työpaja"]
    assert [e.title for e in response.context["past_events"]] == ["Mennyt työpaja"]
    assertContains(response, "2 tapahtumaa vastaa hakua.")


def test_organisation_and_province_filter_by_the_organisers(client, region, kotka, lut):
    kymenlaakso = ProvinceFactory(region=region, name="Kymenlaakso")
    kotka.provinces.add(kymenlaakso)
    both = OrganisationFactory(region=region, name="Kaakkois-Suomen ELY-keskus")
    both.provinces.add(kymenlaakso)
    kotkan = EventFactory(region=region, title="Kotkan tapaaminen")
    kotkan.organisers.add(kotka, both)  # Two organisers in the province: listed once.
    EventFactory(region=region, title="LUTin tapaaminen").organisers.add(lut)

    assert titles(event_list(client, organisation=lut.pk)) == ["LUTin tapaaminen"]
    assert titles(event_list(client, province=kymenlaakso.pk)) == ["Kotkan tapaaminen"]


def test_focus_area_and_year_filters(client, region, focus_area):
    other_area = FocusAreaFactory(strategy=focus_area.strategy, number=2)
    EventFactory(region=region, title="2021 painopiste 1").focus_areas.add(focus_area)
    EventFactory(region=region, title="2021 painopiste 2").focus_areas.add(other_area)
    EventFactory(region=region, title="2020", starts_on=dt.date(2020, 3, 1)).focus_areas.add(
        focus_area
    )

    assert titles(event_list(client, focus_area=focus_area.pk, year=2021)) == ["2021 painopiste 1"]


def test_finnish_full_text_search_finds_inflected_words(client, region):
    EventFactory(
        region=region,
        title="Kaakkois-Suomen ELO-yhteistyöryhmien kokous ja työpaja",
        place="Kouvola",
    )
    EventFactory(region=region, title="Ohjaamoiden tapaaminen", description="Verkostokokous")
    EventFactory(region=region, title="Rahoitushakuinfo")

    assert titles(event_list(client, q="työpajat")) == [
        "Kaakkois-Suomen ELO-yhteistyöryhmien kokous ja työpaja"
    ]
    assert titles(event_list(client, q="ohjaamo")) == ["Ohjaamoiden tapaaminen"]
    assert titles(event_list(client, q="Kouvolassa")) == [
        "Kaakkois-Suomen ELO-yhteistyöryhmien kokous ja työpaja"
    ]


def test_search_and_filters_show_only_published_events(client, region):
    EventFactory(region=region, title="Julkinen työpaja")
    EventFactory(region=region, title="Luonnostyöpaja", review_status=ReviewStatus.DRAFT)

    assert titles(event_list(client, q="työpaja")) == ["Julkinen työpaja"]


def test_an_invalid_filter_value_is_shown_beside_its_field(client, region):
    EventFactory(region=region, title="Tapaaminen")

    response = event_list(client, kind="ei-ole")

    assert response.status_code == 200
    assertContains(response, "Valitse oikea vaihtoehto")
    assert titles(response) == ["Tapaaminen"]


def test_the_filter_form_is_labelled_and_has_a_submit_button(client, region):
    response = event_list(client)

    assertContains(response, '<label for="id_q">Haku</label>', html=True)
    assertContains(response, '<button type="submit">Hae</button>', html=True)
    assertContains(response, 'role="status"')


def test_pages_of_past_events_keep_the_filters(client, region):
    for day in range(51):
        EventFactory(
            region=region,
            kind=Event.Kind.WEBINAR,
            starts_on=dt.date(2020, 1, 1) + dt.timedelta(day),
        )

    response = event_list(client, kind="webinar")

    assertContains(response, 'href="?kind=webinar&amp;page=2"')


def add_rows(region, focus_area, province, count):
    for day in range(1, count + 1):
        for starts_on in (later(day), later(-day)):
            event = EventFactory(region=region, title=f"Työpaja {day}", starts_on=starts_on)
            organisers = OrganisationFactory.create_batch(2, region=region)
            organisers[0].provinces.add(province)
            event.organisers.add(*organisers)
            event.focus_areas.add(focus_area)


def test_the_filtered_list_query_count_does_not_grow_with_rows(
    client, region, focus_area, django_assert_num_queries
):
    kymenlaakso = ProvinceFactory(region=region)
    params = {
        "q": "työpaja",
        "kind": "network_meeting",
        "focus_area": focus_area.pk,
        "province": kymenlaakso.pk,
    }
    add_rows(region, focus_area, kymenlaakso, 2)
    # region; validating the focus area and province choices (2); count of past events, a
    # page of them, their organisers, upcoming events, their organisers; the form's choices:
    # organisations, focus areas, years, provinces
    with django_assert_num_queries(12):
        response = event_list(client, **params)
    assert len(response.context["upcoming_events"]) == 2

    add_rows(region, focus_area, kymenlaakso, 8)
    with django_assert_num_queries(12):
        assert event_list(client, **params).status_code == 200
