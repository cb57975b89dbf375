"""The plan's actions and funded projects move from ``actions`` into ``strategy``.

They are the plan, so the app that holds the plan holds them. The rows stay where they are:
the tables are renamed (nothing is copied), the models' state moves with
``SeparateDatabaseAndState``, and the content types follow, so permissions and history
rows keep pointing at them. ``actions.0008`` removes them from ``actions``' state.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MOVED_TABLES = [
    "action",
    "action_goals",
    "action_responsible_organisations",
    "historicalaction",
    "historicalaction_goals",
    "historicalaction_responsible_organisations",
    "project",
    "project_organisations",
    "project_actions",
]
MOVED_MODELS = [
    "action",
    "historicalaction",
    "historicalaction_goals",
    "historicalaction_responsible_organisations",
    "project",
]


def _relabel(apps, old: str, new: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        # A database migrated before contenttypes filled its table has nothing to move.
        if not content_type.objects.filter(app_label=new, model=model).exists():
            content_type.objects.filter(app_label=old, model=model).update(app_label=new)


def move_content_types(apps, schema_editor) -> None:
    _relabel(apps, "actions", "strategy")


def move_content_types_back(apps, schema_editor) -> None:
    _relabel(apps, "strategy", "actions")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("actions", "0007_relink_entries_to_current_strategy"),
        ("network", "0003_reference_regions"),
        ("strategy", "0003_national_goals"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE actions_{table} RENAME TO strategy_{table}",
                    reverse_sql=f"ALTER TABLE strategy_{table} RENAME TO actions_{table}",
                )
                for table in MOVED_TABLES
            ],
            state_operations=[
                migrations.CreateModel(
                    name="Action",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("title", models.CharField(max_length=300, verbose_name="title")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "responsible_note",
                            models.CharField(
                                blank=True,
                                help_text="Bodies that are not member organisations, e.g. a working group.",
                                max_length=300,
                                verbose_name="other responsible bodies",
                            ),
                        ),
                        (
                            "start_date",
                            models.DateField(blank=True, null=True, verbose_name="start date"),
                        ),
                        (
                            "end_date",
                            models.DateField(blank=True, null=True, verbose_name="end date"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("ongoing", "Ongoing"),
                                    ("done", "Done"),
                                    ("postponed", "Postponed"),
                                    ("cancelled", "Cancelled"),
                                ],
                                default="planned",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "monitoring_note",
                            models.TextField(blank=True, verbose_name="monitoring"),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(default=0, verbose_name="position"),
                        ),
                        (
                            "focus_area",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="actions",
                                to="strategy.focusarea",
                                verbose_name="focus area",
                            ),
                        ),
                        (
                            "goals",
                            models.ManyToManyField(
                                blank=True,
                                related_name="actions",
                                to="strategy.goal",
                                verbose_name="goals",
                            ),
                        ),
                        (
                            "lead_organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="led_actions",
                                to="network.organisation",
                                verbose_name="lead organisation",
                            ),
                        ),
                        (
                            "responsible_organisations",
                            models.ManyToManyField(
                                blank=True,
                                related_name="responsible_actions",
                                to="network.organisation",
                                verbose_name="responsible organisations",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "action",
                        "verbose_name_plural": "actions",
                        "ordering": ["focus_area", "position", "id"],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalAction",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("title", models.CharField(max_length=300, verbose_name="title")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "responsible_note",
                            models.CharField(
                                blank=True,
                                help_text="Bodies that are not member organisations, e.g. a working group.",
                                max_length=300,
                                verbose_name="other responsible bodies",
                            ),
                        ),
                        (
                            "start_date",
                            models.DateField(blank=True, null=True, verbose_name="start date"),
                        ),
                        (
                            "end_date",
                            models.DateField(blank=True, null=True, verbose_name="end date"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("ongoing", "Ongoing"),
                                    ("done", "Done"),
                                    ("postponed", "Postponed"),
                                    ("cancelled", "Cancelled"),
                                ],
                                default="planned",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "monitoring_note",
                            models.TextField(blank=True, verbose_name="monitoring"),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(default=0, verbose_name="position"),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "focus_area",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="strategy.focusarea",
                                verbose_name="focus area",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "lead_organisation",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organisation",
                                verbose_name="lead organisation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical action",
                        "verbose_name_plural": "historical actions",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalAction_goals",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                        (
                            "action",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                db_tablespace="",
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="strategy.action",
                            ),
                        ),
                        (
                            "goal",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                db_tablespace="",
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="strategy.goal",
                            ),
                        ),
                        (
                            "history",
                            models.ForeignKey(
                                db_constraint=False,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                to="strategy.historicalaction",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "HistoricalAction_goals",
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalAction_responsible_organisations",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                        (
                            "action",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                db_tablespace="",
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="strategy.action",
                            ),
                        ),
                        (
                            "history",
                            models.ForeignKey(
                                db_constraint=False,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                to="strategy.historicalaction",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                db_tablespace="",
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organisation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "HistoricalAction_responsible_organisations",
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Project",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "funding_source",
                            models.CharField(
                                choices=[
                                    ("esr", "ESR (European Social Fund)"),
                                    ("eakr", "EAKR (European Regional Development Fund)"),
                                    ("react_eu", "REACT-EU"),
                                    ("rrf", "RRF (Recovery and Resilience Facility)"),
                                    ("national", "National funding"),
                                    ("other", "Other"),
                                ],
                                max_length=10,
                                verbose_name="funding source",
                            ),
                        ),
                        (
                            "start_date",
                            models.DateField(blank=True, null=True, verbose_name="start date"),
                        ),
                        (
                            "end_date",
                            models.DateField(blank=True, null=True, verbose_name="end date"),
                        ),
                        ("website", models.URLField(blank=True, verbose_name="website")),
                        (
                            "actions",
                            models.ManyToManyField(
                                blank=True,
                                related_name="projects",
                                to="strategy.action",
                                verbose_name="actions",
                            ),
                        ),
                        (
                            "organisations",
                            models.ManyToManyField(
                                blank=True,
                                related_name="projects",
                                to="network.organisation",
                                verbose_name="organisations",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="projects",
                                to="network.region",
                                verbose_name="region",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "project",
                        "verbose_name_plural": "projects",
                        "ordering": ["name"],
                    },
                ),
                migrations.AddConstraint(
                    model_name="action",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("end_date__isnull", True),
                            ("start_date__isnull", True),
                            ("end_date__gte", models.F("start_date")),
                            _connector="OR",
                        ),
                        name="action_end_after_start",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="project",
                    constraint=models.UniqueConstraint(
                        fields=("region", "name"), name="project_unique_name"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="project",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("end_date__isnull", True),
                            ("start_date__isnull", True),
                            ("end_date__gte", models.F("start_date")),
                            _connector="OR",
                        ),
                        name="project_end_after_start",
                    ),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
