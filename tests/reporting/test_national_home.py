"""The national landing page (/valtakunnallinen/): the regions, their strategies, this
year's reports by state, and the forms that build the national PDFs."""

import datetime as dt

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from reporting.models import AnnualReport, PdfJob, ReportingYear
from tests.factories import RegionFactory, StrategyFactory

pytestmark = pytest.mark.django_db

URL = reverse("national:home")


@pytest.fixture
def year_2024(db):
    return ReportingYear.objects.create(year=2024, due_date=dt.date(2025, 3, 31))


def test_the_national_team_sees_every_region_with_its_strategy_and_report_state(
    client_of, national_team, region, etela_savo, year_2024
):
    StrategyFactory(region=region, start_year=2021, end_year=2027)
    AnnualReport.objects.create(region=region, year=2024, status=AnnualReport.Status.SUBMITTED)

    response = client_of(national_team).get(URL)

    assertContains(response, "Kaakkois-Suomi")
    assertContains(response, "Etelä-Savo")
    assertContains(response, "2021\N{EN DASH}2027")
    assertContains(response, 'class="status status--submitted"')
    assertContains(response, 'class="status status--not_started"')
    assertContains(response, reverse("reports:detail", args=[region.slug, 2024]))
    assertContains(response, "31.3.2025")


def test_the_national_team_gets_the_three_national_pdf_forms(
    client_of, national_team, region, etela_savo, year_2024
):
    response = client_of(national_team).get(URL)

    html = response.content.decode()
    assert html.count(f'action="{reverse("pdf:request")}"') == 3
    assert f'value="{PdfJob.Kind.NATIONAL_SUMMARY}"' in html
    assert f'value="{PdfJob.Kind.ELOLIV_BOOKLET}"' in html
    assert f'value="{PdfJob.Kind.TNO_SUMMARY}"' in html
    # Any region's TNO summary: both regions in the select.
    assert f'<option value="{region.slug}">' in html
    assert f'<option value="{etela_savo.slug}">' in html


def test_a_coordinator_reads_the_page_but_asks_only_their_own_regions_tno_summary(
    client_of, coordinator, region, etela_savo, year_2024
):
    AnnualReport.objects.create(region=etela_savo, year=2024, status=AnnualReport.Status.DRAFT)

    response = client_of(coordinator).get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{region.slug}">' in html
    assert f'<option value="{etela_savo.slug}">' not in html
    # Another region's draft: its state, but no link to a report they may not read.
    assert reverse("reports:detail", args=[etela_savo.slug, 2024]) not in html


@pytest.mark.parametrize(
    ("persona", "status"),
    [("editor", 404), ("editor_of_other_region", 404), ("coordinator_of_other_region", 200)],
)
def test_who_may_open_the_national_page(client_of, request, persona, status):
    user = request.getfixturevalue(persona)

    assert client_of(user).get(URL).status_code == status


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_national_team_asks_for_any_regions_tno_summary_from_the_page(
    client_of, national_team, etela_savo
):
    response = client_of(national_team).post(
        reverse("pdf:request"), {"kind": PdfJob.Kind.TNO_SUMMARY, "region": etela_savo.slug}
    )

    assert response.status_code == 302
    job = PdfJob.objects.get()
    assert job.region == etela_savo


def test_the_national_team_asks_for_the_eloliv_booklet_of_all_regions(client_of, national_team):
    response = client_of(national_team).post(
        reverse("pdf:request"), {"kind": PdfJob.Kind.ELOLIV_BOOKLET}
    )

    assert response.status_code == 302
    assert PdfJob.objects.get().region is None


def test_the_page_takes_the_same_queries_however_many_regions(
    client_of, national_team, region, year_2024, django_assert_num_queries
):
    client = client_of(national_team)
    StrategyFactory(region=region)
    # user (the session is cached), the person's roles (asked for the TNO regions),
    # reporting years, regions, their current strategies, the year's report states
    with django_assert_num_queries(6):
        client.get(URL)
    for _ in range(10):
        other = RegionFactory()
        StrategyFactory(region=other)
        AnnualReport.objects.create(region=other, year=2024)
    with django_assert_num_queries(6):
        response = client.get(URL)
    assertContains(response, 'class="status status--draft"', count=10)


def test_without_reporting_years_the_page_still_lists_the_regions(client_of, national_team, region):
    response = client_of(national_team).get(URL)

    assertContains(response, "Kaakkois-Suomi")
    assertNotContains(response, f'value="{PdfJob.Kind.NATIONAL_SUMMARY}"')
