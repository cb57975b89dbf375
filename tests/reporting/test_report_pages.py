"""The report pages: list, start, the one-page form, submit, review and the national pages."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from reporting.models import AnnualReport, Answer, EntryDeadline, ReportingYear
from reporting.summary import build_national_summary
from tests.factories import CoordinatorFactory, RegionFactory, UserFactory

from .conftest import form_data, number

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")


def url(name, region=None, year=None):
    kwargs = {}
    if region is not None:
        kwargs["region"] = region.slug
    if year is not None:
        kwargs["year"] = year
    return reverse(name, kwargs=kwargs)


def answers_of(report):
    return sorted(
        Answer.objects.filter(report=report).values_list("sub_theme_id", "level", "activities")
    )


def test_two_coordinators_report_through_the_forms_and_the_summary_groups_them(
    client_of,
    region,
    etela_savo,
    coordinator,
    coordinator_of_other_region,
    national_team,
    framework,
):
    region.position, etela_savo.position = 6, 7  # the official order
    region.save()
    etela_savo.save()
    kaselo, esa = client_of(coordinator), client_of(coordinator_of_other_region)
    for client, own in ((kaselo, region), (esa, etela_savo)):
        assert client.post(url("reports:start", own, 2021)).status_code == 302
    shared = "Yhteinen verkkosivusto\nKuukausittaiset verkostokokoukset"
    kaselo.post(
        url("reports:edit", region, 2021),
        form_data(framework, levels={"1.2": 3, "2.1": 4}, activities={"1.2": shared}),
    )
    esa.post(
        url("reports:edit", etela_savo, 2021),
        form_data(
            framework,
            levels={"1.2": 3, "2.1": 2},
            activities={"1.2": "Kuukausittaiset verkostokokoukset\nIdeariihet"},
        ),
    )
    for client, own in ((kaselo, region), (esa, etela_savo)):
        response = client.post(url("reports:submit", own, 2021))
        assert response.status_code == 302
    assert set(AnnualReport.objects.filter(year=2021).values_list("status", flat=True)) == {
        "submitted"
    }

    response = client_of(national_team).get(url("reporting:summary", year=2021))

    assert response.status_code == 200
    # The page renders this summary (its fragment builds it only when rendering afresh).
    summary = build_national_summary(2021, AnnualReport.objects.readable_by(national_team))
    assert summary.regions == ["Kaakkois-Suomi", "Etelä-Savo"]
    assert summary.previous_year == 2016
    (resources,) = (s for s in summary.themes[0].sub_themes if s.number == "1.2")
    level_3 = resources.levels[2]
    assert [line.label for line in level_3.activities] == [
        "Yhteinen verkkosivusto (Kaakkois-Suomi)",
        "Kuukausittaiset verkostokokoukset (Kaakkois-Suomi, Etelä-Savo)",
        "Ideariihet (Etelä-Savo)",
    ]
    assert resources.distribution == {1: 0, 2: 0, 3: 2, 4: 0}
    # Both stood on level 4 in 2016 (seed 001): both went down.
    assert [(c.region, c.previous, c.current, c.direction) for c in resources.changes] == [
        ("Kaakkois-Suomi", 4, 3, "down"),
        ("Etelä-Savo", 4, 3, "down"),
    ]
    assert [row.levels[3] for row in summary.matrix] == [4, 2]  # 2.1 Viestintä
    page = response.content.decode()
    assert "Kuukausittaiset verkostokokoukset (Kaakkois-Suomi, Etelä-Savo)" in page
    assert "<caption" in page
    assert 'scope="row"' in page
    assert "<svg" in page


def test_the_form_is_filled_in_from_the_previous_report_and_shows_the_changes(
    client_of, region, coordinator, framework
):
    client = client_of(coordinator)
    client.post(url("reports:start", region, 2021))

    response = client.get(url("reports:edit", region, 2021))

    assert response.status_code == 200
    (resources,) = (
        item
        for section in response.context["sections"]
        for item in section["sub_themes"]
        if item["number"] == "1.2"
    )
    assert resources["level"].value() == 4
    assert resources["previous"].level == 4
    assert not resources["level_changed"]
    page = response.content.decode()
    assert "<legend>1.2 Alueellisten resurssit" in page
    assert "4 – Tiivis, jatkuva vuorovaikutus kehittämistyössä" in page  # noqa: RUF001
    assert "Vuonna 2016" in page


def test_the_page_marks_a_level_that_differs_from_the_previous_report(
    client_of, region, coordinator, framework
):
    client = client_of(coordinator)
    client.post(url("reports:start", region, 2021))
    client.post(url("reports:edit", region, 2021), form_data(framework, levels={"1.2": 2}))

    response = client.get(url("reports:detail", region, 2021))

    (resources,) = (
        answer
        for theme in response.context["themes"]
        for answer in theme["answers"]
        if answer["doc"].number == "1.2"
    )
    assert resources["level_changed"]
    assert resources["previous"].level == 4


def test_submitting_without_every_level_is_refused_with_the_missing_named(
    client_of, region, coordinator, draft
):
    response = client_of(coordinator).post(url("reports:submit", region, 2021), follow=True)

    assert "Valitse taso jokaiselle alateemalle" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == AnnualReport.Status.DRAFT


def test_a_submitted_report_cannot_be_edited_through_the_form(
    client_of, region, coordinator, draft, framework
):
    draft.answers.update(level=1)
    client = client_of(coordinator)
    client.post(url("reports:submit", region, 2021))
    before = answers_of(draft)

    response = client.post(
        url("reports:edit", region, 2021), form_data(framework, levels={"1.2": 4}), follow=True
    )

    assert "eikä sitä voi enää muuttaa" in response.content.decode()
    assert answers_of(draft) == before
    assert client.get(url("reports:edit", region, 2021)).status_code == 302


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"1.1": "4"}, "Valitse oikea vaihtoehto"),
        ({"1.2": "x"}, "Valitse oikea vaihtoehto"),
        ({"1.2": ""}, "Valitse taso, jonka alla kuvatut toimet saavuttavat"),
    ],
)
def test_bad_input_to_the_report_form_is_answered_in_finnish_and_nothing_is_saved(
    client_of, region, coordinator, draft, framework, change, message
):
    before = answers_of(draft)
    data = form_data(framework, levels={"1.2": 3}, activities={"1.2": "Kokoukset"})
    by_number = {number(sub_theme): sub_theme for sub_theme in framework}
    for key, value in change.items():
        data[f"level_{by_number[key].pk}"] = value

    response = client_of(coordinator).post(url("reports:edit", region, 2021), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert answers_of(draft) == before
    draft.refresh_from_db()
    assert draft.summary == ""


def test_a_too_long_summary_is_refused_in_finnish(client_of, region, coordinator, draft, framework):
    data = form_data(framework, summary="x" * 5001)

    response = client_of(coordinator).post(url("reports:edit", region, 2021), data)

    assert response.status_code == 200
    assert "enintään 5000 merkkiä" in response.content.decode()
    draft.refresh_from_db()
    assert draft.summary == ""


def test_the_national_team_accepts_and_returns_reports(
    client_of, region, coordinator, national_team, draft
):
    draft.answers.update(level=2)
    client_of(coordinator).post(url("reports:submit", region, 2021))
    team = client_of(national_team)

    response = team.post(url("reports:return", region, 2021), {"comment": ""})
    assert response.status_code == 200
    assert "Kerro, mitä pitäisi muuttaa." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == AnnualReport.Status.SUBMITTED

    team.post(url("reports:return", region, 2021), {"comment": "Tarkenna 2.1"})
    draft.refresh_from_db()
    assert (draft.status, draft.national_comment) == ("returned", "Tarkenna 2.1")
    assert (
        "Tarkenna 2.1"
        in client_of(coordinator).get(url("reports:edit", region, 2021)).content.decode()
    )

    client_of(coordinator).post(url("reports:submit", region, 2021))
    team.post(url("reports:accept", region, 2021))
    draft.refresh_from_db()
    assert (draft.status, draft.version) == ("accepted", 2)


def test_the_coordinator_cannot_accept_the_own_report(client_of, region, coordinator, draft):
    draft.answers.update(level=2)
    client = client_of(coordinator)
    client.post(url("reports:submit", region, 2021))

    assert client.post(url("reports:accept", region, 2021)).status_code == 403
    draft.refresh_from_db()
    assert draft.status == AnnualReport.Status.SUBMITTED


def test_a_report_not_submitted_by_the_due_date_shows_as_overdue(
    client_of, region, coordinator, national_team, year_2021
):
    year_2021.due_date = dt.date(2022, 2, 28)
    year_2021.save()

    with time_machine.travel(dt.datetime(2022, 3, 1, 12, tzinfo=HELSINKI), tick=False):
        page = client_of(coordinator).get(url("reports:list", region)).content.decode()
        index = client_of(national_team).get(url("reporting:index")).content.decode()
    with time_machine.travel(dt.datetime(2022, 2, 28, 12, tzinfo=HELSINKI), tick=False):
        on_time = client_of(coordinator).get(url("reports:list", region)).content.decode()

    assert "myöhässä" in page
    assert "Aloita vuoden 2021 raportti" in page
    assert "myöhässä" in index
    assert "28.2.2022" in page
    assert "myöhässä" not in on_time


def test_the_national_team_sets_the_due_date(client_of, national_team, year_2021):
    client = client_of(national_team)

    bad = client.post(url("reporting:year_edit", year=2021), {"due_date": "31.2.2022"})
    assert bad.status_code == 200
    assert "Syötä oikea päivämäärä" in bad.content.decode()
    year_2021.refresh_from_db()
    assert year_2021.due_date is None

    client.post(url("reporting:year_edit", year=2021), {"due_date": "2022-02-28"})
    year_2021.refresh_from_db()
    assert year_2021.due_date == dt.date(2022, 2, 28)


def test_the_national_team_opens_a_new_reporting_year(client_of, national_team, framework):
    client_of(national_team).post(url("reporting:year_edit", year=2022), {"due_date": ""})

    assert ReportingYear.objects.filter(year=2022, due_date=None).exists()


def test_an_accepted_report_is_public(client, region, framework):
    response = client.get(url("reports:detail", region, 2016))

    assert response.status_code == 200
    assert "ELO-ryhmien yhteiset kokoukset" in response.content.decode()


# --- Query counts --------------------------------------------------------------------------


def more_regions_with_reports(count, year=2021, status="submitted"):
    for index in range(count):
        extra = RegionFactory(name=f"Lisäalue {index}", position=20 + index)
        AnnualReport.objects.create(region=extra, year=year, status=status)
        CoordinatorFactory(region=extra, user=UserFactory())


def test_the_region_list_takes_the_same_queries_however_many_years(
    client_of, region, coordinator, framework, django_assert_num_queries
):
    client = client_of(coordinator)
    client.get(url("reports:list", region))
    # User (the session is cached), region, the person's roles, reporting years,
    # reports, entry deadlines: six.
    with django_assert_num_queries(6):
        client.get(url("reports:list", region))
    for year in range(2017, 2020):
        ReportingYear.objects.create(year=year)
        AnnualReport.objects.create(region=region, year=year)
        EntryDeadline.objects.create(region=region, year=year, due_date=dt.date(year, 12, 31))
    with django_assert_num_queries(6):
        client.get(url("reports:list", region))


def test_the_index_takes_the_same_queries_however_many_regions(
    client_of, national_team, framework, django_assert_num_queries
):
    client = client_of(national_team)
    # User (the session is cached), years, regions, reports' states: four (the national
    # team's right needs no roles).
    with django_assert_num_queries(4):
        client.get(url("reporting:index"))
    more_regions_with_reports(5)
    with django_assert_num_queries(4):
        client.get(url("reporting:index"))


def test_the_summary_takes_the_same_queries_however_many_regions(
    client_of, national_team, framework, django_assert_num_queries
):
    client = client_of(national_team)
    # User (the session is cached), the reporting year, the regions' content versions and
    # the summary's eight (the rungs' own activities and the regions' on them included):
    # eleven.
    with django_assert_num_queries(11):
        client.get(url("reporting:summary", year=2016))
    more_regions_with_reports(5, year=2016, status="accepted")
    with django_assert_num_queries(11):
        client.get(url("reporting:summary", year=2016))
