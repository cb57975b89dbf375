"""Actions move up and down within their focus area and change status in place."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertTemplateUsed

from strategy import services
from strategy.models import Action

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def titles_in_order(focus_area):
    return list(Action.objects.filter(focus_area=focus_area).values_list("title", flat=True))


def move_url(region, action):
    return reverse("editor:action_move", kwargs={"region": region.slug, "pk": action.pk})


def status_url(region, action):
    return reverse("editor:action_status", kwargs={"region": region.slug, "pk": action.pk})


def test_moving_an_action_up_swaps_it_with_the_one_before(coordinator_client, region, plan):
    third = plan["actions"][2]

    response = coordinator_client.post(move_url(region, third), {"direction": "up"})

    assert response.status_code == 302
    assert response["Location"].endswith(f"#toimenpide-{third.pk}")
    assert titles_in_order(plan["focus_area"]) == ["Ensimmäinen", "Kolmas", "Toinen"]


def test_moving_an_action_down_swaps_it_with_the_one_after(coordinator_client, region, plan):
    coordinator_client.post(move_url(region, plan["actions"][0]), {"direction": "down"})

    assert titles_in_order(plan["focus_area"]) == ["Toinen", "Ensimmäinen", "Kolmas"]


def test_moving_the_first_action_up_changes_nothing(coordinator_client, region, plan):
    first = plan["actions"][0]

    response = coordinator_client.post(move_url(region, first), {"direction": "up"}, follow=True)

    assertContains(response, "Toimenpidettä ei voi siirtää")
    assert titles_in_order(plan["focus_area"]) == ["Ensimmäinen", "Toinen", "Kolmas"]
    assert list(Action.objects.order_by("position").values_list("position", flat=True)) == [
        0,
        1,
        2,
    ]


def test_move_renumbers_positions_left_with_gaps_and_ties(region, plan):
    first, second, third = plan["actions"]
    Action.objects.filter(pk=first.pk).update(position=5)
    Action.objects.filter(pk=second.pk).update(position=5)
    Action.objects.filter(pk=third.pk).update(position=9)

    assert services.move_action(third, "up") is True

    assert list(
        Action.objects.filter(focus_area=plan["focus_area"]).values_list("title", "position")
    ) == [("Ensimmäinen", 0), ("Kolmas", 1), ("Toinen", 2)]


def test_with_htmx_the_move_answers_with_the_focus_areas_list_only(
    coordinator_client, region, plan
):
    response = coordinator_client.post(
        move_url(region, plan["actions"][1]), {"direction": "up"}, **HTMX
    )

    assert response.status_code == 200
    assertTemplateUsed(response, "strategy/editor/includes/action_list.html")
    assertTemplateUsed(response, "strategy/editor/includes/action_row.html")
    assert b"<html" not in response.content
    content = response.content.decode()
    assert f'id="toimenpiteet-{plan["focus_area"].pk}"' in content
    assert content.index("Toinen") < content.index("Ensimmäinen")
    assert titles_in_order(plan["focus_area"]) == ["Toinen", "Ensimmäinen", "Kolmas"]


def test_an_unknown_direction_is_a_bad_request(coordinator_client, region, plan):
    response = coordinator_client.post(move_url(region, plan["actions"][1]), {"direction": "x"})

    assert response.status_code == 400
    assert titles_in_order(plan["focus_area"]) == ["Ensimmäinen", "Toinen", "Kolmas"]


def test_the_status_changes_inline_without_javascript(coordinator_client, region, plan):
    action = plan["actions"][1]

    response = coordinator_client.post(status_url(region, action), {"status": "done"}, follow=True)

    action.refresh_from_db()
    assert action.status == Action.Status.DONE
    assertContains(response, "Toinen")
    assertContains(response, "tila on nyt Toteutettu")


def test_with_htmx_the_status_change_answers_with_the_row_only(coordinator_client, region, plan):
    action = plan["actions"][0]

    response = coordinator_client.post(status_url(region, action), {"status": "postponed"}, **HTMX)

    assert response.status_code == 200
    assertTemplateUsed(response, "strategy/editor/includes/action_row.html")
    assertContains(response, f'id="toimenpide-{action.pk}"')
    assertContains(response, '<option value="postponed" selected>', html=False)
    assertContains(response, "Ohjaamo Kotka")
    action.refresh_from_db()
    assert action.status == Action.Status.POSTPONED


def test_an_unknown_status_is_a_bad_request_and_changes_nothing(coordinator_client, region, plan):
    action = plan["actions"][0]

    response = coordinator_client.post(status_url(region, action), {"status": "forgotten"})

    assert response.status_code == 400
    action.refresh_from_db()
    assert action.status == Action.Status.ONGOING
