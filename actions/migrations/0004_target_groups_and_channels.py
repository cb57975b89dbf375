"""The target groups and guidance channels a logged action can name (see actions.lookups)."""

from django.db import migrations

from actions.lookups import write_lookup_rows


def add_rows(apps, schema_editor):
    write_lookup_rows(apps.get_model("actions", "TargetGroup"), apps.get_model("actions", "GuidanceChannel"))


class Migration(migrations.Migration):
    dependencies = [("actions", "0003_guidancechannel_targetgroup_goodpractice_proposed_by_and_more")]

    operations = [migrations.RunPython(add_rows, migrations.RunPython.noop)]
