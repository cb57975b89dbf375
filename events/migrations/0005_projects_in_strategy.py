"""An event's projects now live in ``strategy`` (state only: the table was renamed there)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_event_review_and_upcoming_indexes"),
        ("strategy", "0004_plan_actions_and_projects"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="event",
                    name="projects",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="events",
                        to="strategy.project",
                        verbose_name="projects",
                    ),
                ),
            ],
        ),
    ]
