"""Two coordinators on one row of the plan: the second save is refused, not lost or silent.

Each test opens the same form in two sessions, saves in the first, then in the second: the
second answers with its form (typed text kept, the changes listed) and the row keeps the
first change; saving again from that answer lands on top. Create forms are processed once,
even when the same POST arrives twice at the same moment.
"""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from lib.concurrency import row_version
from lib.models import SubmittedForm
from strategy import revisions, services
from strategy.models import Action, FocusArea, Goal, Indicator, IndicatorValue
from tests.concurrency import form_data, post_twice_at_once
from tests.factories import (
    FocusAreaFactory,
    IndicatorFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


def editor_url(region, name, **kwargs):
    return reverse(f"editor:{name}", kwargs={"region": region.slug, **kwargs})


@pytest.fixture
def two_coordinators(coordinator):
    first, second = Client(), Client()
    first.force_login(coordinator)
    second.force_login(coordinator)
    return first, second


def edit_cases(plan):
    """(URL name, its arguments, the row, a text field, the first's and second's text)."""
    strategy, focus_area = plan["strategy"], plan["focus_area"]
    return {
        "strategy": ("strategy_edit", {}, strategy, "vision", "Visio A", "Visio B"),
        "focus_area": (
            "focus_area_edit",
            {"pk": focus_area.pk},
            focus_area,
            "title",
            "Painopiste A",
            "Painopiste B",
        ),
        "goal": (
            "goal_edit",
            {"pk": plan["goals"][0].pk},
            plan["goals"][0],
            "title",
            "Tavoite A",
            "Tavoite B",
        ),
        "action": (
            "action_edit",
            {"pk": plan["actions"][0].pk},
            plan["actions"][0],
            "title",
            "Toimenpide A",
            "Toimenpide B",
        ),
        "indicator": (
            "indicator_edit",
            {"pk": plan["indicator"].pk},
            plan["indicator"],
            "title",
            "Mittari A",
            "Mittari B",
        ),
        "indicator_value": (
            "indicator_value_edit",
            {"pk": plan["value"].pk},
            plan["value"],
            "source",
            "Lähde A",
            "Lähde B",
        ),
    }


@pytest.mark.parametrize(
    "kind", ["strategy", "focus_area", "goal", "action", "indicator", "indicator_value"]
)
def test_the_second_of_two_saves_is_refused_and_keeps_what_was_typed(
    two_coordinators, region, plan, kind
):
    name, kwargs, row, field, first_text, second_text = edit_cases(plan)[kind]
    url = editor_url(region, name, **kwargs)
    first, second = two_coordinators
    first_form, second_form = first.get(url), second.get(url)

    saved = first.post(url, form_data(first_form, **{field: first_text}))
    assert saved.status_code == 302
    refused = second.post(url, form_data(second_form, **{field: second_text}))

    assert refused.status_code == 200
    assertContains(refused, 'class="stale-changes"')
    assertContains(refused, second_text)  # typed, kept in the form and in the table
    assertContains(refused, first_text)  # the current value, beside it
    assert refused.context["form"].stale_changes[0].current == first_text
    row.refresh_from_db()
    assert getattr(row, field) == first_text

    # Saving again from the refusal replaces the current value, knowingly.
    again = second.post(url, form_data(refused))
    assert again.status_code == 302
    row.refresh_from_db()
    assert getattr(row, field) == second_text


def test_a_save_that_changes_nothing_another_changed_is_still_refused_on_links(
    two_coordinators, region, plan
):
    """The guarded fields include the many-to-many links: goals ticked by another count."""
    action = plan["actions"][0]
    url = editor_url(region, "action_edit", pk=action.pk)
    first, second = two_coordinators
    first_form, second_form = first.get(url), second.get(url)
    goals = [str(goal.pk) for goal in plan["goals"]]
    assert first.post(url, form_data(first_form, goals=goals)).status_code == 302

    refused = second.post(url, form_data(second_form, title="Uusi nimi"))

    assert refused.status_code == 200
    action.refresh_from_db()
    assert action.title == "Ensimmäinen"
    assert sorted(action.goals.values_list("pk", flat=True)) == sorted(g.pk for g in plan["goals"])


def test_an_inline_status_change_is_refused_after_another_changed_the_status(
    two_coordinators, region, plan
):
    action = plan["actions"][1]
    url = editor_url(region, "action_status", pk=action.pk)
    shown = row_version(action, services.STATUS_FIELDS)
    first, second = two_coordinators
    assert first.post(url, {"status": "done", "read_version": shown}).status_code == 302
    assert Action.objects.get(pk=action.pk).status == "done"

    refused = second.post(
        url, {"status": "cancelled", "read_version": shown}, HTTP_HX_REQUEST="true"
    )

    assert refused.status_code == 200
    assertContains(refused, "editor-action__refused")
    action.refresh_from_db()
    assert action.status == "done"


def test_an_edit_form_of_a_replaced_version_comes_back_with_the_typed_text(
    two_coordinators, region, plan, coordinator
):
    action = plan["actions"][0]
    url = editor_url(region, "action_edit", pk=action.pk)
    _first, second = two_coordinators
    opened = second.get(url)
    new = revisions.start_revision(plan["strategy"], "tarkistus 2026", coordinator)
    revisions.publish_draft(new, dt.date(2026, 1, 1), "", coordinator)

    response = second.post(url, form_data(opened, title="Kirjoitettu ennen uutta versiota"))

    assert response.status_code == 200
    assertContains(response, "Kirjoitettu ennen uutta versiota")
    copy = Action.objects.get(focus_area__strategy=new, position=action.position)
    action.refresh_from_db()
    assert action.title == "Ensimmäinen"
    assert copy.title == "Ensimmäinen"
    copy_url = editor_url(region, "action_edit", pk=copy.pk)
    assertContains(response, f'action="{copy_url}"')

    # The form now posts to the copy in the current version and saves there.
    again = second.post(copy_url, form_data(response))
    assert again.status_code == 302, again.context["form"].errors.as_data()
    copy.refresh_from_db()
    assert copy.title == "Kirjoitettu ennen uutta versiota"


def test_the_strategy_header_of_a_replaced_version_is_not_saved_onto_the_new_one(
    two_coordinators, region, plan, coordinator
):
    url = editor_url(region, "strategy_edit")
    _first, second = two_coordinators
    opened = second.get(url)
    new = revisions.start_revision(plan["strategy"], "tarkistus 2026", coordinator)
    revisions.publish_draft(new, dt.date(2026, 1, 1), "", coordinator)

    response = second.post(url, form_data(opened, vision="Vanhan version visio"))

    assert response.status_code == 200
    assertContains(response, 'class="stale-changes"')
    new.refresh_from_db()
    assert new.vision != "Vanhan version visio"


# --- Create forms processed once ---------------------------------------------------------


def create_cases(plan):
    focus_area, indicator = plan["focus_area"], plan["indicator"]
    return {
        "focus_area": ("focus_area_add", {}, {"number": 7, "title": "Uusi painopiste"}, FocusArea),
        "goal": ("goal_add", {"focus_area": focus_area.pk}, {"title": "Uusi tavoite"}, Goal),
        "action": (
            "action_add",
            {"focus_area": focus_area.pk},
            {"title": "Uusi toimenpide", "status": "planned"},
            Action,
        ),
        "indicator": (
            "indicator_add",
            {},
            {"title": "Uusi mittari", "direction": "increase"},
            Indicator,
        ),
        "indicator_value": (
            "indicator_value_add",
            {"indicator": indicator.pk},
            {"year": 2024, "value": "71,5"},
            IndicatorValue,
        ),
    }


@pytest.mark.parametrize("kind", ["focus_area", "goal", "action", "indicator", "indicator_value"])
def test_a_create_form_sent_twice_creates_one_row_and_redirects_to_it(
    coordinator_client, region, plan, kind
):
    name, kwargs, typed, model = create_cases(plan)[kind]
    url = editor_url(region, name, **kwargs)
    data = form_data(coordinator_client.get(url), **typed)
    before = model.objects.count()

    first = coordinator_client.post(url, data)
    second = coordinator_client.post(url, data)

    assert first.status_code == 302, first.context["form"].errors.as_data()
    assert second.status_code == 302
    assert second.url == first.url
    assert model.objects.count() == before + 1


def test_the_same_number_saved_by_two_people_at_once_is_a_form_error_not_a_500(
    coordinator_client, region, plan
):
    """Two forms (two tokens) with the same number: the database's constraint decides, and
    the loser gets the form's own Finnish error; here the race is made certain by adding
    the row between the form's check and its save."""
    url = editor_url(region, "focus_area_add")
    data = form_data(coordinator_client.get(url), number=8, title="Kilpaileva")
    from strategy.editor import forms as editor_forms

    original = editor_forms.FocusAreaForm.clean_number

    def check_then_lose_the_race(self):
        number = original(self)
        FocusAreaFactory(strategy=plan["strategy"], number=number, title="Toisen lisäämä")
        return number

    editor_forms.FocusAreaForm.clean_number = check_then_lose_the_race
    try:
        response = coordinator_client.post(url, data)
    finally:
        editor_forms.FocusAreaForm.clean_number = original

    assert response.status_code == 200
    assert "number" in response.context["form"].errors
    assertContains(response, "Kilpaileva")
    assert FocusArea.objects.filter(strategy=plan["strategy"], number=8).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", ["focus_area", "goal", "action", "indicator", "indicator_value"])
def test_two_identical_posts_at_the_same_moment_create_one_row(coordinator, region, kind):
    strategy = StrategyFactory(region=region)
    focus_area = FocusAreaFactory(strategy=strategy, number=1)
    indicator = IndicatorFactory(strategy=strategy, title="Työllisyysaste")
    plan = {"strategy": strategy, "focus_area": focus_area, "indicator": indicator}
    name, kwargs, typed, model = create_cases(plan)[kind]
    url = editor_url(region, name, **kwargs)
    client = Client()
    client.force_login(coordinator)
    data = form_data(client.get(url), **typed)
    before = model.objects.count()

    statuses = post_twice_at_once(coordinator, url, data)

    assert statuses == [302, 302]
    assert model.objects.count() == before + 1
    assert SubmittedForm.objects.filter(token=data["submission_token"]).count() == 1
