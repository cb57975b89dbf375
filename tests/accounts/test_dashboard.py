"""The dashboard (Omat sivut): a person's tasks, roles and where they lead."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from network.models import Membership
from portal.review import ReviewStatus
from reporting.models import AnnualReport, ReportingYear
from tests.factories import (
    CoordinatorFactory,
    EventFactory,
    GuidanceActionFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


def test_the_coordinator_sees_the_editor_and_people_links_of_the_region(
    client_of, coordinator, region
):
    html = client_of(coordinator).get(reverse("dashboard")).content.decode()

    assert "/kaakkois-suomi/muokkaa/" in html
    assert reverse("people:list", args=[region.slug]) in html
    assert reverse("mfa_index") in html


def test_an_editor_sees_the_organisation_and_role_but_no_coordinator_links(client_of, editor):
    html = client_of(editor).get(reverse("dashboard")).content.decode()

    assert "Ohjaamo Kotka" in html
    assert "Muokkaaja" in html
    assert "/muokkaa/" not in html
    assert "/ihmiset/" not in html


def test_the_national_team_is_told_of_its_role(client_of, national_team):
    html = client_of(national_team).get(reverse("dashboard")).content.decode()

    assert "Valtakunnallinen tiimi" in html


def test_the_dashboard_takes_the_same_queries_for_many_roles(client_of, coordinator, region):
    client = client_of(coordinator)
    MembershipFactory(user=coordinator, organisation=OrganisationFactory(region=region))
    url = reverse("dashboard")
    client.get(url)

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(4):
        MembershipFactory(
            user=coordinator, organisation=OrganisationFactory(), role=Membership.Role.VIEWER
        )
        CoordinatorFactory(user=coordinator)
    # The first look after a role changed refreshes the header's links in the session.
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    # user, coordinated regions (review counts in subqueries), memberships with their
    # organisations and regions, the editor's unfinished guidance actions and events, the
    # reporting year (none here, so no report query), the person's notices; the session
    # is cached
    assert len(many) == len(few) <= 7
    main = response.content.decode().split('<main id="main"')[1]
    assert main.count("/muokkaa/") == 5


# --- Tehtäväsi: what waits for each role --------------------------------------------------


def test_an_editor_sees_what_the_coordinator_returned_with_the_comment(client_of, editor, kotka):
    GuidanceActionFactory(
        organisation=kotka,
        title="Palautettu toimenpide",
        review_status=ReviewStatus.RETURNED,
        review_comment="Lisää kohderyhmä.",
    )
    event = EventFactory(
        region=kotka.region,
        title="Palautettu tapahtuma",
        review_status=ReviewStatus.RETURNED,
        review_comment="Korjaa päivämäärä.",
    )
    event.organisers.add(kotka)

    response = client_of(editor).get(reverse("dashboard"))

    assertContains(response, 'id="tasks-heading"')
    assertContains(response, "Palautettu toimenpide")
    assertContains(response, "Lisää kohderyhmä.")
    assertContains(response, "Palautettu tapahtuma")
    assertContains(response, "Korjaa päivämäärä.")
    assertContains(response, event.get_absolute_url())


def test_an_editor_sees_drafts_and_what_waits_but_not_other_organisations(
    client_of, editor, kotka, lut
):
    GuidanceActionFactory(organisation=kotka, title="Kotkan luonnos")
    GuidanceActionFactory(
        organisation=kotka, title="Kotkan lähetetty", review_status=ReviewStatus.SUBMITTED
    )
    GuidanceActionFactory(
        organisation=kotka, title="Kotkan julkinen", review_status=ReviewStatus.ACCEPTED
    )
    GuidanceActionFactory(organisation=lut, title="LUTin luonnos")

    html = client_of(editor).get(reverse("dashboard")).content.decode()

    assert "Kotkan luonnos" in html
    assert "Kotkan lähetetty" in html
    assert "Kotkan julkinen" not in html
    assert "LUTin luonnos" not in html


def test_an_editor_logs_an_action_and_an_event_straight_from_the_dashboard(
    client_of, editor, kotka
):
    response = client_of(editor).get(reverse("dashboard"))

    assertContains(response, reverse("guidance:add", args=[kotka.region.slug, kotka.slug]))
    assertContains(
        response, reverse("events:add", args=[kotka.region.slug]) + f"?organisation={kotka.slug}"
    )


def test_a_viewer_gets_no_logging_links(client_of, kotka):
    viewer = MembershipFactory(organisation=kotka, role=Membership.Role.VIEWER).user

    response = client_of(viewer).get(reverse("dashboard"))

    assertNotContains(response, reverse("guidance:add", args=[kotka.region.slug, kotka.slug]))
    assertNotContains(response, 'id="tasks-heading"')


def test_the_coordinator_sees_the_review_count_and_the_reports_due_date(
    client_of, coordinator, region, kotka
):
    GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.SUBMITTED)
    GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.SUBMITTED)
    ReportingYear.objects.create(year=2024, due_date=dt.date(2025, 3, 31))
    AnnualReport.objects.create(
        region=region,
        year=2024,
        status=AnnualReport.Status.RETURNED,
        national_comment="Täydennä teema 2.",
    )

    response = client_of(coordinator).get(reverse("dashboard"))

    assertContains(response, reverse("review:queue", args=[region.slug]))
    assert response.context["coordinated_regions"][0].waiting_count == 2
    assertContains(response, "<strong>2 ")
    assertContains(response, "Vuosiraportti 2024")
    assertContains(response, "31.3.2025")
    assertContains(response, "Täydennä teema 2.")
    assertContains(response, reverse("reports:detail", args=[region.slug, 2024]))


def test_the_coordinator_is_told_of_a_report_not_started(client_of, coordinator, region):
    ReportingYear.objects.create(year=2024, due_date=dt.date(2025, 3, 31))

    response = client_of(coordinator).get(reverse("dashboard"))

    assertContains(response, "Ei aloitettu")
    assertContains(response, reverse("reports:list", args=[region.slug]))


def test_the_national_team_sees_the_reports_waiting_for_its_review(
    client_of, national_team, region, etela_savo
):
    ReportingYear.objects.create(year=2024)
    AnnualReport.objects.create(region=region, year=2024, status=AnnualReport.Status.SUBMITTED)
    AnnualReport.objects.create(region=etela_savo, year=2024, status=AnnualReport.Status.DRAFT)

    response = client_of(national_team).get(reverse("dashboard"))

    assertContains(response, reverse("reports:detail", args=[region.slug, 2024]))
    assertNotContains(response, reverse("reports:detail", args=[etela_savo.slug, 2024]))
    assertContains(response, reverse("national:home"))


def test_the_editors_tasks_take_the_same_queries_however_many_entries(
    client_of, editor, kotka, django_assert_num_queries
):
    client = client_of(editor)
    url = reverse("dashboard")

    def add_entries():
        for status in (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.RETURNED):
            GuidanceActionFactory(organisation=kotka, review_status=status)
            EventFactory(region=kotka.region, review_status=status).organisers.add(kotka)

    add_entries()
    # user, coordinated regions, memberships, unfinished guidance actions, unfinished
    # events, the person's notices (the session is cached)
    with django_assert_num_queries(6):
        client.get(url)
    for _ in range(5):
        add_entries()
    with django_assert_num_queries(6):
        response = client.get(url)
    assert response.content.decode().count('class="task-list__item"') == 36


def test_the_national_teams_tasks_take_the_same_queries_however_many_reports(
    client_of, national_team, django_assert_num_queries
):
    client = client_of(national_team)
    url = reverse("dashboard")
    ReportingYear.objects.create(year=2024)

    def submit_reports(count):
        for _ in range(count):
            AnnualReport.objects.create(
                region=RegionFactory(), year=2024, status=AnnualReport.Status.SUBMITTED
            )

    submit_reports(1)
    # user, coordinated regions, memberships, the reporting year, submitted reports, the
    # person's notices
    with django_assert_num_queries(6):
        client.get(url)
    submit_reports(6)
    with django_assert_num_queries(6):
        response = client.get(url)
    assert response.content.decode().count("/raportit/2024/") == 7
