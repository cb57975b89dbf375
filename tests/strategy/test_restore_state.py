"""The coordinator restores an earlier state of a plan object from its history, and a
move of an action is one entry in the change feed."""

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from pytest_django.asserts import assertContains, assertNotContains

from strategy import history, revisions, services
from strategy.models import Action, FocusArea, Indicator
from tests.factories import (
    ActionFactory,
    FocusAreaFactory,
    GoalFactory,
    IndicatorFactory,
    NationalGoalFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_two_factor_step(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False


@pytest.fixture(autouse=True)
def _finnish():
    with translation.override("fi"):
        yield


@pytest.fixture
def coordinator_client(client_of, coordinator):
    return client_of(coordinator)


@pytest.fixture
def plan(strategy, focus_area, kotka, lut):
    """A focus area with two goals and three actions, the first linked to a goal and Kotka,
    and an indicator of the focus area; each saved once more, as the editor saves."""
    goals = GoalFactory.create_batch(2, focus_area=focus_area)
    actions = [
        ActionFactory(focus_area=focus_area, title=title, position=position)
        for position, title in enumerate(["Ensimmäinen", "Toinen", "Kolmas"])
    ]
    change(actions[0], goals=goals[:1], responsible_organisations=[kotka])
    indicator = IndicatorFactory(strategy=strategy, title="Työllisyysaste", unit="%")
    change(indicator, focus_areas=[focus_area])
    return {
        "strategy": strategy,
        "focus_area": focus_area,
        "goals": goals,
        "actions": actions,
        "indicator": indicator,
    }


def change(instance, user=None, **values):
    """Change fields and links of ``instance`` as the editor does: one history record."""
    links = {name: v for name, v in values.items() if instance._meta.get_field(name).many_to_many}
    for name, value in values.items():
        if name not in links:
            setattr(instance, name, value)

    def save_links():
        for name, related in links.items():
            getattr(instance, name).set(related)

    return services.save_with_history(instance, save_links if links else None, user)


def newest_record(instance):
    return instance.history.order_by("-history_date", "-history_id").first()


def history_url(region, kind, pk):
    return reverse("editor:history", kwargs={"region": region.slug, "kind": kind, "pk": pk})


def restore_url(region, kind, pk):
    return reverse("editor:restore_state", kwargs={"region": region.slug, "kind": kind, "pk": pk})


def restore(client, region, kind, instance, record, **data):
    """Open the object's history page as the coordinator would, then restore ``record``
    with the version the page carries."""
    page = client.get(history_url(region, kind, instance.pk))
    assert page.status_code == 200
    body = {"history_id": record.history_id, "read_version": page.context["state_version"]}
    return client.post(restore_url(region, kind, instance.pk), {**body, **data}, follow=True)


def restored_to(record):
    """What the history page calls a restore of ``record``."""
    date = formats.date_format(timezone.localtime(record.history_date), "SHORT_DATETIME_FORMAT")
    return _("Restored to the state of %(date)s") % {"date": date}


# --- Each kind of object -------------------------------------------------------------------


def test_an_action_goes_back_to_an_earlier_state_with_its_links(
    coordinator_client, coordinator, region, plan, kotka, lut
):
    action, goals = plan["actions"][0], plan["goals"]
    earlier = newest_record(action)
    change(
        action,
        title="Ohjaamojen chat",
        status=Action.Status.DONE,
        goals=goals[1:],
        responsible_organisations=[lut],
    )
    page = coordinator_client.get(history_url(region, "action", action.pk))
    assertContains(page, f'name="history_id" value="{earlier.history_id}"')
    assertContains(page, _("Restore this state"))
    records = action.history.count()

    response = restore(coordinator_client, region, "action", action, earlier)

    action.refresh_from_db()
    assert (action.title, action.status) == ("Ensimmäinen", earlier.status)
    assert list(action.goals.all()) == goals[:1]
    assert list(action.responsible_organisations.all()) == [kotka]
    assert action.history.count() == records + 1
    latest = newest_record(action)
    assert latest.history_user == coordinator
    assert latest.history_change_reason == history.restored_state_reason(earlier)
    assert [row.goal_id for row in latest.goals.all()] == [goals[0].pk]
    assertContains(response, restored_to(earlier))


def test_the_strategy_header_goes_back_to_an_earlier_state(coordinator_client, region, plan):
    strategy = plan["strategy"]
    vision = strategy.vision
    change(strategy)  # the header as saved once through the editor
    earlier = newest_record(strategy)
    change(strategy, vision="Uusi visio", values="rohkeus", end_year=strategy.end_year + 1)

    restore(coordinator_client, region, "strategy", strategy, earlier)

    strategy.refresh_from_db()
    assert (strategy.vision, strategy.values) == (vision, earlier.values)
    assert strategy.end_year == earlier.end_year
    assert (strategy.version, strategy.is_current) == (1, True)


def test_a_focus_area_goes_back_to_an_earlier_state_with_its_national_goals(
    coordinator_client, region, plan
):
    focus_area = plan["focus_area"]
    national = NationalGoalFactory(number=1, title="Saavutettavasti ja asiakaslähtöisesti")
    change(focus_area, national_goals=[national])
    earlier = newest_record(focus_area)
    change(focus_area, title="MONIALAINEN YHTEISTYÖ", number=7, national_goals=[])

    restore(coordinator_client, region, "focusarea", focus_area, earlier)

    focus_area.refresh_from_db()
    assert (focus_area.number, focus_area.title) == (1, "OHJAUSPALVELUN SAAVUTETTAVUUS")
    assert list(focus_area.national_goals.all()) == [national]


def test_a_goal_goes_back_to_an_earlier_title(coordinator_client, region, plan):
    goal = plan["goals"][0]
    earlier = newest_record(goal)
    title = goal.title
    change(goal, title="Ohjaus tavoittaa kaikki")

    restore(coordinator_client, region, "goal", goal, earlier)

    goal.refresh_from_db()
    assert goal.title == title


def test_an_indicator_goes_back_to_an_earlier_state_with_its_focus_areas(
    coordinator_client, region, plan, strategy
):
    indicator = plan["indicator"]
    other_area = FocusAreaFactory(strategy=strategy, number=2, title="MONIALAINEN YHTEISTYÖ")
    earlier = newest_record(indicator)
    change(indicator, unit="henkeä", target=80, target_year=2027, focus_areas=[other_area])

    restore(coordinator_client, region, "indicator", indicator, earlier)

    indicator.refresh_from_db()
    assert (indicator.unit, indicator.target, indicator.target_year) == ("%", None, None)
    assert list(indicator.focus_areas.all()) == [plan["focus_area"]]


# --- What a restore refuses -------------------------------------------------------------------


def test_a_restore_of_a_page_read_before_another_change_is_refused_and_changes_nothing(
    coordinator_client, region, plan
):
    action = plan["actions"][0]
    earlier = newest_record(action)
    change(action, title="Ohjaamojen chat")
    page = coordinator_client.get(history_url(region, "action", action.pk))
    change(action, title="Joku muu muutti tämän")  # someone else, while the page was open
    records = action.history.count()

    response = coordinator_client.post(
        restore_url(region, "action", action.pk),
        {"history_id": earlier.history_id, "read_version": page.context["state_version"]},
        follow=True,
    )

    action.refresh_from_db()
    assert action.title == "Joku muu muutti tämän"
    assert action.history.count() == records
    label = str(Action._meta.get_field("title").verbose_name)
    refusal = _(
        "Someone else changed it after you opened its history (%(fields)s), so "
        "it was not restored. Check the newest change below and restore again "
        "if it should still be restored."
    ) % {"fields": label}
    assertContains(response, refusal)


def test_links_to_objects_deleted_since_are_left_out_and_named(
    coordinator_client, region, plan, kotka
):
    action, goals = plan["actions"][0], plan["goals"]
    change(action, goals=goals)
    earlier = newest_record(action)
    change(action, goals=[])
    deleted_title = goals[1].title
    services.delete_object(goals[1])

    response = restore(coordinator_client, region, "action", action, earlier)

    assert list(action.goals.all()) == goals[:1]
    assert list(action.responsible_organisations.all()) == [kotka]
    assertContains(
        response,
        _("Links to objects deleted since were left out: %(names)s.") % {"names": deleted_title},
    )


def test_a_number_taken_meanwhile_is_refused_and_nothing_changes(
    coordinator_client, region, plan, strategy
):
    focus_area = plan["focus_area"]
    earlier = newest_record(focus_area)
    change(focus_area, number=3, title="SIIRRETTY")
    FocusAreaFactory(strategy=strategy, number=1, title="UUSI YKKÖNEN")
    records = focus_area.history.count()

    response = restore(coordinator_client, region, "focusarea", focus_area, earlier)

    focus_area.refresh_from_db()
    assert (focus_area.number, focus_area.title) == (3, "SIIRRETTY")
    assert focus_area.history.count() == records
    refusal = _(
        "It cannot be restored: another %(kind)s of the plan now has the same "
        "number or title. Change that one first."
    ) % {"kind": FocusArea._meta.verbose_name}
    assertContains(response, refusal)


def test_an_object_of_an_earlier_version_is_not_restored(coordinator_client, region, plan):
    goal = plan["goals"][0]
    earlier = newest_record(goal)
    change(goal, title="Vanhan version tavoite")
    draft = services.start_revision(plan["strategy"], "tarkistus 2023", None)
    # While the revision is a draft the goal's version is still the current one; once the
    # draft is published, the goal belongs to an earlier version and stays as it was.
    revisions.publish_draft(draft, timezone.localdate(), "Tarkistettu", None)

    page = coordinator_client.get(history_url(region, "goal", goal.pk))
    assertNotContains(page, _("Restore this state"))
    response = coordinator_client.post(
        restore_url(region, "goal", goal.pk),
        {"history_id": earlier.history_id, "read_version": ""},
        follow=True,
    )

    goal.refresh_from_db()
    assert goal.title == "Vanhan version tavoite"
    assertContains(
        response, _("Only objects of the current version can be restored to an earlier state.")
    )


def test_the_national_team_reads_the_history_without_restore_forms(
    client_of, national_team, region, plan
):
    action = plan["actions"][0]
    change(action, title="Ohjaamojen chat")

    page = client_of(national_team).get(history_url(region, "action", action.pk))

    assert page.status_code == 200
    assertNotContains(page, _("Restore this state"))


# --- Not found -------------------------------------------------------------------------------


def test_another_regions_object_is_not_found_and_stays(
    coordinator_client, region, etela_savo, mikkeli
):
    other = StrategyFactory(region=etela_savo)
    area = FocusAreaFactory(strategy=other, number=1, title="ETELÄ-SAVON PAINOPISTE")
    action = ActionFactory(focus_area=area, title="Mikkelin toimenpide")
    earlier = newest_record(action)
    change(action, title="Mikkelin muutettu toimenpide")
    records = action.history.count()

    for url_region in (region, etela_savo):
        response = coordinator_client.post(
            restore_url(url_region, "action", action.pk),
            {"history_id": earlier.history_id, "read_version": ""},
        )
        assert response.status_code == 404

    action.refresh_from_db()
    assert action.title == "Mikkelin muutettu toimenpide"
    assert action.history.count() == records


def test_a_record_of_another_object_is_not_found(coordinator_client, region, plan):
    first, second = plan["actions"][:2]
    record_of_second = newest_record(second)
    change(first, title="Ohjaamojen chat")
    page = coordinator_client.get(history_url(region, "action", first.pk))

    response = coordinator_client.post(
        restore_url(region, "action", first.pk),
        {"history_id": record_of_second.history_id, "read_version": page.context["state_version"]},
    )

    assert response.status_code == 404
    first.refresh_from_db()
    assert first.title == "Ohjaamojen chat"


# --- A deleted object comes back with its links ------------------------------------------------


def test_a_deleted_action_comes_back_with_its_goals_and_organisations(region, plan, kotka):
    action, goals = plan["actions"][0], plan["goals"]
    pk = action.pk
    services.delete_object(action)

    services.restore_deleted("action", pk, region, None)

    restored = Action.objects.get(pk=pk)
    assert list(restored.goals.all()) == goals[:1]
    assert list(restored.responsible_organisations.all()) == [kotka]


def test_a_deleted_focus_area_comes_back_with_its_goals_actions_and_indicator_links(region, plan):
    focus_area, goals, actions = plan["focus_area"], plan["goals"], plan["actions"]
    pk = focus_area.pk
    services.delete_object(focus_area)
    assert not Indicator.focus_areas.through.objects.exists()

    services.restore_deleted("focusarea", pk, region, None)

    restored = FocusArea.objects.get(pk=pk)
    assert set(restored.goals.all()) == set(goals)
    assert set(restored.actions.all()) == set(actions)
    assert list(Action.objects.get(pk=actions[0].pk).goals.all()) == goals[:1]
    assert list(plan["indicator"].focus_areas.all()) == [restored]


# --- A move is one change ----------------------------------------------------------------------


def test_a_move_is_one_entry_in_the_feed_and_one_record(
    coordinator_client, coordinator, region, plan
):
    first, second, third = plan["actions"]
    feed = history.RegionChangeFeed(region)
    entries = feed.count()
    records = Action.history.count()

    coordinator_client.post(
        reverse("editor:action_move", kwargs={"region": region.slug, "pk": first.pk}),
        {"direction": "down"},
    )

    assert list(Action.objects.order_by("position").values_list("pk", "position")) == [
        (second.pk, 0),
        (first.pk, 1),
        (third.pk, 2),
    ]
    assert Action.history.count() == records + 1
    assert feed.count() == entries + 1
    newest = feed[0:1][0]
    assert (newest.object_id, newest.action, newest.user) == (first.pk, _("Moved"), coordinator)
    page = coordinator_client.get(reverse("editor:feed", kwargs={"region": region.slug}))
    assertContains(page, f"<td>{_('Moved')}</td>", count=1, html=True)


def test_the_history_says_an_action_moved_though_its_renumbered_position_is_the_same(
    coordinator_client, region, plan
):
    first, second, _third = plan["actions"]
    change(first, position=1)  # numbered from 1, as the demo's plan is
    change(second, position=2)

    assert services.move_action(first, "down") is True

    first.refresh_from_db()
    assert first.position == 1
    page = coordinator_client.get(history_url(region, "action", first.pk))
    assertContains(page, _("It moved to another place in its focus area's list."))


def test_every_kind_with_an_editor_form_restores_the_fields_the_form_edits():
    """A field added to an editor form is restored too, or this names it."""
    from strategy.editor import forms

    for kind, form in {
        "strategy": forms.StrategyForm,
        "focusarea": forms.FocusAreaForm,
        "goal": forms.GoalForm,
        "action": forms.ActionForm,
        "indicator": forms.IndicatorForm,
    }.items():
        assert set(services.STATE_FIELDS[kind]) == set(form._meta.fields), kind


def test_a_deleted_goal_comes_back_linked_to_the_actions_that_had_it(region, plan):
    goal, first, second = plan["goals"][0], *plan["actions"][:2]
    pk = goal.pk
    change(second, goals=[goal])
    change(second, goals=[])  # unlinked on purpose before the delete: stays unlinked
    services.delete_object(goal)
    assert not first.goals.exists()

    services.restore_deleted("goal", pk, region, None)

    assert list(first.goals.values_list("pk", flat=True)) == [pk]
    assert not second.goals.exists()


def test_a_neighbours_next_change_does_not_show_the_position_a_move_gave_it(
    coordinator_client, region, plan
):
    first, second, _third = plan["actions"]
    services.move_action(first, "down")  # the second moves up, without a record
    second.refresh_from_db()
    change(second, title="Toinen, muutettu")

    page = coordinator_client.get(history_url(region, "action", second.pk))

    position = str(Action._meta.get_field("position").verbose_name)
    newest = page.context["entries"][0]
    assert [c.label for c in newest.changes] == [str(Action._meta.get_field("title").verbose_name)]
    assert position not in [c.label for c in newest.changes]


def test_restoring_the_state_it_is_in_changes_nothing_and_says_so(coordinator_client, region, plan):
    goal = plan["goals"][0]
    earlier = newest_record(goal)
    change(goal, title="Väliaikainen")
    change(goal, title=earlier.title)  # back by hand
    records = goal.history.count()

    response = restore(coordinator_client, region, "goal", goal, earlier)

    assert goal.history.count() == records
    assertContains(response, _("It is in that state already: nothing was changed."))
