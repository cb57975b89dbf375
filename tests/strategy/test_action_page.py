"""A plan action's page: the organisations' accepted work that carries it out, with a
roll-up, and the coordinator's list of actions no one has reported on this year."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from portal.review import ReviewStatus
from strategy import revisions
from strategy.rollup import ActionRollUp
from tests.factories import (
    ActionFactory,
    FocusAreaFactory,
    GuidanceActionFactory,
    OrganisationFactory,
    ProgressUpdateFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db

ACCEPTED = ReviewStatus.ACCEPTED


@pytest.fixture
def plan_action(focus_area):
    return ActionFactory(focus_area=focus_area, title="Ohjaamot jalkautuvat kouluihin")


def page(action, region="kaakkois-suomi"):
    return reverse("strategy:action_detail", args=[region, action.pk])


def carried_out_by(action, organisation, **fields):
    entry = GuidanceActionFactory(organisation=organisation, **fields)
    entry.plan_actions.add(action)
    return entry


def test_the_page_lists_the_accepted_work_with_its_latest_accepted_update(
    client, plan_action, kotka, lut
):
    entry = carried_out_by(
        plan_action, kotka, title="Kouluvierailut", year=2021, review_status=ACCEPTED
    )
    ProgressUpdateFactory(action=entry, date=dt.date(2021, 3, 1), note="Kevään kierros")
    ProgressUpdateFactory(action=entry, date=dt.date(2021, 9, 1), note="Syksyn kierros")
    ProgressUpdateFactory(
        action=entry,
        date=dt.date(2021, 11, 1),
        note="Odottaa tarkastusta",
        review_status=ReviewStatus.SUBMITTED,
    )
    carried_out_by(plan_action, lut, title="Luonnos kirjauksesta")

    response = client.get(page(plan_action))

    assert response.status_code == 200
    assertContains(response, "Ohjaamot jalkautuvat kouluihin")
    assertContains(response, "Kouluvierailut")
    assertContains(response, "Syksyn kierros")
    assertNotContains(response, "Kevään kierros")
    assertNotContains(response, "Odottaa tarkastusta")
    assertNotContains(response, "Luonnos kirjauksesta")


def test_the_roll_up_counts_organisations_entries_by_status_and_the_latest_update(
    client, plan_action, kotka, lut
):
    first = carried_out_by(plan_action, kotka, title="A", review_status=ACCEPTED, status="done")
    carried_out_by(plan_action, kotka, title="B", review_status=ACCEPTED, status="ongoing")
    third = carried_out_by(plan_action, lut, title="C", review_status=ACCEPTED, status="done")
    ProgressUpdateFactory(action=first, date=dt.date(2021, 3, 1))
    ProgressUpdateFactory(action=third, date=dt.date(2022, 5, 4))

    roll_up = client.get(page(plan_action)).context["roll_up"]

    assert roll_up == ActionRollUp(
        organisation_count=2,
        entry_count=3,
        by_status=[("Käynnissä", "ongoing", 1), ("Toteutettu", "done", 2)],
        latest_update=dt.date(2022, 5, 4),
    )


def test_the_page_query_count_does_not_grow_with_entries(
    client, plan_action, region, django_assert_num_queries
):
    def add_rows(count):
        for _ in range(count):
            entry = carried_out_by(
                plan_action, OrganisationFactory(region=region), review_status=ACCEPTED
            )
            ProgressUpdateFactory(action=entry)
            ProgressUpdateFactory(action=entry, date=dt.date(2022, 1, 1))

    add_rows(2)
    # region, the action with its focus area, strategy and lead, its responsible
    # organisations, the entries with their organisations, their accepted updates
    with django_assert_num_queries(5):
        assert client.get(page(plan_action)).status_code == 200
    add_rows(6)
    with django_assert_num_queries(5):
        response = client.get(page(plan_action))
    assert len(response.context["entries"]) == 8


def test_an_action_of_another_region_answers_404(client, etela_savo):
    other = ActionFactory(focus_area=FocusAreaFactory(strategy=StrategyFactory(region=etela_savo)))

    assert client.get(page(other)).status_code == 404


def test_an_action_of_a_draft_is_shown_to_the_coordinator_only(
    client, client_of, coordinator, strategy, plan_action
):
    draft = revisions.start_revision(strategy, "tarkistus", coordinator)
    copy = draft.focus_areas.get().actions.get()

    assert client.get(page(copy)).status_code == 404
    assert client_of(coordinator).get(page(copy)).status_code == 200


def test_the_focus_area_page_links_its_actions_pages(client, focus_area, plan_action):
    assertContains(client.get(focus_area.get_absolute_url()), page(plan_action))


def test_the_entry_page_links_the_plan_actions_it_carries_out(client, plan_action, kotka):
    entry = carried_out_by(plan_action, kotka, review_status=ACCEPTED)

    assertContains(client.get(entry.get_absolute_url()), page(plan_action))


# --- Not reported this year ----------------------------------------------------------------


def unreported_url(region="kaakkois-suomi"):
    return reverse("editor:unreported_actions", args=[region])


def test_the_coordinator_sees_the_actions_no_one_reported_on_this_year(
    client_of, coordinator, focus_area, kotka, region
):
    year = timezone.localdate().year
    reported = ActionFactory(focus_area=focus_area, title="Raportoitu")
    last_year = ActionFactory(focus_area=focus_area, title="Viime vuonna")
    only_draft = ActionFactory(focus_area=focus_area, title="Vain luonnos")
    silent = ActionFactory(focus_area=focus_area, title="Hiljainen")
    carried_out_by(reported, kotka, year=year, title="1", review_status=ReviewStatus.SUBMITTED)
    carried_out_by(last_year, kotka, year=year - 1, title="2", review_status=ACCEPTED)
    carried_out_by(only_draft, kotka, year=year, title="3")

    response = client_of(coordinator).get(unreported_url())

    assert response.status_code == 200
    assert [a.title for a in response.context["actions"]] == [
        last_year.title,
        only_draft.title,
        silent.title,
    ]


def test_the_unreported_list_query_count_does_not_grow_with_rows(
    client_of, coordinator, focus_area, django_assert_num_queries
):
    client = client_of(coordinator)
    for _ in range(2):
        ActionFactory(focus_area=focus_area)
    # user, the session's roles and the region, the versions, the actions with their focus
    # area and lead, their responsible organisations
    with django_assert_num_queries(6) as before:
        client.get(unreported_url())
    for _ in range(6):
        ActionFactory(focus_area=focus_area)
    with django_assert_num_queries(len(before.captured_queries)):
        assert len(client.get(unreported_url()).context["actions"]) == 8


def test_the_editor_overview_links_the_unreported_list(client_of, coordinator, strategy):
    response = client_of(coordinator).get(reverse("editor:home", args=["kaakkois-suomi"]))

    assertContains(response, unreported_url())
