"""Seed 001's reporting framework (themes, sub-themes, levels): reference data every
deployment has, written from ``reporting.framework`` with the historical models."""

from django.db import migrations

from reporting.framework import write_framework


def add_framework(apps, schema_editor):
    write_framework(
        apps.get_model("reporting", "Theme"),
        apps.get_model("reporting", "SubTheme"),
        apps.get_model("reporting", "Level"),
    )


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [migrations.RunPython(add_framework, migrations.RunPython.noop)]
