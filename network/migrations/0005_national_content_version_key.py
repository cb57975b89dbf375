"""The national content version moves from a NULL region to the fixed key 0, so "one row
per region" is a plain unique column that SQLite and PostgreSQL both enforce."""

from django.db import migrations, models


def null_to_zero(apps, schema_editor):
    ContentVersion = apps.get_model("network", "ContentVersion")
    ContentVersion.objects.filter(region_id__isnull=True).update(region_id=0)


def zero_to_null(apps, schema_editor):
    ContentVersion = apps.get_model("network", "ContentVersion")
    ContentVersion.objects.filter(region_id=0).update(region_id=None)


class Migration(migrations.Migration):
    dependencies = [("network", "0004_content_version")]

    operations = [
        migrations.RemoveConstraint(
            model_name="contentversion", name="one_content_version_per_region"
        ),
        migrations.RunPython(null_to_zero, zero_to_null),
        migrations.AlterField(
            model_name="contentversion",
            name="region_id",
            field=models.BigIntegerField(unique=True),
        ),
    ]
