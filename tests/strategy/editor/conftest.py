"""Personas and a small action plan for the editor's tests."""

import pytest

from network.models import Membership
from tests.factories import (
    ActionFactory,
    CoordinatorFactory,
    GoalFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    MembershipFactory,
    NationalGoalFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _no_two_factor_step(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False


@pytest.fixture
def coordinator(region):
    return CoordinatorFactory(region=region, user__email="koordinaattori@ely-keskus.fi").user


@pytest.fixture
def organisation_editor(region):
    return MembershipFactory(
        organisation__region=region,
        user__email="toimittaja@ohjaamo.fi",
        role=Membership.Role.EDITOR,
    ).user


@pytest.fixture
def other_coordinator(db):
    return CoordinatorFactory(region=RegionFactory(name="Lappi", slug="lappi")).user


@pytest.fixture
def national_team(db):
    return UserFactory(email="kansallinen@okm.fi", is_national_team=True)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def plan(strategy, focus_area):
    """A focus area with two goals, three actions in order, an indicator with a value."""
    NationalGoalFactory(number=1, title="Saavutettavasti ja asiakaslähtöisesti")
    goals = GoalFactory.create_batch(2, focus_area=focus_area)
    organisation = OrganisationFactory(region=strategy.region, name="Ohjaamo Kotka")
    actions = [
        ActionFactory(focus_area=focus_area, title=title, position=position)
        for position, title in enumerate(["Ensimmäinen", "Toinen", "Kolmas"])
    ]
    actions[0].goals.set(goals[:1])
    actions[0].responsible_organisations.set([organisation])
    indicator = IndicatorFactory(strategy=strategy, title="Työllisyysaste")
    indicator.focus_areas.set([focus_area])
    value = IndicatorValueFactory(indicator=indicator, year=2022, value=70)
    return {
        "strategy": strategy,
        "focus_area": focus_area,
        "goals": goals,
        "actions": actions,
        "organisation": organisation,
        "indicator": indicator,
        "value": value,
    }
