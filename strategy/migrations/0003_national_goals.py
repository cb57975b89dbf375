"""The national strategy's goals, reference data every deployment has (strategy.reference)."""

from django.db import migrations

from strategy.reference import write_national_goals


def add_goals(apps, schema_editor):
    write_national_goals(apps.get_model("strategy", "NationalGoal"))


class Migration(migrations.Migration):
    dependencies = [("strategy", "0002_historicalfocusarea_and_more")]

    operations = [migrations.RunPython(add_goals, migrations.RunPython.noop)]
