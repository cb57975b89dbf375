"""Copying an event: changing only the start date moves the prefilled end date with it."""

import datetime as dt

import pytest

from events.models import Event
from tests.events.manage.conftest import event_url
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_day_event(kotka):
    event = EventFactory(
        region=kotka.region,
        title="ELOLIV-päivät",
        starts_on=dt.date(2021, 9, 15),
        ends_on=dt.date(2021, 9, 16),
    )
    event.organisers.add(kotka)
    return event


def copy_data(client, event, **changes):
    form = client.get(event_url("copy", event)).context["form"]
    data = {key: value for key, value in form.initial.items() if value not in (None, "")}
    data.pop("series", None)
    return {**data, **changes}


def the_copy(original):
    return Event.objects.exclude(pk=original.pk).get()


def test_changing_only_the_start_keeps_the_events_length(client_of, editor, two_day_event):
    client = client_of(editor)
    # The form proposes 22.9. to 23.9.; the editor moves the start a month on and saves at once.
    data = copy_data(client, two_day_event, starts_on="2021-10-20")

    response = client.post(event_url("copy", two_day_event), data)

    assert response.status_code == 302, response.context["form"].errors
    copy = the_copy(two_day_event)
    assert (copy.starts_on, copy.ends_on) == (dt.date(2021, 10, 20), dt.date(2021, 10, 21))


def test_a_one_day_event_stays_one_day_when_its_start_moves(client_of, editor, kotka):
    event = EventFactory(region=kotka.region, starts_on=dt.date(2021, 9, 15))
    event.organisers.add(kotka)
    client = client_of(editor)

    client.post(event_url("copy", event), copy_data(client, event, starts_on="2021-12-01"))

    copy = the_copy(event)
    assert (copy.starts_on, copy.ends_on) == (dt.date(2021, 12, 1), dt.date(2021, 12, 1))


def test_an_end_date_the_editor_changed_is_kept(client_of, editor, two_day_event):
    client = client_of(editor)
    data = copy_data(client, two_day_event, starts_on="2021-10-20", ends_on="2021-10-22")

    client.post(event_url("copy", two_day_event), data)

    copy = the_copy(two_day_event)
    assert (copy.starts_on, copy.ends_on) == (dt.date(2021, 10, 20), dt.date(2021, 10, 22))


def test_an_end_before_the_start_that_the_editor_typed_is_still_refused(
    client_of, editor, two_day_event
):
    client = client_of(editor)
    data = copy_data(client, two_day_event, starts_on="2021-10-20", ends_on="2021-10-01")

    response = client.post(event_url("copy", two_day_event), data)

    assert response.status_code == 200
    assert response.context["form"].has_error("ends_on")


def test_an_edit_moving_the_start_past_the_end_moves_the_end_too(client_of, editor, kotka):
    event = EventFactory(region=kotka.region, starts_on=dt.date(2021, 9, 15), review_status="draft")
    event.organisers.add(kotka)
    client = client_of(editor)
    form = client.get(event_url("edit", event)).context["form"]
    data = {
        name: form[name].value() for name in form.fields if form[name].value() not in (None, "", [])
    }

    response = client.post(event_url("edit", event), {**data, "starts_on": "2021-09-29"})

    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert (event.starts_on, event.ends_on) == (dt.date(2021, 9, 29), dt.date(2021, 9, 29))
