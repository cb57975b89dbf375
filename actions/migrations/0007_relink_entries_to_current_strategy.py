"""Link logged entries to their region's current strategy version.

Before revisions carried the links over (``strategy.services.relink_entries``), a
revision left guidance actions, events and good practices linked to the old version's
focus areas and goals, which the lists, filters, forms and exports no longer show. Each
such link moves to the current version's focus area of the same number (a goal: of the
same focus area number and title); a link the entry already has is not repeated.
"""

from django.db import migrations


def relink(apps, schema_editor):
    Strategy = apps.get_model("strategy", "Strategy")
    FocusArea = apps.get_model("strategy", "FocusArea")
    Goal = apps.get_model("strategy", "Goal")
    GuidanceAction = apps.get_model("actions", "GuidanceAction")
    GoodPractice = apps.get_model("actions", "GoodPractice")
    Event = apps.get_model("events", "Event")
    links = [
        (GuidanceAction.focus_areas.through, "guidanceaction_id", "focusarea_id"),
        (Event.focus_areas.through, "event_id", "focusarea_id"),
        (GoodPractice.focus_areas.through, "goodpractice_id", "focusarea_id"),
        (GuidanceAction.goals.through, "guidanceaction_id", "goal_id"),
    ]
    for current in Strategy.objects.filter(is_current=True):
        numbers = dict(FocusArea.objects.filter(strategy=current).values_list("number", "pk"))
        focus_areas = {
            pk: numbers[number]
            for pk, number in FocusArea.objects.filter(strategy__region_id=current.region_id)
            .exclude(strategy=current)
            .values_list("pk", "number")
            if number in numbers
        }
        titles = {
            (number, title): pk
            for pk, number, title in Goal.objects.filter(focus_area__strategy=current).values_list(
                "pk", "focus_area__number", "title"
            )
        }
        goals = {
            pk: titles[(number, title)]
            for pk, number, title in Goal.objects.filter(
                focus_area__strategy__region_id=current.region_id
            )
            .exclude(focus_area__strategy=current)
            .values_list("pk", "focus_area__number", "title")
            if (number, title) in titles
        }
        for through, entry_column, target_column in links:
            mapping = goals if target_column == "goal_id" else focus_areas
            if not mapping:
                continue
            existing = set(
                through.objects.filter(
                    **{f"{target_column}__in": list(set(mapping.values()))}
                ).values_list(entry_column, target_column)
            )
            for pk, entry_id, target_id in through.objects.filter(
                **{f"{target_column}__in": list(mapping)}
            ).values_list("pk", entry_column, target_column):
                link = (entry_id, mapping[target_id])
                if link in existing:
                    through.objects.filter(pk=pk).delete()
                else:
                    existing.add(link)
                    through.objects.filter(pk=pk).update(**{target_column: link[1]})


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0006_good_practice_decision"),
        ("events", "0004_event_review_and_upcoming_indexes"),
        ("strategy", "0002_historicalfocusarea_and_more"),
    ]

    operations = [migrations.RunPython(relink, migrations.RunPython.noop)]
