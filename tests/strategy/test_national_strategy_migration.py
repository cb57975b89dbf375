"""A database made when the portal kept five national goals keeps its focus areas' links.

Goal 2 then read "Laadukkaasti ja yhdenvertaisesti", two of the strategy's six goals under
one label. Migrating forward parts it: the row becomes "Laadukkaasti", "Yhdenvertaisesti ja
kestävästi" is added, and a focus area linked to the joint label is linked to both; every
other link stays as it was.
"""

from importlib import import_module

import pytest

from strategy.models import FocusArea, KeyMeasure, NationalGoal
from tests.migrations import latest, migrate

BEFORE = [("strategy", "0007_draft_revisions")]


@pytest.mark.django_db(transaction=True)
def test_links_to_the_joint_goal_become_links_to_both_goals_and_others_stay():
    try:
        old = migrate(BEFORE).loader.project_state(BEFORE).apps
        # A transactional test before this one may have flushed the reference rows: write
        # the five goals as their migration did.
        import_module("strategy.migrations.0003_national_goals").add_goals(old, None)
        goals = {
            goal.number: goal for goal in old.get_model("strategy", "NationalGoal").objects.all()
        }
        assert goals[2].title == "Laadukkaasti ja yhdenvertaisesti"
        assert 6 not in goals
        region, _ = old.get_model("network", "Region").objects.get_or_create(
            slug="kaakkois-suomi", defaults={"name": "Kaakkois-Suomi"}
        )
        strategy = old.get_model("strategy", "Strategy").objects.create(
            region=region, title="KASELO-strategia", start_year=2021, end_year=2027, vision="Visio"
        )
        quality = old.get_model("strategy", "FocusArea").objects.create(
            strategy=strategy, number=3, title="OHJAUKSEN LAADUN KEHITTÄMINEN"
        )
        quality.national_goals.set([goals[2], goals[5]])
        cooperation = old.get_model("strategy", "FocusArea").objects.create(
            strategy=strategy, number=2, title="MONIALAISEN YHTEISTYÖN KOORDINOINTI"
        )
        cooperation.national_goals.set([goals[4]])

        migrate(latest())

        def linked(pk: int) -> list[tuple[int, str]]:
            return list(
                FocusArea.national_goals.through.objects.filter(focusarea_id=pk)
                .order_by("nationalgoal__number")
                .values_list("nationalgoal__number", "nationalgoal__title")
            )

        assert linked(quality.pk) == [
            (2, "Laadukkaasti"),
            (5, "Tietoon perustuen"),
            (6, "Yhdenvertaisesti ja kestävästi"),
        ]
        assert linked(cooperation.pk) == [(4, "Monialaisesti ja koordinoidusti")]
        # The rows kept their ids: links elsewhere (history, exports) still point right.
        assert NationalGoal.objects.get(number=2).pk == goals[2].pk
        assert NationalGoal.objects.count() == 6
        assert KeyMeasure.objects.count() == 9
    finally:
        migrate(latest())
