"""The entry form: validation in Finnish, nothing saved on error, and the review rules."""

import datetime as dt

import pytest
from pytest_django.asserts import assertContains, assertFormError

from actions.models import GuidanceAction
from portal.review import ReviewStatus
from tests.actions.guidance.conftest import url
from tests.factories import ActionFactory, FocusAreaFactory, GoalFactory, StrategyFactory

pytestmark = pytest.mark.django_db


def valid_data(focus_area, goal, **changes):
    data = {
        "title": "Uusi toimenpide",
        "year": "2021",
        "focus_areas": [focus_area.pk],
        "goals": [goal.pk],
        "status": "ongoing",
    }
    data.update(changes)
    return data


def post_new(client_of, editor, kotka, data):
    return client_of(editor).post(url("add", kotka.slug), data)


def test_the_form_offers_the_current_strategys_focus_areas_and_their_goals(
    client_of, editor, kotka, focus_area, goal
):
    response = client_of(editor).get(url("add", kotka.slug))

    assert response.status_code == 200
    assertContains(response, "OHJAUSPALVELUN SAAVUTETTAVUUS")
    # Each goal is listed under its focus area, in a fieldset a script can hide.
    html = response.content.decode()
    group = html.split(f'data-choice-group="{focus_area.pk}"')[1].split("</fieldset>")[0]
    assert "<legend>1. OHJAUSPALVELUN SAAVUTETTAVUUS</legend>" in group
    assert "Ohjauspalvelut ovat kaikkien saatavilla" in group
    assertContains(response, "Kasvokkain")
    assertContains(response, 'type="checkbox"')


def test_a_missing_title_is_refused_in_finnish_and_nothing_is_saved(
    client_of, editor, kotka, focus_area, goal
):
    response = post_new(client_of, editor, kotka, valid_data(focus_area, goal, title=""))

    assert response.status_code == 200
    assertFormError(response.context["form"], "title", "Tämä kenttä vaaditaan.")
    assert not GuidanceAction.objects.exists()


def test_an_end_before_the_start_is_refused(client_of, editor, kotka, focus_area, goal):
    data = valid_data(focus_area, goal, start_date="2021-05-01", end_date="2021-04-01")

    response = post_new(client_of, editor, kotka, data)

    assertFormError(
        response.context["form"], "end_date", "Päättymispäivä ei voi olla ennen alkamispäivää."
    )
    assert not GuidanceAction.objects.exists()


def test_a_goal_of_a_focus_area_not_chosen_is_refused(client_of, editor, kotka, focus_area, goal):
    other_area = FocusAreaFactory(strategy=focus_area.strategy, number=2)
    other_goal = GoalFactory(focus_area=other_area, title="Monialainen yhteistyö")

    response = post_new(
        client_of, editor, kotka, valid_data(focus_area, goal, goals=[goal.pk, other_goal.pk])
    )

    assert response.status_code == 200
    assertContains(response, "Monialainen yhteistyö")
    assert response.context["form"].has_error("goals")
    assertContains(response, "Nämä tavoitteet kuuluvat painopisteisiin, joita et valinnut")
    assert not GuidanceAction.objects.exists()


def test_a_goal_of_another_regions_strategy_is_not_a_valid_choice(
    client_of, editor, kotka, focus_area, goal
):
    foreign = GoalFactory()

    response = post_new(client_of, editor, kotka, valid_data(focus_area, goal, goals=[foreign.pk]))

    assert response.context["form"].has_error("goals", "invalid_choice")
    assert not GuidanceAction.objects.exists()


def test_a_duplicate_title_for_the_organisations_year_is_a_form_error(
    client_of, editor, kotka, focus_area, goal, draft
):
    data = valid_data(focus_area, goal, title=draft.title, year=str(draft.year))

    response = post_new(client_of, editor, kotka, data)

    assert response.status_code == 200
    assertContains(
        response, "Organisaatiolla Ohjaamo Kotka on jo samanniminen toimenpide vuodelle 2021."
    )
    assert GuidanceAction.objects.count() == 1


def test_an_invalid_link_line_is_named_in_the_error(client_of, editor, kotka, focus_area, goal):
    data = valid_data(focus_area, goal, links="https://www.ohjaamot.fi/\nei osoite")

    response = post_new(client_of, editor, kotka, data)

    assertFormError(response.context["form"], "links", "Rivi 2 ei ole verkko-osoite: ei osoite")
    assert not GuidanceAction.objects.exists()


def test_a_year_outside_2000_to_2100_is_refused(client_of, editor, kotka, focus_area, goal):
    response = post_new(client_of, editor, kotka, valid_data(focus_area, goal, year="1999"))

    assert response.context["form"].has_error("year")
    assert not GuidanceAction.objects.exists()


def test_a_partner_of_another_region_is_not_a_valid_choice(
    client_of, editor, kotka, mikkeli, focus_area, goal
):
    response = post_new(
        client_of, editor, kotka, valid_data(focus_area, goal, partners=[mikkeli.pk])
    )

    assert response.context["form"].has_error("partners", "invalid_choice")


def test_an_entry_waiting_for_review_cannot_be_edited(
    client_of, editor, submitted, focus_area, goal
):
    client = client_of(editor)

    shown = client.get(url("edit", submitted.pk), follow=True)
    posted = client.post(url("edit", submitted.pk), valid_data(focus_area, goal, title="Muutettu"))

    assertContains(shown, "odottaa koordinaattorin tarkastusta")
    assert posted.status_code == 302
    submitted.refresh_from_db()
    assert submitted.title == "Odottava kirjaus"


