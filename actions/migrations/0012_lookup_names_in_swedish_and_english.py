"""The target groups and guidance channels get their Swedish and English names
(``actions.lookups``).

Only blank columns of rows whose Finnish name is still the reference one are written (see
``network.reference.fill_translations``). Reversing leaves the names.
"""

from django.db import migrations

from actions.lookups import fill_lookup_names


def name_lookups(apps, schema_editor):
    fill_lookup_names(
        apps.get_model("actions", "TargetGroup"), apps.get_model("actions", "GuidanceChannel")
    )


class Migration(migrations.Migration):
    dependencies = [("actions", "0011_swedish_and_english_content")]

    operations = [migrations.RunPython(name_lookups, migrations.RunPython.noop)]
