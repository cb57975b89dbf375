"""Bad input to the event form: the form comes back with a Finnish message, nothing saved."""

import pytest
from pytest_django.asserts import assertContains

from events.models import Event
from tests.events.manage.conftest import add_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"starts_on": "2021-09-15", "ends_on": "2021-09-14"},
            "ends_on",
            "Tapahtuma ei voi päättyä ennen kuin se alkaa.",
        ),
        (
            {"day_part": "timed", "start_time": ""},
            "start_time",
            "Anna kellonaikoihin sidotun tapahtuman alkamisaika.",
        ),
        (
            {"start_time": "11:00", "end_time": "10:00"},
            "end_time",
            "Päättymisajan on oltava alkamisajan jälkeen.",
        ),
        (
            {"channel": "on_site", "place": ""},
            "place",
            "Anna lähi- tai hybriditapahtuman paikka.",
        ),
        (
            {"channel": "hybrid", "place": "   "},
            "place",
            "Anna lähi- tai hybriditapahtuman paikka.",
        ),
        ({"online_url": "ei osoite"}, "online_url", "Syötä oikea URL-osoite."),
        ({"participants_count": "-3"}, "participants_count", "Tämän luvun on oltava vähintään 0."),
    ],
    ids=[
        "end-before-start",
        "timed-without-start-time",
        "end-time-before-start-time",
        "on-site-without-place",
        "hybrid-with-blank-place",
        "bad-online-link",
        "negative-participants",
    ],
)
def test_bad_input_returns_the_form_with_a_finnish_error_beside_the_field(
    client_of, editor, kotka, event_data, overrides, field, message
):
    response = client_of(editor).post(add_url(kotka), event_data(**overrides))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assertContains(response, message)
    assertContains(response, f'id="id_{field}_errors"')
    assert not Event.objects.exists()


def test_the_input_is_kept_when_the_form_comes_back(client_of, editor, kotka, event_data):
    response = client_of(editor).post(
        add_url(kotka), event_data(ends_on="2021-09-01", title="Pidettävä otsikko")
    )

    assertContains(response, 'value="Pidettävä otsikko"')


def test_an_end_time_before_the_start_time_is_fine_on_a_multi_day_event(
    client_of, editor, kotka, event_data
):
    client_of(editor).post(
        add_url(kotka),
        event_data(ends_on="2021-09-16", start_time="13:00", end_time="12:00"),
    )

    assert Event.objects.get().is_multi_day


def test_an_organisation_of_another_region_is_refused(
    client_of, coordinator, kotka, mikkeli, event_data
):
    response = client_of(coordinator).post(
        add_url(kotka), event_data(organisers=[kotka.pk, mikkeli.pk])
    )

    assert response.status_code == 200
    assertContains(response, "Valitse oikea vaihtoehto")
    assert not Event.objects.exists()


def test_a_series_of_another_region_is_refused(client_of, editor, kotka, etela_savo, event_data):
    from tests.factories import EventSeriesFactory

    other = EventSeriesFactory(region=etela_savo)

    response = client_of(editor).post(add_url(kotka), event_data(series=other.pk))

    assert response.status_code == 200
    assert "series" in response.context["form"].errors
    assert not Event.objects.exists()


def test_a_series_and_a_new_series_together_are_refused(client_of, editor, kotka, event_data):
    from tests.factories import EventSeriesFactory

    series = EventSeriesFactory(region=kotka.region)

    response = client_of(editor).post(
        add_url(kotka), event_data(series=series.pk, new_series="Uusi sarja")
    )

    assertContains(response, "Valitse tapaamissarja tai anna uuden nimi, ei molempia.")
    assert not Event.objects.exists()
