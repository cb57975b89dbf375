"""The national strategy 2020-2023 as data: the strategy, its six goals and nine key measures
(``strategy.reference``), and the focus areas' links to the measures.

Goal 2 was "Laadukkaasti ja yhdenvertaisesti", two of the strategy's goals under one label. It
becomes "Laadukkaasti" and "Yhdenvertaisesti ja kestävästi" is added as goal 6; a focus area
linked to the joint label served both, so it is linked to both. Every other link stays.
"""

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models


from strategy.reference import JOINT_LABEL, write_national_strategy


def write_strategy(apps, schema_editor):
    goal_model = apps.get_model("strategy", "NationalGoal")
    focus_area_model = apps.get_model("strategy", "FocusArea")
    links = focus_area_model.national_goals.through
    joint = goal_model.objects.filter(number=2, title=JOINT_LABEL).first()
    served_both = (
        list(links.objects.filter(nationalgoal=joint).values_list("focusarea_id", flat=True))
        if joint
        else []
    )
    _, goals, _ = write_national_strategy(
        apps.get_model("strategy", "NationalStrategy"),
        goal_model,
        apps.get_model("strategy", "KeyMeasure"),
    )
    links.objects.bulk_create(
        [links(focusarea_id=pk, nationalgoal_id=goals[6].pk) for pk in served_both],
        ignore_conflicts=True,
    )


def join_goals_again(apps, schema_editor):
    goal_model = apps.get_model("strategy", "NationalGoal")
    goal_model.objects.filter(number=6).delete()
    goal_model.objects.filter(number=2).update(title=JOINT_LABEL)


def check_links_now(apps, schema_editor):
    """PostgreSQL checks foreign keys at commit; the column cannot change while the rows
    written above wait for their check."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0009_action_unknown_status_and_responsibility"),
    ]

    operations = [
        migrations.CreateModel(
            name="KeyMeasure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField(verbose_name="number")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "policy_area",
                    models.CharField(
                        blank=True,
                        help_text="The government's policy entity the measure belongs to.",
                        max_length=200,
                        verbose_name="policy area",
                    ),
                ),
                (
                    "responsible",
                    models.CharField(
                        blank=True,
                        help_text="Left empty where the source does not name them: shown as not known.",
                        max_length=200,
                        verbose_name="responsible ministries and agencies",
                    ),
                ),
                ("funding", models.CharField(max_length=200, verbose_name="funding source")),
                ("start_year", models.PositiveSmallIntegerField(verbose_name="start year")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("to_be_proposed", "Funding to be proposed"),
                            ("proposed", "Funding proposed"),
                            ("granted", "Funding granted"),
                            ("unknown", "Not known"),
                        ],
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "goals",
                    models.ManyToManyField(
                        related_name="key_measures",
                        to="strategy.nationalgoal",
                        verbose_name="national goals",
                    ),
                ),
            ],
            options={
                "verbose_name": "key measure",
                "verbose_name_plural": "key measures",
                "ordering": ["national_strategy", "number"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalFocusArea_key_measures",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "focusarea",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="strategy.focusarea",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="strategy.historicalfocusarea",
                    ),
                ),
                (
                    "keymeasure",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="strategy.keymeasure",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalFocusArea_key_measures",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="focusarea",
            name="key_measures",
            field=models.ManyToManyField(
                blank=True,
                related_name="focus_areas",
                to="strategy.keymeasure",
                verbose_name="national key measures",
            ),
        ),
        migrations.CreateModel(
            name="NationalStrategy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=300, unique=True, verbose_name="title")),
                ("start_year", models.PositiveSmallIntegerField(verbose_name="first year")),
                ("end_year", models.PositiveSmallIntegerField(verbose_name="last year")),
                ("published_on", models.DateField(verbose_name="published on")),
                ("description", models.TextField(blank=True, verbose_name="description")),
            ],
            options={
                "verbose_name": "national strategy",
                "verbose_name_plural": "national strategies",
                "ordering": ["-start_year"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("end_year__gte", models.F("start_year"))),
                        name="national_strategy_years_in_order",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="keymeasure",
            name="national_strategy",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="key_measures",
                to="strategy.nationalstrategy",
                verbose_name="national strategy",
            ),
        ),
        migrations.AddField(
            model_name="nationalgoal",
            name="national_strategy",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="goals",
                to="strategy.nationalstrategy",
                verbose_name="national strategy",
            ),
        ),
        migrations.RunPython(write_strategy, join_goals_again),
        migrations.RunPython(check_links_now, check_links_now),
        migrations.AlterField(
            model_name="nationalgoal",
            name="national_strategy",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="goals",
                to="strategy.nationalstrategy",
                verbose_name="national strategy",
            ),
        ),
        migrations.AddConstraint(
            model_name="keymeasure",
            constraint=models.UniqueConstraint(
                fields=("national_strategy", "number"), name="key_measure_unique_number"
            ),
        ),
        migrations.AddConstraint(
            model_name="keymeasure",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["to_be_proposed", "proposed", "granted", "unknown"])
                ),
                name="key_measure_status_known_choice",
            ),
        ),
    ]
