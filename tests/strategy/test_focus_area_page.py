"""A focus area's page: its goals, actions, indicators, national goals and events."""

import datetime as dt

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    ActionFactory,
    EventFactory,
    FocusAreaFactory,
    GoalFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    KeyMeasureFactory,
    NationalGoalFactory,
    OrganisationFactory,
    RegionFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


def focus_area_url(region_slug, number):
    return reverse("strategy:focus_area_detail", kwargs={"region": region_slug, "number": number})


def test_focus_area_page_shows_its_title_description_and_goals(client, focus_area):
    focus_area.description = "Ohjausta saa monikanavaisesti."
    focus_area.save()
    GoalFactory(focus_area=focus_area, title="Ohjauspalvelut ovat kaikkien saatavilla")

    response = client.get(focus_area.get_absolute_url())

    assertContains(response, "<h1>OHJAUSPALVELUN SAAVUTETTAVUUS</h1>", html=True)
    assertContains(response, "Strateginen painopiste 1")
    assertContains(response, "Ohjausta saa monikanavaisesti.")
    assertContains(response, "Tavoitteet")
    assertContains(response, "Ohjauspalvelut ovat kaikkien saatavilla")
    assertContains(response, "Tapahtumat")


def test_focus_area_page_shows_actions_with_status_and_links_to_organisations(
    client, region, focus_area
):
    lead = OrganisationFactory(region=region, name="Kaakkois-Suomen ELY-keskus", slug="ely")
    partner = OrganisationFactory(region=region, name="Ohjaamo Kotka", slug="ohjaamo-kotka")
    action = ActionFactory(
        focus_area=focus_area,
        title="Ohjaamojen koordinaatiotoiminta",
        lead_organisation=lead,
        responsible_note="ELO-työryhmä",
        start_date=dt.date(2021, 1, 1),
    )
    action.responsible_organisations.add(partner)
    ActionFactory(focus_area=focus_area, title="Verkkopalvelun uudistus", status="planned")

    response = client.get(focus_area.get_absolute_url())

    assertContains(response, "Toimenpiteet, vastuutahot ja seuranta")
    assertContains(response, "Ohjaamojen koordinaatiotoiminta")
    assertContains(response, "Käynnissä")
    assertContains(response, "Suunniteltu")
    assertContains(
        response,
        f'<a href="{lead.get_absolute_url()}">Kaakkois-Suomen ELY-keskus</a> (vetovastuu)',
    )
    assertContains(response, f'<a href="{partner.get_absolute_url()}">Ohjaamo Kotka</a>')
    assertContains(response, "ELO-työryhmä")
    assertContains(response, "1.1.2021")


def test_focus_area_page_shows_linked_indicators_with_their_yearly_values(client, focus_area):
    measured = IndicatorFactory(strategy=focus_area.strategy, title="Työllisyysaste")
    measured.focus_areas.add(focus_area)
    IndicatorValueFactory(indicator=measured, year=2021, value="71.3", source="Tilastokeskus")
    unmeasured = IndicatorFactory(strategy=focus_area.strategy, title="Koulutustaso")
    unmeasured.focus_areas.add(focus_area)
    IndicatorFactory(strategy=focus_area.strategy, title="Yritysten kasvu")

    response = client.get(focus_area.get_absolute_url())

    assertContains(response, "<caption", count=1)
    assertContains(response, "Vuosittaiset arvot: Työllisyysaste")
    assertContains(response, '<th scope="row">2021</th>', html=True)
    assertContains(response, "71,3\u00a0%")
    assertContains(response, "Tilastokeskus")
    assertContains(response, "Koulutustaso")
    assertContains(response, "Ei arvoja vielä.")
    assertNotContains(response, "Yritysten kasvu")


def test_focus_area_page_names_the_national_strategy_goals_it_links_to(client, focus_area):
    focus_area.national_goals.add(
        NationalGoalFactory(number=1, title="Saavutettavasti ja asiakaslähtöisesti")
    )

    response = client.get(focus_area.get_absolute_url())

    assertContains(response, "Valtakunnallisen strategian tavoitteet")
    assertContains(response, "Saavutettavasti ja asiakaslähtöisesti")


