"""The national strategy's page: each goal and key measure with the regions' focus areas that
link to it, from the current version of each region's strategy only."""

import datetime as dt

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from strategy.models import KeyMeasure, NationalGoal
from tests.factories import FocusAreaFactory, RegionFactory, StrategyFactory

pytestmark = pytest.mark.django_db

URL = reverse("strategy:national_strategy")


def linked_area(region, number, title, *, goals=(), measures=(), **strategy_fields):
    strategy = StrategyFactory(region=region, **strategy_fields)
    area = FocusAreaFactory(strategy=strategy, number=number, title=title)
    area.national_goals.set(goals)
    area.key_measures.set(measures)
    return area


def test_a_visitor_reads_the_six_goals_and_nine_key_measures_the_migrations_wrote(client):
    response = client.get(URL)

    assert response.status_code == 200
    national = response.context["national"]
    assert [goal.number for goal in national.goals.all()] == [1, 2, 3, 4, 5, 6]
    assert [measure.number for measure in national.key_measures.all()] == list(range(1, 10))
    assertContains(response, "Yhdenvertaisesti ja kestävästi")
    assertContains(response, "Ohjauksen laadun ja strategian toteutumisen seuranta")
    assertContains(response, 'class="status status--unknown"', count=2)


def test_each_goal_and_measure_lists_the_focus_areas_of_every_region_that_link_to_it(client):
    quality = NationalGoal.objects.get(number=2)
    monitoring = KeyMeasure.objects.get(number=9)
    kaselo = RegionFactory(name="Kaakkois-Suomi", slug="kaakkois-suomi")
    savo = RegionFactory(name="Etelä-Savo", slug="etela-savo")
    ours = linked_area(kaselo, 3, "OHJAUKSEN LAADUN KEHITTÄMINEN", goals=[quality])
    theirs = linked_area(savo, 1, "TIEDOLLA JOHTAMINEN", measures=[monitoring])

    response = client.get(URL)

    national = response.context["national"]
    by_goal = {goal.number: goal.goal_focus_areas for goal in national.goals.all()}
    by_measure = {m.number: m.measure_focus_areas for m in national.key_measures.all()}
    assert by_goal[2] == [ours]
    assert by_measure[9] == [theirs]
    assert by_goal[1] == []
    assertContains(response, reverse("strategy:focus_area_detail", args=["etela-savo", 1]))


def test_drafts_and_earlier_versions_are_left_out(client):
    quality = NationalGoal.objects.get(number=2)
    kaselo = RegionFactory(name="Kaakkois-Suomi", slug="kaakkois-suomi")
    current = linked_area(kaselo, 1, "NYKYINEN", goals=[quality])
    linked_area(
        kaselo,
        1,
        "VANHA",
        goals=[quality],
        version=2,
        is_current=False,
        published_on=dt.date(2021, 4, 14),
    )
    linked_area(
        kaselo, 1, "LUONNOS", goals=[quality], version=3, is_current=False, published_on=None
    )

    response = client.get(URL)

    goals = {goal.number: goal for goal in response.context["national"].goals.all()}
    assert goals[2].goal_focus_areas == [current]
    assertNotContains(response, "LUONNOS")
    assertNotContains(response, "VANHA")


def test_the_page_is_linked_from_the_main_navigation(client):
    kaselo = RegionFactory(name="Kaakkois-Suomi", slug="kaakkois-suomi")
    StrategyFactory(region=kaselo)

    response = client.get(reverse("strategy:region_home", args=["kaakkois-suomi"]))

    assertContains(response, f'href="{URL}"')


def add_links(count):
    goals = list(NationalGoal.objects.all())
    measures = list(KeyMeasure.objects.all())
    for _ in range(count):
        strategy = StrategyFactory(region=RegionFactory())
        for number in (1, 2):
            area = FocusAreaFactory(strategy=strategy, number=number)
            area.national_goals.set(goals)
            area.key_measures.set(measures)


def test_the_query_count_does_not_grow_with_regions_and_links(client, django_assert_num_queries):
    # The national strategy, its goals, their focus areas (strategy and region joined), the
    # key measures, their goals, their focus areas.
    add_links(1)
    with django_assert_num_queries(6):
        assert client.get(URL).status_code == 200

    add_links(4)
    with django_assert_num_queries(6):
        assert client.get(URL).status_code == 200
