"""The editor's deletes say what they take, refuse to cut entries' links, and can be undone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from strategy.models import Action, FocusArea, Goal, Indicator, IndicatorValue
from tests.factories import (
    ActionFactory,
    GoalFactory,
    GoodPracticeFactory,
    GuidanceActionFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def delete_url(region, name, obj):
    return reverse(f"editor:{name}_delete", kwargs={"region": region.slug, "pk": obj.pk})


def history_url(region, kind, pk):
    return reverse("editor:history", kwargs={"region": region.slug, "kind": kind, "pk": pk})


def restore_url(region, kind, pk):
    return reverse("editor:restore", kwargs={"region": region.slug, "kind": kind, "pk": pk})


# --- What the confirmation page lists ------------------------------------------------------


def test_the_focus_area_page_lists_what_goes_and_the_numbers_are_what_goes(
    coordinator_client, region, plan
):
    focus_area = plan["focus_area"]
    ProjectFactory(region=region).actions.set(plan["actions"][:2])
    counts_before = {
        "goals": Goal.objects.count(),
        "actions": Action.objects.count(),
        "action_goals": Action.goals.through.objects.count(),
        "projects": Action.projects.through.objects.count(),
        "indicator_links": Indicator.focus_areas.through.objects.count(),
    }

    response = coordinator_client.get(delete_url(region, "focus_area", focus_area))

    for text in (
        "2 tavoitetta",
        "3 toimenpidettä",
        "1 toimenpiteen linkki tavoitteeseen",
        "1 linkki vastuuorganisaatioon",
        "2 hankkeen linkkiä toimenpiteisiin",
        "1 mittarin linkki painopisteeseen",
    ):
        assertContains(response, f"<li>{text}</li>", html=True)
    assertContains(response, 'class="button-danger"')

    response = coordinator_client.post(delete_url(region, "focus_area", focus_area))

    assert response.status_code == 302
    assert not FocusArea.objects.filter(pk=focus_area.pk).exists()
    assert counts_before["goals"] - Goal.objects.count() == 2
    assert counts_before["actions"] - Action.objects.count() == 3
    assert counts_before["action_goals"] - Action.goals.through.objects.count() == 1
    assert counts_before["projects"] - Action.projects.through.objects.count() == 2
    assert counts_before["indicator_links"] - Indicator.focus_areas.through.objects.count() == 1


def test_a_yearly_value_says_nothing_else_goes(coordinator_client, region, plan):
    response = coordinator_client.get(delete_url(region, "indicator_value", plan["value"]))

    assertContains(response, "Sen mukana ei poisteta eikä irroteta mitään muuta.")


def test_the_confirmation_page_costs_the_same_queries_for_a_large_focus_area(
    coordinator_client, region, strategy, kotka
):
    def build(number, size):
        focus_area = strategy.focus_areas.create(number=number, title=f"Alue {number}")
        goals = GoalFactory.create_batch(size, focus_area=focus_area)
        for action in ActionFactory.create_batch(3 * size, focus_area=focus_area):
            action.goals.set(goals)
            action.responsible_organisations.set([kotka])
        return focus_area

    small, large = build(11, 1), build(12, 8)
    counts = []
    for focus_area in (small, large):
        url = delete_url(region, "focus_area", focus_area)
        with CaptureQueriesContext(connection) as queries:
            assert coordinator_client.get(url).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


# --- Refused while entries are linked ------------------------------------------------------


def test_a_focus_area_with_linked_entries_is_refused_and_stays(
    coordinator_client, region, plan, kotka
):
    focus_area, goal = plan["focus_area"], plan["goals"][0]
    for _ in range(2):
        GuidanceActionFactory(organisation=kotka).goals.set([goal])
    GuidanceActionFactory(organisation=kotka).focus_areas.set([focus_area])
    url = delete_url(region, "focus_area", focus_area)

    response = coordinator_client.get(url)

    assertContains(
        response, "Tätä ei voi poistaa: siihen on linkitetty 3 jäsenorganisaatioiden kirjausta"
    )
    assertContains(response, "3 ohjaustoimenpidettä")
    assertContains(response, "2 ohjaustoimenpiteen linkkiä tavoitteeseen")
    assertNotContains(response, 'class="button-danger"')

    response = coordinator_client.post(url)

    assert response.status_code == 409
    assertContains(response, "Tätä ei voi poistaa", status_code=409)
    assert FocusArea.objects.filter(pk=focus_area.pk).exists()
    assert Goal.objects.filter(focus_area=focus_area).count() == 2


def test_an_action_with_a_good_practice_is_refused_with_what_to_do(
    coordinator_client, region, plan
):
    action = plan["actions"][0]
    GoodPracticeFactory(region=region).actions.set([action])

    response = coordinator_client.post(delete_url(region, "action", action))

    assertContains(response, "1 hyvä käytäntö", status_code=409)
    assertContains(response, "Merkitse toimenpide sen sijaan perutuksi", status_code=409)
    assert Action.objects.filter(pk=action.pk).exists()


def test_an_unlinked_goal_is_deleted(coordinator_client, region, plan, kotka):
    GuidanceActionFactory(organisation=kotka).goals.set([plan["goals"][0]])
    free = plan["goals"][1]

    response = coordinator_client.post(delete_url(region, "goal", free))

    assert response.status_code == 302
    assert not Goal.objects.filter(pk=free.pk).exists()


# --- Restoring from the history ------------------------------------------------------------


def test_a_deleted_action_comes_back_with_its_goals_and_organisations(
    coordinator_client, coordinator, region, plan
):
    action = plan["actions"][0]
    pk, goals, organisations = (
        action.pk,
        set(action.goals.all()),
        set(action.responsible_organisations.all()),
    )
    assert goals
    assert organisations
    coordinator_client.post(delete_url(region, "action", action))
    assert not Action.objects.filter(pk=pk).exists()

    page = coordinator_client.get(history_url(region, "action", pk))
    assertContains(page, f'action="{restore_url(region, "action", pk)}"')
    assertContains(page, "Palauta</button>")

    response = coordinator_client.post(restore_url(region, "action", pk))

    assert response.status_code == 302
    restored = Action.objects.get(pk=pk)
    assert restored.title == "Ensimmäinen"
    assert set(restored.goals.all()) == goals
    assert set(restored.responsible_organisations.all()) == organisations
    latest = restored.history.first()
    assert (latest.history_type, latest.history_user) == ("+", coordinator)
    assert [r.history_type for r in restored.history.all()][:2] == ["+", "-"]
    page = coordinator_client.get(history_url(region, "action", pk))
    assertContains(page, "Palautettu")
    assertNotContains(page, "Palauta</button>")


def test_a_focus_area_comes_back_with_the_goals_and_actions_deleted_with_it(
    coordinator_client, region, plan
):
    focus_area = plan["focus_area"]
    earlier = plan["actions"][2]
    coordinator_client.post(delete_url(region, "action", earlier))  # deleted on its own before
    coordinator_client.post(delete_url(region, "focus_area", focus_area))
    assert not Goal.objects.filter(pk__in=[g.pk for g in plan["goals"]]).exists()

    response = coordinator_client.post(restore_url(region, "focusarea", focus_area.pk))

    assert response.status_code == 302
    restored = FocusArea.objects.get(pk=focus_area.pk)
    assert {g.pk for g in restored.goals.all()} == {g.pk for g in plan["goals"]}
    assert {a.pk for a in restored.actions.all()} == {a.pk for a in plan["actions"][:2]}
    first = Action.objects.get(pk=plan["actions"][0].pk)
    assert list(first.goals.all()) == plan["goals"][:1]
    assert not Action.objects.filter(pk=earlier.pk).exists()


def test_an_indicator_comes_back_with_its_values(coordinator_client, region, plan):
    indicator = plan["indicator"]
    coordinator_client.post(delete_url(region, "indicator", indicator))

    coordinator_client.post(restore_url(region, "indicator", indicator.pk))

    restored = Indicator.objects.get(pk=indicator.pk)
    assert list(restored.focus_areas.all()) == [plan["focus_area"]]
    assert IndicatorValue.objects.filter(pk=plan["value"].pk, indicator=restored).exists()


def test_a_goal_whose_focus_area_is_gone_asks_to_restore_the_focus_area_first(
    coordinator_client, region, plan
):
    goal = plan["goals"][0]
    coordinator_client.post(delete_url(region, "focus_area", plan["focus_area"]))

    response = coordinator_client.post(restore_url(region, "goal", goal.pk), follow=True)

    assertContains(response, "Palauta ensin painopiste")
    assert not Goal.objects.filter(pk=goal.pk).exists()


def test_an_object_that_exists_is_not_restored(coordinator_client, region, plan):
    action = plan["actions"][0]
    records = action.history.count()

    response = coordinator_client.post(restore_url(region, "action", action.pk), follow=True)

    assertContains(response, "Se on olemassa: palautettavaa ei ole.")
    assert action.history.count() == records


def test_another_regions_coordinator_gets_404_and_restores_nothing(
    client_of, coordinator, coordinator_of_other_region, region, plan
):
    action = plan["actions"][0]
    client_of(coordinator).post(delete_url(region, "action", action))

    response = client_of(coordinator_of_other_region).post(restore_url(region, "action", action.pk))

    assert response.status_code == 404
    assert not Action.objects.filter(pk=action.pk).exists()


def test_an_organisations_editor_may_not_restore(client_of, coordinator, editor, region, plan):
    action = plan["actions"][0]
    client_of(coordinator).post(delete_url(region, "action", action))

    response = client_of(editor).post(restore_url(region, "action", action.pk))

    assert response.status_code in (403, 404)
    assert not Action.objects.filter(pk=action.pk).exists()
