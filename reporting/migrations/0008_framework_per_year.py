"""Each reporting year gets its own copy of the one framework there was.

The years are those opened (``ReportingYear``) and those with reports; a year with reports
but not opened is opened here without a due date, as its reports need a framework of their
own. The earliest year keeps the existing rows; every later year gets copies, and its
reports' answers move to its own copies of the sub-themes they answered, so no answer is
lost or moves to another year's wording. A database with no year keeps no framework: the
first year opened gets seed 001's (``reporting.models.copy_framework``).

Backwards, the earliest year's framework becomes the one framework again and the later
years' answers move back to its sub-themes of the same numbers (a database with no year
goes back with no framework).
"""

from django.db import migrations


def per_year(apps, schema_editor):
    ReportingYear = apps.get_model("reporting", "ReportingYear")
    AnnualReport = apps.get_model("reporting", "AnnualReport")
    Theme = apps.get_model("reporting", "Theme")
    SubTheme = apps.get_model("reporting", "SubTheme")
    Level = apps.get_model("reporting", "Level")
    Answer = apps.get_model("reporting", "Answer")

    years = set(ReportingYear.objects.values_list("year", flat=True))
    years |= set(AnnualReport.objects.values_list("year", flat=True))
    if not years:
        Theme.objects.all().delete()  # cascades to the sub-themes and levels
        return
    reporting_years = {}
    for year in sorted(years):
        reporting_years[year], _created = ReportingYear.objects.get_or_create(year=year)
    first, *later = sorted(years)
    themes = list(Theme.objects.filter(reporting_year__isnull=True).order_by("number"))
    sub_themes = list(SubTheme.objects.filter(theme__in=themes).order_by("pk"))
    levels = list(Level.objects.filter(sub_theme__in=sub_themes).order_by("pk"))
    for year in later:
        theme_map = {}
        for theme in themes:
            theme_map[theme.pk] = Theme.objects.create(
                reporting_year=reporting_years[year],
                number=theme.number,
                title=theme.title,
                description=theme.description,
            )
        sub_map = {}
        for sub_theme in sub_themes:
            sub_map[sub_theme.pk] = SubTheme.objects.create(
                theme=theme_map[sub_theme.theme_id],
                number=sub_theme.number,
                title=sub_theme.title,
                description=sub_theme.description,
            )
        Level.objects.bulk_create(
            Level(sub_theme=sub_map[level.sub_theme_id], value=level.value, title=level.title)
            for level in levels
        )
        for old_pk, new in sub_map.items():
            Answer.objects.filter(report__year=year, sub_theme_id=old_pk).update(sub_theme=new)
    Theme.objects.filter(pk__in=[theme.pk for theme in themes]).update(
        reporting_year=reporting_years[first]
    )


def one_framework(apps, schema_editor):
    Theme = apps.get_model("reporting", "Theme")
    SubTheme = apps.get_model("reporting", "SubTheme")
    Answer = apps.get_model("reporting", "Answer")

    first = (
        Theme.objects.exclude(reporting_year__isnull=True)
        .order_by("reporting_year__year")
        .values_list("reporting_year_id", flat=True)
        .first()
    )
    if first is None:
        return  # no year had a framework: none to keep
    kept = {
        (sub_theme.theme.number, sub_theme.number): sub_theme
        for sub_theme in SubTheme.objects.filter(theme__reporting_year_id=first).select_related(
            "theme"
        )
    }
    for sub_theme in SubTheme.objects.exclude(theme__reporting_year_id=first).select_related(
        "theme"
    ):
        target = kept.get((sub_theme.theme.number, sub_theme.number))
        if target is None:
            raise RuntimeError(
                f"Sub-theme {sub_theme.theme.number}.{sub_theme.number} has no counterpart in "
                "the earliest year's framework: its answers cannot move back."
            )
        Answer.objects.filter(sub_theme=sub_theme).update(sub_theme=target)
    Theme.objects.exclude(reporting_year_id=first).delete()
    Theme.objects.update(reporting_year=None)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0007_theme_reporting_year")]

    operations = [migrations.RunPython(per_year, one_framework)]
