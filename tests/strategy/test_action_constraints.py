"""The database refuses actions, projects and good practices that contradict themselves."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from strategy.models import Action
from tests.factories import (
    ActionFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def test_an_action_cannot_end_before_it_starts(focus_area):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionFactory(
            focus_area=focus_area, start_date=dt.date(2022, 1, 1), end_date=dt.date(2021, 1, 1)
        )


def test_a_project_cannot_end_before_it_starts(region):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(region=region, start_date=dt.date(2022, 1, 1), end_date=dt.date(2021, 1, 1))


def test_a_region_has_one_project_of_each_name(region):
    ProjectFactory(region=region, name="TESSU2")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(region=region, name="TESSU2")


def test_good_practices_are_numbered_once_per_region(region):
    GoodPracticeFactory(region=region, number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        GoodPracticeFactory(region=region, number=1)


def test_with_responsibles_loads_organisations_in_constant_queries(
    focus_area, django_assert_num_queries
):
    organisations = OrganisationFactory.create_batch(3, region=focus_area.strategy.region)
    for _ in range(5):
        action = ActionFactory(focus_area=focus_area, lead_organisation=organisations[0])
        action.responsible_organisations.set(organisations)

    # One query for the actions with their lead, one for the responsible organisations.
    with django_assert_num_queries(2):
        actions = list(Action.objects.for_region(focus_area.strategy.region).with_responsibles())
        names = [[o.name for o in a.responsible_organisations.all()] for a in actions]
    assert len(names) == 5
    assert all(len(row) == 3 for row in names)
