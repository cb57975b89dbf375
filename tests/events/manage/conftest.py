"""Helpers of the tests of logging events: the form's data and the add page's address."""

import pytest
from django.urls import reverse


def add_url(organisation=None, region="kaakkois-suomi"):
    url = reverse("events:add", kwargs={"region": region})
    return f"{url}?organisation={organisation.slug}" if organisation else url


def event_url(name, event):
    return reverse(f"events:{name}", kwargs={"region": event.region.slug, "pk": event.pk})


@pytest.fixture
def event_data(kotka):
    """Valid form data of an online morning meeting of Ohjaamo Kotka; override to break it."""

    def make(**overrides):
        data = {
            "title": "Ohjaamoiden verkostotapaaminen",
            "description": "Ajankohtaiset asiat ja työpajat.",
            "kind": "ohjaamo_meeting",
            "series": "",
            "new_series": "",
            "starts_on": "2021-09-15",
            "ends_on": "",
            "day_part": "timed",
            "start_time": "09:00",
            "end_time": "11:00",
            "channel": "online",
            "place": "",
            "online_url": "https://teams.example.fi/kokous",
            "organisers": [kotka.pk],
            "partner_regions": [],
            "focus_areas": [],
            "participants_count": "",
            "materials_url": "",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture(autouse=True)
def _mail_tasks_in_process(eager_tasks):
    """Mail goes through Celery tasks: run them in-process, so a test reads mail.outbox."""
