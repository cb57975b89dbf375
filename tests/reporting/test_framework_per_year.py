"""Each reporting year has its own framework: a new year starts as a copy of the year
before's, and changing next year's wording leaves the reports of earlier years as written."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from reporting import services
from reporting.models import AnnualReport, ReportingYear, SubTheme, Theme

pytestmark = pytest.mark.django_db


def titles(year: int) -> list[tuple[int, int, str]]:
    return list(
        SubTheme.objects.filter(theme__reporting_year__year=year)
        .order_by("theme__number", "number")
        .values_list("theme__number", "number", "title")
    )


def test_a_new_year_starts_as_a_copy_of_the_latest_earlier_year_s_framework(framework):
    # 2021 (a copy of 2016's) is reworded before 2022 opens; 2016 keeps the seed's wording.
    SubTheme.objects.filter(theme__reporting_year__year=2021, theme__number=1, number=1).update(
        title="Uusi sanamuoto"
    )
    Theme.objects.filter(reporting_year__year=2021, number=4).delete()

    ReportingYear.objects.create(year=2022)

    assert titles(2022) == titles(2021)
    assert titles(2022)[0][2] == "Uusi sanamuoto"
    assert titles(2016)[0][2] != "Uusi sanamuoto"
    # Rows of its own: a later change of 2022 leaves 2021 alone.
    assert not set(
        SubTheme.objects.filter(theme__reporting_year__year=2022).values_list("pk", flat=True)
    ) & set(SubTheme.objects.filter(theme__reporting_year__year=2021).values_list("pk", flat=True))
    levels = SubTheme.objects.get(theme__reporting_year__year=2022, theme__number=1, number=2)
    assert levels.levels.count() == 4


def test_old_reports_keep_their_wording_after_next_year_s_framework_changes(
    client_of, region, coordinator, framework
):
    ReportingYear.objects.create(year=2022)
    SubTheme.objects.filter(theme__reporting_year__year=2022, theme__number=1, number=1).update(
        title="Uusi sanamuoto"
    )
    was = titles(2016)[0][2]
    client = client_of(coordinator)

    old = client.get(reverse("reports:detail", args=[region.slug, 2016])).content.decode()
    assert f"1.1 {was}" in old
    assert "Uusi sanamuoto" not in old

    services.start_report(region, 2022, coordinator)
    new = client.get(reverse("reports:edit", args=[region.slug, 2022])).content.decode()
    assert "1.1 Uusi sanamuoto" in new
    assert was not in new


def test_a_report_on_a_new_framework_starts_from_the_previous_report_s_answers_by_number(
    region, coordinator, framework
):
    ReportingYear.objects.create(year=2022)
    previous = {
        (a.sub_theme.theme.number, a.sub_theme.number): a
        for a in AnnualReport.objects.get(region=region, year=2016).answers.select_related(
            "sub_theme__theme"
        )
    }

    report = services.start_report(region, 2022, coordinator)

    answers = list(report.answers.select_related("sub_theme__theme__reporting_year"))
    assert {answer.sub_theme.theme.reporting_year.year for answer in answers} == {2022}
    assert len(answers) == len(titles(2022))
    for answer in answers:
        before = previous.get((answer.sub_theme.theme.number, answer.sub_theme.number))
        assert answer.level == (before.level if before else None)
        assert answer.activities == (before.activities if before else "")


def test_the_framework_is_fixed_once_a_report_of_the_year_is_submitted(draft, year_2021):
    assert not year_2021.framework_is_fixed()

    AnnualReport.objects.filter(pk=draft.pk).update(status=AnnualReport.Status.SUBMITTED)
    assert year_2021.framework_is_fixed()
    # A returned report was submitted too: the wording it was written against stays.
    AnnualReport.objects.filter(pk=draft.pk).update(status=AnnualReport.Status.RETURNED)
    assert year_2021.framework_is_fixed()


def test_the_national_team_opening_a_year_on_its_page_gives_it_the_framework(
    client_of, national_team, framework
):
    SubTheme.objects.filter(theme__reporting_year__year=2021, theme__number=2, number=1).update(
        title="Viestintä 2021"
    )
    client = client_of(national_team)
    page = client.get(reverse("reporting:year_edit", args=[2022])).content.decode()
    with translation.override("fi"):
        note = gettext(
            "Its themes, sub-themes and levels start as a copy of the previous reporting year's."
        )
    assert note in page

    client.post(reverse("reporting:year_edit", args=[2022]), {"due_date": ""})

    assert titles(2022) == titles(2021)
    # Saving the year again copies nothing twice.
    client.post(reverse("reporting:year_edit", args=[2022]), {"due_date": "31.3.2023"})
    assert titles(2022) == titles(2021)
