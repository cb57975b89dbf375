"""The ladder as seed 001 draws it: a rung's own activities, a region's activities on any
rung beside its chosen level, and the 2016 reports as a historical record."""

import pytest
from django.urls import reverse

from network.models import ClosedYear
from reporting import framework_services, services
from reporting.models import AnnualReport, AnswerActivity, LevelActivity, ReportingYear
from reporting.services import ReportError
from reporting.summary import build_national_summary

from .conftest import form_data, number

pytestmark = pytest.mark.django_db


def sub_theme_of(sub_themes, key):
    (found,) = (sub_theme for sub_theme in sub_themes if number(sub_theme) == key)
    return found


def group(summary, key, value):
    (sub_theme,) = (s for theme in summary.themes for s in theme.sub_themes if s.number == key)
    (found,) = (level for level in sub_theme.levels if level.value == value)
    return found


def test_a_region_places_activities_on_rungs_beside_its_level_and_the_summary_shows_them(
    client_of, region, coordinator, national_team, framework
):
    client = client_of(coordinator)
    client.post(reverse("reports:start", kwargs={"region": region.slug, "year": 2021}))
    resources = sub_theme_of(framework, "1.2")
    data = form_data(framework, levels={"1.2": 4})
    data[f"rung_{resources.pk}_2"] = "Toimijakartoitus\n\nVerkostokysely"
    data[f"rung_{resources.pk}_4"] = "Yhteiset verkkosivut"

    response = client.post(
        reverse("reports:edit", kwargs={"region": region.slug, "year": 2021}), data
    )

    assert response.status_code == 302
    report = AnnualReport.objects.get(region=region, year=2021)
    answer = report.answers.get(sub_theme=resources)
    assert answer.level == 4
    assert list(answer.rung_activities.values_list("level", "text", "regions_label")) == [
        (2, "Toimijakartoitus", ""),
        (2, "Verkostokysely", ""),
        (4, "Yhteiset verkkosivut", ""),
    ]
    # The form shows them again where they were written.
    page = client.get(reverse("reports:edit", kwargs={"region": region.slug, "year": 2021}))
    assert page.context["form"][f"rung_{resources.pk}_2"].value() == (
        "Toimijakartoitus\nVerkostokysely"
    )
    services.submit_report(report, coordinator)

    summary = build_national_summary(2021, AnnualReport.objects.readable_by(national_team))

    level_2 = group(summary, "1.2", 2)
    assert [line.label for line in level_2.activities] == [
        "Toimijakartoitus (Kaakkois-Suomi)",
        "Verkostokysely (Kaakkois-Suomi)",
    ]
    # The rung's own activities, copied with the framework from 2016.
    assert level_2.own_activities == [
        "Alueella toimivien TNO-palvelujen ja projektien kartoitukset"
    ]
    assert level_2.regions == []  # Kaakkois-Suomi stands on level 4
    assert group(summary, "1.2", 4).regions == ["Kaakkois-Suomi"]


def test_activities_go_on_the_sub_themes_own_ladder_only(region, coordinator, draft, framework):
    first = sub_theme_of(framework, "1.1")  # a ladder of three levels
    data = services.ReportInput(
        summary="",
        answers={
            first.pk: services.AnswerInput(
                level=None, activities="", examples="", rung_activities={4: ["Ei tasoa"]}
            )
        },
    )
    with pytest.raises(ReportError):
        services.save_answers(draft, data)
    assert not AnswerActivity.objects.filter(answer__report=draft).exists()


def test_an_empty_rung_is_worded_neutrally(client_of, coordinator, national_team, draft, framework):
    draft.answers.update(level=1)
    services.submit_report(draft, coordinator)
    # 1.1's level 2 has no activity of its own, and KASELO stands on level 1.
    summary = build_national_summary(2021, AnnualReport.objects.all())
    assert group(summary, "1.1", 2).is_empty

    response = client_of(national_team).get(reverse("reporting:summary", args=[2021]))

    content = response.content.decode()
    assert "No region on this level" not in content
    assert "Yksikään alue ei ole tällä tasolla" not in content
    assert "No activities recorded." in content or "Ei kirjattuja toimintoja." in content


def test_a_historical_report_is_not_edited_submitted_or_decided_on(
    client_of, region, coordinator, national_team, framework
):
    report = AnnualReport.objects.get(region=region, year=2016)
    assert report.status == AnnualReport.Status.HISTORICAL
    assert not ClosedYear.objects.filter(region=region, year=2016).exists()

    with pytest.raises(ReportError):
        services.submit_report(report, coordinator)
    with pytest.raises(ReportError):
        services.accept_report(report, national_team)
    with pytest.raises(ReportError):
        services.return_report(report, national_team, "Korjatkaa")
    with pytest.raises(ReportError):
        services.save_answers(report, services.ReportInput(summary="Uusi", answers={}))
    edit = client_of(coordinator).get(
        reverse("reports:edit", kwargs={"region": region.slug, "year": 2016})
    )
    assert edit.status_code == 302
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.HISTORICAL
    assert report.summary == ""
    assert not report.versions.exists()


def test_a_historical_report_is_public_and_labelled_as_such(client, region, framework):
    response = client.get(reverse("reports:detail", kwargs={"region": region.slug, "year": 2016}))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Historical record (from the 2017 summary)" in content or (
        "Historiallinen tieto (vuoden 2017 yhteenvedosta)" in content
    )
    # Its activities on the rungs, with the regions as the seed writes them.
    assert "ELO-ryhmien yhteiset kokoukset (HÄME &amp; KAAKKOIS-SUOMI)" in content


def test_the_national_team_edits_a_rungs_own_activities_with_the_ladder(national_team, framework):
    sub_theme = sub_theme_of(framework, "2.1")
    values = framework_services.sub_theme_values(sub_theme)
    assert values["activities_4"].splitlines()[0] == (
        "FB tiedonvaihto – ja keskustelukanavana (suljettu ryhmä)"  # noqa: RUF001
    )

    framework_services.change_sub_theme(
        sub_theme,
        sub_theme.title,
        sub_theme.description,
        {1: "Kokoukset", 2: "Sähköposti", 3: "Verkko", 4: ""},
        national_team,
        read_version=framework_services.version(values),
        activities={1: ["Kokousmuistiot"], 2: [], 3: ["Verkkosivut"], 4: ["Poistuu tason mukana"]},
    )

    assert list(
        LevelActivity.objects.filter(level__sub_theme=sub_theme).values_list("level__value", "text")
    ) == [(1, "Kokousmuistiot"), (3, "Verkkosivut")]
    # 2016's ladder is untouched: each year has its own rows.
    assert (
        LevelActivity.objects.filter(
            level__sub_theme__theme__reporting_year__year=2016,
            level__sub_theme__theme__number=2,
            level__sub_theme__number=1,
        ).count()
        == 9
    )


def test_a_year_opened_later_copies_the_rungs_own_activities(framework):
    copies = ReportingYear.objects.create(year=2022)

    own = LevelActivity.objects.filter(level__sub_theme__theme__reporting_year=copies)
    assert own.count() == 37
