"""The home page presents the region's current strategy, upcoming events and indicators."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    EventFactory,
    FocusAreaFactory,
    GoalFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OrganisationFactory,
    RegionFactory,
    RegionProfileFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


def home_url(region):
    return reverse("strategy:region_home", kwargs={"region": region.slug})


def test_the_root_page_presents_the_default_region(client, settings, focus_area):
    settings.DEFAULT_REGION_SLUG = focus_area.strategy.region.slug

    response = client.get(reverse("strategy:home"))

    assertContains(response, "Muutoskyvykäs ELO-verkosto yhteistyössä asiakkaan parhaaksi")
    assertContains(response, "OHJAUSPALVELUN SAAVUTETTAVUUS")


def test_the_root_page_answers_404_when_the_default_region_does_not_exist(client, settings):
    settings.DEFAULT_REGION_SLUG = "ei-ole"

    assert client.get(reverse("strategy:home")).status_code == 404


def test_home_page_shows_vision_values_overall_goal_and_objectives_in_finnish(client, region):
    StrategyFactory(
        region=region,
        values_statement="Arvomme ohjaavat yhteistyötä.",
        objectives="Palvelujen saatavuus paranee.",
    )

    response = client.get(home_url(region))

    assertContains(response, '<html lang="fi">')
    # The region is the migrated one (network.reference), with its real network name.
    assertContains(response, "<h1>Kaakkois-Suomen ELO-verkosto</h1>", html=True)
    for text in (
        "Visio",
        "Muutoskyvykäs ELO-verkosto yhteistyössä asiakkaan parhaaksi",
        "Arvot",
        "<li>asiakaslähtöisyys</li>",
        "<li>osaaminen</li>",
        "<li>luottamus</li>",
        "Arvomme ohjaavat yhteistyötä.",
        "Kokonaistavoite",
        "Yhteistyön tiivistäminen ja toimintojen yhteensovittaminen",
        "Palvelujen saatavuus paranee.",
        "Tapahtumat",
    ):
        assertContains(response, text)


def test_home_page_lists_the_focus_areas_with_their_goal_counts_and_links(
    client, region, focus_area
):
    GoalFactory.create_batch(3, focus_area=focus_area)
    second = FocusAreaFactory(
        strategy=focus_area.strategy, number=2, title="MONIALAISEN YHTEISTYÖN KOORDINOINTI"
    )
    GoalFactory(focus_area=second)

    response = client.get(home_url(region))

    assertContains(response, "Strategiset painopisteet")
    assertContains(response, "OHJAUSPALVELUN SAAVUTETTAVUUS")
    assertContains(response, "3 tavoitetta")
    assertContains(response, "MONIALAISEN YHTEISTYÖN KOORDINOINTI")
    assertContains(response, "1 tavoite")
    assertContains(response, f'href="{focus_area.get_absolute_url()}"')


def test_home_page_shows_only_the_current_strategy(client, region, strategy):
    old = StrategyFactory(region=region, version=0, is_current=False)
    FocusAreaFactory(strategy=old, number=1, title="VANHA PAINOPISTE")

    response = client.get(home_url(region))

    assertNotContains(response, "VANHA PAINOPISTE")


def test_home_page_lists_a_few_upcoming_events_but_no_past_ones(client, region, strategy):
    today = timezone.localdate()
    EventFactory(region=region, title="Mennyt verkostokokous", starts_on=today - dt.timedelta(1))
    for day in range(1, 8):
        EventFactory(
            region=region, title=f"Tuleva tapahtuma {day}", starts_on=today + dt.timedelta(day)
        )

    response = client.get(home_url(region))

    assertContains(response, "Tulevat tapahtumat")
    assertContains(response, "Tuleva tapahtuma 1")
    assertContains(response, "Tuleva tapahtuma 5")
    assertNotContains(response, "Tuleva tapahtuma 6")
    assertNotContains(response, "Mennyt verkostokokous")


def test_home_page_shows_each_indicator_with_its_latest_value(client, region, strategy):
    indicator = IndicatorFactory(
        strategy=strategy, title="Työllisyysaste", baseline=70, baseline_year=2020, target=75
    )
    IndicatorValueFactory(indicator=indicator, year=2021, value=71)
    IndicatorValueFactory(indicator=indicator, year=2022, value="72.5")
    IndicatorFactory(strategy=strategy, title="Keskeyttäneiden osuus")

    response = client.get(home_url(region))

    assertContains(response, "Mittarit")
    assertContains(response, '<th scope="row">Työllisyysaste</th>', html=True)
    # One number format: a percentage with one decimal, a no-break space before the unit.
    assertContains(response, "72,5\u00a0% (2022)")
    assertContains(response, "70,0\u00a0% (2020)")
    assertContains(response, "75,0\u00a0%")
    assertContains(response, '<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" role="img"')
    assertContains(response, "Keskeyttäneiden osuus")
    assertContains(response, "Ei arvoja vielä")


def test_a_region_without_a_current_strategy_gets_a_friendly_home_page(client):
    region = RegionFactory(name="Lappi", slug="lappi")
    StrategyFactory(region=region, is_current=False)

    response = client.get(home_url(region))

    assertContains(response, "Verkoston strategiaa ei ole vielä julkaistu portaalissa.")
    assertContains(response, "Ei tulevia tapahtumia.")
    # Every region's network is listed, so the visitor can go on from here.
    assertContains(response, '<a href="/etela-savo/">Etelä-Savo</a>', html=True)
    assertContains(response, '<a href="/lappi/" aria-current="page">Lappi</a>', html=True)
    # No profile yet: its section says so (no facts listed), and leads to the projects.
    assertContains(response, 'id="profile-heading"')
    assertNotContains(response, '<dl class="facts">')
    assertContains(response, 'href="/lappi/hankkeet/"')


def test_a_region_without_a_strategy_shows_its_profile_with_the_unknowns_said(client):
    region = RegionFactory(name="Keski-Suomi", slug="keski-suomi")
    organisation = OrganisationFactory(region=region, name="Keski-Suomen ELY-keskus")
    profile = RegionProfileFactory(
        region=region,
        description="ELO-ryhmä ja ELOPELTO.",
        network_history="Opin ovi -hankkeen strategiaryhmä 2009-2010.",
        group_name="ELO-ryhmä",
        meeting_rhythm="Joka toinen kuukausi",
        other_members="Studio-hanke",
    )
    profile.member_organisations.add(organisation)

    response = client.get(home_url(region))

    assertContains(response, "Verkoston strategiaa ei ole vielä julkaistu portaalissa.")
    for text in (
        "ELO-ryhmä ja ELOPELTO.",
        "Opin ovi -hankkeen strategiaryhmä 2009-2010.",
        "Joka toinen kuukausi",
        "<li>Studio-hanke</li>",
        "Keski-Suomen ELY-keskus",
    ):
        assertContains(response, text)
    # Chair, secretariat, term and web site are not given: each is said to be not known.
    assert response.content.decode().count('class="unknown"') == 4


def test_home_page_of_an_unknown_region_answers_404(client, region):
    response = client.get(reverse("strategy:region_home", kwargs={"region": "ei-ole"}))

    assert response.status_code == 404


def add_home_rows(strategy, count, first_number):
    today = timezone.localdate()
    for number in range(first_number, first_number + count):
        focus_area = FocusAreaFactory(strategy=strategy, number=number)
        GoalFactory.create_batch(2, focus_area=focus_area)
        indicator = IndicatorFactory(strategy=strategy)
        indicator.focus_areas.add(focus_area)
        IndicatorValueFactory(indicator=indicator, year=2020)
        IndicatorValueFactory(indicator=indicator, year=2021)
        EventFactory(region=strategy.region, starts_on=today + dt.timedelta(number))


def test_home_page_query_count_does_not_grow_with_rows(
    client, region, strategy, django_assert_num_queries
):
    url = home_url(region)
    add_home_rows(strategy, 2, first_number=1)
    profile = RegionProfileFactory(region=region, group_name="ELO-ryhmä")
    profile.member_organisations.add(OrganisationFactory(region=region))
    # region, strategy, its focus areas with goal counts, indicators, indicator values,
    # upcoming events, the profile and its cooperation group's organisations
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200

    add_home_rows(strategy, 6, first_number=3)
    profile.member_organisations.add(*OrganisationFactory.create_batch(3, region=region))
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200
