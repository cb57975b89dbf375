"""Every report submitted or accepted before versions were kept gets its current version,
snapshotted from its answers as they stand (they are frozen while it is submitted or
accepted), with its official PDF when one was built for that version.

The snapshot's shape is ``reporting.versions.snapshot_of``'s, format 1, written out here so
that later changes of that module do not change what this migration did. Returned reports
are left out: their answers may have been edited since, so they are not what was sent.
"""

from django.db import migrations

SUBMITTED, ACCEPTED = "submitted", "accepted"


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def _framework(apps):
    Theme = apps.get_model("reporting", "Theme")
    SubTheme = apps.get_model("reporting", "SubTheme")
    Level = apps.get_model("reporting", "Level")
    ladders = {}
    for level in Level.objects.order_by("sub_theme_id", "value"):
        ladders.setdefault(level.sub_theme_id, []).append([level.value, level.title])
    sub_themes = {}
    for sub_theme in SubTheme.objects.order_by("number"):
        sub_themes.setdefault(sub_theme.theme_id, []).append(sub_theme)
    return [
        (theme, [(sub_theme, ladders.get(sub_theme.pk, [])) for sub_theme in sub_themes.get(theme.pk, [])])
        for theme in Theme.objects.order_by("number")
    ]


def _snapshot(report, answers, framework):
    themes = []
    for theme, sub_themes in framework:
        rows = []
        for sub_theme, ladder in sub_themes:
            answer = answers.get(sub_theme.pk)
            level = answer.level if answer else None
            rows.append(
                {
                    "number": f"{theme.number}.{sub_theme.number}",
                    "title": sub_theme.title,
                    "level": level,
                    "level_title": dict((value, title) for value, title in ladder).get(level, "")
                    if level
                    else "",
                    "ladder": ladder,
                    "activities": _lines(answer.activities) if answer else [],
                    "examples": answer.examples if answer else "",
                }
            )
        themes.append({"number": theme.number, "title": theme.title, "sub_themes": rows})
    return {"format": 1, "summary": report.summary, "themes": themes}


def forwards(apps, schema_editor):
    AnnualReport = apps.get_model("reporting", "AnnualReport")
    Answer = apps.get_model("reporting", "Answer")
    ReportVersion = apps.get_model("reporting", "ReportVersion")
    reports = list(
        AnnualReport.objects.filter(status__in=[SUBMITTED, ACCEPTED])
        .exclude(versions__isnull=False)
        .select_related("region")
    )
    if not reports:
        return
    framework = _framework(apps)
    answers = {}
    for answer in Answer.objects.filter(report__in=reports):
        answers.setdefault(answer.report_id, {})[answer.sub_theme_id] = answer
    versions = []
    for report in reports:
        stem = f"reports/vuosiraportti-{report.region.slug}-{report.year}-v{report.version}"
        official = report.official_pdf.name if report.official_pdf else ""
        accepted = report.status == ACCEPTED
        versions.append(
            ReportVersion(
                report=report,
                number=report.version,
                submitted_at=report.submitted_at or report.reviewed_at or report.updated_at,
                submitted_by_id=report.submitted_by_id,
                snapshot=_snapshot(report, answers.get(report.pk, {}), framework),
                official_pdf=official if official.startswith(stem) else "",
                # Who accepted was not recorded before; when was (``reviewed_at``).
                accepted_at=(report.reviewed_at or report.updated_at) if accepted else None,
            )
        )
    ReportVersion.objects.bulk_create(versions)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0004_report_versions"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
