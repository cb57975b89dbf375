"""Seed 001 as data: the framework, the 2016 reports and their national summary."""

import pytest

from demo.loader import load_demo
from demo.reports import load_reporting_demo, region_slugs
from reporting.models import AnnualReport, Answer, Level, ReportingYear, SubTheme, Theme
from reporting.summary import build_national_summary

pytestmark = pytest.mark.django_db

SEED_REGIONS = {
    "uusimaa",
    "hame",
    "pirkanmaa",
    "kaakkois-suomi",
    "etela-savo",
    "pohjois-karjala",
    "keski-suomi",
    "etela-pohjanmaa",
    "pohjanmaa",
    "pohjois-pohjanmaa",
    "kainuu",
    "lappi",
}


@pytest.fixture
def seeded(db):
    load_demo()
    load_reporting_demo()


def sub_theme_summary(summary, number):
    (found,) = (s for theme in summary.themes for s in theme.sub_themes if s.number == number)
    return found


def test_the_seed_abbreviations_name_the_regions():
    assert region_slugs("ESA, KAAKKOIS-SUOMI, KSELY, PKELY") == [
        "etela-savo",
        "kaakkois-suomi",
        "keski-suomi",
        "pohjois-karjala",
    ]
    assert region_slugs("Lappi, Pohjanmaa & Keski-Pohjanmaa") == ["lappi", "pohjanmaa"]
    assert region_slugs("HÄME & KAAKKOIS-SUOMI") == ["hame", "kaakkois-suomi"]
    assert region_slugs("POPELY") == region_slugs("POPO") == ["pohjois-pohjanmaa"]
    assert region_slugs("") == []
    with pytest.raises(LookupError):
        region_slugs("Ahvenanmaa")


def test_the_framework_is_built_as_the_seed_writes_it(seeded):
    # 2016's own framework; 2021 opens with a copy of it.
    assert Theme.objects.filter(reporting_year__year=2021).count() == 4
    Theme.objects.filter(reporting_year__year=2021).delete()
    assert list(Theme.objects.values_list("title", flat=True)) == [
        "ELO-RYHMIEN TOIMINTA",
        "VIESTINTÄ JA SITOUTUMINEN",
        "ALUEELLISEN OHJAUKSEN KEHITTÄMINEN JA TOIMENPITEET",
        "LISÄNÄKÖKULMIA",
    ]
    assert "JATKUVA OPPIMINEN" in Theme.objects.get(number=1).description
    assert SubTheme.objects.count() == 8
    assert Level.objects.count() == 3 + 7 * 4
    first = SubTheme.objects.get(theme__number=1, number=1)
    assert first.title == "Monikanavaisten TNO-palvelujen kehittämistyön tukeminen"
    assert list(first.levels.values_list("value", flat=True)) == [1, 2, 3]
    evaluation = SubTheme.objects.get(theme__number=3, number=1)
    assert list(evaluation.levels.values_list("title", flat=True)) == [
        "Ei systemaattista arviointia/seurantaa",
        "Suunniteltu/sovittu arviointi",
        "Systemaattinen - Vuosittainen/vuoden aikainen arviointi",
        "Systemaattinen – menetelmällinen kehittäminen",  # noqa: RUF001 (the seed's dash)
    ]


def test_every_region_the_seed_names_has_an_accepted_2016_report(seeded):
    reports = AnnualReport.objects.filter(year=2016)
    assert {report.region.slug for report in reports} == SEED_REGIONS
    assert {report.status for report in reports} == {AnnualReport.Status.ACCEPTED}
    assert set(ReportingYear.objects.values_list("year", "due_date")) == {
        (2016, None),
        (2021, None),
    }


def test_a_region_listed_under_two_levels_answers_the_higher_and_keeps_both_activities(seeded):
    answer = Answer.objects.get(
        report__region__slug="keski-suomi",
        report__year=2016,
        sub_theme__theme__number=1,
        sub_theme__number=3,
    )
    assert answer.level == 4
    assert answer.activities.splitlines() == [
        "Alueelliset seminaarit ja webinaarit verkkovälitteisinä alueille",
        "ELO-pelto –learning cafe",  # noqa: RUF001 (the seed's dash)
    ]


def test_loading_again_changes_nothing(seeded):
    before = list(AnnualReport.objects.order_by("pk").values_list("pk", "updated_at"))
    counts = (Theme.objects.count(), SubTheme.objects.count(), Level.objects.count())
    answers = Answer.objects.count()

    load_reporting_demo()

    assert list(AnnualReport.objects.order_by("pk").values_list("pk", "updated_at")) == before
    assert (Theme.objects.count(), SubTheme.objects.count(), Level.objects.count()) == counts
    assert Answer.objects.count() == answers


def test_the_2016_summary_groups_the_regions_by_level_like_the_seed(seeded):
    summary = build_national_summary(2016, AnnualReport.objects.all())

    resources = sub_theme_summary(summary, "1.2")
    assert resources.title.startswith("Alueellisten resurssit, yhteistyö- rakenteet")
    level_4 = resources.levels[3]
    assert level_4.title == "Tiivis, jatkuva vuorovaikutus kehittämistyössä"
    lines = {line.text: line.regions for line in level_4.activities}
    assert lines["ELO-ryhmien omien verkkoympäristöjen aktiivinen ylläpito"] == [
        "Kaakkois-Suomi",
        "Etelä-Savo",
        "Pohjois-Karjala",
        "Keski-Suomi",
    ]
    assert lines["ELO-ryhmien yhteiset kokoukset"] == ["Häme", "Kaakkois-Suomi"]
    assert level_4.activities[0].label == (
        "Yhteistyökokoukset alueiden oppilaitosten kanssa (Häme)"
    )
    assert resources.distribution == {1: 0, 2: 0, 3: 1, 4: 5}
    assert summary.previous_year is None
    assert len(summary.regions) == 12
    assert summary.regions[0] == "Uusimaa"
    assert summary.sub_theme_labels == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "4.1"]
    kaselo = next(row for row in summary.matrix if row.region == "Kaakkois-Suomi")
    assert kaselo.levels == [None, 4, None, None, None, None, None, None]


def test_the_summary_takes_a_constant_number_of_queries(seeded, django_assert_num_queries):
    # The previous year, the regions, the framework (three), the answers: six queries.
    with django_assert_num_queries(6):
        build_national_summary(2016, AnnualReport.objects.all())
