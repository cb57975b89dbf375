"""Themes belong to a reporting year: the link, nullable until ``0008`` fills it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reporting", "0006_reminders_and_entry_deadlines")]

    operations = [
        migrations.AddField(
            model_name="theme",
            name="reporting_year",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="themes",
                to="reporting.reportingyear",
                verbose_name="reporting year",
            ),
        ),
        migrations.AlterField(
            model_name="theme",
            name="number",
            field=models.PositiveSmallIntegerField(verbose_name="number"),
        ),
    ]
