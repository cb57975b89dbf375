"""A small action plan for the editor's tests; the personas are the shared ones."""

import pytest

from tests.factories import (
    ActionFactory,
    GoalFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    NationalGoalFactory,
)


@pytest.fixture(autouse=True)
def _no_two_factor_step(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def plan(strategy, focus_area, kotka):
    """A focus area with two goals, three actions in order, an indicator with a value."""
    NationalGoalFactory(number=1, title="Saavutettavasti ja asiakaslähtöisesti")
    goals = GoalFactory.create_batch(2, focus_area=focus_area)
    organisation = kotka
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
