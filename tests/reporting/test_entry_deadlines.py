"""The reminder schedule on the year's form, the coordinator's entry deadline, and the
organisations behind it on the review queue and the coordinator's Omat sivut."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from reporting.models import AnnualReport, EntryDeadline, ReportingYear
from tests.factories import (
    EventFactory,
    GuidanceActionFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

#: Passed whenever the suite runs.
PASSED = dt.date(2025, 1, 31)


def fi(text: str) -> str:
    with translation.override("fi"):
        return gettext(text)


# --- The national team's schedule ----------------------------------------------------------


def year_url(year: int) -> str:
    return reverse("reporting:year_edit", args=[year])


def test_a_new_year_suggests_30_and_7_days_and_weekly_reminders(client_of, national_team):
    response = client_of(national_team).get(year_url(2030))

    form = response.context["form"]
    assert form["reminder_days"].value() == "30, 7"
    assert form["remind_weekly_when_overdue"].value() is True


def test_the_national_team_saves_the_schedule(client_of, national_team):
    response = client_of(national_team).post(
        year_url(2030),
        {"due_date": "31.3.2031", "reminder_days": "7; 30, 14, 7", "instructions": ""},
    )

    assert response.status_code == 302
    year = ReportingYear.objects.get(year=2030)
    assert year.reminder_days == [30, 14, 7]
    assert year.remind_weekly_when_overdue is False
    index = client_of(national_team).get(reverse("reporting:index")).content.decode()
    assert year.reminder_schedule() in index


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("30, x", "Give the days as whole numbers separated by commas, for example 30, 7."),
        ("0", "Each reminder must be 1–%(max)s days before the due date."),  # noqa: RUF001
        ("400", "Each reminder must be 1–%(max)s days before the due date."),  # noqa: RUF001
        ("1,2,3,4,5,6,7", "At most %(max)s reminders before the due date."),
    ],
)
def test_a_bad_schedule_is_refused_beside_the_field(client_of, national_team, days, message):
    response = client_of(national_team).post(
        year_url(2030), {"due_date": "31.3.2031", "reminder_days": days}
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["reminder_days"]
    assert error == fi(message) % {"max": 365 if "%(max)s days" in message else 6}
    assert not ReportingYear.objects.filter(year=2030).exists()


def test_reminders_need_a_due_date(client_of, national_team):
    response = client_of(national_team).post(
        year_url(2030), {"due_date": "", "reminder_days": "", "remind_weekly_when_overdue": "on"}
    )

    assert response.context["form"].errors["due_date"] == [
        fi("Set the due date: the reminders are counted from it.")
    ]


def test_a_coordinator_cannot_set_the_schedule(client_of, coordinator):
    response = client_of(coordinator).post(year_url(2030), {"reminder_days": "1"})

    assert response.status_code == 404  # national reference data, as the permission matrix says
    assert not ReportingYear.objects.filter(year=2030).exists()


# --- The coordinator's entry deadline ------------------------------------------------------


@pytest.fixture
def year_2024(db):
    return ReportingYear.objects.create(year=2024, due_date=dt.date(2025, 3, 31))


def deadline_url(region, year=2024) -> str:
    return reverse("reports:entry_deadline", args=[region.slug, year])


def test_the_coordinator_sets_changes_and_removes_the_entry_deadline(
    client_of, coordinator, region, year_2024
):
    client = client_of(coordinator)
    listing = client.get(reverse("reports:list", args=[region.slug])).content.decode()
    assert deadline_url(region) in listing

    assert client.post(deadline_url(region), {"due_date": "31.1.2025"}).status_code == 302
    deadline = EntryDeadline.objects.get(region=region, year=2024)
    assert deadline.due_date == dt.date(2025, 1, 31)
    assert "31.1.2025" in client.get(reverse("reports:list", args=[region.slug])).content.decode()

    form = client.get(deadline_url(region)).context["form"]
    version = form["read_version"].value()
    response = client.post(deadline_url(region), {"due_date": "15.2.2025", "read_version": version})
    assert response.status_code == 302
    deadline.refresh_from_db()
    assert deadline.due_date == dt.date(2025, 2, 15)

    assert client.post(deadline_url(region), {"due_date": ""}).status_code == 302
    assert not EntryDeadline.objects.exists()


def test_an_entry_deadline_changed_meanwhile_is_not_overwritten(
    client_of, coordinator, region, year_2024
):
    deadline = EntryDeadline.objects.create(region=region, year=2024, due_date=PASSED)
    client = client_of(coordinator)
    version = client.get(deadline_url(region)).context["form"]["read_version"].value()
    deadline.due_date = dt.date(2025, 2, 28)
    deadline.save()

    response = client.post(deadline_url(region), {"due_date": "15.2.2025", "read_version": version})

    assert response.status_code == 200
    deadline.refresh_from_db()
    assert deadline.due_date == dt.date(2025, 2, 28)


def test_an_entry_deadline_far_from_its_year_is_refused(client_of, coordinator, region, year_2024):
    response = client_of(coordinator).post(deadline_url(region), {"due_date": "1.1.2027"})

    assert response.context["form"].errors["due_date"] == [
        fi("Choose a day in %(year)s or %(next)s.") % {"year": 2024, "next": 2025}
    ]
    assert not EntryDeadline.objects.exists()


def test_a_year_not_opened_has_no_entry_deadline(client_of, coordinator, region, year_2024):
    assert client_of(coordinator).get(deadline_url(region, 2031)).status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [("editor", 403), ("coordinator_of_other_region", 404), ("national_team", 403)],
)
def test_only_the_region_s_coordinator_sets_its_entry_deadline(
    client_of, personas, region, year_2024, persona, status
):
    response = client_of(personas[persona]).post(deadline_url(region), {"due_date": "31.1.2025"})

    assert response.status_code == status
    assert not EntryDeadline.objects.exists()


# --- Overdue lists -------------------------------------------------------------------------


@pytest.fixture
def behind(region, kotka, lut, year_2024):
    """KASELO's entries were due 31.1.2025: Ohjaamo Kotka logged nothing of 2024, LUT did."""
    EntryDeadline.objects.create(region=region, year=2024, due_date=PASSED)
    GuidanceActionFactory(organisation=lut, year=2024)
    return kotka


