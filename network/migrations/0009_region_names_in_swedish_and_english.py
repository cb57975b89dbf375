"""The 15 regions get their Swedish and English names (``network.reference.REGIONS``).

Only blank columns of regions whose Finnish name is still the reference one are written (see
``network.reference.fill_translations``). Reversing leaves the names: they are blank-by-default
columns the previous state has too.
"""

from django.db import migrations

from network.reference import fill_region_names


def name_regions(apps, schema_editor):
    fill_region_names(apps.get_model("network", "Region"))


class Migration(migrations.Migration):
    dependencies = [("network", "0008_swedish_and_english_content")]

    operations = [migrations.RunPython(name_regions, migrations.RunPython.noop)]
