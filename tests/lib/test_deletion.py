"""lib.deletion counts what a delete takes: the numbers are what really goes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import GoodPractice, GuidanceAction
from events.models import Event
from lib.deletion import summarize
from strategy.models import Action, FocusArea, Goal, Indicator, Project
from tests.factories import (
    ActionFactory,
    EventFactory,
    GoalFactory,
    GoodPracticeFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    NationalGoalFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

#: label key → the table whose rows it counts.
TABLES = {
    "strategy.Goal": lambda: Goal,
    "strategy.Action": lambda: Action,
    "strategy.Action.goals": lambda: Action.goals.through,
    "strategy.Action.responsible_organisations": lambda: Action.responsible_organisations.through,
    "strategy.Project.actions": lambda: Project.actions.through,
    "strategy.FocusArea.national_goals": lambda: FocusArea.national_goals.through,
    "strategy.Indicator.focus_areas": lambda: Indicator.focus_areas.through,
    "actions.GuidanceAction.focus_areas": lambda: GuidanceAction.focus_areas.through,
    "actions.GuidanceAction.goals": lambda: GuidanceAction.goals.through,
    "actions.GoodPractice.focus_areas": lambda: GoodPractice.focus_areas.through,
    "actions.GoodPractice.actions": lambda: GoodPractice.actions.through,
    "events.Event.focus_areas": lambda: Event.focus_areas.through,
}


def row_counts():
    return {key: table()._base_manager.count() for key, table in TABLES.items()}


def linked_focus_area(focus_area, region, kotka, *, size):
    """A focus area with ``size`` goals, twice as many actions and every kind of link to them."""
    goals = GoalFactory.create_batch(size, focus_area=focus_area)
    actions = ActionFactory.create_batch(2 * size, focus_area=focus_area)
    for action in actions:
        action.goals.set(goals)  # reached through the goals and through the actions: once
        action.responsible_organisations.set([kotka])
    focus_area.national_goals.set([NationalGoalFactory()])
    IndicatorFactory(strategy=focus_area.strategy).focus_areas.set([focus_area])
    ProjectFactory(region=region).actions.set(actions[:1])
    for _ in range(size):
        entry = GuidanceActionFactory(organisation=kotka)
        entry.focus_areas.set([focus_area])
        entry.goals.set(goals)
    EventFactory(region=region).focus_areas.set([focus_area])
    practice = GoodPracticeFactory(region=region)
    practice.focus_areas.set([focus_area])
    practice.actions.set(actions)
    return goals, actions


def test_the_counts_of_a_focus_area_are_what_its_delete_removes(focus_area, region, kotka):
    linked_focus_area(focus_area, region, kotka, size=3)
    summary = summarize(focus_area)
    before = row_counts()

    focus_area.delete()

    after = row_counts()
    removed = {key: before[key] - after[key] for key in TABLES}
    assert {key: summary.count(key) for key in TABLES} == removed
    assert removed == {
        "strategy.Goal": 3,
        "strategy.Action": 6,
        "strategy.Action.goals": 18,
        "strategy.Action.responsible_organisations": 6,
        "strategy.Project.actions": 1,
        "strategy.FocusArea.national_goals": 1,
        "strategy.Indicator.focus_areas": 1,
        "actions.GuidanceAction.focus_areas": 3,
        "actions.GuidanceAction.goals": 9,
        "actions.GoodPractice.focus_areas": 1,
        "actions.GoodPractice.actions": 6,
        "events.Event.focus_areas": 1,
    }
    labels = [item.label for item in summary.affected]
    assert "3 tavoitetta" in labels
    assert "6 toimenpidettä" in labels
    assert "3 ohjaustoimenpiteen linkkiä painopisteeseen" in labels
    assert "1 tapahtuman linkki painopisteeseen" in labels


def test_the_entries_losing_a_link_are_counted_once_each(focus_area, region, kotka):
    linked_focus_area(focus_area, region, kotka, size=2)

    owners = summarize(focus_area).linked_owners(lambda m2m: m2m.model is not Action)

    by_label = {model._meta.label: count for model, count in owners.items()}
    # Two entries linked to the area and to both goals; a project is linked to one action.
    assert by_label["actions.GuidanceAction"] == 2
    assert by_label["events.Event"] == 1
    assert by_label["actions.GoodPractice"] == 1
    assert by_label["strategy.Project"] == 1


def test_the_query_count_does_not_grow_with_the_rows(strategy, region, kotka):
    small = strategy.focus_areas.create(number=11, title="Pieni")
    large = strategy.focus_areas.create(number=12, title="Suuri")
    linked_focus_area(small, region, kotka, size=1)
    linked_focus_area(large, region, kotka, size=6)

    with CaptureQueriesContext(connection) as small_queries:
        summarize(small).linked_owners(lambda m2m: True)
    with CaptureQueriesContext(connection) as large_queries:
        summarize(large).linked_owners(lambda m2m: True)

    # One query a kind of link (focus areas, goals, actions, key measures, ...), whatever
    # the rows.
    assert len(small_queries) == len(large_queries) <= 24
