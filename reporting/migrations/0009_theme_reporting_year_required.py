"""Every theme belongs to a year now (``0008``): the link is required, numbers unique per year."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reporting", "0008_framework_per_year")]

    operations = [
        migrations.AlterField(
            model_name="theme",
            name="reporting_year",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="themes",
                to="reporting.reportingyear",
                verbose_name="reporting year",
            ),
        ),
        migrations.AlterModelOptions(
            name="theme",
            options={
                "ordering": ["reporting_year__year", "number"],
                "verbose_name": "theme",
                "verbose_name_plural": "themes",
            },
        ),
        migrations.AddConstraint(
            model_name="theme",
            constraint=models.UniqueConstraint(
                fields=("reporting_year", "number"), name="theme_unique_number_in_year"
            ),
        ),
    ]
