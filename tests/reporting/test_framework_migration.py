"""A database from before each year had its own framework keeps every answer on its year's
wording: the one framework becomes the framework of every year opened or reported on, each
year's answers on that year's own rows."""

import pytest

from reporting.framework import write_framework
from reporting.models import Answer, ReportingYear, SubTheme, Theme
from tests.migrations import latest, migrate

BEFORE = [("reporting", "0006_reminders_and_entry_deadlines")]


@pytest.mark.django_db(transaction=True)
def test_every_year_gets_its_own_copy_and_keeps_its_answers():
    try:
        old = migrate(BEFORE).loader.project_state(BEFORE).apps
        OldTheme = old.get_model("reporting", "Theme")
        OldSubTheme = old.get_model("reporting", "SubTheme")
        sub_themes = write_framework(OldTheme, OldSubTheme, old.get_model("reporting", "Level"))
        region, _ = old.get_model("network", "Region").objects.get_or_create(
            slug="kaakkois-suomi", defaults={"name": "Kaakkois-Suomi"}
        )
        old.get_model("reporting", "ReportingYear").objects.create(year=2021)
        old.get_model("reporting", "ReportingYear").objects.create(year=2023)
        OldReport = old.get_model("reporting", "AnnualReport")
        # 2016 was reported on but never opened as a reporting year (seed 001's reports).
        levels = {2016: 2, 2021: 3}
        for year, level in levels.items():
            report = OldReport.objects.create(region=region, year=year, status="accepted")
            for key, sub_theme in sub_themes.items():
                report.answers.create(sub_theme=sub_theme, level=level, activities=f"{year} {key}")
        sub_theme_count = OldSubTheme.objects.count()

        migrate(latest())

        years = list(ReportingYear.objects.order_by("year").values_list("year", flat=True))
        assert years == [2016, 2021, 2023]
        for year in years:
            # A full copy each: every theme, sub-theme and ladder, the same wording.
            assert list(
                SubTheme.objects.filter(theme__reporting_year__year=year)
                .order_by("theme__number", "number")
                .values_list("theme__number", "number", "title")
            ) == [
                (theme, number, sub_themes[(theme, number)].title)
                for theme, number in sorted(sub_themes)
            ]
        assert SubTheme.objects.count() == 3 * sub_theme_count
        # The earliest year keeps the rows the answers pointed at.
        assert set(
            Theme.objects.filter(reporting_year__year=2016).values_list("pk", flat=True)
        ) == {sub_theme.theme_id for sub_theme in sub_themes.values()}
        for year, level in levels.items():
            answers = Answer.objects.filter(report__year=year).select_related("sub_theme__theme")
            assert answers.count() == sub_theme_count
            for answer in answers:
                # Each answer on its own year's row of the sub-theme it answered.
                assert answer.sub_theme.theme.reporting_year.year == year
                number = (answer.sub_theme.theme.number, answer.sub_theme.number)
                assert answer.activities == f"{year} {number}"
                assert answer.level == level
    finally:
        migrate(latest())


@pytest.mark.django_db(transaction=True)
def test_a_database_with_no_year_keeps_no_framework_and_the_first_year_gets_the_seed():
    try:
        old = migrate(BEFORE).loader.project_state(BEFORE).apps
        write_framework(
            old.get_model("reporting", "Theme"),
            old.get_model("reporting", "SubTheme"),
            old.get_model("reporting", "Level"),
        )
        old.get_model("reporting", "ReportingYear").objects.all().delete()

        migrate(latest())

        assert not Theme.objects.exists()
        ReportingYear.objects.create(year=2025)
        assert Theme.objects.filter(reporting_year__year=2025).count() == 4
    finally:
        migrate(latest())
