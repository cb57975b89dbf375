"""Focus areas, goals, actions and indicators get a ``lineage``: the identity an object keeps
across the strategy's versions, so two versions can be compared object by object.

The column is added empty, filled, then made required, so each row gets its own lineage
(a default on ``AddField`` is evaluated once and would give every row the same one). A
version revised from another takes each object's lineage from its counterpart there, found
as ``strategy.services.counterpart`` finds it: a focus area by its number, a goal or an action
by its focus area's number and position (its title first, where positions moved), an
indicator by its title. History rows take the lineage of their object; the records of a
deleted object share one of their own, so a restored object keeps its identity.
"""

import uuid
from collections import defaultdict

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

KINDS = ["FocusArea", "Goal", "Action", "Indicator"]


def _claim(rows, previous, keys):
    """Give each row the lineage of the first unclaimed previous row with the same key, pass
    by pass (``keys`` from the most to the least telling); the rest get a lineage of their own.
    """
    claimed = set()
    unmatched = list(rows)
    for key in keys:
        candidates = defaultdict(list)
        for old in previous:
            if old.pk not in claimed:
                candidates[key(old)].append(old)
        still = []
        for row in unmatched:
            match = next((old for old in candidates[key(row)] if old.pk not in claimed), None)
            if match is None:
                still.append(row)
            else:
                claimed.add(match.pk)
                row.lineage = match.lineage
        unmatched = still
    for row in unmatched:
        row.lineage = uuid.uuid4()


def give_lineages(apps, schema_editor):
    Strategy = apps.get_model("strategy", "Strategy")
    FocusArea = apps.get_model("strategy", "FocusArea")
    Goal = apps.get_model("strategy", "Goal")
    Action = apps.get_model("strategy", "Action")
    Indicator = apps.get_model("strategy", "Indicator")

    def of(model, strategy, path):
        return list(
            model.objects.filter(**{path: strategy}).select_related(*(
                ["focus_area"] if path.startswith("focus_area") else []
            )).order_by("pk")
        )

    def in_area(key):
        return lambda row: (row.focus_area.number, *key(row))

    # Earlier versions first, so a revision finds its predecessor's lineages set.
    done = {}
    for strategy in Strategy.objects.order_by("region_id", "version", "pk"):
        previous = done.get(strategy.previous_id)
        rows = {
            "focus_areas": of(FocusArea, strategy, "strategy"),
            "goals": of(Goal, strategy, "focus_area__strategy"),
            "actions": of(Action, strategy, "focus_area__strategy"),
            "indicators": of(Indicator, strategy, "strategy"),
        }
        empty = defaultdict(list)
        before = previous or empty
        _claim(rows["focus_areas"], before["focus_areas"], [lambda r: r.number])
        for kind in ("goals", "actions"):
            _claim(
                rows[kind],
                before[kind],
                [
                    in_area(lambda r: (r.position, r.title)),
                    in_area(lambda r: (r.title,)),
                    in_area(lambda r: (r.position,)),
                ],
            )
        _claim(rows["indicators"], before["indicators"], [lambda r: r.title])
        for kind, model in zip(rows, (FocusArea, Goal, Action, Indicator)):
            model.objects.bulk_update(rows[kind], ["lineage"], batch_size=500)
        done[strategy.pk] = rows

    for name in KINDS:
        model = apps.get_model("strategy", name)
        historical = apps.get_model("strategy", f"Historical{name}")
        historical.objects.update(
            lineage=Subquery(model.objects.filter(pk=OuterRef("id")).values("lineage")[:1])
        )
        gone = historical.objects.filter(lineage__isnull=True).values_list("id", flat=True)
        for object_id in set(gone):
            historical.objects.filter(id=object_id).update(lineage=uuid.uuid4())


def lineage(null):
    if null:
        return models.UUIDField(null=True, editable=False, verbose_name="lineage")
    return models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, verbose_name="lineage")


MODELS = ["focusarea", "goal", "action", "indicator"]


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0004_content_version"),
        ("strategy", "0005_indicator_decimals_and_value_note"),
    ]

    operations = [
        *(
            migrations.AddField(model_name=prefix + name, name="lineage", field=lineage(null=True))
            for name in MODELS
            for prefix in ("", "historical")
        ),
        migrations.RunPython(give_lineages, migrations.RunPython.noop),
        *(
            migrations.AlterField(model_name=prefix + name, name="lineage", field=lineage(null=False))
            for name in MODELS
            for prefix in ("", "historical")
        ),
        migrations.AddConstraint(
            model_name="action",
            constraint=models.UniqueConstraint(
                fields=("focus_area", "lineage"), name="action_unique_lineage"
            ),
        ),
        migrations.AddConstraint(
            model_name="focusarea",
            constraint=models.UniqueConstraint(
                fields=("strategy", "lineage"), name="focus_area_unique_lineage"
            ),
        ),
        migrations.AddConstraint(
            model_name="goal",
            constraint=models.UniqueConstraint(
                fields=("focus_area", "lineage"), name="goal_unique_lineage"
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.UniqueConstraint(
                fields=("strategy", "lineage"), name="indicator_unique_lineage"
            ),
        ),
    ]
