"""The editor's overview of the plan, and the edit links on the public pages."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from portal import closed_years
from tests.factories import (
    ActionFactory,
    ClosedYearFactory,
    FocusAreaFactory,
    GoalFactory,
    IndicatorValueFactory,
)

pytestmark = pytest.mark.django_db


def editor_home(region):
    return reverse("editor:home", kwargs={"region": region.slug})


def test_the_overview_shows_the_plan_with_links_to_every_edit(coordinator_client, region, plan):
    response = coordinator_client.get(editor_home(region))

    for text in (
        "OHJAUSPALVELUN SAAVUTETTAVUUS",
        "Ensimmäinen",
        "Ohjaamo Kotka",
        "Työllisyysaste",
        reverse("editor:strategy_edit", kwargs={"region": region.slug}),
        reverse("editor:focus_area_add", kwargs={"region": region.slug}),
        reverse("editor:indicator_add", kwargs={"region": region.slug}),
        reverse("editor:new_revision", kwargs={"region": region.slug}),
        reverse("editor:feed", kwargs={"region": region.slug}),
        reverse("strategy:version_detail", kwargs={"region": region.slug, "version": 1}),
        'src="/static/vendor/htmx.min.js"',
    ):
        assertContains(response, text)


def test_the_overview_query_count_does_not_grow_with_rows(
    coordinator_client, region, plan, django_assert_num_queries
):
    # user (the session is cached), region, roles, strategy (permission), focus areas
    # with their action counts, then the shown one's national goals, key measures, goals, a page of
    # actions with lead, responsible organisations; indicators, values, indicator focus
    # areas; versions; the region's closed years
    expected = 15
    with django_assert_num_queries(expected):
        assert coordinator_client.get(editor_home(region)).status_code == 200

    focus_area = plan["focus_area"]
    GoalFactory.create_batch(3, focus_area=focus_area)
    for action in ActionFactory.create_batch(4, focus_area=focus_area):
        action.responsible_organisations.set([plan["organisation"]])
    IndicatorValueFactory(indicator=plan["indicator"], year=2023)
    with django_assert_num_queries(expected):
        assert coordinator_client.get(editor_home(region)).status_code == 200


def test_a_region_without_a_strategy_shows_a_notice_to_its_coordinator(client, region, coordinator):
    client.force_login(coordinator)

    response = client.get(editor_home(region))

    assertContains(response, "Alueella ei ole vielä voimassa olevaa strategiaa.")


def test_the_public_pages_show_the_edit_link_to_the_coordinator_only(
    client, coordinator, editor, region, plan
):
    pages = [
        reverse("strategy:region_home", kwargs={"region": region.slug}),
        plan["focus_area"].get_absolute_url(),
    ]
    for page in pages:
        assertNotContains(client.get(page), editor_home(region))

    client.force_login(editor)
    for page in pages:
        assertNotContains(client.get(page), editor_home(region))

    client.force_login(coordinator)
    for page in pages:
        assertContains(client.get(page), editor_home(region))


def test_the_overview_shows_one_focus_area_at_a_time_with_tabs_to_the_others(
    coordinator_client, region, plan
):
    other = FocusAreaFactory(strategy=plan["strategy"], number=2, title="TOINEN ALUE")
    ActionFactory(focus_area=other, title="Toisen alueen toimenpide")

    first_tab = coordinator_client.get(editor_home(region))
    second_tab = coordinator_client.get(editor_home(region) + "?painopiste=2")

    assertContains(first_tab, "Ensimmäinen")
    assertNotContains(first_tab, "Toisen alueen toimenpide")
    assertContains(first_tab, f'href="{editor_home(region)}?painopiste=2#painopiste-{other.pk}"')
    assertContains(second_tab, "Toisen alueen toimenpide")
    assertNotContains(second_tab, "Ensimmäinen")
    assertContains(
        second_tab,
        f'href="{editor_home(region)}?painopiste=2#painopiste-{other.pk}" aria-current="page"',
    )


def test_a_long_focus_area_lists_its_actions_a_page_at_a_time(
    coordinator_client, region, plan, settings
):
    settings.PAGE_SIZE = 2

    first_page = coordinator_client.get(editor_home(region))
    second_page = coordinator_client.get(editor_home(region) + "?painopiste=1&page=2")

    assertContains(first_page, "Toinen")
    assertNotContains(first_page, "Kolmas")
    assertContains(second_page, "Kolmas")
    assertNotContains(second_page, "Ensimmäinen")
    # The last action of the area cannot move down; the first of page 2 can move up.
    assertContains(second_page, 'value="up" class="button-small"')


def test_a_value_of_a_closed_year_offers_reopening_not_edit_links(coordinator_client, region, plan):
    closed = IndicatorValueFactory(indicator=plan["indicator"], year=2021)
    open_value = IndicatorValueFactory(indicator=plan["indicator"], year=2024)
    reopened = IndicatorValueFactory(indicator=plan["indicator"], year=2020)
    ClosedYearFactory(region=region, year=2021)
    ClosedYearFactory(region=region, year=2020)
    closed_years.reopen(reopened, None, "Tilastokeskus korjasi luvun")

    page = coordinator_client.get(editor_home(region))

    def edit(value):
        return reverse("editor:indicator_value_edit", args=[region.slug, value.pk])

    assertNotContains(page, edit(closed))
    assertContains(page, reverse("review:reopen_entry", args=[region.slug, "value", closed.pk]))
    assertContains(page, edit(open_value))
    assertContains(page, edit(reopened))
