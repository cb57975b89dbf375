"""The 15 ELY regions and KASELO's provinces, reference data every deployment has.

The rows come from ``network.reference``, written with the historical models; running the
writer again (``load_demo`` does) changes nothing. Reversing leaves the rows in place.
"""

from django.db import migrations

from network.reference import write_regions


def add_regions(apps, schema_editor):
    write_regions(apps.get_model("network", "Region"), apps.get_model("network", "Province"))


class Migration(migrations.Migration):
    dependencies = [("network", "0002_coordinator")]

    operations = [migrations.RunPython(add_regions, migrations.RunPython.noop)]
