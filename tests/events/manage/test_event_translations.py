"""An event's title and description, and a material's title, are written in Swedish and English
beside the Finnish on the event's forms, and a copy of the event starts with them."""

import datetime as dt

import pytest
from pytest_django.asserts import assertContains

from events.models import Event
from tests.events.manage.conftest import add_url, event_url
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_a_new_event_is_saved_with_its_swedish_and_english_title(
    client_of, coordinator, event_data
):
    client = client_of(coordinator)
    opened = client.get(add_url())
    assertContains(opened, 'name="title_sv"')
    assertContains(opened, 'name="description_en"')

    response = client.post(
        add_url(), event_data(title_sv="Nätverksträff för Navigatorn", description_en="Workshops")
    )

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.title_sv, event.description_en) == ("Nätverksträff för Navigatorn", "Workshops")


def test_the_new_series_field_still_follows_the_series(client_of, coordinator):
    form = client_of(coordinator).get(add_url()).context["form"]

    names = list(form.fields)
    assert names.index("new_series") == names.index("series") + 1
    assert names[:3] == ["title", "title_sv", "title_en"]


def test_a_copy_of_an_event_starts_with_its_translations(client_of, coordinator, kotka):
    event = EventFactory(
        region=kotka.region,
        title="ELOLIV-päivät",
        title_sv="ELOLIV-dagarna",
        description_en="Two days",
        starts_on=dt.date(2021, 9, 15),
    )
    event.organisers.add(kotka)

    form = client_of(coordinator).get(event_url("copy", event)).context["form"]

    assert form["title_sv"].value() == "ELOLIV-dagarna"
    assert form["description_en"].value() == "Two days"


def test_a_material_is_titled_in_swedish_and_english_too(client_of, coordinator, kotka):
    event = EventFactory(region=kotka.region, starts_on=dt.date(2021, 9, 15))
    event.organisers.add(kotka)
    url = event_url("material_add", event)
    client = client_of(coordinator)
    assertContains(client.get(url), 'name="title_sv"')

    response = client.post(
        url,
        {
            "title": "Esitys",
            "title_sv": "Presentation",
            "title_en": "Slides",
            "url": "https://example.fi/esitys",
        },
    )

    assert response.status_code == 302
    assert event.materials.get().title_sv == "Presentation"
