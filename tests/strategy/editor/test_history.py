"""Every change through the editor is recorded, with who made it, before and after."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from strategy.models import Action
from tests.factories import ActionFactory, NationalGoalFactory

pytestmark = pytest.mark.django_db


def history_url(region, kind, pk):
    return reverse("editor:history", kwargs={"region": region.slug, "kind": kind, "pk": pk})


def feed_url(region):
    return reverse("editor:feed", kwargs={"region": region.slug})


def edit_action(client, region, plan, action, **changes):
    data = {
        "title": action.title,
        "goals": [g.pk for g in action.goals.all()],
        "responsible_organisations": [o.pk for o in action.responsible_organisations.all()],
        "status": action.status,
        **changes,
    }
    return client.post(
        reverse("editor:action_edit", kwargs={"region": region.slug, "pk": action.pk}), data
    )


def test_an_edit_through_the_editor_leaves_one_record_with_the_user(
    coordinator_client, coordinator, region, plan
):
    action = plan["actions"][0]
    records_before = action.history.count()

    edit_action(
        coordinator_client,
        region,
        plan,
        action,
        title="Ohjaamojen chat",
        goals=[plan["goals"][1].pk],
    )

    assert action.history.count() == records_before + 1
    latest = action.history.first()
    assert latest.history_user == coordinator
    assert latest.title == "Ohjaamojen chat"
    assert [row.goal_id for row in latest.goals.all()] == [plan["goals"][1].pk]


def test_the_history_page_shows_before_and_after_with_translated_field_names(
    coordinator_client, coordinator, region, plan
):
    action = plan["actions"][0]
    edit_action(
        coordinator_client,
        region,
        plan,
        action,
        title="Ohjaamojen chat",
        goals=[plan["goals"][1].pk],
        lead_organisation=plan["organisation"].pk,
    )

    response = coordinator_client.get(history_url(region, "action", action.pk))

    assertContains(response, "<h1>Ohjaamojen chat</h1>", html=True)
    assertContains(response, coordinator.email)
    for cells in (
        ["Otsikko", "Ensimmäinen", "Ohjaamojen chat"],
        ["Tavoitteet", plan["goals"][0].title, plan["goals"][1].title],
        ["Vetovastuussa oleva organisaatio", "\N{EN DASH}", "Ohjaamo Kotka"],
    ):
        row = "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>".format(*cells)
        assertContains(response, row, html=True)


def test_the_history_of_a_focus_area_shows_national_goal_links(coordinator_client, region, plan):
    focus_area = plan["focus_area"]
    goal = NationalGoalFactory(number=4, title="Monialaisesti ja koordinoidusti")

    coordinator_client.post(
        reverse("editor:focus_area_edit", kwargs={"region": region.slug, "pk": focus_area.pk}),
        {"number": 1, "title": focus_area.title, "national_goals": [goal.pk]},
    )
    response = coordinator_client.get(history_url(region, "focusarea", focus_area.pk))

    assertContains(response, "Monialaisesti ja koordinoidusti")


def test_a_deleted_action_keeps_its_history(coordinator_client, region, plan):
    action = plan["actions"][2]
    coordinator_client.post(
        reverse("editor:action_delete", kwargs={"region": region.slug, "pk": action.pk})
    )

    response = coordinator_client.get(history_url(region, "action", action.pk))

    assertContains(response, "Poistettu")


def test_history_of_another_regions_object_or_an_unknown_kind_answers_404(
    coordinator_client, region, plan
):
    elsewhere = ActionFactory()

    assert coordinator_client.get(history_url(region, "action", elsewhere.pk)).status_code == 404
    assert coordinator_client.get(history_url(region, "user", 1)).status_code == 404


def test_the_feed_lists_the_regions_changes_newest_first(
    coordinator_client, coordinator, region, plan
):
    first, second, _third = plan["actions"]
    elsewhere = ActionFactory(title="Lapin toimenpide")
    edit_action(coordinator_client, region, plan, first, title="Vanhempi muutos")
    edit_action(coordinator_client, region, plan, second, title="Uudempi muutos")
    elsewhere.title = "Lapin muutos"
    elsewhere.save()

    response = coordinator_client.get(feed_url(region))

    content = response.content.decode()
    assert content.index("Uudempi muutos") < content.index("Vanhempi muutos")
    assert "Lapin" not in content
    assertContains(response, coordinator.email)


def test_the_feed_pages_by_fifty_newest_first(coordinator_client, region, plan):
    ActionFactory.create_batch(60, focus_area=plan["focus_area"])

    first_page = coordinator_client.get(feed_url(region))
    second_page = coordinator_client.get(feed_url(region) + "?page=2")

    total = first_page.context["page_obj"].paginator.count
    assert 60 < total <= 100
    first, second = first_page.context["entries"], second_page.context["entries"]
    assert (len(first), len(second)) == (50, total - 50)
    dates = [entry.date for entry in [*first, *second]]
    assert dates == sorted(dates, reverse=True)


def test_the_feed_query_count_does_not_grow_with_rows(
    client, national_team, region, plan, django_assert_num_queries
):
    client.force_login(national_team)
    # user (the session is cached), region, roles, strategy, then six kinds of record:
    # a count and a page of each
    with django_assert_num_queries(16):
        assert client.get(feed_url(region)).status_code == 200

    ActionFactory.create_batch(10, focus_area=plan["focus_area"])
    for action in Action.objects.all()[:5]:
        action.status = "done"
        action.save()
    with django_assert_num_queries(16):
        assert client.get(feed_url(region)).status_code == 200


def test_the_history_page_query_count_does_not_grow_with_records(
    coordinator_client, region, plan, django_assert_num_queries
):
    action = plan["actions"][0]
    url = history_url(region, "action", action.pk)
    # user (the session is cached), region, roles, strategy, records with users, two
    # m2m link tables, goals, organisations, focus areas by name; for the "restore this
    # state" forms' version: the action with its strategy, its goals and its organisations
    with django_assert_num_queries(13):
        coordinator_client.get(url)

    for title in ("Yksi", "Kaksi", "Kolme"):
        edit_action(coordinator_client, region, plan, action, title=title)
    with django_assert_num_queries(13):
        coordinator_client.get(url)