def test_focus_area_page_names_the_national_key_measures_it_links_to(client, focus_area):
    # The migrations' measure 3.
    focus_area.key_measures.add(KeyMeasureFactory(number=3))

    response = client.get(focus_area.get_absolute_url())

    assertContains(
        response,
        f'href="{reverse("strategy:national_strategy")}#toimenpide-3">'
        "Urasuunnittelutaitojen kehittäminen ja työssäolevien proaktiivinen ohjaus</a>",
        html=False,
    )


def test_focus_area_page_lists_its_events(client, region, focus_area):
    event = EventFactory(region=region, title="Kaakon OPO-tiimi")
    event.focus_areas.add(focus_area)
    EventFactory(region=region, title="Muu tapahtuma")

    response = client.get(focus_area.get_absolute_url())

    assertContains(response, "Kaakon OPO-tiimi")
    assertContains(response, "26.5.2021")
    assertNotContains(response, "Muu tapahtuma")


def test_focus_area_page_answers_404_for_an_unknown_number(client, focus_area):
    assert client.get(focus_area_url("kaakkois-suomi", 9)).status_code == 404


def test_focus_area_page_answers_404_for_an_unknown_region(client, focus_area):
    assert client.get(focus_area_url("ei-ole", 1)).status_code == 404


def test_focus_area_page_answers_404_for_a_number_only_an_earlier_version_has(
    client, region, focus_area
):
    old = StrategyFactory(region=region, version=0, is_current=False)
    FocusAreaFactory(strategy=old, number=6)

    assert client.get(focus_area_url(region.slug, 6)).status_code == 404


def test_focus_area_page_answers_404_for_a_number_only_another_region_has(client, focus_area):
    other = FocusAreaFactory(strategy__region=RegionFactory(), number=7)

    assert client.get(focus_area_url("kaakkois-suomi", 7)).status_code == 404
    assert client.get(other.get_absolute_url()).status_code == 200


def add_focus_area_rows(focus_area, count):
    region = focus_area.strategy.region
    for _ in range(count):
        action = ActionFactory(
            focus_area=focus_area, lead_organisation=OrganisationFactory(region=region)
        )
        action.responsible_organisations.add(*OrganisationFactory.create_batch(2, region=region))
        GoalFactory(focus_area=focus_area)
        indicator = IndicatorFactory(strategy=focus_area.strategy)
        indicator.focus_areas.add(focus_area)
        IndicatorValueFactory.create_batch(2, indicator=indicator)
        focus_area.national_goals.add(NationalGoalFactory())
        focus_area.key_measures.add(KeyMeasureFactory())
        event = EventFactory(region=region)
        event.focus_areas.add(focus_area)


def test_focus_area_page_query_count_does_not_grow_with_rows(
    client, focus_area, django_assert_num_queries
):
    url = focus_area.get_absolute_url()
    add_focus_area_rows(focus_area, 2)
    # region, focus area with its strategy and action count, goals, national goals, key
    # measures, indicators, indicator values, a page of actions with lead organisations, responsible
    # organisations, the upcoming events, the latest past events (10, not 9: the events
    # are two bounded lists now, no longer every event of the area)
    with django_assert_num_queries(11):
        assert client.get(url).status_code == 200

    add_focus_area_rows(focus_area, 6)
    with django_assert_num_queries(11):
        assert client.get(url).status_code == 200


def test_focus_area_page_shows_the_latest_events_and_links_to_the_rest(client, region, focus_area):
    for day in range(1, 13):
        event = EventFactory(
            region=region, title=f"Tapahtuma {day}", starts_on=dt.date(2021, 3, day)
        )
        event.focus_areas.add(focus_area)

    response = client.get(focus_area.get_absolute_url())

    assertContains(response, "Tapahtuma 12")
    assertContains(response, "Tapahtuma 3<")
    assertNotContains(response, "Tapahtuma 2<")
    events_url = reverse("events:event_list", kwargs={"region": region.slug})
    assertContains(response, f'href="{events_url}?focus_area={focus_area.pk}"')