def test_an_editor_changing_an_accepted_entry_returns_it_to_draft(
    client_of, editor, accepted, focus_area, goal
):
    client = client_of(editor)
    form = client.get(url("edit", accepted.pk))
    assertContains(form, "palauttaa sen luonnokseksi")

    client.post(url("edit", accepted.pk), valid_data(focus_area, goal, title="Nuorten urapäivä"))

    accepted.refresh_from_db()
    assert accepted.review_status == ReviewStatus.DRAFT


def test_the_coordinator_changing_an_accepted_entry_keeps_it_public(
    client_of, coordinator, accepted, focus_area, goal
):
    client_of(coordinator).post(
        url("edit", accepted.pk), valid_data(focus_area, goal, title="Nuorten urapäivä 2021")
    )

    accepted.refresh_from_db()
    assert accepted.title == "Nuorten urapäivä 2021"
    assert accepted.review_status == ReviewStatus.ACCEPTED


def test_an_editor_of_another_organisation_cannot_edit_or_log_for_kotka(
    client_of, editor_of_other_organisation, kotka, draft
):
    client = client_of(editor_of_other_organisation)

    assert client.get(url("edit", draft.pk)).status_code == 403
    assert client.get(url("add", kotka.slug)).status_code == 403


def test_an_editor_of_another_region_gets_404(client_of, editor_of_other_region, kotka, draft):
    client = client_of(editor_of_other_region)

    assert client.get(url("edit", draft.pk)).status_code == 404
    assert client.get(url("add", kotka.slug)).status_code == 404


def test_a_visitor_is_sent_to_sign_in(client, kotka, draft):
    assert client.get(url("add", kotka.slug)).status_code == 302
    assert client.get(url("edit", draft.pk)).status_code == 302


def test_an_editor_deletes_a_draft_after_confirming(client_of, editor, draft):
    client = client_of(editor)

    assert client.get(url("delete", draft.pk)).status_code == 200
    response = client.post(url("delete", draft.pk))

    assert response.status_code == 302
    assert not GuidanceAction.objects.exists()


def test_an_editor_cannot_delete_an_accepted_entry(client_of, editor, accepted):
    response = client_of(editor).post(url("delete", accepted.pk), follow=True)

    assertContains(response, "Vain luonnoksen voi poistaa.")
    assert GuidanceAction.objects.filter(pk=accepted.pk).exists()


def test_the_coordinator_deletes_an_accepted_entry(client_of, coordinator, accepted):
    client_of(coordinator).post(url("delete", accepted.pk))

    assert not GuidanceAction.objects.filter(pk=accepted.pk).exists()


def test_an_entry_of_another_organisation_is_not_deleted(
    client_of, editor_of_other_organisation, draft
):
    assert client_of(editor_of_other_organisation).post(url("delete", draft.pk)).status_code == 403
    assert GuidanceAction.objects.filter(pk=draft.pk).exists()


def test_the_coordinator_may_log_for_any_organisation_of_the_region(
    client_of, coordinator, lut, focus_area, goal
):
    response = client_of(coordinator).post(url("add", lut.slug), valid_data(focus_area, goal))

    assert response.status_code == 302
    assert GuidanceAction.objects.get().organisation == lut


# --- The plan's actions it carries out -------------------------------------------------------


def test_the_form_offers_the_current_plans_actions_under_their_focus_area(
    client_of, editor, kotka, focus_area, goal
):
    plan_action = ActionFactory(focus_area=focus_area, title="Ohjaamot jalkautuvat kouluihin")

    response = client_of(editor).get(url("add", kotka.slug))

    html = response.content.decode()
    field = html.split('name="plan_actions"')[0].rsplit(f'data-choice-group="{focus_area.pk}"')[1]
    assert "Ohjaamot jalkautuvat kouluihin" in html
    assert "<legend>1. OHJAUSPALVELUN SAAVUTETTAVUUS</legend>" in field
    assert f'value="{plan_action.pk}"' in html


def test_an_entry_names_the_plans_actions_it_carries_out(
    client_of, editor, kotka, focus_area, goal
):
    plan_action = ActionFactory(focus_area=focus_area)

    response = post_new(
        client_of, editor, kotka, valid_data(focus_area, goal, plan_actions=[plan_action.pk])
    )

    assert response.status_code == 302
    assert list(GuidanceAction.objects.get().plan_actions.all()) == [plan_action]


def test_a_plan_action_of_a_focus_area_not_chosen_is_refused(
    client_of, editor, kotka, focus_area, goal
):
    other_area = FocusAreaFactory(strategy=focus_area.strategy, number=2, title="OSAAMINEN")
    stray = ActionFactory(focus_area=other_area, title="Ohjaajien koulutus")

    response = post_new(
        client_of, editor, kotka, valid_data(focus_area, goal, plan_actions=[stray.pk])
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["plan_actions"]
    assert "2: Ohjaajien koulutus" in errors[0]
    assert not GuidanceAction.objects.exists()


@pytest.mark.parametrize("where", ["earlier-version", "other-region"])
def test_a_plan_action_of_another_version_or_region_is_refused(
    client_of, editor, kotka, focus_area, goal, etela_savo, where
):
    if where == "earlier-version":
        earlier = StrategyFactory(
            region=focus_area.strategy.region,
            version=0,
            is_current=False,
            published_on=dt.date(2020, 1, 1),
        )
        area = FocusAreaFactory(strategy=earlier, number=1)
    else:
        area = FocusAreaFactory(strategy=StrategyFactory(region=etela_savo), number=1)
    stray = ActionFactory(focus_area=area)

    response = post_new(
        client_of, editor, kotka, valid_data(focus_area, goal, plan_actions=[stray.pk])
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("plan_actions", code="invalid_choice")
    assert not GuidanceAction.objects.exists()
