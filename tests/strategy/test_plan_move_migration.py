"""A database made before the plan's Action and Project moved into ``strategy`` keeps every row.

The rows are written through the migration state of before the move (``actions.Action``),
the database is migrated forward, and the same rows are read through today's models:
the actions with their goals, responsible organisations and history, the projects with
their organisations, actions and events, a good practice's actions, and the content
types with their permissions.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from actions.models import GoodPractice
from events.models import Event
from strategy.models import Action, Project
from tests.migrations import latest, migrate

BEFORE = [
    ("actions", "0007_relink_entries_to_current_strategy"),
    ("strategy", "0003_national_goals"),
    ("events", "0004_event_review_and_upcoming_indexes"),
]


@pytest.mark.django_db(transaction=True)
def test_an_existing_database_keeps_its_actions_and_projects():
    try:
        old = migrate(BEFORE).loader.project_state(BEFORE).apps
        # The reference regions may have been flushed by an earlier transactional test.
        region, _ = old.get_model("network", "Region").objects.get_or_create(
            slug="kaakkois-suomi", defaults={"name": "Kaakkois-Suomi"}
        )
        organisation = old.get_model("network", "Organisation").objects.create(
            region=region, name="Ohjaamo Kotka", slug="ohjaamo-kotka", sector="public"
        )
        strategy = old.get_model("strategy", "Strategy").objects.create(
            region=region, title="KASELO-strategia", start_year=2021, end_year=2027, vision="Visio"
        )
        focus_area = old.get_model("strategy", "FocusArea").objects.create(
            strategy=strategy, number=1, title="SAAVUTETTAVUUS"
        )
        goal = old.get_model("strategy", "Goal").objects.create(
            focus_area=focus_area, title="Ohjaus on kaikkien saatavilla"
        )
        action = old.get_model("actions", "Action").objects.create(
            focus_area=focus_area,
            title="Ohjaamon jalkautuva ohjaus",
            lead_organisation=organisation,
            start_date=dt.date(2021, 1, 1),
        )
        action.goals.add(goal)
        action.responsible_organisations.add(organisation)
        old.get_model("actions", "HistoricalAction").objects.create(
            id=action.pk,
            focus_area=focus_area,
            title="Ohjaamon jalkautuva ohjaus",
            history_date=dt.datetime(2021, 1, 1, tzinfo=dt.UTC),
            history_type="+",
        )
        project = old.get_model("actions", "Project").objects.create(
            region=region, name="Ohjaamo-hanke", funding_source="esr"
        )
        project.actions.add(action)
        project.organisations.add(organisation)
        event = old.get_model("events", "Event").objects.create(
            region=region,
            title="ELO-foorumi",
            starts_on=dt.date(2021, 4, 9),
            ends_on=dt.date(2021, 4, 9),
        )
        event.projects.add(project)
        practice = old.get_model("actions", "GoodPractice").objects.create(
            region=region, title="Ohjaamon chat"
        )
        practice.actions.add(action)
        # The test database's own content type (moved back by the reverse migration).
        content_type, _ = old.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="actions", model="action"
        )
        old.get_model("auth", "Permission").objects.get_or_create(
            content_type=content_type, codename="change_action", name="Can change action"
        )

        migrate(latest())

        moved = Action.objects.get(pk=action.pk)
        assert moved.title == "Ohjaamon jalkautuva ohjaus"
        assert moved.lead_organisation_id == organisation.pk
        assert list(moved.goals.values_list("pk", flat=True)) == [goal.pk]
        assert list(moved.responsible_organisations.values_list("pk", flat=True)) == [
            organisation.pk
        ]
        assert moved.history.count() == 1
        moved_project = Project.objects.get(pk=project.pk)
        assert list(moved_project.actions.all()) == [moved]
        assert list(moved_project.organisations.values_list("pk", flat=True)) == [organisation.pk]
        assert list(Event.objects.get(pk=event.pk).projects.all()) == [moved_project]
        assert list(GoodPractice.objects.get(pk=practice.pk).actions.all()) == [moved]
        # The content type moved with its permission; no second one was made.
        assert ContentType.objects.get(pk=content_type.pk).app_label == "strategy"
        assert not ContentType.objects.filter(app_label="actions", model="action").exists()
        assert Permission.objects.get(codename="change_action").content_type_id == content_type.pk
        assert Permission.objects.get(codename="change_action").content_type.app_label == "strategy"
        # A new action gets a fresh id after the renamed table's sequence.
        new = Action.objects.create(focus_area=moved.focus_area, title="Uusi")
        assert new.pk > moved.pk
    finally:
        migrate(latest())
