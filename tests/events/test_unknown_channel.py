"""An event whose channel the sources do not give says so; one held on Teams keeps it."""

import pytest
from django.urls import reverse

from events.ical import event_location
from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def event_list(client, **params):
    return client.get(reverse("events:event_list", args=["kaakkois-suomi"]), params)


def test_the_list_marks_an_unknown_channel_and_names_teams(client, region):
    EventFactory(region=region, title="TNO-foorumi", channel=Event.Channel.UNKNOWN)
    EventFactory(region=region, title="ELOLIV-palaveri", place="Teams")

    html = event_list(client, past="1").content.decode()

    assert '<span class="unknown">' in html
    assert "(Teams)" in html


def test_the_channel_filter_finds_the_events_of_unknown_channel(client, region):
    EventFactory(region=region, title="TNO-foorumi", channel=Event.Channel.UNKNOWN)
    EventFactory(region=region, title="ELOLIV-palaveri", place="Teams")

    response = event_list(client, channel=Event.Channel.UNKNOWN)

    html = response.content.decode()
    assert "TNO-foorumi" in html
    assert "ELOLIV-palaveri" not in html


def test_the_calendar_feed_gives_no_place_for_an_unknown_channel(region):
    event = EventFactory(region=region, channel=Event.Channel.UNKNOWN)

    assert event_location(event) == ""
