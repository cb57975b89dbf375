"""A database made before plan objects had a lineage gets one for every row, the same for an
object and its copies in the versions revised from it, so existing revisions compare well.

The rows are written through the migration state of before ``strategy.0005``, the database is
migrated forward, and the lineages are read through today's models.
"""

import datetime as dt

import pytest

from strategy.comparison import compare_versions
from strategy.models import Action, FocusArea, Goal, Indicator, Strategy
from tests.migrations import latest, migrate

BEFORE = [("strategy", "0004_plan_actions_and_projects")]


@pytest.mark.django_db(transaction=True)
def test_existing_versions_get_the_lineages_of_their_predecessors():
    try:
        old = migrate(BEFORE).loader.project_state(BEFORE).apps
        region, _ = old.get_model("network", "Region").objects.get_or_create(
            slug="kaakkois-suomi", defaults={"name": "Kaakkois-Suomi"}
        )
        strategies = old.get_model("strategy", "Strategy").objects
        first = strategies.create(
            region=region,
            title="KASELO",
            start_year=2021,
            end_year=2027,
            vision="Visio",
            version=1,
            is_current=False,
        )
        second = strategies.create(
            region=region,
            title="KASELO",
            start_year=2021,
            end_year=2027,
            vision="Visio",
            version=2,
            previous=first,
        )
        rows = {}
        for strategy in (first, second):
            area = old.get_model("strategy", "FocusArea").objects.create(
                strategy=strategy, number=1, title="SAAVUTETTAVUUS"
            )
            goals = old.get_model("strategy", "Goal").objects
            rows[strategy.version, "goal"] = goals.create(
                focus_area=area, title="Ohjaus kaikille", position=0
            )
            # Two goals at one position: each finds its own copy, by title.
            rows[strategy.version, "twin"] = goals.create(
                focus_area=area, title="Ohjaus verkossa", position=0
            )
            actions = old.get_model("strategy", "Action").objects
            # The revision swapped two actions' places and renamed a third.
            first_place, second_place = (0, 1) if strategy.version == 1 else (1, 0)
            rows[strategy.version, "chat"] = actions.create(
                focus_area=area, title="Ohjaamon chat", position=first_place
            )
            rows[strategy.version, "walk"] = actions.create(
                focus_area=area, title="Jalkautuva ohjaus", position=second_place
            )
            rows[strategy.version, "fair"] = actions.create(
                focus_area=area,
                title="Koulutusmessut" if strategy.version == 1 else "Koulutusmessut 2024",
                position=2,
            )
            rows[strategy.version, "indicator"] = old.get_model(
                "strategy", "Indicator"
            ).objects.create(strategy=strategy, title="Työllisyysaste")
        # A goal deleted from version 2: only its history is left.
        old.get_model("strategy", "HistoricalGoal").objects.create(
            id=9999,
            focus_area_id=rows[2, "goal"].focus_area_id,
            title="Poistettu tavoite",
            position=5,
            history_date=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
            history_type="-",
        )
        old.get_model("strategy", "HistoricalGoal").objects.create(
            id=rows[2, "goal"].pk,
            focus_area_id=rows[2, "goal"].focus_area_id,
            title="Ohjaus kaikille",
            position=0,
            history_date=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
            history_type="+",
        )

        migrate(latest())

        def lineage(version, name):
            row = rows[version, name]
            model = {"indicator": Indicator, "chat": Action, "walk": Action, "fair": Action}.get(
                name, Goal
            )
            return model.objects.get(pk=row.pk).lineage

        for name in ("goal", "twin", "chat", "walk", "fair", "indicator"):
            assert lineage(1, name) == lineage(2, name), name
        assert len({lineage(1, name) for name in ("goal", "twin", "chat", "walk", "fair")}) == 5
        areas = FocusArea.objects.order_by("strategy__version")
        assert areas[0].lineage == areas[1].lineage
        # History rows carry their object's lineage; a deleted object's records their own.
        assert Goal.history.get(id=rows[2, "goal"].pk).lineage == lineage(2, "goal")
        deleted = Goal.history.get(id=9999).lineage
        assert deleted not in {lineage(2, name) for name in ("goal", "twin")}
        # So the two versions compare as what the revision changed.
        comparison = compare_versions(
            Strategy.objects.get(pk=first.pk), Strategy.objects.get(pk=second.pk)
        )
        [renamed] = comparison.actions.changed
        assert renamed.item.title == "Koulutusmessut 2024"
        assert (comparison.goals.count, comparison.actions.count) == (0, 1)
    finally:
        migrate(latest())
