"""Who may open the editor's pages: one table of persona, page, method and answer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# (url name, how its arguments come from the plan, method, what it is)
PAGES = [
    ("home", lambda p: {}, "get", "edit"),
    ("strategy_edit", lambda p: {}, "get", "edit"),
    ("new_revision", lambda p: {}, "get", "edit"),
    ("focus_area_add", lambda p: {}, "get", "edit"),
    ("focus_area_edit", lambda p: {"pk": p["focus_area"].pk}, "get", "edit"),
    ("focus_area_delete", lambda p: {"pk": p["focus_area"].pk}, "get", "edit"),
    ("goal_add", lambda p: {"focus_area": p["focus_area"].pk}, "get", "edit"),
    ("goal_edit", lambda p: {"pk": p["goals"][0].pk}, "get", "edit"),
    ("goal_delete", lambda p: {"pk": p["goals"][0].pk}, "get", "edit"),
    ("action_add", lambda p: {"focus_area": p["focus_area"].pk}, "get", "edit"),
    ("action_edit", lambda p: {"pk": p["actions"][0].pk}, "get", "edit"),
    ("action_delete", lambda p: {"pk": p["actions"][0].pk}, "get", "edit"),
    ("action_move", lambda p: {"pk": p["actions"][1].pk}, "post", "edit"),
    ("action_status", lambda p: {"pk": p["actions"][1].pk}, "post", "edit"),
    ("indicator_add", lambda p: {}, "get", "edit"),
    ("indicator_edit", lambda p: {"pk": p["indicator"].pk}, "get", "edit"),
    ("indicator_delete", lambda p: {"pk": p["indicator"].pk}, "get", "edit"),
    ("indicator_value_add", lambda p: {"indicator": p["indicator"].pk}, "get", "edit"),
    ("indicator_value_edit", lambda p: {"pk": p["value"].pk}, "get", "edit"),
    ("indicator_value_delete", lambda p: {"pk": p["value"].pk}, "get", "edit"),
    ("feed", lambda p: {}, "get", "history"),
    ("history", lambda p: {"kind": "action", "pk": p["actions"][0].pk}, "get", "history"),
]

POST_DATA = {"action_move": {"direction": "up"}, "action_status": {"status": "done"}}


def expected_status(persona, method, kind):
    if persona == "visitor":
        return 302
    if persona == "coordinator_of_other_region":
        return 404
    if persona == "editor":
        return 403
    if persona == "national_team":
        return 200 if kind == "history" else 403
    return 302 if method == "post" else 200


PERSONAS = ["visitor", "editor", "coordinator_of_other_region", "national_team", "coordinator"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "arguments", "method", "kind"), PAGES, ids=[p[0] for p in PAGES])
def test_editor_page_answers_each_persona_as_the_permission_matrix_says(
    request, client, region, plan, persona, name, arguments, method, kind
):
    if persona != "visitor":
        client.force_login(request.getfixturevalue(persona))
    url = reverse(f"editor:{name}", kwargs={"region": region.slug, **arguments(plan)})

    response = getattr(client, method)(url, POST_DATA.get(name, {}))

    assert response.status_code == expected_status(persona, method, kind)
    if persona == "visitor":
        assert response["Location"].startswith(reverse("account_login"))


def test_an_object_of_another_region_answers_404_to_the_coordinator(
    coordinator_client, region, plan
):
    from tests.factories import ActionFactory, RegionFactory, StrategyFactory

    elsewhere = ActionFactory(
        focus_area__strategy=StrategyFactory(region=RegionFactory(name="Kainuu", slug="kainuu"))
    )
    for name in ("action_edit", "action_delete"):
        url = reverse(f"editor:{name}", kwargs={"region": region.slug, "pk": elsewhere.pk})
        assert coordinator_client.get(url).status_code == 404
    url = reverse("editor:action_status", kwargs={"region": region.slug, "pk": elsewhere.pk})
    assert coordinator_client.post(url, {"status": "done"}).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == "ongoing"


def test_the_move_and_status_endpoints_refuse_get(coordinator_client, region, plan):
    for name in ("action_move", "action_status"):
        url = reverse(f"editor:{name}", kwargs={"region": region.slug, "pk": plan["actions"][0].pk})
        assert coordinator_client.get(url).status_code == 405
