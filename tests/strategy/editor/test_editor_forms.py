"""The editor's forms save valid input; bad input comes back in Finnish and saves nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from strategy.models import (
    Action,
    FocusArea,
    Goal,
    Indicator,
    IndicatorValue,
    KeyMeasure,
    NationalGoal,
    Strategy,
)
from tests.factories import NationalGoalFactory, OrganisationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def editor_url(region, name, **kwargs):
    return reverse(f"editor:{name}", kwargs={"region": region.slug, **kwargs})


def strategy_data(**changes):
    data = {
        "title": "Elinikäisen ohjauksen toimintasuunnitelma",
        "start_year": 2021,
        "end_year": 2027,
        "version_label": "tarkistus 2023",
        "vision": "Muutoskyvykäs Kaakkois-Suomen ELO-verkosto yhteistyössä asiakkaan parhaaksi",
        "values": "asiakaslähtöisyys, osaaminen, luottamus",
        "values_statement": "",
        "overall_goal": "Yhteistyön tiivistäminen",
        "objectives": "",
    }
    return {**data, **changes}


def test_coordinator_saves_the_strategy_header(coordinator_client, region, strategy):
    response = coordinator_client.post(editor_url(region, "strategy_edit"), strategy_data())

    assertRedirects(response, editor_url(region, "home") + "#strategia")
    strategy.refresh_from_db()
    assert strategy.version_label == "tarkistus 2023"
    assert strategy.vision.startswith("Muutoskyvykäs Kaakkois-Suomen")


def test_strategy_header_with_last_year_before_first_comes_back_in_finnish_unsaved(
    coordinator_client, region, strategy
):
    before = Strategy.objects.values().get(pk=strategy.pk)

    response = coordinator_client.post(
        editor_url(region, "strategy_edit"),
        strategy_data(start_year=2027, end_year=2021, title="Uusi otsikko"),
    )

    assert response.status_code == 200
    assertContains(response, "Viimeinen vuosi ei voi olla ennen ensimmäistä vuotta.")
    assertContains(response, 'value="Uusi otsikko"')  # what was typed is kept
    assertContains(response, 'aria-invalid="true"')
    assertContains(response, 'href="#id_end_year"')  # the error summary links to the field
    assert Strategy.objects.values().get(pk=strategy.pk) == before


def test_strategy_header_with_an_empty_title_is_refused(coordinator_client, region, strategy):
    response = coordinator_client.post(editor_url(region, "strategy_edit"), strategy_data(title=""))

    assertContains(response, "Tämä kenttä vaaditaan.")
    strategy.refresh_from_db()
    assert strategy.title != ""


def test_coordinator_adds_a_focus_area_with_national_goals(coordinator_client, region, strategy):
    national_goal = NationalGoalFactory(number=3, title="Digitaalisesti")

    response = coordinator_client.post(
        editor_url(region, "focus_area_add"),
        {
            "number": 2,
            "title": "MONIALAISEN YHTEISTYÖN KOORDINOINTI",
            "national_goals": [national_goal.pk],
        },
    )

    focus_area = FocusArea.objects.get(strategy=strategy, number=2)
    # The overview shows one focus area at a time: it opens the new one's tab.
    assertRedirects(
        response, editor_url(region, "home") + f"?painopiste=2#painopiste-{focus_area.pk}"
    )
    assert list(focus_area.national_goals.all()) == [national_goal]


def test_coordinator_links_a_focus_area_to_national_goals_and_key_measures(
    coordinator_client, region, focus_area
):
    equal = NationalGoal.objects.get(title="Yhdenvertaisesti ja kestävästi")
    training = KeyMeasure.objects.get(number=5)

    page = coordinator_client.get(editor_url(region, "focus_area_edit", pk=focus_area.pk))
    # Every goal and measure of the national strategy is offered.
    assert len(page.context["form"].fields["national_goals"].queryset) == 6
    assert len(page.context["form"].fields["key_measures"].queryset) == 9

    data = {
        "number": 1,
        "title": focus_area.title,
        "national_goals": [equal.pk],
        "key_measures": [training.pk],
    }
    data.update(read_version=page.context["form"]["read_version"].value())
    coordinator_client.post(editor_url(region, "focus_area_edit", pk=focus_area.pk), data)

    assert list(focus_area.national_goals.all()) == [equal]
    assert list(focus_area.key_measures.all()) == [training]


def test_a_taken_focus_area_number_comes_back_in_finnish_beside_the_field(
    coordinator_client, region, focus_area
):
    response = coordinator_client.post(
        editor_url(region, "focus_area_add"), {"number": 1, "title": "Toinen ykkönen"}
    )

    assert response.status_code == 200
    assertContains(response, "Strategiassa on jo painopiste numero 1.")
    assertContains(response, 'id="id_number_errors"')
    assertContains(response, 'aria-describedby="id_number_helptext id_number_errors"')
    assert FocusArea.objects.count() == 1


def test_editing_a_focus_area_may_keep_its_own_number(coordinator_client, region, focus_area):
    response = coordinator_client.post(
        editor_url(region, "focus_area_edit", pk=focus_area.pk),
        {"number": 1, "title": "OHJAUSPALVELUN SAAVUTETTAVUUS JA KEHITTÄMINEN"},
    )

    assert response.status_code == 302
    focus_area.refresh_from_db()
    assert focus_area.title == "OHJAUSPALVELUN SAAVUTETTAVUUS JA KEHITTÄMINEN"


def test_coordinator_adds_and_edits_a_goal(coordinator_client, region, focus_area):
    coordinator_client.post(
        editor_url(region, "goal_add", focus_area=focus_area.pk), {"title": "Saatavuus paranee"}
    )
    goal = Goal.objects.get(focus_area=focus_area)

    coordinator_client.post(editor_url(region, "goal_edit", pk=goal.pk), {"title": "Uusi"})

    goal.refresh_from_db()
    assert goal.title == "Uusi"


def test_an_empty_goal_is_refused(coordinator_client, region, focus_area):
    response = coordinator_client.post(
        editor_url(region, "goal_add", focus_area=focus_area.pk), {"title": ""}
    )

    assertContains(response, "Tämä kenttä vaaditaan.")
    assert not Goal.objects.exists()


def action_data(plan, **changes):
    data = {
        "title": "Ohjaamojen yhteinen chat",
        "description": "",
        "goals": [plan["goals"][1].pk],
        "lead_organisation": plan["organisation"].pk,
        "responsible_organisations": [plan["organisation"].pk],
        "responsible_note": "ELO-ryhmä",
        "start_date": "2023-01-01",
        "end_date": "2023-12-31",
        "status": "planned",
        "monitoring_note": "",
    }
    return {**data, **changes}


def test_coordinator_adds_an_action_at_the_end_of_its_focus_area(coordinator_client, region, plan):
    coordinator_client.post(
        editor_url(region, "action_add", focus_area=plan["focus_area"].pk), action_data(plan)
    )

    action = Action.objects.get(title="Ohjaamojen yhteinen chat")
    assert action.position == 3
    assert list(action.goals.all()) == [plan["goals"][1]]
    assert action.lead_organisation == plan["organisation"]
    assert action.end_date == dt.date(2023, 12, 31)


def test_an_action_ending_before_it_starts_comes_back_in_finnish_unsaved(
    coordinator_client, region, plan
):
    action = plan["actions"][0]
    before = Action.objects.values().get(pk=action.pk)

    response = coordinator_client.post(
        editor_url(region, "action_edit", pk=action.pk),
        action_data(plan, start_date="2023-06-01", end_date="2023-05-01"),
    )

    assert response.status_code == 200
    assertContains(response, "Päättymispäivä ei voi olla ennen alkamispäivää.")
    assertContains(response, 'value="Ohjaamojen yhteinen chat"')
    assert Action.objects.values().get(pk=action.pk) == before
    assert list(action.goals.all()) == [plan["goals"][0]]


def test_an_action_cannot_name_an_organisation_of_another_region(coordinator_client, region, plan):
    outsider = OrganisationFactory(region=RegionFactory(name="Lappi", slug="lappi"))

    response = coordinator_client.post(
        editor_url(region, "action_add", focus_area=plan["focus_area"].pk),
        action_data(plan, lead_organisation=outsider.pk),
    )

    assert response.status_code == 200
    assert not Action.objects.filter(title="Ohjaamojen yhteinen chat").exists()


def test_an_action_cannot_take_a_goal_of_another_focus_area(coordinator_client, region, plan):
    other_area = FocusArea.objects.create(strategy=plan["strategy"], number=2, title="Toinen")
    foreign_goal = Goal.objects.create(focus_area=other_area, title="Vieras tavoite")

    response = coordinator_client.post(
        editor_url(region, "action_add", focus_area=plan["focus_area"].pk),
        action_data(plan, goals=[foreign_goal.pk]),
    )

    assert response.status_code == 200
    assert not Action.objects.filter(title="Ohjaamojen yhteinen chat").exists()


def indicator_data(plan, **changes):
    data = {
        "title": "Koulutustaso",
        "description": "",
        "unit": "%",
        "direction": "increase",
        "baseline": "12,5",
        "baseline_year": 2020,
        "target": "",
        "target_year": "",
        "focus_areas": [plan["focus_area"].pk],
    }
    return {**data, **changes}


def test_coordinator_adds_an_indicator_with_a_finnish_decimal(coordinator_client, region, plan):
    response = coordinator_client.post(editor_url(region, "indicator_add"), indicator_data(plan))

    assert response.status_code == 302
    indicator = Indicator.objects.get(title="Koulutustaso")
    assert indicator.baseline == Decimal("12.5")
    assert list(indicator.focus_areas.all()) == [plan["focus_area"]]


def test_a_baseline_without_its_year_is_refused(coordinator_client, region, plan):
    response = coordinator_client.post(
        editor_url(region, "indicator_add"), indicator_data(plan, baseline_year="")
    )

    assertContains(response, "Anna lähtötason vuosi.")
    assert not Indicator.objects.filter(title="Koulutustaso").exists()


def test_a_duplicate_indicator_title_is_refused(coordinator_client, region, plan):
    response = coordinator_client.post(
        editor_url(region, "indicator_add"), indicator_data(plan, title="Työllisyysaste")
    )

    assertContains(response, "Strategiassa on jo tämänniminen mittari.")
    assert Indicator.objects.count() == 1


def test_coordinator_adds_a_yearly_value_with_a_decimal_comma(coordinator_client, region, plan):
    indicator = plan["indicator"]

    response = coordinator_client.post(
        editor_url(region, "indicator_value_add", indicator=indicator.pk),
        {"year": 2023, "value": "72,4", "source": "Tilastokeskus", "source_url": ""},
    )

    assert response.status_code == 302
    assert indicator.values.get(year=2023).value == Decimal("72.4")


def test_a_second_value_for_the_same_year_comes_back_in_finnish(coordinator_client, region, plan):
    indicator = plan["indicator"]

    response = coordinator_client.post(
        editor_url(region, "indicator_value_add", indicator=indicator.pk),
        {"year": 2022, "value": "71"},
    )

    assert response.status_code == 200
    assertContains(response, "Mittarilla on jo arvo vuodelle 2022.")
    assert list(indicator.values.values_list("year", "value")) == [(2022, Decimal("70.00"))]


def test_a_value_that_is_not_a_number_is_refused(coordinator_client, region, plan):
    value = plan["value"]

    response = coordinator_client.post(
        editor_url(region, "indicator_value_edit", pk=value.pk), {"year": 2022, "value": "paljon"}
    )

    assertContains(response, "Syötä luku.")
    assertContains(response, 'value="paljon"')
    value.refresh_from_db()
    assert value.value == Decimal("70.00")


def test_the_value_form_shows_the_stored_value_with_a_decimal_comma(
    coordinator_client, region, plan
):
    value = plan["value"]
    value.value = Decimal("70.25")
    value.save()

    response = coordinator_client.get(editor_url(region, "indicator_value_edit", pk=value.pk))

    assertContains(response, 'value="70,25"')


@pytest.mark.parametrize(
    ("name", "key", "model"),
    [
        ("focus_area_delete", "focus_area", FocusArea),
        ("action_delete", "action", Action),
        ("indicator_delete", "indicator", Indicator),
        ("indicator_value_delete", "value", IndicatorValue),
        ("goal_delete", "goal", Goal),
    ],
)
def test_delete_asks_for_confirmation_and_deletes_only_on_post(
    coordinator_client, region, plan, name, key, model
):
    target = {
        "action": plan["actions"][0],
        "goal": plan["goals"][0],
    }.get(key) or plan[key]
    url = editor_url(region, name, pk=target.pk)

    response = coordinator_client.get(url)

    assertContains(response, "Poista")
    assert model.objects.filter(pk=target.pk).exists()

    response = coordinator_client.post(url)

    assert response.status_code == 302
    assert not model.objects.filter(pk=target.pk).exists()


def test_the_action_form_offers_not_known_for_the_lead_and_the_responsibles(
    coordinator_client, region, plan
):
    response = coordinator_client.post(
        editor_url(region, "action_add", focus_area=plan["focus_area"].pk),
        action_data(
            plan,
            lead_organisation="",
            lead_unknown="on",
            responsible_organisations=[],
            responsibles_unknown="on",
            status="unknown",
        ),
    )

    assert response.status_code == 302
    action = Action.objects.get(title="Ohjaamojen yhteinen chat")
    assert (action.lead_organisation, action.lead_unknown) == (None, True)
    assert action.responsibles_unknown
    assert action.status == Action.Status.UNKNOWN


def test_an_action_cannot_name_a_lead_and_call_it_not_known(coordinator_client, region, plan):
    response = coordinator_client.post(
        editor_url(region, "action_add", focus_area=plan["focus_area"].pk),
        action_data(plan, lead_unknown="on", responsibles_unknown="on"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"lead_unknown", "responsibles_unknown"}
    assert not Action.objects.filter(title="Ohjaamojen yhteinen chat").exists()
