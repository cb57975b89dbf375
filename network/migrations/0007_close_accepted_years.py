"""Close the years whose annual report was accepted before years could close."""

from django.db import migrations
from django.utils import timezone


def close_accepted_years(apps, schema_editor):
    AnnualReport = apps.get_model("reporting", "AnnualReport")
    ClosedYear = apps.get_model("network", "ClosedYear")
    for report in AnnualReport.objects.filter(status="accepted").order_by("pk"):
        ClosedYear.objects.get_or_create(
            region_id=report.region_id,
            year=report.year,
            defaults={
                "closed_at": report.reviewed_at or timezone.now(),
                "closed_by_id": report.reviewed_by_id,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_closed_years"),
        ("reporting", "0006_reminders_and_entry_deadlines"),
    ]

    operations = [migrations.RunPython(close_accepted_years, migrations.RunPython.noop)]
