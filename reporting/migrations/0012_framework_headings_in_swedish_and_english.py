"""Every year's reporting framework gets seed 001's headings in Swedish and English: themes,
sub-themes and the levels' titles (``reporting.framework.HEADINGS``); the levels' activities
stay Finnish.

Rows are matched by their numbers in the seed and their Finnish wording; only blank columns
are written (see ``network.reference.fill_translations``). Reversing leaves the headings.
"""

from django.db import migrations

from reporting.framework import fill_framework_names


def name_framework(apps, schema_editor):
    fill_framework_names(
        apps.get_model("reporting", "Theme"),
        apps.get_model("reporting", "SubTheme"),
        apps.get_model("reporting", "Level"),
    )


class Migration(migrations.Migration):
    dependencies = [("reporting", "0011_swedish_and_english_content")]

    operations = [migrations.RunPython(name_framework, migrations.RunPython.noop)]