def test_the_review_queue_lists_the_organisations_that_logged_nothing(
    client_of, coordinator, region, behind, lut
):
    organiser = OrganisationFactory(region=region, name="Saimaan ammattiopisto")
    EventFactory(region=region, starts_on=dt.date(2024, 10, 1)).organisers.add(organiser)
    OrganisationFactory(region=region, name="Lakkautettu yhdistys", active=False)

    html = client_of(coordinator).get(reverse("review:queue", args=[region.slug])).content.decode()

    assert 'id="overdue-heading"' in html
    assert behind.name in html
    assert lut.name not in html
    assert "Saimaan ammattiopisto" not in html
    assert "Lakkautettu yhdistys" not in html


def test_nothing_is_overdue_once_the_report_is_submitted(client_of, coordinator, region, behind):
    AnnualReport.objects.create(region=region, year=2024, status=AnnualReport.Status.SUBMITTED)

    html = client_of(coordinator).get(reverse("review:queue", args=[region.slug])).content.decode()

    assert 'id="overdue-heading"' not in html
    assert behind.name not in html


def test_the_coordinator_s_own_page_lists_them_in_the_same_queries_however_many(
    client_of, coordinator, region, behind, django_assert_num_queries
):
    client = client_of(coordinator)
    client.get(reverse("dashboard"))
    # user, coordinated regions with the queue's count, memberships, the reporting year,
    # the region's report, the passed entry deadlines, the organisations behind them, the
    # person's notices
    with django_assert_num_queries(8):
        response = client.get(reverse("dashboard"))
    assert behind.name in response.content.decode()
    for number in range(8):
        MembershipFactory(
            organisation=OrganisationFactory(region=region, name=f"Myöhässä {number}")
        )
    with django_assert_num_queries(8):
        response = client.get(reverse("dashboard"))
    assert response.content.decode().count("Myöhässä") == 8
