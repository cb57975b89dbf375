"""The national strategy 2020-2023, its six goals and nine key measures get their Swedish and
English titles (``strategy.reference``); the descriptions stay Finnish.

Only blank columns of rows whose Finnish title is still the reference one are written (see
``network.reference.fill_translations``). Reversing leaves the titles.
"""

from django.db import migrations

from strategy.reference import fill_national_strategy_names


def name_national_strategy(apps, schema_editor):
    fill_national_strategy_names(
        apps.get_model("strategy", "NationalStrategy"),
        apps.get_model("strategy", "NationalGoal"),
        apps.get_model("strategy", "KeyMeasure"),
    )


class Migration(migrations.Migration):
    dependencies = [("strategy", "0011_swedish_and_english_content")]

    operations = [migrations.RunPython(name_national_strategy, migrations.RunPython.noop)]
