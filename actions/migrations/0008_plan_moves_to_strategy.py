"""The plan's Action and Project leave ``actions``' state: ``strategy.0004`` holds them now.

Nothing changes in the database here; the tables were renamed by ``strategy.0004``.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0007_relink_entries_to_current_strategy"),
        ("events", "0005_projects_in_strategy"),
        ("strategy", "0004_plan_actions_and_projects"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="action",
                    name="focus_area",
                ),
                migrations.RemoveField(
                    model_name="action",
                    name="goals",
                ),
                migrations.RemoveField(
                    model_name="action",
                    name="lead_organisation",
                ),
                migrations.RemoveField(
                    model_name="action",
                    name="responsible_organisations",
                ),
                migrations.RemoveField(
                    model_name="historicalaction_goals",
                    name="action",
                ),
                migrations.RemoveField(
                    model_name="historicalaction_responsible_organisations",
                    name="action",
                ),
                migrations.RemoveField(
                    model_name="project",
                    name="actions",
                ),
                migrations.RemoveField(
                    model_name="historicalaction",
                    name="focus_area",
                ),
                migrations.RemoveField(
                    model_name="historicalaction",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalaction",
                    name="lead_organisation",
                ),
                migrations.RemoveField(
                    model_name="historicalaction_goals",
                    name="history",
                ),
                migrations.RemoveField(
                    model_name="historicalaction_responsible_organisations",
                    name="history",
                ),
                migrations.RemoveField(
                    model_name="historicalaction_goals",
                    name="goal",
                ),
                migrations.RemoveField(
                    model_name="historicalaction_responsible_organisations",
                    name="organisation",
                ),
                migrations.RemoveField(
                    model_name="project",
                    name="organisations",
                ),
                migrations.RemoveField(
                    model_name="project",
                    name="region",
                ),
                migrations.AlterField(
                    model_name="goodpractice",
                    name="actions",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="good_practices",
                        to="strategy.action",
                        verbose_name="actions",
                    ),
                ),
                migrations.DeleteModel(
                    name="Action",
                ),
                migrations.DeleteModel(
                    name="HistoricalAction",
                ),
                migrations.DeleteModel(
                    name="HistoricalAction_goals",
                ),
                migrations.DeleteModel(
                    name="HistoricalAction_responsible_organisations",
                ),
                migrations.DeleteModel(
                    name="Project",
                ),
            ],
        ),
    ]
