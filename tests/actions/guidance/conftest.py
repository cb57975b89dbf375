"""Shared set-up of the guidance action tests: a focus area with goals, entries and URLs."""

import pytest
from django.urls import reverse

from portal.review import ReviewStatus
from tests.factories import GoalFactory, GuidanceActionFactory


def url(name, *args, region="kaakkois-suomi"):
    return reverse(f"guidance:{name}", args=[region, *args])


@pytest.fixture
def goal(focus_area):
    return GoalFactory(focus_area=focus_area, title="Ohjauspalvelut ovat kaikkien saatavilla")


@pytest.fixture
def draft(kotka):
    return GuidanceActionFactory(
        organisation=kotka, title="Ohjaamon jalkautuva ohjaus", year=2021, description="Kouluilla"
    )


@pytest.fixture
def accepted(kotka):
    return GuidanceActionFactory(
        organisation=kotka,
        title="Nuorten urapäivä",
        year=2021,
        review_status=ReviewStatus.ACCEPTED,
    )


@pytest.fixture
def submitted(kotka):
    return GuidanceActionFactory(
        organisation=kotka, title="Odottava kirjaus", review_status=ReviewStatus.SUBMITTED
    )


@pytest.fixture(autouse=True)
def _mail_tasks_in_process(eager_tasks):
    """Mail goes through Celery tasks: run them in-process, so a test reads mail.outbox."""
