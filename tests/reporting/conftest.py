"""Reporting fixtures: seed 001's framework and its 2016 reports (the personas' regions too)."""

import pytest

from demo.reports import load_reporting_demo
from reporting.models import AnnualReport, ReportingYear, SubTheme


@pytest.fixture
def framework(region, etela_savo):
    """Seed 001's 2016 reports on 2016's framework: every region the seed names (the
    migrations write all 15, KASELO and Etelä-Savo among them) gets its historical report.
    Returns 2021's sub-themes (a copy of 2016's), the year the tests report on."""
    load_reporting_demo()
    return list(
        SubTheme.objects.filter(theme__reporting_year__year=2021)
        .select_related("theme")
        .prefetch_related("levels")
        .order_by("theme__number", "number")
    )


@pytest.fixture
def year_2021(framework):
    return ReportingYear.objects.get(year=2021)


@pytest.fixture
def draft(region, year_2021):
    """KASELO's draft on 2021 with no answers filled in yet."""
    report = AnnualReport.objects.create(region=region, year=2021)
    for sub_theme in SubTheme.objects.filter(theme__reporting_year__year=2021):
        report.answers.create(sub_theme=sub_theme)
    return report


def number(sub_theme: SubTheme) -> str:
    return f"{sub_theme.theme.number}.{sub_theme.number}"


def form_data(sub_themes, levels=None, activities=None, summary="Vuosi meni hyvin."):
    """POST data for the report form: ``levels`` and ``activities`` by number ("1.2").

    A sub-theme not named in ``levels`` gets its ladder's lowest level; ``levels`` may
    map a number to "" to leave it open.
    """
    levels = levels or {}
    activities = activities or {}
    data = {"summary": summary}
    for sub_theme in sub_themes:
        key = number(sub_theme)
        data[f"level_{sub_theme.pk}"] = str(levels.get(key, 1))
        data[f"activities_{sub_theme.pk}"] = activities.get(key, "")
        data[f"examples_{sub_theme.pk}"] = ""
    return data
